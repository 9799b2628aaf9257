import { stringify } from 'csv-stringify/sync';
import * as z from 'zod';
import type { LeadState } from './lead-state.ts';
import type { FitGrade } from './mql-definition.ts';
import { formatReason } from './mql-notice.ts';
import type { ProspectProfile } from './prospect.ts';
import type { BreakdownEntry } from './scoring.ts';

/** The fields of a lead the CRM receives; a column map renames them per CRM. */
export interface CrmLead {
  key: string;
  profile: ProspectProfile;
  state: LeadState;
  score: number;
  breakdown: BreakdownEntry[];
  definitionVersion?: number;
  /** The fit grade letter beside the score, when the definition it was scored under has bands. */
  fitGrade?: FitGrade;
  campaignIds: string[];
  updatedAt: string;
}

export const GENERIC_COLUMNS = [
  'prospect_key',
  'source',
  'handle',
  'name',
  'bio',
  'location',
  'website',
  'followers',
  'state',
  'score',
  'definition_version',
  'campaigns',
  'why',
  'profile_url',
  'updated_at',
  // New columns go last: a CRM import mapped by position must not see the old ones move.
  'fit_grade',
] as const;

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * Spreadsheets execute cells that start with = + - @ (and tab/CR), so a prospect who names
 * themselves "=HYPERLINK(...)" could run a formula on a sales rep's machine. OWASP's advice:
 * prefix such cells with a single quote.
 */
export function neutraliseCell(value: string): string {
  // A plain number (a negative score) is data, not a formula: quoting it would make it text in the CRM.
  if (PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The generic fields as plain text; every map reads these and `toCsv` neutralises the cells. */
function crmFields(lead: CrmLead): Record<(typeof GENERIC_COLUMNS)[number], string> {
  const why = lead.breakdown
    .filter((b) => b.points !== 0 || b.kind.startsWith('dq.'))
    .map(formatReason)
    .join('; ');
  return {
    prospect_key: lead.key,
    source: lead.profile.source,
    handle: lead.profile.handle,
    name: lead.profile.name,
    bio: lead.profile.bio,
    location: lead.profile.location ?? '',
    website: lead.profile.url ?? '',
    followers: String(lead.profile.followers),
    state: lead.state,
    score: String(lead.score),
    definition_version: lead.definitionVersion === undefined ? '' : String(lead.definitionVersion),
    campaigns: lead.campaignIds.join(' '),
    why,
    profile_url: lead.profile.profileUrl ?? '',
    updated_at: lead.updatedAt,
    fit_grade: lead.fitGrade ?? '',
  };
}

type GenericRow = ReturnType<typeof crmFields>;
type Column = readonly [header: string, value: (row: GenericRow) => string];

/** "Ana María López" -> ["Ana María", "López"]; one word is a last name (both CRMs require one). */
function splitName(name: string): [first: string, last: string] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ['', ''];
  return [words.slice(0, -1).join(' '), words[words.length - 1] ?? ''];
}

/** HubSpot lifecycle stages (import takes the labels) for the states sales and marketing agree on. */
const LIFECYCLE: Record<string, string> = {
  mql: 'Marketing Qualified Lead',
  accepted: 'Sales Qualified Lead',
  won: 'Customer',
};

/**
 * A CRM's import needs its own headers. HubSpot maps a contact import by property label;
 * Salesforce's Data Import Wizard and Data Loader by Lead field API name, and a Lead needs a
 * LastName and a Company (a profile has no company, so Salesforce's own "[not provided]"
 * placeholder). Headers ending in "Prospector ..." / "__c" are custom properties to create once
 * (README, "CRM export").
 */
const COLUMN_MAPS = {
  generic: GENERIC_COLUMNS.map((c): Column => [c, (r) => r[c]]),
  hubspot: [
    ['First Name', (r) => splitName(r.name)[0]],
    ['Last Name', (r) => splitName(r.name)[1] || r.handle],
    ['Twitter Username', (r) => (r.source === 'x' ? r.handle : '')],
    ['Website URL', (r) => r.website],
    ['Lifecycle Stage', (r) => LIFECYCLE[r.state] ?? 'Lead'],
    ['Prospector Key', (r) => r.prospect_key],
    ['Prospector State', (r) => r.state],
    ['Prospector Score', (r) => r.score],
    ['Prospector Why', (r) => r.why],
    ['Prospector Profile URL', (r) => r.profile_url],
    ['Prospector Campaigns', (r) => r.campaigns],
    ['Prospector Fit Grade', (r) => r.fit_grade],
  ],
  salesforce: [
    ['FirstName', (r) => splitName(r.name)[0]],
    ['LastName', (r) => splitName(r.name)[1] || r.handle],
    ['Company', () => '[not provided]'],
    ['Website', (r) => r.website],
    ['LeadSource', (r) => `Prospector (${r.source})`],
    ['Description', (r) => r.bio],
    ['Prospector_Key__c', (r) => r.prospect_key],
    ['Prospector_State__c', (r) => r.state],
    ['Prospector_Score__c', (r) => r.score],
    ['Prospector_Why__c', (r) => r.why],
    ['Prospector_Profile_URL__c', (r) => r.profile_url],
    ['Prospector_Fit_Grade__c', (r) => r.fit_grade],
  ],
} satisfies Record<string, readonly Column[]>;

export const CrmFormatSchema = z.enum(['generic', 'hubspot', 'salesforce']);
export type CrmFormat = z.infer<typeof CrmFormatSchema>;

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row, in one CRM's import columns. */
export function toCsv(leads: readonly CrmLead[], format: CrmFormat = 'generic'): string {
  const columns: readonly Column[] = COLUMN_MAPS[format];
  const rows = leads.map((lead) => {
    const generic = crmFields(lead);
    return columns.map(([, value]) => neutraliseCell(value(generic)));
  });
  return stringify(rows, {
    header: true,
    columns: columns.map(([header]) => header),
    record_delimiter: '\r\n',
    quoted_match: /[",\r\n]/,
  });
}
