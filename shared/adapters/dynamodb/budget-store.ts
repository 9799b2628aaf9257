import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BudgetStore } from '../../ports/budget-store.ts';
import { batchGetAll } from './batch-get.ts';
import type { Table } from './table.ts';

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

  async addUse(scopes: readonly string[], month: string, posts: number): Promise<void> {
    if (posts <= 0) return;
    const expires = Math.floor(Date.parse(`${month}-01T00:00:00Z`) / 1000) + 400 * 86_400;
    await Promise.all(
      scopes.map((s) =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.name,
            Key: key(s, month),
            UpdateExpression: 'ADD #read :n SET #ttl = if_not_exists(#ttl, :ttl)',
            ExpressionAttributeNames: { '#read': 'read', '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':n': posts, ':ttl': expires },
          }),
        ),
      ),
    );
  }
}
