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
});
