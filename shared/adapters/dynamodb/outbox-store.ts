import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { LeadStateSchema } from '../../domain/lead-state.ts';
import { SourceSchema } from '../../domain/post.ts';
import type { Page } from '../../ports/lead-store.ts';
import type { Log } from '../../ports/log.ts';
import type { FollowUp, FollowUpData, Outbox } from '../../ports/outbox.ts';
import { parseEach, parseStored, stderrLog } from './stored-items.ts';
import { decodeCursor, encodeCursor, isConditionFailure, keys, type Table } from './table.ts';

const rev = (revision: number) => String(revision).padStart(10, '0');
const outboxKey = (key: string, revision: number) => ({
  pk: keys.leadPartition(key),
  sk: `OUTBOX#${rev(revision)}`,
});
const noticeKey = (key: string, revision: number) => ({
  pk: keys.leadPartition(key),
  sk: `NOTICE#${rev(revision)}`,
});

const FollowUpItemSchema = z.object({
  pk: z.string().startsWith('LEAD#'),
  revision: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative().default(0),
  followUp: z.object({
    at: z.string(),
    from: LeadStateSchema,
    to: LeadStateSchema,
    score: z.number(),
    source: SourceSchema,
    name: z.string(),
    latest: z.object({ postId: z.string(), campaignId: z.string().optional() }).optional(),
  }),
});

/**
 * The outbox item a score writes in its own transaction. It lives in the lead's partition, so an
 * erasure removes it with everything else, and is listed through gsi1's `OUTBOX` partition.
 */
export function followUpPut(table: Table, key: string, revision: number, data: FollowUpData) {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...outboxKey(key, revision),
        revision,
        attempts: 0,
        followUp: data,
        gsi1pk: 'OUTBOX',
        gsi1sk: `${data.at}#${key}#${rev(revision)}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The outbox on DynamoDB: follow-up items and the notice-sent markers that dedupe notices. */
export class DynamoOutbox implements Outbox {
  constructor(
    private readonly table: Table,
    private readonly log: Pick<Log, 'warn'> = stderrLog,
  ) {}

  async listFollowUps(limit: number, cursor?: string): Promise<Page<FollowUp>> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'OUTBOX' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    const { items, skipped } = parseEach(
      page.Items ?? [],
      (item) => {
        const parsed = parseStored(FollowUpItemSchema, item, `follow-up ${String(item.pk)}`);
        return {
          ...parsed.followUp,
          key: parsed.pk.slice('LEAD#'.length),
          revision: parsed.revision,
          attempts: parsed.attempts,
        };
      },
      'follow-up',
      this.log,
    );
    return { items, skipped, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async noticeSent(key: string, revision: number): Promise<boolean> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: noticeKey(key, revision), ConsistentRead: true }),
    );
    return Item !== undefined;
  }

  async markNoticeSent(key: string, revision: number, now: Date): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...noticeKey(key, revision), sentAt: now.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async recordAttempt(key: string, revision: number): Promise<number> {
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: outboxKey(key, revision),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.attempts ?? 0);
    } catch (error) {
      // Erased or completed meanwhile: nothing is left to retry.
      if (isConditionFailure(error)) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }

  async complete(key: string, revision: number): Promise<void> {
    await this.table.doc.send(
      new DeleteCommand({ TableName: this.table.name, Key: outboxKey(key, revision) }),
    );
  }
}
