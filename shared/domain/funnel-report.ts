import {
  FUNNEL_STAGES,
  type FunnelDelta,
  type FunnelStage,
  VELOCITY_METRICS,
  type VelocityMetric,
} from './funnel.ts';

/** One group's exact totals: what the aggregate items hold and what a recount from events rebuilds. */
export interface FunnelTotals {
  counts: Record<FunnelStage, number>;
  reviewThenMql: number;
  /** metric -> bucket hours -> leads */
  durations: Record<VelocityMetric, Record<string, number>>;
  /** currency -> won deals' total value and count */
  deals: Record<string, { total: number; count: number }>;
}

export function emptyTotals(): FunnelTotals {
  return {
    counts: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<FunnelStage, number>,
    reviewThenMql: 0,
    durations: Object.fromEntries(VELOCITY_METRICS.map((m) => [m, {}])) as FunnelTotals['durations'],
    deals: {},
  };
}

export function addDelta(totals: FunnelTotals, delta: FunnelDelta): FunnelTotals {
  for (const s of delta.stages) totals.counts[s] += 1;
  if (delta.reviewThenMql) totals.reviewThenMql += 1;
  for (const d of delta.durations) {
    const h = totals.durations[d.metric];
    h[d.hours] = (h[d.hours] ?? 0) + 1;
  }
  if (delta.deal) {
    const c = totals.deals[delta.deal.currency] ?? { total: 0, count: 0 };
    totals.deals[delta.deal.currency] = { total: c.total + delta.deal.value, count: c.count + 1 };
  }
  return totals;
}

export function mergeTotals(into: FunnelTotals, other: FunnelTotals): FunnelTotals {
  for (const s of FUNNEL_STAGES) into.counts[s] += other.counts[s];
  into.reviewThenMql += other.reviewThenMql;
  for (const m of VELOCITY_METRICS)
    for (const [h, n] of Object.entries(other.durations[m]))
      into.durations[m][h] = (into.durations[m][h] ?? 0) + n;
  for (const [cur, d] of Object.entries(other.deals)) {
    const c = into.deals[cur] ?? { total: 0, count: 0 };
    into.deals[cur] = { total: c.total + d.total, count: c.count + d.count };
  }
  return into;
}

export interface Rate {
  /** null when nothing reached the first stage */
  value: number | null;
  low: number;
  high: number;
  successes: number;
  trials: number;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The 95% Wilson score interval: honest for small cohorts, where the normal approximation is not. */
export function wilson(successes: number, trials: number, z = 1.959964): Rate {
  if (trials === 0) return { value: null, low: 0, high: 1, successes, trials };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return {
    value: round(p),
    low: round(Math.max(0, centre - half)),
    high: round(Math.min(1, centre + half)),
    successes,
    trials,
  };
}

export interface Spread {
  median: number | null;
  p75: number | null;
  n: number;
}

/** Nearest-rank percentiles of a bucketed histogram, in days. */
export function spreadDays(histogram: Record<string, number>): Spread {
  const buckets = Object.entries(histogram)
    .map(([h, n]) => [Number(h), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const n = buckets.reduce((sum, [, c]) => sum + c, 0);
  const at = (p: number) => {
    if (n === 0) return null;
    const rank = Math.max(1, Math.ceil(p * n));
    let seen = 0;
    for (const [hours, count] of buckets) {
      seen += count;
      if (seen >= rank) return round(hours / 24, 2);
    }
    return null;
  };
  return { median: at(0.5), p75: at(0.75), n };
}

export interface SalesVelocity {
  currency: string;
  /** Revenue a day this group's pipeline moves: opportunities × win rate × average deal ÷ cycle days. */
  perDay: number;
  opportunities: number;
  winRate: number;
  averageDeal: number;
  cycleDays: number;
}

/**
 * Opportunities are accepted leads, the win rate is won ÷ closed (won + lost), the cycle is the
 * median MQL→won time. In the currency most deals were won in; null until a deal is won.
 */
export function salesVelocity(t: FunnelTotals): SalesVelocity | null {
  const main = Object.entries(t.deals).sort((a, b) => b[1].count - a[1].count)[0];
  const closed = t.counts.won + t.counts.lost;
  const cycle = spreadDays(t.durations.mqlToWon).median;
  if (!main || closed === 0 || cycle === null) return null;
  const [currency, deals] = main;
  const winRate = t.counts.won / closed;
  const averageDeal = deals.total / deals.count;
  // A same-day cycle counts as one hour rather than dividing by zero.
  const cycleDays = Math.max(cycle, 1 / 24);
  return {
    currency,
    perDay: round((t.counts.accepted * winRate * averageDeal) / cycleDays, 2),
    opportunities: t.counts.accepted,
    winRate: round(winRate),
    averageDeal: round(averageDeal, 2),
    cycleDays: round(cycleDays, 2),
  };
}

export interface FunnelGroup {
  key: string;
  counts: Record<FunnelStage, number>;
  rates: {
    reviewToMql: Rate;
    mqlToAccepted: Rate;
    acceptedToWon: Rate;
    mqlToWon: Rate;
  };
  velocityDays: Record<VelocityMetric, Spread>;
  deals: Record<string, { total: number; count: number; average: number }>;
  salesVelocity: SalesVelocity | null;
}

export function summariseGroup(key: string, t: FunnelTotals): FunnelGroup {
  const c = t.counts;
  return {
    key,
    counts: { ...c },
    rates: {
      reviewToMql: wilson(t.reviewThenMql, c.review),
      mqlToAccepted: wilson(c.accepted, c.mql),
      acceptedToWon: wilson(c.won, c.accepted),
      mqlToWon: wilson(c.won, c.mql),
    },
    velocityDays: {
      mqlToAccepted: spreadDays(t.durations.mqlToAccepted),
      acceptedToWon: spreadDays(t.durations.acceptedToWon),
      mqlToWon: spreadDays(t.durations.mqlToWon),
    },
    deals: Object.fromEntries(
      Object.entries(t.deals).map(([cur, d]) => [cur, { ...d, average: round(d.total / d.count, 2) }]),
    ),
    salesVelocity: salesVelocity(t),
  };
}
