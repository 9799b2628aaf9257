import type { WonRecord } from '../domain/sales-records.ts';
import { wonDigest } from '../domain/won-digest.ts';
import type { Clock } from '../ports/clock.ts';
import type { FunnelStore } from '../ports/funnel-store.ts';
import type { Log } from '../ports/log.ts';
import type { Notifier } from '../ports/notifier.ts';
import { reportUntil } from './report-funnel.ts';

const DAY = 86_400_000;

/** The won customers on record, newest first, over a window (default: the last year). */
export async function listWonCustomers(
  deps: { funnel: FunnelStore; clock: Clock },
  input: { since?: string } = {},
): Promise<{ since: string; customers: WonRecord[] }> {
  const now = deps.clock.now();
  const since = input.since ?? new Date(now.getTime() - 365 * DAY).toISOString();
  return { since, customers: await deps.funnel.listWon(since, reportUntil(now)) };
}

/**
 * Sends the customers won since the last digest through the notifier, then moves the watermark
 * (only from the value it read, so two runs cannot both send). A failed send leaves the mark
 * where it was: the next run sends the same customers again, at least once.
 */
export async function sendWonDigest(
  deps: { funnel: FunnelStore; notifier?: Notifier; clock: Clock; log: Log },
  input: { firstWindowDays?: number } = {},
): Promise<{ sent: number; from: string; to: string }> {
  const now = deps.clock.now();
  const to = now.toISOString();
  const mark = await deps.funnel.getDigestMark();
  const from = mark ?? new Date(now.getTime() - (input.firstWindowDays ?? 7) * DAY).toISOString();
  const records = (await deps.funnel.listWon(from, to)).filter((r) => r.at >= from && r.at < to);
  if (records.length > 0 && deps.notifier) await deps.notifier.notifyWonDigest(wonDigest(records, from, to));
  if (!(await deps.funnel.saveDigestMark(mark, to))) {
    deps.log.warn('another digest run moved the watermark first', {});
  }
  return { sent: deps.notifier ? records.length : 0, from, to };
}
