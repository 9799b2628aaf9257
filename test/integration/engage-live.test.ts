import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngageHandler } from '../../functions/engage/create-handler.ts';
import { localContext } from '../../local/runner/lambda-context.ts';
import { toSqsEvent } from '../../local/runner/sqs-event.ts';
import { XReplyClient } from '../../shared/adapters/x/x-reply-client.ts';
import { type EngagementTask, taskId } from '../../shared/domain/engagement-task.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { approveTask } from '../../shared/use-cases/approve-task.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { connectedAccount, PROSPECT_POSTS } from '../support/x-account.ts';

type Stores = Awaited<ReturnType<typeof freshStores>>;
type Account = Awaited<ReturnType<typeof connectedAccount>>;

/** A clock a test can move past a claim's lease (a crashed worker's lease runs out). */
function movableClock() {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => (offsetMs += ms) };
}

const LEASE_MS = 60_000;

function worker(
  stores: Stores,
  queue: Awaited<ReturnType<typeof freshQueue>>['queue'],
  account: Account,
  owner: string,
  clock: Clock,
) {
  return createEngageHandler(
    {
      tasks: stores.tasks,
      leads: stores.leads,
      queue,
      client: new XReplyClient(account.tokens(owner), account.client),
      clock,
      log: silentLog,
    },
    { account: 'brand', dailyCap: 50, leaseMs: LEASE_MS },
  );
}

