import * as z from 'zod';
import type { LeadState } from './lead-state.ts';

/**
 * The funnel sales and marketing read together. A lead counts once per stage it ever reached,
 * so a re-score that drops an MQL back to nurture never un-counts it, and a won lead counts as
 * accepted and MQL too.
 */
export const FUNNEL_STAGES = ['discovered', 'review', 'mql', 'accepted', 'rejected', 'won', 'lost'] as const;
export const FunnelStageSchema = z.enum(FUNNEL_STAGES);
export type FunnelStage = z.infer<typeof FunnelStageSchema>;

/** Stage-to-stage durations kept as histograms, so medians and percentiles stay exact to the bucket. */
export const VELOCITY_METRICS = ['mqlToAccepted', 'acceptedToWon', 'mqlToWon'] as const;
export type VelocityMetric = (typeof VELOCITY_METRICS)[number];

export const DIMENSIONS = ['source', 'campaign', 'definition', 'week'] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;

/**
 * The groups a lead is counted in, fixed when it is first scored: its network, its first
 * campaign (first touch), the definition version that first scored it, and the ISO week it was
 * discovered in. Fixing them keeps every stage of one lead in the same groups.
 */
export const CohortSchema = z.object({
  source: z.string().min(1),
  campaign: z.string().min(1),
  definitionVersion: z.number().int().nonnegative(),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});
export type Cohort = z.infer<typeof CohortSchema>;

export const DealSchema = z.strictObject({
  value: z.number().finite().nonnegative().max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  closeDate: z.iso.date(),
});
export type Deal = z.infer<typeof DealSchema>;

/** What the lead item keeps so the next transition knows what it newly reaches. */
export interface FunnelProgress {
  cohort?: Cohort;
  reached: FunnelStage[];
  stageAt: Partial<Record<FunnelStage, string>>;
}

/** The increments one transition makes, applied to every dimension of the cohort at once. */
export interface FunnelDelta {
  stages: FunnelStage[];
  /** Reached MQL after having been in review: the numerator of review→MQL. */
  reviewThenMql: boolean;
  /** Whole hours, bucketed (see `hoursBucket`). */
  durations: { metric: VelocityMetric; hours: number }[];
  deal?: Deal;
}

export interface FunnelChange {
  cohort: Cohort;
  progress: Required<FunnelProgress>;
  delta: FunnelDelta;
}

/** The stages a lead in `state` has necessarily passed through. */
function stagesOf(state: LeadState): FunnelStage[] {
  switch (state) {
    case 'review':
      return ['review'];
    case 'mql':
      return ['mql'];
    case 'accepted':
      return ['mql', 'accepted'];
    case 'rejected':
      return ['mql', 'rejected'];
    case 'won':
      return ['mql', 'accepted', 'won'];
    case 'lost':
      return ['mql', 'accepted', 'lost'];
    default:
      return [];
  }
}

/** ISO 8601 week of a date, `2026-W49`: sorts as text, and a year of weeks is one key range. */
export function isoWeek(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Short durations keep hour precision; past three days, whole days are precise enough. */
export function hoursBucket(hours: number): number {
  const h = Math.max(0, Math.round(hours));
  return h < 72 ? h : Math.round(h / 24) * 24;
}

const hoursBetween = (from: string | undefined, to: string) =>
  from === undefined ? undefined : (Date.parse(to) - Date.parse(from)) / 3_600_000;

/**
 * What moving a lead into `to` at `at` adds to the funnel. `cohort` is used only when the lead
 * has none yet (its first score, which is also when it counts as discovered).
 */
export function funnelChange(
  current: FunnelProgress,
  to: LeadState,
  at: string,
  cohortIfNew: Cohort,
  deal?: Deal,
): FunnelChange | undefined {
  const first = current.cohort === undefined;
  const reached = new Set(current.reached);
  const fresh = [...(first ? (['discovered'] as FunnelStage[]) : []), ...stagesOf(to)].filter(
    (s) => !reached.has(s),
  );
  if (fresh.length === 0) return undefined;
  const stageAt = { ...current.stageAt };
  for (const s of fresh) stageAt[s] = at;
  const durations: FunnelDelta['durations'] = [];
  const push = (metric: VelocityMetric, hours: number | undefined) => {
    if (hours !== undefined) durations.push({ metric, hours: hoursBucket(hours) });
  };
  if (fresh.includes('accepted')) push('mqlToAccepted', hoursBetween(current.stageAt.mql, at));
  if (fresh.includes('won')) {
    push('acceptedToWon', hoursBetween(current.stageAt.accepted, at));
    push('mqlToWon', hoursBetween(current.stageAt.mql, at));
  }
  return {
    cohort: current.cohort ?? cohortIfNew,
    progress: {
      cohort: current.cohort ?? cohortIfNew,
      reached: [...FUNNEL_STAGES].filter((s) => reached.has(s) || fresh.includes(s)),
      stageAt,
    },
    delta: {
      stages: fresh,
      reviewThenMql: fresh.includes('mql') && (reached.has('review') || fresh.includes('review')),
      durations,
      ...(deal && fresh.includes('won') ? { deal } : {}),
    },
  };
}

/** The group key of a cohort in one dimension. */
export function groupKey(cohort: Cohort, dimension: Dimension): string {
  switch (dimension) {
    case 'source':
      return cohort.source;
    case 'campaign':
      return cohort.campaign;
    case 'definition':
      return `v${cohort.definitionVersion}`;
    case 'week':
      return cohort.week;
  }
}

/**
 * A lead's cohort at its first score: first touch wins, so the campaign is the earliest signal's
 * (ties broken by name), the week is the week it was discovered.
 */
export function cohortOf(lead: {
  source: string;
  campaignIds: readonly string[];
  firstSeenAt: string;
  definitionVersion: number | undefined;
  signals?: readonly { at: string; campaignIds: readonly string[] }[];
}): Cohort {
  const earliest = [...(lead.signals ?? [])].sort((a, b) => a.at.localeCompare(b.at))[0];
  const campaigns = [...(earliest?.campaignIds ?? lead.campaignIds)].sort();
  return {
    source: lead.source,
    campaign: campaigns[0] ?? 'none',
    definitionVersion: lead.definitionVersion ?? 0,
    week: isoWeek(new Date(lead.firstSeenAt)),
  };
}
