import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { SignalSchema } from '../../domain/signal.ts';
import type { Page } from '../../ports/lead-store.ts';
import type { Log } from '../../ports/log.ts';
import type {
  IntentRescoreJob,
  SignalIntentStore,
  SignalToClassify,
  StoredIntent,
} from '../../ports/signal-intent-store.ts';
import { epochSeconds, parseEach, parseStored, stderrLog } from './stored-items.ts';
import { decodeCursor, encodeCursor, isConditionFailure, keys, type Table } from './table.ts';
import { transactWrite } from './transact.ts';

const JOB_KEY = { pk: 'MODEL', sk: 'INTENT-RESCORE' };

const IntentRescoreJobSchema = z.object({
  model: z.string().min(1),
  cursor: z.string().optional(),
  scanned: z.number().int().nonnegative(),
  reclassified: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});

const SignalItemSchema = z.object({
  pk: z.string().startsWith('LEAD#'),
  sk: z.string().startsWith('SIGNAL#'),
  signal: SignalSchema.pick({ text: true, intent: true }),
});

/**
 * Stored probabilities on DynamoDB. The walk is a filtered Scan, on purpose: it runs once per
 * promoted model version (a person's decision, rare), every live signal must be visited exactly
 * once whatever happens to its lead meanwhile (a state index would move leads under the walk), and
 * a Scan's LastEvaluatedKey is a cursor that survives any number of interrupted steps. The filter
 * keeps the page small on the wire; the read cost is the table's size, once per model version.
 */
export class DynamoSignalIntentStore implements SignalIntentStore {
  constructor(
    private readonly table: Table,
    private readonly log: Pick<Log, 'warn'> = stderrLog,
  ) {}

  async listSignalsNotClassifiedBy(
    model: string,
    limit: number,
    now: Date,
    cursor?: string,
  ): Promise<Page<SignalToClassify>> {
    const page = await this.table.doc.send(
      new ScanCommand({
        TableName: this.table.name,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
        FilterExpression:
          'begins_with(sk, :signal) AND #ttl > :nowSeconds AND ' +
          '(attribute_not_exists(#signal.#intent) OR #signal.#intent.#model <> :model)',
        ExpressionAttributeNames: {
          '#ttl': 'ttl',
          '#signal': 'signal',
          '#intent': 'intent',
          '#model': 'model',
        },
        ExpressionAttributeValues: {
          ':signal': 'SIGNAL#',
          ':nowSeconds': epochSeconds(now),
          ':model': model,
        },
      }),
    );
    const parsed = parseEach(
      page.Items ?? [],
      (item) => {
        const s = parseStored(SignalItemSchema, item, `signal ${String(item.sk)}`);
        return {
          key: s.pk.slice('LEAD#'.length),
          postId: s.sk.slice('SIGNAL#'.length),
          text: s.signal.text,
          ...(s.signal.intent ? { intent: s.signal.intent } : {}),
        };
      },
      'signal',
      this.log,
    );
    return {
      items: parsed.items,
      nextCursor: encodeCursor(page.LastEvaluatedKey),
      ...(parsed.skipped ? { skipped: parsed.skipped } : {}),
    };
  }

  async setSignalIntent(
    key: string,
    postId: string,
    intent: StoredIntent,
    previous: StoredIntent | undefined,
    now: Date,
  ): Promise<boolean> {
    const nowIso = now.toISOString();
    const names = { '#signal': 'signal', '#intent': 'intent', '#ttl': 'ttl' };
    try {
      await transactWrite(this.table, [
        {
          Update: {
            TableName: this.table.name,
            Key: keys.signal(key, postId),
            UpdateExpression: 'SET #signal.#intent = :intent',
            // Exactly what the walk read (p and model): another writer's probability is never overwritten.
            ConditionExpression: `attribute_exists(pk) AND #ttl > :nowSeconds AND ${
              previous
                ? '#signal.#intent.#model = :previousModel AND #signal.#intent.#p = :previousP'
                : 'attribute_not_exists(#signal.#intent)'
            }`,
            ExpressionAttributeNames: { ...names, ...(previous ? { '#model': 'model', '#p': 'p' } : {}) },
            ExpressionAttributeValues: {
              ':intent': intent,
              ':nowSeconds': epochSeconds(now),
              ...(previous ? { ':previousModel': previous.model, ':previousP': previous.p } : {}),
            },
          },
        },
        {
          Update: {
            TableName: this.table.name,
            Key: keys.lead(key),
            // A new revision: a score computed from the old probability can no longer be saved.
            UpdateExpression:
              'SET gsi3pk = :pending, gsi3sk = if_not_exists(gsi3sk, :pendingSk), #revision = #revision + :one',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
            ExpressionAttributeNames: { '#revision': 'revision' },
            ExpressionAttributeValues: { ':pending': 'PENDING', ':pendingSk': `${nowIso}#${key}`, ':one': 1 },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getIntentRescoreJob(): Promise<IntentRescoreJob | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: JOB_KEY, ConsistentRead: true }),
    );
    // A malformed job record only restarts the walk: signals already done are filtered out.
    const parsed = IntentRescoreJobSchema.safeParse(Item?.job);
    return parsed.success ? parsed.data : undefined;
  }

  async saveIntentRescoreJob(job: IntentRescoreJob): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...JOB_KEY, job: IntentRescoreJobSchema.parse(job) },
      }),
    );
  }
}
