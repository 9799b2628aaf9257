import { createHash } from 'node:crypto';
import type { BudgetStore } from '../../ports/budget-store.ts';
import { batchGetAll } from './batch-get.ts';
import type { Table } from './table.ts';
import { transactWrite } from './transact.ts';

const key = (scope: string, month: string) => ({ pk: `BUDGET#${scope}`, sk: month });

/** Atomic ADD counters, one item per scope and month, kept for 13 months. */
export class DynamoBudgetStore implements BudgetStore {
  constructor(private readonly table: Table) {}

  async used(scopes: readonly string[], month: string): Promise<Record<string, number>> {
    // A key left unprocessed is not an unused budget: batchGetAll asks again until none is left.
    const items = await batchGetAll(
      this.table,
      scopes.map((s) => key(s, month)),
      { consistentRead: true },
    );
    const out: Record<string, number> = Object.fromEntries(scopes.map((s) => [s, 0]));
    for (const item of items) out[String(item.pk).slice('BUDGET#'.length)] = Number(item.read ?? 0);
    return out;
  }

  /**
   * One transaction for all scopes, with a client request token made from the read's id: DynamoDB
   * answers a repeat of the same token (the SDK's own retry after a dropped answer, within ten
   * minutes) without applying it again, and the scopes never disagree because one was written and
   * the next was not. A plain ADD would count a retried page twice.
   */
  async addUse(scopes: readonly string[], month: string, posts: number, readId: string): Promise<void> {
    if (posts <= 0 || scopes.length === 0) return;
    const expires = Math.floor(Date.parse(`${month}-01T00:00:00Z`) / 1000) + 400 * 86_400;
    const token = createHash('sha256')
      .update(JSON.stringify([readId, scopes, month, posts]))
      .digest('base64url')
      .slice(0, 32);
    await transactWrite(
      this.table,
      scopes.map((s) => ({
        Update: {
          TableName: this.table.name,
          Key: key(s, month),
          UpdateExpression: 'ADD #read :n SET #ttl = if_not_exists(#ttl, :ttl)',
          ExpressionAttributeNames: { '#read': 'read', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':n': posts, ':ttl': expires },
        },
      })),
      8,
      token,
    );
  }
}
