import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMentionsSource } from '../../shared/adapters/x/x-mentions.ts';
import { taskId } from '../../shared/domain/engagement-task.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { readMentions } from '../../shared/use-cases/read-mentions.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';
import { connectedAccount, PROSPECT_POSTS } from '../support/x-account.ts';

const now = new Date();
const clock = { now: () => new Date() };
const {
  version: _v,
  author: _a,
  note: _n,
  publishedAt: _p,
  ...v1
} = testDefinition({
  engagement: [
    { id: 'engagement.replied', kind: 'engagement.replied', points: 30 },
    { id: 'engagement.mentioned', kind: 'engagement.mentioned', points: 15 },
  ],
});

describe("the prospect's answer comes back", () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let account: Awaited<ReturnType<typeof connectedAccount>>;

  beforeAll(async () => {
    stores = await freshStores();
    account = await connectedAccount(stores.table);
    await publishDefinition(
      { ...stores, clock: { now: () => now }, log: silentLog },
      { document: v1, author: 'marketing', note: 'v1' },
    );
  });
  afterAll(() => account.fake.stop());

  const mentionDeps = () => ({
    ...stores,
    connections: account.connections,
    mentionsSource: new XMentionsSource(account.tokens('discover'), account.client),
    clock,
    log: silentLog,
  });
  const options = { accountMonthlyBudget: 10_000, maxPages: 5, pageSize: 5 };

  it('a reply to our post raises the lead score, with an event naming the task', async () => {
    const [post] = PROSPECT_POSTS;
    if (!post) throw new Error('no post');
    await seedPost(stores.posts, { authorId: post.author_id, postId: post.id, text: post.text }, now);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 10 });
    const key = `x#${post.author_id}`;
    const scoreBefore = (await stores.leads.getLead(key))?.score ?? 0;
    // Our reply went out earlier (the worker stored its id on the task).
    const ours = account.fake.account.newId();
    account.fake.account.posts.push({
      id: ours,
      text: 'Hi Pat, happy to help.',
      author_id: account.fake.account.user.id,
      created_at: new Date().toISOString(),
      conversation_id: post.id,
      in_reply_to_tweet_id: post.id,
    });
    const task = {
      id: taskId(key, 'reply', post.id),
      prospectKey: key,
      source: 'x' as const,
      kind: 'reply' as const,
      postId: post.id,
      draft: 'Hi Pat, happy to help.',
      status: 'done' as const,
      createdAt: new Date().toISOString(),
      replyId: ours,
    };
    await stores.tasks.putDraft(task);
    account.fake.account.addMention({
      authorId: post.author_id,
      text: 'thanks! tell me more',
      inReplyTo: ours,
    });

    const run = await readMentions(mentionDeps(), options);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 10 });

    expect(run).toMatchObject({ read: 1, replied: 1, mentioned: 0, optedOut: 0 });
    const lead = await stores.leads.getLead(key);
    expect(lead?.score).toBeGreaterThan(scoreBefore);
    expect(lead?.breakdown).toContainEqual(
      expect.objectContaining({ ruleId: 'engagement.replied', evidence: expect.stringContaining(task.id) }),
    );
    expect(await stores.leads.listEvents(key)).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining(`answering task ${task.id}`) }),
    );
  });

  it('reads only what is new since its cursor, and an answer saying stop sets the opt-out', async () => {
    const post = PROSPECT_POSTS[1];
    if (!post) throw new Error('no post');
    await seedPost(stores.posts, { authorId: post.author_id, postId: post.id, text: post.text }, now);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 10 });
    const key = `x#${post.author_id}`;
    for (let i = 0; i < 6; i++)
      account.fake.account.addMention({ authorId: '999', text: `someone else ${i}` });
    account.fake.account.addMention({
      authorId: post.author_id,
      text: 'Not interested, please stop tagging me',
    });

    const run = await readMentions(mentionDeps(), options);
    const again = await readMentions(mentionDeps(), options);

    expect(run).toMatchObject({ read: 7, mentioned: 1, optedOut: 1 });
    expect(again.read).toBe(0);
    expect((await stores.leads.getLead(key))?.optedOut).toBe(true);
  });
});
