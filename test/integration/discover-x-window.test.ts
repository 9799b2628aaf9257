import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../local/fake-x/feed.ts';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed, snowflakeAt } from '../support/feed-builder.ts';
import { freshStores } from '../support/local-resources.ts';
import { storedPostIds } from '../support/stored.ts';

const campaign = crmCampaign;
const DAY = 86_400_000;
const options = walkOptions;

/** A request X refuses with a 400: an id beside a time. */
const mixesIdsAndTimes = (r: URLSearchParams) =>
  (r.has('since_id') || r.has('until_id')) && (r.has('start_time') || r.has('end_time'));

describe('cursors older than X’s 7-day window restart at its edge and record the gap', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now: Date;
  const clock = { now: () => now };

  async function start(feed: Feed, xNow: () => number = Date.now, onRequest?: (n: number) => void) {
    server = await startFakeXServer({
      feed,
      now: xNow,
      faultFor: (n) => {
        onRequest?.(n);
        return undefined;
      },
    });
    return xDiscoveryDeps(stores, server.url, clock);
  }

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(campaign);
  });
  afterEach(async () => server?.stop());

  it('a since_id 30 days old becomes start_time = now − 7 days, and the run says what may be missing', async () => {
    const feed = buildFeed({ posts: 120, authors: 30 });
    const old = new Date(now.getTime() - 30 * DAY);
    await stores.campaigns.saveCursor(campaign.id, { source: 'x', sinceId: snowflakeAt(old.getTime()) });
    const deps = await start(feed);

    const result = await discoverPosts(deps, options);

    const startTime = new Date(now.getTime() - 7 * DAY + 15 * 60_000).toISOString();
    expect(result.runs[0]).toMatchObject({
      complete: true,
      postsNew: 120,
      gap: { from: old.toISOString(), to: startTime },
    });
    expect(server.requests[0]?.get('since_id')).toBeNull();
    expect(server.requests[0]?.get('start_time')).toBe(startTime);
    expect((await stores.runs.listRuns(campaign.id, 1))[0]?.gap).toEqual({
      from: old.toISOString(),
      to: startTime,
    });
    expect(await stores.campaigns.getCursor(campaign.id)).toMatchObject({ sinceId: feed.tweets.at(-1)?.id });
  });

  it('a shorter backfill bounds the restart, and a pending walk whose markers fell out is closed', async () => {
    const feed = buildFeed({ posts: 120, authors: 30 });
    const old = now.getTime() - 20 * DAY;
    await stores.campaigns.saveCursor(campaign.id, {
      source: 'x',
      sinceId: snowflakeAt(old),
      pendingNewestId: snowflakeAt(old + 2 * DAY),
      pendingUntilId: snowflakeAt(old + DAY),
    });
    const deps = await start(feed);

    const result = await discoverPosts(deps, { ...options, backfillDays: 1 });

    const startTime = new Date(now.getTime() - DAY + 15 * 60_000).toISOString();
    expect(result.runs[0]).toMatchObject({ complete: true, postsNew: 120, gap: { to: startTime } });
    expect(server.requests.map((r) => r.has('until_id') || r.has('since_id'))).toEqual([false, false]);
    expect(server.requests[0]?.get('start_time')).toBe(startTime);
  });

  it('a campaign paused for 8 days resumes from the window’s edge instead of a 400 every cycle', async () => {
    const before = buildFeed({ posts: 50, authors: 10 });
    let deps = await start(before);
    await discoverPosts(deps, options);
    await stores.campaigns.putCampaign({ ...campaign, active: false });
    await server.stop();

    const later = new Date(now.getTime() + 8 * DAY);
    const after = buildFeed({ posts: 120, authors: 30, now: later });
    now = later;
    deps = await start({ tweets: [...before.tweets, ...after.tweets], users: after.users }, () =>
      later.getTime(),
    );
    const paused = await discoverPosts(deps, { ...options, force: false });
    await stores.campaigns.putCampaign(campaign);
    const resumed = await discoverPosts(deps, options);
    const next = await discoverPosts(deps, options);

    expect(paused.runs).toEqual([]);
    expect(resumed.runs[0]).toMatchObject({ complete: true, postsNew: 120, gap: { to: expect.any(String) } });
    expect(next.runs[0]).toMatchObject({ complete: true, postsRead: 0 });
    expect(next.runs[0]?.gap).toBeUndefined();
    expect(server.requests.filter(mixesIdsAndTimes)).toEqual([]);
    expect((await storedPostIds(stores.table)).length).toBe(170);
  });

  it('resuming an interrupted first backfill sends ids only, never until_id beside start_time', async () => {
    const feed = buildFeed({ posts: 250, authors: 60 });
    const deps = await start(feed);
    let budget = 2;
    const tight = { ...options, remainingMs: () => (budget-- > 1 ? 600_000 : 0) };

    const first = await discoverPosts(deps, tight);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'time-budget', pages: 1 });
    expect(second.runs[0]).toMatchObject({ complete: true, postsNew: 150, postsDuplicate: 0 });
    expect(server.requests.filter(mixesIdsAndTimes)).toEqual([]);
    expect(server.requests[1]?.get('until_id')).toBe(feed.tweets.at(-100)?.id);
    expect(await storedPostIds(stores.table)).toEqual(feed.tweets.map((t) => t.id).sort());
  });

  it('a first walk whose later pages come 10 minutes on still has its start_time inside X’s window', async () => {
    const feed = buildFeed({ posts: 250, authors: 60 });
    let skew = 0;
    const deps = await start(
      feed,
      () => Date.now() + skew,
      (n) => {
        if (n === 2) skew = 10 * 60_000;
      },
    );

    const result = await discoverPosts(deps, options);

    expect(result.runs[0]).toMatchObject({ complete: true, postsNew: 250, pages: 3 });
    expect(server.requests[0]?.get('start_time')).not.toBeNull();
  });
});
