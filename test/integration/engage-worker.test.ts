import { ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createEngageHandler } from '../../functions/engage/create-handler.ts';
import { drainQueue } from '../../local/runner/drain-queue.ts';
import { localContext } from '../../local/runner/lambda-context.ts';
import { toSqsEvent } from '../../local/runner/sqs-event.ts';
import { type EngagementTask, taskId } from '../../shared/domain/engagement-task.ts';
import type { EngagementClient } from '../../shared/ports/engagement-client.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { approveTask, requeueApprovedTasks } from '../../shared/use-cases/approve-task.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

/** Our own port, counting calls: the effect we must not duplicate. */
function countingClient(): EngagementClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    mode: 'dry-run',
    calls,
    execute: async (t) => {
      calls.push(t.id);
      return { summary: `did ${t.kind}` };
    },
    findReply: async () => undefined,
  };
}

function draft(prospect: string, post: string): EngagementTask {
  return {
    id: taskId(prospect, 'reply', post),
    prospectKey: prospect,
    source: 'x',
    kind: 'reply',
    postId: post,
    draft: 'hello',
    status: 'drafted',
    createdAt: new Date().toISOString(),
  };
}

async function setup(dailyCap = 50) {
  const stores = await freshStores();
  const q = await freshQueue(1);
  const client = countingClient();
  const clock = { now: () => new Date() };
  const handler = createEngageHandler(
    { tasks: stores.tasks, leads: stores.leads, queue: q.queue, client, clock, log: silentLog },
    { account: 'acct', dailyCap, leaseMs: 60_000 },
  );
  const drain = () =>
    drainQueue(q.sqs, q.url, handler, () => localContext('engage', 30_000), {
      waitSeconds: 0,
      stopWhenEmpty: true,
    });
  return { stores, q, client, clock, handler, drain };
}

describe('the engage worker behind SQS', () => {
  it('executes a task once when SQS delivers its message twice', async () => {
    const { stores, q, client, clock, drain } = await setup();
    const task = draft('x#1', '100');
    await stores.tasks.putDraft(task);
    await approveTask(
      { tasks: stores.tasks, queue: q.queue, clock },
      { prospectKey: task.prospectKey, taskId: task.id, approver: 'ana' },
    );
    await q.queue.send([{ taskId: task.id, prospectKey: task.prospectKey }]);

    const drained = await drain();

    expect(drained.received).toBe(2);
    expect(client.calls).toEqual([task.id]);
    expect(await stores.tasks.getTask(task.prospectKey, task.id)).toMatchObject({
      status: 'done',
      result: 'did reply',
    });
  });

  it('never executes a task nobody approved', async () => {
    const { stores, q, client, drain } = await setup();
    const task = draft('x#2', '200');
    await stores.tasks.putDraft(task);
    await q.queue.send([{ taskId: task.id, prospectKey: task.prospectKey }]);

    await drain();

    expect(client.calls).toEqual([]);
    expect((await stores.tasks.getTask(task.prospectKey, task.id))?.status).toBe('drafted');
  });

  it('reports only the bad record of a batch as failed and finishes the rest', async () => {
    const { stores, q, client, clock, handler } = await setup();
    const task = draft('x#3', '300');
    await stores.tasks.putDraft(task);
    await stores.tasks.transitionTask(task, 'drafted', 'approved', {
      approvedBy: 'ana',
      approvedAt: clock.now().toISOString(),
    });
    const bad = '{"taskId": 42}';
    await q.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: q.url,
        Entries: [
          { Id: 'bad', MessageBody: bad },
          { Id: 'good', MessageBody: JSON.stringify({ taskId: task.id, prospectKey: task.prospectKey }) },
        ],
      }),
    );
    const { Messages = [] } = await q.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10 }),
    );

    const response = await handler(
      toSqsEvent(Messages, 'arn:aws:sqs:us-east-1:000000000000:q', 'us-east-1'),
      localContext('engage', 30_000),
    );

    expect(Messages).toHaveLength(2);
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: Messages.find((m) => m.Body === bad)?.MessageId },
    ]);
    expect(client.calls).toEqual([task.id]);
  });

  it('defers tasks beyond the daily cap to the next day instead of failing them', async () => {
    const { stores, q, client, clock, drain } = await setup(1);
    const tasks = [draft('x#4', '400'), draft('x#5', '500')];
    for (const t of tasks) {
      await stores.tasks.putDraft(t);
      await approveTask(
        { tasks: stores.tasks, queue: q.queue, clock },
        { prospectKey: t.prospectKey, taskId: t.id, approver: 'ana' },
      );
    }

    const drained = await drain();

    expect(client.calls).toHaveLength(1);
    expect(drained).toEqual({ received: 2, failed: 0 });
    const stored = await Promise.all(tasks.map((t) => stores.tasks.getTask(t.prospectKey, t.id)));
    expect(stored.map((t) => t?.status).sort()).toEqual(['approved', 'done']);
    const notBefore = Date.parse(stored.find((t) => t?.status === 'approved')?.notBefore ?? '');
    expect(notBefore).toBeGreaterThan(clock.now().getTime());
    expect(new Date(notBefore).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(await requeueApprovedTasks({ tasks: stores.tasks, queue: q.queue, clock }, 0)).toBe(0);
    const tomorrow = { now: () => new Date(notBefore + 1) };
    expect(await requeueApprovedTasks({ tasks: stores.tasks, queue: q.queue, clock: tomorrow }, 0)).toBe(1);
  });
});
