import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeXServer, type Fault, startFakeXServer } from '../../local/fake-x/server.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { freshStores } from '../support/local-resources.ts';
import { storedPostIds } from '../support/stored.ts';

const campaign = crmCampaign;

const feed = buildFeed({ posts: 250, authors: 60 });
const allIds = feed.tweets.map((t) => t.id).sort();
const options = walkOptions;

describe('discovering posts from the X API v2 wire format', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now = new Date();
  const clock = { now: () => now };

  async function start(faultFor?: (n: number) => Fault | undefined) {
    server = await startFakeXServer({ feed, faultFor });
    return xDiscoveryDeps(stores, server.url, clock);
  }

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(campaign);
  });
  afterEach(async () => server?.stop());

  it('follows next_token across pages, stores each post once, then polls with since_id', async () => {
    const deps = await start();

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ pages: 3, postsRead: 250, postsNew: 250, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
    expect(second.runs[0]).toMatchObject({ postsRead: 0, postsNew: 0, complete: true });
    expect(server.requests.at(-1)?.get('since_id')).toBe(feed.tweets.at(-1)?.id);
  });

  it('stores nothing twice when the same window is read again', async () => {
    const deps = await start();
    await discoverPosts(deps, options);

    const replay = await discoverPosts(deps, { ...options, replay: true });

    expect(replay.runs[0]).toMatchObject({ postsRead: 250, postsNew: 0, postsDuplicate: 250 });
    expect(replay.touched).toEqual([]);
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });

  it('stops on a 429 mid-cycle and the next cycle after the reset ends with exactly the feed, no gap, no duplicate', async () => {
    const deps = await start((n) => (n === 2 ? 'rate-limit' : undefined));

    const first = await discoverPosts(deps, options);
    const blocked = await discoverPosts(deps, options);
    now = new Date(Date.now() + 16 * 60_000);
    const resumed = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'rate-limit', postsNew: 100, complete: false });
    expect(blocked.runs[0]).toMatchObject({ stoppedBy: 'rate-limit', pages: 0 });
    expect(resumed.runs[0]).toMatchObject({ postsNew: 150, postsDuplicate: 0, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
    const cursor = await stores.campaigns.getCursor(campaign.id);
    expect(cursor).toEqual({ source: 'x', sinceId: feed.tweets.at(-1)?.id, lastRunAt: expect.any(String) });
  });

  it('rejects a malformed record naming its field and still stores the valid posts of the cycle', async () => {
    const deps = await start((n) => (n === 2 ? 'malformed-record' : undefined));

    const result = await discoverPosts(deps, options);

    const run = result.runs[0];
    expect(run).toMatchObject({ postsRead: 250, postsNew: 249, postsRejected: 1, complete: true });
    expect(run?.rejections[0]).toMatch(/^data\[1\]\.created_at: /);
    expect((await storedPostIds(stores.table)).length).toBe(249);
  });

  it('rejects a malformed page naming the bad field, keeps the pages before it, and the next cycle fills the gap', async () => {
    const deps = await start((n) => (n === 2 ? 'malformed-envelope' : undefined));

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'malformed-page', postsNew: 100 });
    expect(first.runs[0]?.error).toContain('meta.result_count');
    expect(second.runs[0]).toMatchObject({ postsNew: 150, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });

  it('stops before the time budget runs out and resumes where it stopped', async () => {
    const deps = await start();
    let budget = 3;
    const tight = { ...options, remainingMs: () => (budget-- > 1 ? 600_000 : 0) };

    const first = await discoverPosts(deps, tight);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'time-budget', pages: 2, postsNew: 200 });
    expect(second.runs[0]).toMatchObject({ postsNew: 50, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });
});
