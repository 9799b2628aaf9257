import { createHash } from 'node:crypto';
import type { Actor } from '../../shared/domain/lead-state.ts';
import type { SalesDecision } from '../../shared/domain/sales-decision.ts';
import type { FeedbackCodeStore } from '../../shared/ports/feedback-code-store.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import { recordSalesDecision } from '../../shared/use-cases/record-sales-decision.ts';

/**
 * LOCAL DEMO ONLY: a deterministic stand-in for a sales team, so a newcomer sees a funnel,
 * objections, suggestions and won customers after one `npm start`. It never runs on AWS. Every
 * decision it makes is recorded as `sales-sim (local demo)` and dated ahead of the MQL by a
 * plausible delay, as if the team had taken that long.
 */
export const SIMULATED_SALES: Actor = { type: 'sales', id: 'sales-sim (local demo)' };

interface Profile {
  accept: number;
  win: number;
  lose: number;
}

/** The demo's "weak" campaign: sales accepts a third of its MQLs where it takes four in five elsewhere. */
const PROFILES: Record<string, Profile> = {
  'crm-switchers': { accept: 0.82, win: 0.5, lose: 0.25 },
  'warehouse-evaluators': { accept: 0.78, win: 0.45, lose: 0.3 },
  'observability-buyers': { accept: 0.3, win: 0.3, lose: 0.4 },
};
const DEFAULT_PROFILE: Profile = { accept: 0.65, win: 0.4, lose: 0.3 };

const REJECT_CODES: [string, number][] = [
  ['timing', 0.3],
  ['no-budget', 0.2],
  ['wrong-person', 0.15],
  ['not-icp', 0.15],
  ['competitor', 0.15],
  ['bad-data', 0.05],
];
const LOST_CODES: [string, number][] = [
  ['price', 0.35],
  ['competitor', 0.3],
  ['missing-feature', 0.2],
  ['timing', 0.15],
];
const OBJECTIONS: [string, number][] = [
  ['price', 0.35],
  ['security-review', 0.25],
  ['competitor', 0.2],
  ['missing-feature', 0.2],
];
const NOTES: Record<string, string> = {
  timing: 'Interested, but budget planning is next quarter.',
  'no-budget': 'No budget this year; asked us to check back.',
  'wrong-person': 'Individual contributor, not involved in buying.',
  'not-icp': 'Too small for us: a two-person shop.',
  competitor: 'Just renewed with a competitor for two years.',
  'bad-data': 'The post was a joke, not a need.',
  price: 'Price came up on the first call.',
  'missing-feature': 'Needs SSO on the starter plan.',
  'security-review': 'Security questionnaire before any trial.',
};

/** A repeatable stream of numbers in [0, 1) for one lead: the same lead gets the same fate every run. */
function rngFor(key: string) {
  let counter = 0;
  return () => {
    const h = createHash('sha256').update(`${key}#${counter++}`).digest();
    return h.readUInt32BE(0) / 2 ** 32;
  };
}

function pick(weights: [string, number][], r: number): string {
  let acc = 0;
  for (const [code, w] of weights) {
    acc += w;
    if (r < acc) return code;
  }
  return weights[weights.length - 1]?.[0] ?? 'timing';
}

const HOUR = 3_600_000;

export interface SimulatedDecisions {
  accepted: number;
  rejected: number;
  won: number;
  lost: number;
}

/** Decides every lead waiting in the MQL queue the way the demo's sales team would. */
export async function simulateSales(
  deps: { leads: LeadStore; codes: FeedbackCodeStore; log: Log },
  now: Date,
  maxLeads = 2_000,
): Promise<SimulatedDecisions> {
  const out: SimulatedDecisions = { accepted: 0, rejected: 0, won: 0, lost: 0 };
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.leads.listByState('mql', 100, cursor);
    keys.push(...page.items.map((l) => l.key));
    cursor = page.nextCursor;
  } while (cursor && keys.length < maxLeads);

  for (const key of keys) {
    const lead = await deps.leads.getLead(key);
    if (lead?.state !== 'mql') continue;
    const rnd = rngFor(key);
    const profile = PROFILES[lead.cohort?.campaign ?? ''] ?? DEFAULT_PROFILE;
    const decide = async (decision: SalesDecision, at: Date) => {
      await recordSalesDecision(
        { leads: deps.leads, codes: deps.codes, clock: { now: () => at } },
        { key, decision, actor: SIMULATED_SALES },
      );
    };
    // Sales looks at a new MQL within hours to a few days.
    const decidedAt = new Date(now.getTime() + (2 + rnd() * 94) * HOUR);
    const objection = rnd() < 0.4 ? pick(OBJECTIONS, rnd()) : undefined;
    if (rnd() >= profile.accept) {
      const code = pick(REJECT_CODES, rnd());
      await decide({ to: 'rejected', code, objection, note: NOTES[code] ?? '' }, decidedAt);
      out.rejected++;
      continue;
    }
    await decide({ to: 'accepted', objection, note: objection ? (NOTES[objection] ?? '') : '' }, decidedAt);
    out.accepted++;
    // Deals close in one to eight weeks; some stay open.
    const closedAt = new Date(decidedAt.getTime() + (7 + rnd() * 49) * 24 * HOUR);
    const fate = rnd();
    if (fate < profile.win) {
      const value = Math.round((5 + rnd() * 55) * 1000);
      await decide(
        {
          to: 'won',
          note: 'Signed an annual plan.',
          deal: { value, currency: 'EUR', closeDate: closedAt.toISOString().slice(0, 10) },
        },
        closedAt,
      );
      out.won++;
    } else if (fate < profile.win + profile.lose) {
      const code = pick(LOST_CODES, rnd());
      await decide({ to: 'lost', code, note: NOTES[code] ?? '' }, closedAt);
      out.lost++;
    }
  }
  if (keys.length > 0) deps.log.info('sales simulator (local demo) decided the MQL queue', { ...out });
  return out;
}
