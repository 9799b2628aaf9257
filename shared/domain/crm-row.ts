import { stringify } from 'csv-stringify/sync';
import type { LeadState } from './lead-state.ts';
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
] as const;

/**
 * Spreadsheets execute cells that start with = + - @ (and tab/CR), so a prospect who names
 * themselves "=HYPERLINK(...)" could run a formula on a sales rep's machine. OWASP's advice:
 * prefix such cells with a single quote.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCrmRow(lead: CrmLead): Record<(typeof GENERIC_COLUMNS)[number], string> {
  const why = lead.breakdown
    .filter((b) => b.points !== 0 || b.kind.startsWith('dq.'))
    .map((b) => `${b.ruleId} ${b.points >= 0 ? '+' : ''}${b.points}`)
    .join('; ');
  const row = {
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
  };
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neutraliseCell(v)])) as typeof row;
}

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row. */
export function toCsv(leads: readonly CrmLead[]): string {
  return stringify(leads.map(toCrmRow), {
    header: true,
    columns: [...GENERIC_COLUMNS],
    record_delimiter: '\r\n',
    quoted_match: /[",\r\n]/,
  });
}
