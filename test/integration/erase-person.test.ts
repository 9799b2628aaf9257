import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { scanItems } from '../support/stored.ts';

const feed = buildFeed({ posts: 60, authors: 6 });
// One of the person's posts is a retweet: it must go too, and not come back.
const repost = feed.tweets.find((t) => t.author_id === '1003');
if (repost) repost.referenced_tweets = [{ type: 'retweeted', id: '1' }];

describe('erasing a person on request', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    server = await startFakeXServer({ feed });
    stores = await freshStores();
    await stores.campaigns.putCampaign(crmCampaign);
    await discoverPosts(xDiscoveryDeps(stores, server.url, clock), walkOptions);
  });
  afterAll(() => server.stop());

  it('deletes the profile, posts, signals, events and tasks, proves nothing is left, and never stores the person again', async () => {
    const { queue } = await freshQueue();
    const app = createApp({
      ...stores,
      queue,
      clock,
      log: silentLog,
      identify: everyRole('dpo@example.com'),
    });
    const postsBefore = (await scanItems(stores.table, '#POST')).filter(
      (i) => i.authorKey === 'x#1003',
    ).length;

    const response = await app.request('/api/leads/x/1003/erase', {
      method: 'POST',
      body: JSON.stringify({ reason: 'erasure request #4711' }),
      headers: { 'content-type': 'application/json' },
    });
    const report = (await response.json()) as Record<string, number>;
    const again = await discoverPosts(xDiscoveryDeps(stores, server.url, clock), {
      ...walkOptions,
      replay: true,
    });

    expect(postsBefore).toBe(10);
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ postsDeleted: 10, remainingLeadItems: 0, remainingPosts: 0 });
    expect(report.leadItemsDeleted).toBeGreaterThanOrEqual(9);
    expect(await stores.leads.getLead('x#1003')).toBeUndefined();
    expect(again.runs[0]?.postsSuppressed).toBe(10);
    expect((await scanItems(stores.table, '#POST')).filter((i) => i.authorKey === 'x#1003')).toEqual([]);
    expect(await stores.leads.getLead('x#1004')).toBeDefined();
  });

  it('keeps who erased whom and the ticket reference in the erasure audit trail', async () => {
    const audit = await stores.erasure.listErasures(10);

    expect(audit).toEqual([
      expect.objectContaining({
        key: 'x#1003',
        requestedBy: 'dpo@example.com',
        reason: 'erasure request #4711',
        remainingLeadItems: 0,
        remainingPosts: 0,
      }),
    ]);
  });

  it('answers 404 to engagement and opt-out on an erased person, and adds nothing to the tombstone', async () => {
    const { queue } = await freshQueue();
    const app = createApp({ ...stores, queue, clock, log: silentLog, identify: everyRole('ops') });
    const post = (path: string, body: unknown) =>
      app.request(`/api/leads/x/1003/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });

    const engagement = await post('engagement', { kind: 'replied', postId: '77' });
    const optOut = await post('opt-out', { optedOut: true });
    const tombstone = (await scanItems(stores.table, '#LEAD')).find((i) => i.pk === 'LEAD#x#1003');

    expect([engagement.status, optOut.status]).toEqual([404, 404]);
    expect(Object.keys(tombstone ?? {}).sort()).toEqual(['erasedAt', 'erasedBy', 'pk', 'sk']);
  });

  it('refuses an unknown source or a reason that is not a ticket reference, naming the field, and erases nothing', async () => {
    const { queue } = await freshQueue();
    const app = createApp({ ...stores, queue, clock, log: silentLog, identify: everyRole('ops') });
    const erase = (path: string, reason: string) =>
      app.request(`/api/leads/${path}/erase`, {
        method: 'POST',
        body: JSON.stringify({ reason }),
        headers: { 'content-type': 'application/json' },
      });

    const badSource = await erase('myspace/1004', 'ticket 4712');
    const personalReason = await erase('x/1004', 'asked by jane.doe@example.com');

    expect(badSource.status).toBe(400);
    expect(await badSource.text()).toContain('source');
    expect(personalReason.status).toBe(400);
    expect(await personalReason.text()).toContain('reason');
    expect(await stores.leads.getLead('x#1004')).toBeDefined();
    expect(await stores.erasure.listErasures(10)).toHaveLength(1);
  });
});
