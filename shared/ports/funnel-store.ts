import type { Dimension } from '../domain/funnel.ts';
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
  /** Sales decisions made in [from, to), by the month index. */
  listFeedback(from: string, to: string): Promise<FeedbackRecord[]>;
  /** Won customers in [from, to), newest first. */
  listWon(from: string, to: string): Promise<WonRecord[]>;
  /** Where the won digest got to; moved only forward and only from the value read. */
  getDigestMark(): Promise<string | undefined>;
  saveDigestMark(previous: string | undefined, next: string): Promise<boolean>;
}