async function approvedTask(
  stores: Stores,
  post: (typeof PROSPECT_POSTS)[number],
  draft: string,
): Promise<EngagementTask> {
  const prospectKey = `x#${post.author_id}`;
  const task: EngagementTask = {
    id: taskId(prospectKey, 'reply', post.id),
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

/** The SQS event Lambda would build for these task messages (ids as SQS gives them). */
async function receiveAll(q: Awaited<ReturnType<typeof freshQueue>>, count: number) {
  const { Messages = [] } = await q.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  expect(Messages).toHaveLength(count);
  return toSqsEvent(Messages, 'arn:aws:sqs:us-east-1:000000000000:q', 'us-east-1');
}

describe('live engagement against the fake X server', () => {
  let stores: Stores;
  let account: Account;

  beforeAll(async () => {
    stores = await freshStores();
    account = await connectedAccount(stores.table);
  });
  afterAll(() => account.fake.stop());

  it('posts once when the same approved task reaches two workers at the same time', async () => {
    const q = await freshQueue(30);
    const [post] = PROSPECT_POSTS;
    if (!post) throw new Error('no post');
    const task = await approvedTask(stores, post, 'Hi Pat, happy to share how teams compare CRMs.');
    const before = account.fake.account.posts.length;
    const message = { taskId: task.id, prospectKey: task.prospectKey };
    await q.queue.send([message, message]);
    const event = await receiveAll(q, 2);
    const [a, b] = event.Records;
    const clock = { now: () => new Date() };

    const responses = await Promise.all([
      worker(
        stores,
        q.queue,
        account,
        'w1',
        clock,
      )({ Records: [a as never] }, localContext('engage', 30_000)),
      worker(
        stores,
        q.queue,
        account,
        'w2',
        clock,
      )({ Records: [b as never] }, localContext('engage', 30_000)),
    ]);

    const posted = account.fake.account.posts.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ in_reply_to_tweet_id: post.id, text: task.draft });
    expect(responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    expect(await stores.tasks.getTask(task.prospectKey, task.id)).toMatchObject({
      status: 'done',
      replyId: posted[0]?.id,
    });
  });

  it('after X accepted the post and the answer was lost, the redelivery finds the reply and posts nothing', async () => {
    const q = await freshQueue(30);
    const post = PROSPECT_POSTS[1];
    if (!post) throw new Error('no post');
    const task = await approvedTask(stores, post, 'Hi Pat, a pipeline tool comparison, if useful.');
    const clock = movableClock();
    const before = account.fake.account.posts.length;
    account.fake.account.postFaults.push('drop-after-accept');
    await q.queue.send([{ taskId: task.id, prospectKey: task.prospectKey }]);

    const first = await worker(
      stores,
      q.queue,
      account,
      'w1',
      clock,
    )(await receiveAll(q, 1), localContext('engage', 30_000));
    const stranded = await stores.tasks.getTask(task.prospectKey, task.id);
    clock.advance(LEASE_MS + 1_000);
    await q.queue.send([{ taskId: task.id, prospectKey: task.prospectKey }]);
    const second = await worker(
      stores,
      q.queue,
      account,
      'w2',
      clock,
    )(await receiveAll(q, 1), localContext('engage', 30_000));

    expect(first.batchItemFailures).toHaveLength(1);
    expect(stranded).toMatchObject({ status: 'executing', sendingAt: expect.any(String) });
    expect(second.batchItemFailures).toEqual([]);
    const posted = account.fake.account.posts.slice(before);
    expect(posted).toHaveLength(1);
    expect(await stores.tasks.getTask(task.prospectKey, task.id)).toMatchObject({
      status: 'done',
      replyId: posted[0]?.id,
      result: expect.stringContaining('reconciled'),
    });
  });

  it("ends a task refused by X as failed with X's reason, and sends nothing", async () => {
    const q = await freshQueue(30);
    const [gone, restricted] = [PROSPECT_POSTS[2], PROSPECT_POSTS[3]];
    if (!gone || !restricted) throw new Error('no post');
    account.fake.account.deleted.add(gone.id);
    account.fake.account.repliesRestricted.add(restricted.id);
    const tasks = [
      await approvedTask(stores, gone, 'Hi, a note on CRMs.'),
      await approvedTask(stores, restricted, 'Hi, a note on Salesforce alternatives.'),
    ];
    const before = account.fake.account.posts.length;
    await q.queue.send(tasks.map((t) => ({ taskId: t.id, prospectKey: t.prospectKey })));

    const response = await worker(stores, q.queue, account, 'w1', { now: () => new Date() })(
      await receiveAll(q, 2),
      localContext('engage', 30_000),
    );

    expect(response.batchItemFailures).toEqual([]);
    expect(account.fake.account.posts.length).toBe(before);
    const stored = await Promise.all(tasks.map((t) => stores.tasks.getTask(t.prospectKey, t.id)));
    expect(stored.map((t) => [t?.status, t?.result])).toEqual([
      ['failed', expect.stringMatching(/post-gone: You attempted to reply to a Tweet that is deleted/)],
      ['failed', expect.stringMatching(/reply-not-allowed: Reply to this conversation is not allowed/)],
    ]);
  });
});

describe("approving with the marketer's text", () => {
  it("refuses a text over X's weighted limit with a clear message and queues nothing", async () => {
    const stores = await freshStores();
    const q = await freshQueue(30);
    const post = PROSPECT_POSTS[0];
    if (!post) throw new Error('no post');
    const prospectKey = `x#${post.author_id}`;
    const task: EngagementTask = {
      id: taskId(prospectKey, 'reply', post.id),
      prospectKey,
      source: 'x',
      kind: 'reply',
      postId: post.id,
      draft: 'short draft',
      status: 'drafted',
      createdAt: new Date().toISOString(),
    };
    await stores.tasks.putDraft(task);
    const clock = { now: () => new Date() };

    // 150 CJK characters weigh 300: over the limit though only 150 long.
    const tooLong = '你'.repeat(150);
    await expect(
      approveTask(
        { tasks: stores.tasks, queue: q.queue, clock },
        { prospectKey, taskId: task.id, approver: 'ana', text: tooLong },
      ),
    ).rejects.toThrow(/300 weighted characters.*X allows 280/);
    expect((await stores.tasks.getTask(prospectKey, task.id))?.status).toBe('drafted');

    await approveTask(
      { tasks: stores.tasks, queue: q.queue, clock },
      { prospectKey, taskId: task.id, approver: 'ana', text: 'Hi Pat, edited by Ana.' },
    );
    expect(await stores.tasks.getTask(prospectKey, task.id)).toMatchObject({
      status: 'approved',
      draft: 'Hi Pat, edited by Ana.',
      editedBy: 'ana',
    });
  });
});
