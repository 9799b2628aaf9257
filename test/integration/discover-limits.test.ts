import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import type { Metrics } from '../../shared/ports/metrics.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { freshStores } from '../support/local-resources.ts';
import { storedPostIds } from '../support/stored.ts';

const campaign = crmCampaign;
const feed = buildFeed({ posts: 250, authors: 60 });
const allIds = feed.tweets.map((t) => t.id).sort();
/** Cadence applies here: runs are forced only where a test says so. */
const options = { ...walkOptions, force: false };

function recordingMetrics(): Metrics & { seen: Record<string, number> } {
  const seen: Record<string, number> = {};
  return {
    seen,
    count: (name, value, dims) => {
      seen[`${name}/${dims?.campaign}`] = value;
    },
  };
}

describe('discovery limits: cadence, post budgets, rate-limit headers, run stats', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now: Date;
  const clock = { now: () => now };
  const metrics = recordingMetrics();

  async function start(rateLimit?: number) {
    server = await startFakeXServer({ feed, rateLimit });
    return { ...xDiscoveryDeps(stores, server.url, clock), metrics };
  }

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(campaign);
  });
  afterEach(async () => server?.stop());

  it('runs a campaign only when its cadence has passed, and records each run', async () => {
    const deps = await start();

    const first = await discoverPosts(deps, options);
    now = new Date(now.getTime() + 5 * 60_000);
    const early = await discoverPosts(deps, options);
    now = new Date(now.getTime() + 11 * 60_000);
    const due = await discoverPosts(deps, options);

    expect(first.runs.map((r) => r.postsNew)).toEqual([250]);
    expect(early.runs).toEqual([]);
    expect(due.runs).toHaveLength(1);
    const runs = await stores.runs.listRuns(campaign.id, 10);
    expect(runs.map((r) => [r.postsRead, r.pages])).toEqual([
      [0, 1],
      [250, 3],
    ]);
    expect(metrics.seen['PostsNew/crm-test']).toBe(0);
    expect(metrics.seen['Pages/crm-test']).toBe(1);
  });

  it('stops when the campaign’s monthly post budget is spent, says so, and never reads past it', async () => {
    await stores.campaigns.putCampaign({ ...campaign, monthlyPostBudget: 120 });
    const deps = await start();

    const result = await discoverPosts(deps, { ...options, force: true });
    const again = await discoverPosts(deps, { ...options, force: true });

    expect(result.runs[0]).toMatchObject({ stoppedBy: 'post-budget', postsRead: 120, budgetLeft: 0 });
    expect(server.requests.map((r) => r.get('max_results'))).toEqual(['100', '20']);
    expect(again.runs[0]).toMatchObject({ stoppedBy: 'post-budget', pages: 0 });
    expect((await storedPostIds(stores.table)).length).toBe(120);
    expect(
      await stores.budgets.used(['account', 'campaign#crm-test'], now.toISOString().slice(0, 7)),
    ).toEqual({ account: 120, 'campaign#crm-test': 120 });
  });

  it('stops on the account budget shared by all campaigns', async () => {
    const deps = await start();

    const result = await discoverPosts(deps, { ...options, force: true, accountMonthlyBudget: 150 });

    expect(result.runs[0]).toMatchObject({ stoppedBy: 'post-budget', postsRead: 150 });
  });

  it('stops before a certain 429 when x-rate-limit-remaining says 0, and resumes after the reset without a gap', async () => {
    const deps = await start(2);

    const first = await discoverPosts(deps, { ...options, force: true });
    const requestsAfterFirst = server.requests.length;
    now = new Date(Date.now() + 16 * 60_000);
    await server.stop();
    const resumed = await discoverPosts(await start(), { ...options, force: true });

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'rate-limit', pages: 2, postsNew: 200 });
    expect(requestsAfterFirst).toBe(2);
    expect(resumed.runs[0]).toMatchObject({ complete: true, postsNew: 50 });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });

  it('starts afresh when a campaign moves to another source', async () => {
    await stores.campaigns.saveCursor(campaign.id, { source: 'reddit', sinceId: '1795168800:t3_abc' });
    const deps = await start();

    const result = await discoverPosts(deps, { ...options, force: true });

    expect(result.runs[0]).toMatchObject({ complete: true, postsNew: 250 });
    expect(server.requests[0]?.get('since_id')).toBeNull();
  });
});
