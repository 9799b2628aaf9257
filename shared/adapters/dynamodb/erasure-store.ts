import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ErasureAudit, ErasureReport, ErasureRequest, ErasureStore } from '../../ports/erasure-store.ts';
import { batchGetAll } from './batch-get.ts';
import { keys, queryAll, type Table } from './table.ts';

type Key = { pk: string; sk: string };

/** The lead partition holds the profile, signals, events and tasks; signals name the posts. */
export class DynamoErasureStore implements ErasureStore {
  constructor(private readonly table: Table) {}

  private async partition(key: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.leadPartition(key) },
      ConsistentRead: true,
    });
  }

  private async deleteAll(targets: Key[]): Promise<void> {
    for (let i = 0; i < targets.length; i += 25) {
      let requests = targets.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8)
          throw new Error('DynamoDB kept deletes unprocessed; erasure incomplete, run it again');
        const result = await this.table.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.table.name]: requests } }),
        );
        requests = (result.UnprocessedItems?.[this.table.name] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  /** Posts still there; an unprocessed key is asked again, never counted as gone. */
  private async existingPosts(postKeys: Key[]): Promise<number> {
    return (await batchGetAll(this.table, postKeys, { consistentRead: true })).length;
  }

  async erase(key: string, request: ErasureRequest, now: Date): Promise<ErasureReport> {
    const requestedBy = request.requestedBy;
    const source = key.slice(0, key.indexOf('#'));
    // The tombstone goes first: discovery running meanwhile can no longer add to the partition.
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.lead(key), erasedAt: now.toISOString(), erasedBy: requestedBy },
      }),
    );
    const items = (await this.partition(key)).filter((i) => i.sk !== '#LEAD');
    // Signals name the person's own posts; REPOST# markers name what they reposted.
    const postKeys = items
      .map((i) => /^(?:SIGNAL|REPOST)#(.+)$/.exec(String(i.sk))?.[1])
      .filter((id): id is string => id !== undefined)
      .map((id) => keys.post(source, id));
    await this.deleteAll([...items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })), ...postKeys]);
    const remaining = (await this.partition(key)).filter((i) => i.sk !== '#LEAD' || i.profile !== undefined);
    const report: ErasureReport = {
      leadItemsDeleted: items.length,
      postsDeleted: postKeys.length,
      remainingLeadItems: remaining.length,
      remainingPosts: await this.existingPosts(postKeys),
    };
    // The audit trail: outside the person's partition, so the next erasure run cannot delete it.
    const audit: ErasureAudit = { key, at: now.toISOString(), ...request, ...report };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { pk: 'ERASURE', sk: `${audit.at}#${key}`, audit },
      }),
    );
    return report;
  }

  async listErasures(limit: number): Promise<ErasureAudit[]> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ERASURE' },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).map((i) => i.audit as ErasureAudit);
  }

  async isErased(key: string): Promise<boolean> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.lead(key), ConsistentRead: true }),
    );
    return Item?.erasedAt !== undefined;
  }
}
