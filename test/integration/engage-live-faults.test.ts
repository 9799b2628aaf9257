import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngageHandler } from '../../functions/engage/create-handler.ts';
import { ensureQueueWithDlq } from '../../local/create-resources.ts';
import { drainQueue } from '../../local/runner/drain-queue.ts';
import { localContext } from '../../local/runner/lambda-context.ts';
import { toSqsEvent } from '../../local/runner/sqs-event.ts';
import { buildTaskQueue } from '../../shared/adapters/build.ts';
import { XReplyClient } from '../../shared/adapters/x/x-reply-client.ts';
import { type EngagementTask, taskId } from '../../shared/domain/engagement-task.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { RefreshRefusedError } from '../../shared/ports/x-account.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { connectedAccount, PROSPECT_POSTS } from '../support/x-account.ts';

type Stores = Awaited<ReturnType<typeof freshStores>>;
type Account = Awaited<ReturnType<typeof connectedAccount>>;

async function approvedTask(stores: Stores, n: number, draft: string): Promise<EngagementTask> {
  const post = PROSPECT_POSTS[n % PROSPECT_POSTS.length];
  if (!post) throw new Error('no post');
  const prospectKey = `x#${post.author_id}`;
  const task: EngagementTask = {
    id: taskId(prospectKey, 'reply', `${post.id}`),
    prospectKey,
    source: 'x',
    kind: 'reply',
    postId: post.id,
    draft,
    status: 'drafted',
    createdAt: new Date().toISOString(),
  };
  await stores.tasks.putDraft(task);
  await stores.tasks.transitionTask(task, 'drafted', 'approved', {
    approvedBy: 'ana',
    approvedAt: task.createdAt,
  });
  return task;
}

/** Makes the stored access token look expired, so the next use must spend the refresh token. */
async function expireAccessToken(account: Account) {
  const tokens = await account.vault.get();
  if (!tokens) throw new Error('not connected');
  await account.vault.put({ ...tokens, expiresAt: new Date(Date.now() - 1_000).toISOString() });
}

describe('the X token shared by workers', () => {
  let stores: Stores;
  let account: Account;

  beforeAll(async () => {
    stores = await freshStores();
    account = await connectedAccount(stores.table);
  });
  afterAll(() => account.fake.stop());

  it('refreshes once when two workers find the token expired at the same time, and stays connected', async () => {
    await expireAccessToken(account);
    const before = account.fake.account.refreshes;

    const [a, b] = await Promise.all([
      account.tokens('w1').accessToken(),
      account.tokens('w2').accessToken(),
    ]);

    expect(account.fake.account.refreshes - before).toBe(1);
    expect(a).toBe(b);
    expect(account.fake.account.isUserToken(a)).toBe(true);
    expect((await account.connections.get())?.status).toBe('connected');
  });

  it('without the lease the same refresh token spent twice is refused (invalid_grant), as X does', async () => {
    const tokens = await account.vault.get();
    if (!tokens) throw new Error('not connected');
    await account.oauth.refresh(tokens.refreshToken);

    await expect(account.oauth.refresh(tokens.refreshToken)).rejects.toBeInstanceOf(RefreshRefusedError);
  });

  it('marks the connection broken when X refuses the refresh, and says so to the worker', async () => {
    // The vault still holds the refresh token the previous test spent.
    await expireAccessToken(account);

    await expect(account.tokens('w3').accessToken()).rejects.toBeInstanceOf(RefreshRefusedError);
    expect(await account.connections.get()).toMatchObject({
      status: 'broken',
      reason: expect.stringContaining('invalid_grant'),
    });
  });
});

describe('rate limits and poison messages', () => {
  let stores: Stores;
  let account: Account;

  beforeAll(async () => {
    stores = await freshStores();
    account = await connectedAccount(stores.table);
  });
  afterAll(() => account.fake.stop());

  const handler = (queue: ReturnType<typeof buildTaskQueue>) =>
    createEngageHandler(
      {
        tasks: stores.tasks,
        leads: stores.leads,
        queue,
        client: new XReplyClient(account.tokens('w'), account.client),
        clock: { now: () => new Date() },
        log: silentLog,
      },
      { account: 'brand', dailyCap: 50, leaseMs: 60_000 },
    );

  it('a 429 mid-batch keeps that message and the rest invisible until the reset, and fails no task', async () => {
    const q = await freshQueue(1);
    const tasks = [
      await approvedTask(stores, 0, 'First reply, sent.'),
      await approvedTask(stores, 1, 'Second reply, hits the limit.'),
      await approvedTask(stores, 2, 'Third reply, waits with it.'),
    ];
    const before = account.fake.account.posts.length;
    account.fake.account.postFaults.push(undefined, 'rate-limit');
    await q.queue.send(tasks.map((t) => ({ taskId: t.id, prospectKey: t.prospectKey })));

    const drained = await drainQueue(q.sqs, q.url, handler(q.queue), () => localContext('engage', 30_000), {
      waitSeconds: 1,
      stopWhenEmpty: true,
    });
    // The queue's own visibility timeout is 1 s: without the deferral both would be back by now.
    await new Promise((r) => setTimeout(r, 1_500));
    const { Messages = [] } = await q.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: q.url, WaitTimeSeconds: 1 }),
    );

    expect(account.fake.account.posts.length - before).toBe(1);
    expect(drained).toEqual({ received: 3, failed: 2 });
    expect(Messages).toEqual([]);
    const stored = await Promise.all(tasks.map((t) => stores.tasks.getTask(t.prospectKey, t.id)));
    expect(stored.map((t) => t?.status)).toEqual(['done', 'approved', 'approved']);
  });

  it('a poison message lands in the DLQ after maxReceiveCount while the rest of its batch completes', async () => {
    const endpoint = inject('sqsEndpoint');
    const { url, dlqUrl } = await ensureQueueWithDlq(endpoint, `poison-${Date.now()}`, 1, 2);
    const queue = buildTaskQueue({ ENGAGE_QUEUE_URL: url, SQS_ENDPOINT: endpoint, AWS_REGION: 'us-east-1' });
    const q = await freshQueue(1);
    const good = await approvedTask(stores, 3, 'A reply that goes out.');
    const before = account.fake.account.posts.length;
    await q.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"taskId":"not-a-task"}' }));
    await queue.send([{ taskId: good.id, prospectKey: good.prospectKey }]);

    const run = handler(queue);
    let received = 0;
    for (let round = 0; round < 4; round++) {
      const r = await drainQueue(q.sqs, url, run, () => localContext('engage', 30_000), {
        waitSeconds: 1,
        stopWhenEmpty: true,
      });
      received += r.received;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
    const { Messages = [] } = await q.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );

    expect(Messages.map((m) => m.Body)).toEqual(['{"taskId":"not-a-task"}']);
    expect(received).toBe(3);
    expect(account.fake.account.posts.length - before).toBe(1);
    expect((await stores.tasks.getTask(good.prospectKey, good.id))?.status).toBe('done');
  });
});

describe('the SQS event for a batch', () => {
  it('is built from received messages as Lambda builds it', () => {
    const event = toSqsEvent([{ MessageId: 'm', ReceiptHandle: 'r', Body: '{}' }], 'arn:q', 'us-east-1');
    expect(event.Records[0]).toMatchObject({ messageId: 'm', receiptHandle: 'r', body: '{}' });
  });
});
