import { type Dimension, isoWeek } from '../domain/funnel.ts';
import {
  emptyTotals,
  type FunnelGroup,
  type FunnelTotals,
  mergeTotals,
  summariseGroup,
} from '../domain/funnel-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { FunnelStore } from '../ports/funnel-store.ts';

export interface ReportWindow {
  /** ISO time; the report covers cohorts discovered in the week of `since` and after. Default: a year. */
  since?: string;
}

export interface FunnelReport {
  by: Dimension;
  fromWeek: string;
  toWeek: string;
  /** Aggregate items read: weeks × groups × shards, however many leads the table holds. */
  itemsRead: number;
  groups: FunnelGroup[];
}

const YEAR = 364 * 86_400_000;

export function reportWeeks(clock: Clock, window: ReportWindow) {
  const now = clock.now();
  const since = window.since ? new Date(window.since) : new Date(now.getTime() - YEAR);
  return { fromWeek: isoWeek(since), toWeek: isoWeek(now) };
}

/** Group totals in one dimension over a window of weekly cohorts, summed from the aggregate items. */
export async function funnelTotals(
  deps: { funnel: FunnelStore; clock: Clock },
  by: Dimension,
  window: ReportWindow,
): Promise<{ totals: Map<string, FunnelTotals>; itemsRead: number; fromWeek: string; toWeek: string }> {
  const { fromWeek, toWeek } = reportWeeks(deps.clock, window);
  // Transitions leave their increments beside the lead; fold them in so the report is current.
  await deps.funnel.applyPendingDeltas();
  const { cells, itemsRead } = await deps.funnel.readFunnel(by, fromWeek, toWeek);
  const totals = new Map<string, FunnelTotals>();
  for (const cell of cells)
    totals.set(cell.key, mergeTotals(totals.get(cell.key) ?? emptyTotals(), cell.totals));
  return { totals, itemsRead, fromWeek, toWeek };
}

/**
 * The funnel per source, campaign, definition version or week: stage counts, conversion with
 * 95% Wilson intervals, velocity per stage and sales velocity. Reads only aggregate items.
 */
export async function reportFunnel(
  deps: { funnel: FunnelStore; clock: Clock },
  by: Dimension,
  window: ReportWindow = {},
): Promise<FunnelReport> {
  const { totals, itemsRead, fromWeek, toWeek } = await funnelTotals(deps, by, window);
  const groups = [...totals].map(([key, t]) => summariseGroup(key, t));
  groups.sort((a, b) =>
    by === 'week' ? a.key.localeCompare(b.key) : b.counts.mql - a.counts.mql || a.key.localeCompare(b.key),
  );
  return { by, fromWeek, toWeek, itemsRead, groups };
}

/**
 * Lists run from a date on, up to a year ahead: a decision dated ahead of the clock (the local
 * demo's simulated delays) still counts, and the month index is read for a bounded span.
 */
export function reportUntil(now: Date): string {
  return new Date(now.getTime() + 366 * 86_400_000).toISOString();
}
