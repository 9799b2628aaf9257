import {
  type Cohort,
  DIMENSIONS,
  type Dimension,
  type FunnelProgress,
  funnelChange,
  groupKey,
} from './funnel.ts';
import { addDelta, emptyTotals, type FunnelTotals } from './funnel-report.ts';
import type { LeadEvent } from './lead-state.ts';

/** One lead's audit trail, as the recount reads it. */
export interface LeadHistory {
  cohort?: Cohort;
  events: LeadEvent[];
}

/**
 * Rebuilds the funnel from the events alone, replaying each lead's transitions through the same
 * rules the live writes use: the check that the aggregates are exact.
 */
export function replayFunnel(histories: Iterable<LeadHistory>): Map<Dimension, Map<string, FunnelTotals>> {
  const out = new Map<Dimension, Map<string, FunnelTotals>>(DIMENSIONS.map((d) => [d, new Map()]));
  for (const history of histories) {
    if (!history.cohort) continue;
    let progress: FunnelProgress = { reached: [], stageAt: {} };
    const events = [...history.events].sort((a, b) => a.at.localeCompare(b.at));
    for (const event of events) {
      const change = funnelChange(progress, event.to, event.at, history.cohort, event.deal);
      if (!change) continue;
      progress = change.progress;
      for (const dimension of DIMENSIONS) {
        const groups = out.get(dimension) as Map<string, FunnelTotals>;
        const key = groupKey(history.cohort, dimension);
        groups.set(key, addDelta(groups.get(key) ?? emptyTotals(), change.delta));
      }
    }
  }
  return out;
}
