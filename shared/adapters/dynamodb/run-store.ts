import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordedRun, RunStore } from '../../ports/run-store.ts';
import { epochSeconds, NOT_EXPIRED } from './stored-items.ts';
import type { Table } from './table.ts';

const KEEP_DAYS = 90;

/** One item per campaign run under `RUN#<campaign>`, newest first on read, expiring after 90 days. */
export class DynamoRunStore implements RunStore {
  constructor(private readonly table: Table) {}

  async recordRun(run: RecordedRun): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          pk: `RUN#${run.campaignId}`,
          sk: run.startedAt,
          run,
          ttl: Math.floor(Date.parse(run.finishedAt) / 1000) + KEEP_DAYS * 86_400,
        },
      }),
    );
  }

  async listRuns(campaignId: string, limit: number): Promise<RecordedRun[]> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk',
        // Expired runs may linger until DynamoDB's TTL sweep deletes them; they are not shown.
        FilterExpression: NOT_EXPIRED,
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':pk': `RUN#${campaignId}`, ':nowSeconds': epochSeconds(new Date()) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((i) => i.run as RecordedRun);
  }
}
