import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type PostLabel, PostLabelSchema } from '../../domain/post-label.ts';
import type { LabelStore } from '../../ports/label-store.ts';
import type { Page } from '../../ports/lead-store.ts';
import type { Log } from '../../ports/log.ts';
import { silentLog } from '../../ports/log.ts';
import { epochSeconds, NOT_EXPIRED, parseEach, parseStored } from './stored-items.ts';
import { decodeCursor, encodeCursor, isConditionFailure, keys, queryAll, type Table } from './table.ts';
import { transactWrite } from './transact.ts';

/** All labels share one sparse gsi1 partition: labels are few (people make them), and training reads them all. */
const LABELS_INDEX_PK = 'LABELS';
const LabelItemSchema = z.object({ label: PostLabelSchema });

/**
 * A label lives in the lead's partition beside the signal it judges (`LABEL#postId`), with the
 * signal's `ttl`: erasing the person (which deletes the partition) or the post's expiry removes it.
 */
export class DynamoLabelStore implements LabelStore {
  constructor(
    private readonly table: Table,
    private readonly log: Pick<Log, 'warn'> = silentLog,
  ) {}

  async putLabel(label: PostLabel, now: Date): Promise<boolean> {
    const signalKey = keys.signal(label.key, label.postId);
    const { Item: signal } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: signalKey, ConsistentRead: true }),
    );
    const ttl = typeof signal?.ttl === 'number' ? signal.ttl : undefined;
    if (!signal || (ttl !== undefined && ttl <= epochSeconds(now))) return false;
    try {
      // The signal must still be there when the label lands: an erasure meanwhile refuses it.
      await transactWrite(this.table, [
        {
          ConditionCheck: {
            TableName: this.table.name,
            Key: signalKey,
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.table.name,
            Item: {
              pk: keys.leadPartition(label.key),
              sk: `LABEL#${label.postId}`,
              label,
              ...(ttl !== undefined ? { ttl } : {}),
              gsi1pk: LABELS_INDEX_PK,
              gsi1sk: `${label.at}#${label.key}#${label.postId}`,
            },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listLabels(limit: number, cursor?: string, now: Date = new Date()): Promise<Page<PostLabel>> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: NOT_EXPIRED,
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':pk': LABELS_INDEX_PK, ':nowSeconds': epochSeconds(now) },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    const parsed = this.parse(page.Items ?? []);
    return { ...parsed, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async listLeadLabels(key: string, now: Date = new Date()): Promise<PostLabel[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: NOT_EXPIRED,
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':pk': keys.leadPartition(key),
        ':prefix': 'LABEL#',
        ':nowSeconds': epochSeconds(now),
      },
      ConsistentRead: true,
    });
    return this.parse(items).items;
  }

  private parse(items: Record<string, unknown>[]) {
    return parseEach(
      items,
      (item) => parseStored(LabelItemSchema, item, `label ${String(item.sk)}`).label,
      'label',
      this.log,
    );
  }
}
