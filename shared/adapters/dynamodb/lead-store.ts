import { GetCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Engagement, EngagementSchema } from '../../domain/engagement.ts';
import { CohortSchema, DealSchema, FunnelStageSchema } from '../../domain/funnel.ts';
import { type LeadEvent, LeadEventSchema, type LeadState, LeadStateSchema } from '../../domain/lead-state.ts';
import { GRADES } from '../../domain/mql-definition.ts';
import { ProspectProfileSchema } from '../../domain/prospect.ts';
import { type Signal, SignalSchema } from '../../domain/signal.ts';
import type {
  Lead,
  LeadFilter,
  LeadStore,
  Page,
  ScoreUpdate,
  TransitionWrite,
} from '../../ports/lead-store.ts';
import type { Log } from '../../ports/log.ts';
import { funnelDeltaPut } from './funnel-items.ts';
import { queryChangedSince } from './lead-changes.ts';
import { eventPut, funnelSet, transitionItems } from './lead-transition.ts';
import { followUpPut } from './outbox-store.ts';
import { batchGetSignals } from './signal-batch.ts';
import {
  epochSeconds,
  NOT_EXPIRED,
  parseEach,
  parseStored,
  StoredItemError,
  stderrLog,
} from './stored-items.ts';
import {
  decodeCursor,
  encodeCursor,
  isConditionFailure,
  keys,
  queryAll,
  scoreSortKey,
  type Table,
} from './table.ts';
import { transactWrite } from './transact.ts';

const BreakdownSchema = z.array(
  z.object({
    ruleId: z.string(),
    kind: z.string(),
    points: z.number(),
    evidence: z.string(),
    postId: z.string().optional(),
  }),
);

/** The highest score the index orders (10 digits of cents): a `maxScore` default. */
const MAX_INDEXED_SCORE = 99_999_999;

const toList = (v: unknown) => (v instanceof Set ? [...v] : v);

/** What a lead item must look like when read back; a bad item fails loudly with its field. */
const LeadItemSchema = z.object({
  pk: z.string(),
  profile: ProspectProfileSchema,
  state: LeadStateSchema,
  score: z.number(),
  breakdown: BreakdownSchema.default([]),
  definitionVersion: z.number().int().optional(),
  fitGrade: z.enum(GRADES).optional(),
  campaignIds: z.preprocess(toList, z.array(z.string())).default([]),
  engagement: z.array(EngagementSchema).default([]),
  optedOut: z.boolean().default(false),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int(),
  cohort: CohortSchema.optional(),
  reached: z.array(FunnelStageSchema).default([]),
  stageAt: z.partialRecord(FunnelStageSchema, z.string()).default({}),
  holdUntil: z.string().optional(),
  deal: DealSchema.optional(),
});

const SignalItemSchema = z.object({
  signal: SignalSchema.omit({ campaignIds: true }),
  campaignIds: z.preprocess(toList, z.array(z.string())),
});

export { StoredItemError };

function toLead(item: Record<string, unknown>): Lead {
  const { pk, ...rest } = parseStored(LeadItemSchema, item, `lead ${String(item.pk)}`);
  return { key: pk.slice('LEAD#'.length), ...rest };
}

const day = (iso: string) => iso.slice(0, 10);

/** Leads on DynamoDB: every write is conditional on the revision or state the caller saw. */
export class DynamoLeadStore implements LeadStore {
  constructor(
    private readonly table: Table,
    /** Where listings report the malformed items they pass over (key and error name only). */
    private readonly log: Pick<Log, 'warn'> = stderrLog,
  ) {}

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

