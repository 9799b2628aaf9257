import { Select } from '@aws-sdk/client-dynamodb';
import { ScanCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { prospectKey } from '../../domain/prospect.ts';
import type { PostOutcome, PostRecord, PostStore } from '../../ports/post-store.ts';
import { isConditionFailure, keys, type Table } from './table.ts';

type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const DAY_S = 86_400;

/** Two posts by one author in one page race for the same lead item; DynamoDB says so, we retry. */
function isTransactionConflict(error: unknown): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'TransactionConflict');
}

async function withConflictRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 6 || !isTransactionConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/**
 * Posts, their authors and signals on DynamoDB. A new post is one TransactWriteItems request:
 * the post (conditional on not existing), the lead upsert and the signal, so a crash can never
 * leave a post without its lead or count a lead's evidence twice.
 */
export class DynamoPostStore implements PostStore {
  constructor(
    private readonly table: Table,
    private readonly retentionDays: number,
  ) {}

  async recordPost({ post, author, signal }: PostRecord, now: Date): Promise<PostOutcome> {
    const key = prospectKey(author);
    const nowIso = now.toISOString();
    const ttl = Math.floor(now.getTime() / 1000) + this.retentionDays * DAY_S;
    const { campaignIds, ...postData } = post;
    const lead: Item = {
      Update: {
        TableName: this.table.name,
        Key: keys.lead(key),
        UpdateExpression:
          'SET #profile = :profile, updatedAt = :now, firstSeenAt = if_not_exists(firstSeenAt, :now), ' +
          '#state = if_not_exists(#state, :new), score = if_not_exists(score, :zero), ' +
          'gsi1pk = if_not_exists(gsi1pk, :stateNew), gsi1sk = if_not_exists(gsi1sk, :sk), ' +
          '#revision = if_not_exists(#revision, :zero) + :one, gsi3pk = :pending, gsi3sk = :pendingSk, ' +
          // The queue's "newest first": when this lead's latest post was recorded.
          'gsi4sk = :pendingSk ' +
          'ADD campaignIds :campaigns',
        // A person erased on request leaves a tombstone: they are never stored again.
        ConditionExpression: 'attribute_not_exists(erasedAt)',
        ExpressionAttributeNames: { '#profile': 'profile', '#state': 'state', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':profile': author,
          ':now': nowIso,
          ':new': 'new',
          ':zero': 0,
          ':one': 1,
          ':stateNew': 'STATE#new',
          ':sk': `0000000000#${key}`,
          ':campaigns': new Set(campaignIds),
          ':pending': 'PENDING',
          ':pendingSk': `${nowIso}#${key}`,
        },
      },
    };
    const items: Item[] = [
      {
        Put: {
          TableName: this.table.name,
          Item: {
            ...keys.post(post.source, post.id),
            post: postData,
            campaignIds: new Set(campaignIds),
            authorKey: key,
            ttl,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    if (!signal) {
      // A repost stores no profile, but an erased person's reposts are not stored either, and a
      // marker in the person's partition lets an erasure find this post.
      items.push(
        {
          ConditionCheck: {
            TableName: this.table.name,
            Key: keys.lead(key),
            ConditionExpression: 'attribute_not_exists(erasedAt)',
          },
        },
        {
          Put: {
            TableName: this.table.name,
            Item: { pk: keys.leadPartition(key), sk: `REPOST#${post.id}`, ttl },
          },
        },
      );
    }
    if (signal) {
      // Only an author whose own words we hold becomes a prospect: a retweet alone stores no profile.
      const { campaignIds: signalCampaigns, ...signalData } = signal;
      items.push(lead, {
        Put: {
          TableName: this.table.name,
          Item: {
            ...keys.signal(key, signal.postId),
            signal: signalData,
            campaignIds: new Set(signalCampaigns),
            ttl,
          },
        },
      });
    }
    try {
      await withConflictRetry(() => this.table.doc.send(new TransactWriteCommand({ TransactItems: items })));
      return 'new';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Item 0 is the post (already stored); item 1 is the erased-person check.
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'suppressed';
    }
    await this.tagCampaigns(post.source, post.id, key, campaignIds, signal !== undefined);
    return 'duplicate';
  }

  /** A post found again by another campaign is tagged with it; found again by the same one, nothing is written. */
  private async tagCampaigns(
    source: string,
    id: string,
    key: string,
    campaignIds: string[],
    hasSignal: boolean,
  ) {
    const add = (
      k: Record<string, string>,
      condition: string,
      extra: Record<string, unknown> = {},
    ): Item => ({
      Update: {
        TableName: this.table.name,
        Key: k,
        UpdateExpression: 'ADD campaignIds :c',
        ConditionExpression: condition,
        ExpressionAttributeValues: { ':c': new Set(campaignIds), ...extra },
      },
    });
    const missing = campaignIds.map((_, i) => `NOT contains(campaignIds, :c${i})`).join(' OR ');
    const extra = Object.fromEntries(campaignIds.map((c, i) => [`:c${i}`, c]));
    const items = [add(keys.post(source, id), `attribute_exists(pk) AND (${missing})`, extra)];
    if (hasSignal)
      items.push(
        add(keys.lead(key), 'attribute_exists(pk) AND attribute_not_exists(erasedAt)'),
        add(keys.signal(key, id), 'attribute_exists(pk)'),
      );
    try {
      await withConflictRetry(() => this.table.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async countPosts(): Promise<number> {
    // Only the local summary and tests call this; it scans on purpose and is not an access pattern.
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new ScanCommand({
          TableName: this.table.name,
          Select: Select.COUNT,
          FilterExpression: 'sk = :sk',
          ExpressionAttributeValues: { ':sk': '#POST' },
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }
}
