import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table.ts';

/** True when DynamoDB cancelled a transaction only because another one touched the same item. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  if (e?.name === 'TransactionConflictException') return true;
  // DynamoDB Local's own word for a transaction that waited too long on another's lock.
  if (/waiting for a lock/i.test((error as Error | undefined)?.message ?? '')) return true;
  if (e?.name !== 'TransactionCanceledException') return false;
  const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

/**
 * Sends a transaction, retrying the whole of it when it lost a race on a shared item (the funnel
 * counters): a cancelled transaction wrote nothing, so sending it again cannot count twice.
 * `token` (up to 34 characters) makes each attempt idempotent as well: the SDK resends an attempt
 * whose answer was lost with the same client request token, which DynamoDB applies only once.
 */
export async function transactWrite(
  table: Table,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  attempts = 8,
  token?: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: items,
          // A cancelled attempt wrote nothing; the next one gets its own token.
          ...(token ? { ClientRequestToken: `${token}.${attempt}` } : {}),
        }),
      );
      return;
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));
    }
  }
}
