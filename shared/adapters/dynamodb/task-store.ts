import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type EngagementTask, EngagementTaskSchema, type TaskStatus } from '../../domain/engagement-task.ts';
import type { Page } from '../../ports/lead-store.ts';
import type { Log } from '../../ports/log.ts';
import type { TaskFields, TaskStore } from '../../ports/task-store.ts';
import { parseEach, parseStored, stderrLog } from './stored-items.ts';
import { decodeCursor, encodeCursor, isConditionFailure, keys, queryAll, type Table } from './table.ts';

const DAY_S = 86_400;

const toTask = (item: Record<string, unknown>): EngagementTask =>
  parseStored(
    EngagementTaskSchema,
    { ...(item.task as object), status: item.status },
    `task ${String(item.pk)} ${String(item.sk)}`,
  );

/** Tasks live in their prospect's partition and are listed by status through gsi1. */
export class DynamoTaskStore implements TaskStore {
  constructor(
    private readonly table: Table,
    /** Where listings report the malformed items they pass over (key and error name only). */
    private readonly log: Pick<Log, 'warn'> = stderrLog,
  ) {}

  async putDraft(task: EngagementTask): Promise<'created' | 'exists'> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...keys.task(task.prospectKey, task.id),
            task: EngagementTaskSchema.parse(task),
            status: task.status,
            gsi1pk: `TASK#${task.status}`,
            gsi1sk: `${task.createdAt}#${task.id}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async getTask(prospectKey: string, id: string): Promise<EngagementTask | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.task(prospectKey, id), ConsistentRead: true }),
    );
    return Item ? EngagementTaskSchema.parse({ ...Item.task, status: Item.status }) : undefined;
  }

  async listTasks(status: TaskStatus, limit: number, cursor?: string): Promise<Page<EngagementTask>> {
    const page = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `TASK#${status}` },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    const { items, skipped } = parseEach(page.Items ?? [], toTask, 'task', this.log);
    return { items, skipped, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async listProspectTasks(prospectKey: string): Promise<EngagementTask[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': keys.task(prospectKey, '').pk, ':t': 'TASK#' },
      ConsistentRead: true,
    });
    return parseEach(items, toTask, 'task', this.log).items;
  }

  async transitionTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    from: TaskStatus,
    to: TaskStatus,
    fields: TaskFields,
  ): Promise<boolean> {
    return this.update(task, { from }, to, fields);
  }

  async claimTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    now: Date,
    leaseUntil: Date,
  ): Promise<EngagementTask | undefined> {
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.task(task.prospectKey, task.id),
          UpdateExpression:
            'SET #status = :executing, gsi1pk = :g1, #task.#leaseUntil = :lease, ' +
            '#task.#attempt = if_not_exists(#task.#attempt, :zero) + :one',
          // Approved work, or a claim whose holder is gone (its lease ran out): never a live claim.
          ConditionExpression:
            '#status = :approved OR (#status = :executing AND (attribute_not_exists(#task.#leaseUntil) OR #task.#leaseUntil < :now))',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#task': 'task',
            '#leaseUntil': 'leaseUntil',
            '#attempt': 'attempt',
          },
          ExpressionAttributeValues: {
            ':executing': 'executing',
            ':approved': 'approved',
            ':g1': 'TASK#executing',
            ':lease': leaseUntil.toISOString(),
            ':now': now.toISOString(),
            ':zero': 0,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return EngagementTaskSchema.parse({ ...Attributes?.task, status: Attributes?.status });
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  settleTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    attempt: number,
    to: TaskStatus,
    fields: TaskFields,
    remove: readonly ('leaseUntil' | 'sendingAt')[] = [],
  ): Promise<boolean> {
    return this.update(task, { from: 'executing', attempt }, to, fields, remove);
  }

  /** One conditional update: the status (and the claim's attempt) must still be what the caller read. */
  private async update(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    when: { from: TaskStatus; attempt?: number },
    to: TaskStatus,
    fields: TaskFields,
    remove: readonly string[] = [],
  ): Promise<boolean> {
    const sets = Object.keys(fields).map((f) => `#task.#${f} = :${f}`);
    const names = Object.fromEntries([...Object.keys(fields), ...remove].map((f) => [`#${f}`, f]));
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`:${k}`, v]));
    const removes = remove.map((f) => `#task.#${f}`);
    const usesTask = sets.length > 0 || removes.length > 0 || when.attempt !== undefined;
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.task(task.prospectKey, task.id),
          UpdateExpression:
            `SET ${['#status = :to', 'gsi1pk = :g1', ...sets].join(', ')}` +
            (removes.length ? ` REMOVE ${removes.join(', ')}` : ''),
          ConditionExpression:
            when.attempt === undefined ? '#status = :from' : '#status = :from AND #task.#attempt = :attempt',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...(usesTask ? { '#task': 'task', ...names } : {}),
            ...(when.attempt === undefined ? {} : { '#attempt': 'attempt' }),
          },
          ExpressionAttributeValues: {
            ':to': to,
            ':from': when.from,
            ':g1': `TASK#${to}`,
            ...values,
            ...(when.attempt === undefined ? {} : { ':attempt': when.attempt }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async takeDailySlot(account: string, day: string, cap: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.dailySlot(account, day),
          UpdateExpression: 'ADD used :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(used) OR used < :cap',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':cap': cap,
            ':ttl': Math.floor(Date.parse(day) / 1000) + 3 * DAY_S,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
