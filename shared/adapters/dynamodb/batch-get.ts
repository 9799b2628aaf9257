import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table.ts';

type Key = Record<string, unknown>;

export class UnprocessedKeysError extends Error {
  constructor(readonly left: number) {
    super(`DynamoDB left ${left} key(s) of a BatchGetItem unprocessed after every retry; try again later`);
    this.name = 'UnprocessedKeysError';
  }
}

/**
 * Every item for `keys`, 100 keys per request. BatchGetItem may return part of the answer and the
 * rest as `UnprocessedKeys` (throttling, the 16 MB limit) without an error; reading only
 * `Responses` would take a missing item for an absent one (a budget read as 0, an erased post read
 * as gone). Unprocessed keys are asked again with exponential backoff and jitter until none is
 * left, and a request that never completes fails instead of answering short.
 */
export async function batchGetAll(
  table: Table,
  keys: readonly Key[],
  options: { consistentRead?: boolean; maxAttempts?: number; baseDelayMs?: number } = {},
): Promise<Record<string, unknown>[]> {
  const maxAttempts = options.maxAttempts ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 25;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) throw new UnprocessedKeysError(pending.length);
      if (attempt > 0) {
        const cap = baseDelayMs * 2 ** Math.min(attempt - 1, 8);
        await new Promise((r) => setTimeout(r, cap / 2 + Math.random() * (cap / 2)));
      }
      const result = await table.doc.send(
        new BatchGetCommand({
          RequestItems: { [table.name]: { Keys: pending, ConsistentRead: options.consistentRead } },
        }),
      );
      out.push(...(result.Responses?.[table.name] ?? []));
      pending = (result.UnprocessedKeys?.[table.name]?.Keys ?? []) as Key[];
    }
  }
  return out;
}