  /**
   * A signal expires with its post (`ttl`); DynamoDB deletes expired items only eventually, so an
   * expired one is filtered out here rather than scored as live evidence.
   */
  async listSignals(key: string, now: Date = new Date()): Promise<Signal[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: NOT_EXPIRED,
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':pk': keys.leadPartition(key),
        ':prefix': 'SIGNAL#',
        ':nowSeconds': epochSeconds(now),
      },
      ConsistentRead: true,
    });
    return parseEach(
      items,
      (item) => {
        const parsed = parseStored(SignalItemSchema, item, `signal ${String(item.sk)}`);
        return { ...parsed.signal, campaignIds: parsed.campaignIds };
      },
      'signal',
      this.log,
    ).items;
  }

  async getSignals(
    refs: readonly { key: string; postId: string }[],
    now: Date = new Date(),
  ): Promise<Map<string, Signal[]>> {
    return batchGetSignals(this.table, refs, now, (item) => {
      const parsed = parseEach(
        [item],
        (i) => {
          const p = parseStored(SignalItemSchema, i, `signal ${String(i.sk)}`);
          return { ...p.signal, campaignIds: p.campaignIds };
        },
        'signal',
        this.log,
      ).items;
      return parsed[0];
    });
  }

  async listEvents(key: string): Promise<LeadEvent[]> {
    const items = await this.queryPartition(key, 'EVENT#');
    return parseEach(
      items,
      (item) => parseStored(LeadEventSchema, item.event, `event ${String(item.sk)}`),
      'event',
      this.log,
    ).items;
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

  async saveScore(key: string, revision: number, update: ScoreUpdate, now: Date): Promise<boolean> {
    const nowIso = now.toISOString();
    const funnel = funnelSet(update.funnel);
    const leadUpdate = {
      Update: {
        TableName: this.table.name,
        Key: keys.lead(key),
        UpdateExpression:
          'SET score = :score, breakdown = :breakdown, definitionVersion = :version, #state = :state, ' +
          'updatedAt = :now, gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk, #revision = :next, ' +
          // A lead stored before the newest-first index joins it at its next score.
          'gsi4sk = if_not_exists(gsi4sk, :g4sk)' +
          (update.fitGrade ? ', fitGrade = :grade' : '') +
          funnel.set.map((f) => `, ${f}`).join('') +
          ` REMOVE gsi3pk, gsi3sk${update.fitGrade ? '' : ', fitGrade'}`,
        ConditionExpression: '#revision = :revision',
        ExpressionAttributeNames: { '#state': 'state', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':score': update.score,
          ':breakdown': update.breakdown,
          ':version': update.definitionVersion,
          ...(update.fitGrade ? { ':grade': update.fitGrade } : {}),
          ':state': update.state,
          ':now': nowIso,
          ':g1pk': `STATE#${update.state}`,
          ':g1sk': scoreSortKey(update.score, key),
          ':g2pk': `CHANGED#${day(nowIso)}`,
          ':g2sk': `${nowIso}#${key}`,
          ':g4sk': `${nowIso}#${key}`,
          ':revision': revision,
          ':next': revision + 1,
          ...funnel.values,
        },
      },
    };
    try {
      const items: object[] = [leadUpdate];
      if (update.event) items.push(eventPut(this.table.name, key, update.event, revision + 1));
      // What must follow the transition (a draft, a notice, funnel increments) commits with it or not at all.
      if (update.followUp) items.push(followUpPut(this.table, key, revision + 1, update.followUp));
      if (update.funnel)
        items.push(
          funnelDeltaPut(
            this.table.name,
            key,
            revision + 1,
            update.funnel.cohort,
            update.funnel.delta,
            nowIso,
          ),
        );
      await transactWrite(this.table, items as Parameters<typeof transactWrite>[1]);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async applyTransition(key: string, revision: number, write: TransitionWrite, now: Date): Promise<boolean> {
    try {
      await transactWrite(this.table, transitionItems(this.table.name, key, revision, write, now));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listByState(
    state: LeadState,
    limit: number,
    cursor?: string,
    filter: LeadFilter = {},
  ): Promise<Page<Lead>> {
    const values: Record<string, unknown> = { ':p': `STATE#${state}` };
    const names: Record<string, string> = {};
    const newest = filter.order === 'newest';
    let keyCondition = 'gsi1pk = :p';
    const filters: string[] = [];
    if (filter.minScore !== undefined || filter.maxScore !== undefined) {
      if (newest) {
        // The newest-first index sorts by time, so a score range filters instead of bounding the key.
        values[':lo'] = filter.minScore ?? 0;
        values[':hi'] = filter.maxScore ?? MAX_INDEXED_SCORE;
        filters.push('score BETWEEN :lo AND :hi');
      } else {
        // The score index sorts `cents#key`: bounds on the sort key select a score range exactly.
        values[':lo'] = scoreSortKey(filter.minScore ?? 0, '');
        values[':hi'] = scoreSortKey(filter.maxScore ?? MAX_INDEXED_SCORE, '\uffff');
        keyCondition += ' AND gsi1sk BETWEEN :lo AND :hi';
      }
    }
    if (filter.source !== undefined) {
      names['#profile'] = 'profile';
      names['#source'] = 'source';
      values[':source'] = filter.source;
      filters.push('#profile.#source = :source');
    }
    if (filter.campaign !== undefined) {
      values[':campaign'] = filter.campaign;
      filters.push('contains(campaignIds, :campaign)');
    }
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: newest ? 'gsi4' : 'gsi1',
        KeyConditionExpression: keyCondition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    const { items, skipped } = parseEach(page.Items ?? [], toLead, 'lead', this.log);
    return { items, skipped, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  /** One COUNT query per state on the state index (never a Scan); paged, as COUNT reads 1 MB at most. */
  async countByState(): Promise<Record<LeadState, number>> {
    const count = async (state: LeadState) => {
      let total = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': `STATE#${state}` },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        total += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return [state, total] as const;
    };
    return Object.fromEntries(await Promise.all(LeadStateSchema.options.map(count))) as Record<
      LeadState,
      number
    >;
  }

  listChangedSince(since: string, until: string, limit: number, cursor?: string): Promise<Page<Lead>> {
    return queryChangedSince(
      this.table,
      (items) => parseEach(items, toLead, 'lead', this.log),
      since,
      until,
      limit,
      cursor,
    );
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
          // An erased person's tombstone is no lead: the caller answers 404, and nothing is added.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
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
        await transactWrite(this.table, [
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
          eventPut(this.table.name, key, event, lead.revision + 1),
        ]);
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
