import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Signal } from '../../domain/signal.ts';
import { epochSeconds } from './stored-items.ts';
import { keys, type Table } from './table.ts';

/** BatchGetItem takes at most 100 keys a call. */
const BATCH = 100;
/** Unprocessed keys (throttling) are retried this many times, with a short growing pause. */
const MAX_ROUNDS = 6;

/**
 * Named signals of many leads in as few round trips as DynamoDB allows (one per 100 keys), instead
 * of one query per lead: the review queue shows each card's scoring post, and its breakdown names
 * the post ids. Expired items (TTL not yet applied) are left out, as `listSignals` leaves them out.
 * Strongly consistent, like the per-lead query. Returns signals grouped by lead key.
 */
export async function batchGetSignals(
  table: Table,
  refs: readonly { key: string; postId: string }[],
  now: Date,
  toSignal: (item: Record<string, unknown>) => Signal | undefined,
): Promise<Map<string, Signal[]>> {
  const out = new Map<string, Signal[]>();
  const unique = [...new Map(refs.map((r) => [`${r.key}\u0000${r.postId}`, r])).values()];
  const nowSeconds = epochSeconds(now);
  for (let i = 0; i < unique.length; i += BATCH) {
    let pending: Record<string, unknown>[] = unique
      .slice(i, i + BATCH)
      .map((r) => keys.signal(r.key, r.postId));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error(`batchGetSignals: ${pending.length} keys still unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** round));
      const res = await table.doc.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of res.Responses?.[table.name] ?? []) {
        if (typeof item.ttl === 'number' && item.ttl <= nowSeconds) continue;
        const signal = toSignal(item);
        if (!signal) continue;
        const key = String(item.pk).slice('LEAD#'.length);
        const list = out.get(key);
        if (list) list.push(signal);
        else out.set(key, [signal]);
      }
      pending = (res.UnprocessedKeys?.[table.name]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }
  return out;
}
