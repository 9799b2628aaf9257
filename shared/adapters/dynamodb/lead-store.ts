import {
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

import * as z from 'zod';
import { type Engagement, EngagementSchema } from '../../domain/engagement.ts';
import { type LeadEvent, LeadEventSchema, type LeadState, LeadStateSchema } from '../../domain/lead-state.ts';
import { ProspectProfileSchema } from '../../domain/prospect.ts';
import { type Signal, SignalSchema } from '../../domain/signal.ts';
import type { Lead, LeadStore, Page, ScoreUpdate } from '../../ports/lead-store.ts';
import { queryChangedSince } from './lead-changes.ts';
import {
  decodeCursor,
  encodeCursor,
  isConditionFailure,
  keys,
  queryAll,
  scoreSortKey,
  type Table,
} from './table.ts';

const BreakdownSchema = z.array(
  z.object({
    ruleId: z.string(),
    kind: z.string(),
    points: z.number(),
    evidence: z.string(),
    postId: z.string().optional(),
  }),
);

const toList = (v: unknown) => (v instanceof Set ? [...v] : v);

/** What a lead item must look like when read back; a bad item fails loudly with its field. */
const LeadItemSchema = z.object({
  pk: z.string(),
  profile: ProspectProfileSchema,
  state: LeadStateSchema,
  score: z.number(),
  breakdown: BreakdownSchema.default([]),
  definitionVersion: z.number().int().optional(),
  campaignIds: z.preprocess(toList, z.array(z.string())).default([]),
  engagement: z.array(EngagementSchema).default([]),
  optedOut: z.boolean().default(false),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int(),
});

const SignalItemSchema = z.object({
  signal: SignalSchema.omit({ campaignIds: true }),
  campaignIds: z.preprocess(toList, z.array(z.string())),
});

export class StoredItemError extends Error {
  constructor(what: string, error: z.ZodError) {
    super(
      `stored ${what} is malformed: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    this.name = 'StoredItemError';
  }
}

function toLead(item: Record<string, unknown>): Lead {
  const parsed = LeadItemSchema.safeParse(item);
  if (!parsed.success) throw new StoredItemError(`lead ${String(item.pk)}`, parsed.error);
  const { pk, ...rest } = parsed.data;
  return { key: pk.slice('LEAD#'.length), ...rest };
}

const day = (iso: string) => iso.slice(0, 10);

/** Leads on DynamoDB: every write is conditional on the revision or state the caller saw. */
export class DynamoLeadStore implements LeadStore {
  constructor(private readonly table: Table) {}

  async getLead(key: string): Promise<Lead | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.lead(key), ConsistentRead: true }),
    );
    // An erased person's tombstone holds no lead.
    return Item && Item.erasedAt === undefined ? toLead(Item) : undefined;
  }

  private async queryPartition(key: string, prefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.leadPartition(key), ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  async listSignals(key: string): Promise<Signal[]> {
    return (await this.queryPartition(key, 'SIGNAL#')).map((item) => {
      const parsed = SignalItemSchema.safeParse(item);
      if (!parsed.success) throw new StoredItemError(`signal ${String(item.sk)}`, parsed.error);
      return { ...parsed.data.signal, campaignIds: parsed.data.campaignIds };
    });
  }

  async listEvents(key: string): Promise<LeadEvent[]> {
    return (await this.queryPartition(key, 'EVENT#')).map((item) => LeadEventSchema.parse(item.event));
  }

  async listPending(limit: number, cursor?: string): Promise<Page<string>> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :p',
        ExpressionAttributeValues: { ':p': 'PENDING' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    return {
      items: [...new Set((page.Items ?? []).map((i) => String(i.pk).slice('LEAD#'.length)))],
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }

  /** Events sort by time, then by the lead revision they produced: same-millisecond events keep their order. */
  private eventPut(key: string, event: LeadEvent, revision: number) {
    return {
      Put: {
        TableName: this.table.name,
        Item: {
          pk: keys.leadPartition(key),
          sk: `EVENT#${event.at}#${String(revision).padStart(10, '0')}`,
          event,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async saveScore(key: string, revision: number, update: ScoreUpdate, now: Date): Promise<boolean> {
    const nowIso = now.toISOString();
    const leadUpdate = {
      Update: {
        TableName: this.table.name,
        Key: keys.lead(key),
        UpdateExpression:
          'SET score = :score, breakdown = :breakdown, definitionVersion = :version, #state = :state, ' +
          'updatedAt = :now, gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk, #revision = :next ' +
          'REMOVE gsi3pk, gsi3sk',
        ConditionExpression: '#revision = :revision',
        ExpressionAttributeNames: { '#state': 'state', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':score': update.score,
          ':breakdown': update.breakdown,
          ':version': update.definitionVersion,
          ':state': update.state,
          ':now': nowIso,
          ':g1pk': `STATE#${update.state}`,
          ':g1sk': scoreSortKey(update.score, key),
          ':g2pk': `CHANGED#${day(nowIso)}`,
          ':g2sk': `${nowIso}#${key}`,
          ':revision': revision,
          ':next': revision + 1,
        },
      },
    };
    try {
      const items = update.event
        ? [leadUpdate, this.eventPut(key, update.event, revision + 1)]
        : [leadUpdate];
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async applyDecision(key: string, event: LeadEvent, now: Date): Promise<boolean> {
    const nowIso = now.toISOString();
    const lead = await this.getLead(key);
    if (!lead || lead.state !== event.from) return false;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.name,
                Key: keys.lead(key),
                UpdateExpression:
                  'SET #state = :to, updatedAt = :now, gsi1pk = :g1pk, gsi2pk = :g2pk, gsi2sk = :g2sk, #revision = #revision + :one',
                ConditionExpression: '#state = :from AND #revision = :revision',
                ExpressionAttributeNames: { '#state': 'state', '#revision': 'revision' },
                ExpressionAttributeValues: {
                  ':to': event.to,
                  ':from': event.from,
                  ':now': nowIso,
                  ':g1pk': `STATE#${event.to}`,
                  ':g2pk': `CHANGED#${day(nowIso)}`,
                  ':g2sk': `${nowIso}#${key}`,
                  ':one': 1,
                  ':revision': lead.revision,
                },
              },
            },
            this.eventPut(key, event, lead.revision + 1),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listByState(state: LeadState, limit: number, cursor?: string): Promise<Page<Lead>> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `STATE#${state}` },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    return { items: (page.Items ?? []).map(toLead), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  listChangedSince(since: string, until: string, limit: number, cursor?: string): Promise<Page<Lead>> {
    return queryChangedSince(this.table, (item) => toLead(item), since, until, limit, cursor);
  }

  /** Marks the lead changed and pending, so the next qualify pass re-scores it. */
  private async touchForRescore(
    key: string,
    set: string,
    values: Record<string, unknown>,
    now: Date,
  ): Promise<boolean> {
    const nowIso = now.toISOString();
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.lead(key),
          UpdateExpression: `SET ${set}, updatedAt = :now, gsi3pk = :pending, gsi3sk = :pendingSk, #revision = #revision + :one`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#revision': 'revision' },
          ExpressionAttributeValues: {
            ...values,
            ':now': nowIso,
            ':pending': 'PENDING',
            ':pendingSk': `${nowIso}#${key}`,
            ':one': 1,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Appends the engagement, marks the lead for re-scoring and writes an event saying what the
   * prospect did (and, for an answer to one of our replies, which task prompted it), atomically.
   */
  async recordEngagement(key: string, engagement: Engagement, now: Date): Promise<boolean> {
    const nowIso = now.toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const lead = await this.getLead(key);
      if (!lead) return false;
      const event: LeadEvent = {
        at: nowIso,
        actor: { type: 'system', id: engagement.taskId ? 'x-mentions' : 'engagement' },
        from: lead.state,
        to: lead.state,
        reason:
          `${engagement.kind}${engagement.postId ? ` in post ${engagement.postId}` : ''}` +
          (engagement.taskId ? `, answering task ${engagement.taskId}` : ''),
      };
      try {
        await this.table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table.name,
                  Key: keys.lead(key),
                  UpdateExpression:
                    'SET engagement = list_append(if_not_exists(engagement, :empty), :e), updatedAt = :now, ' +
                    'gsi3pk = :pending, gsi3sk = :pendingSk, #revision = #revision + :one',
                  ConditionExpression: '#revision = :revision',
                  ExpressionAttributeNames: { '#revision': 'revision' },
                  ExpressionAttributeValues: {
                    ':empty': [],
                    ':e': [engagement],
                    ':now': nowIso,
                    ':pending': 'PENDING',
                    ':pendingSk': `${nowIso}#${key}`,
                    ':one': 1,
                    ':revision': lead.revision,
                  },
                },
              },
              this.eventPut(key, event, lead.revision + 1),
            ],
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new Error(`lead ${key} kept changing while recording an engagement`);
  }

  setOptOut(key: string, optedOut: boolean, now: Date): Promise<boolean> {
    return this.touchForRescore(key, 'optedOut = :o', { ':o': optedOut }, now);
  }

  async countLeads(): Promise<Record<string, number>> {
    // A local summary and test helper: it scans on purpose and is not one of the access patterns.
    const counts: Record<string, number> = {};
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new ScanCommand({
          TableName: this.table.name,
          FilterExpression: 'sk = :sk AND attribute_not_exists(erasedAt)',
          ProjectionExpression: '#state',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sk': '#LEAD' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) counts[String(item.state)] = (counts[String(item.state)] ?? 0) + 1;
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }
}
