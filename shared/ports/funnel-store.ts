import type { Dimension } from '../domain/funnel.ts';
import type { LeadHistory } from '../domain/funnel-replay.ts';
import type { FunnelTotals } from '../domain/funnel-report.ts';
import type { FeedbackRecord, WonRecord } from '../domain/sales-records.ts';

export interface FunnelCell {
  key: string;
  week: string;
  totals: FunnelTotals;
}

/**
 * The way back from sales, read side: funnel aggregates (kept exact by the lead store's
 * transitions), decision feedback, won customers and the digest's watermark.
 */
export interface FunnelStore {
  /** One item per group and week: a year of weekly cohorts reads weeks × groups items, never the table. */
  readFunnel(
    dimension: Dimension,
    fromWeek: string,
    toWeek: string,
  ): Promise<{ cells: FunnelCell[]; itemsRead: number }>;
  /**
   * Moves transitions' pending funnel increments (written with each transition) into the
   * aggregates, each exactly once: reports call it first, so they always include every decision.
   */
  applyPendingDeltas(maxDeltas?: number): Promise<{ applied: number; skipped: number }>;
  /** Every lead's cohort and events (a scan): the recount that proves the aggregates exact. */
  listHistories(): Promise<LeadHistory[]>;
  /** Sales decisions made from `from` to `to` (both included), by the month index. */
  listFeedback(from: string, to: string): Promise<FeedbackRecord[]>;
  /** Won customers from `from` to `to` (both included), newest first. */
  listWon(from: string, to: string): Promise<WonRecord[]>;
  /** Where the won digest got to; moved only forward and only from the value read. */
  getDigestMark(): Promise<string | undefined>;
  saveDigestMark(previous: string | undefined, next: string): Promise<boolean>;
}
