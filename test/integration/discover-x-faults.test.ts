import { Agent } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeXServer, type Fault, startFakeXServer } from '../../local/fake-x/server.ts';
import { XSocialSource } from '../../shared/adapters/x/x-source.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { freshStores } from '../support/local-resources.ts';
import { storedPostIds } from '../support/stored.ts';

const campaign = crmCampaign;
const other = { ...crmCampaign, id: 'crm-other', name: 'CRM other' };
const feed = buildFeed({ posts: 150, authors: 40 });
const allIds = feed.tweets.map((t) => t.id).sort();
const options = walkOptions;

/** No request may pair an id with a time: X answers that with a 400. */
const mixesIdsAndTimes = (r: URLSearchParams) =>
  (r.has('since_id') || r.has('until_id')) && (r.has('start_time') || r.has('end_time'));

describe('X faults on loopback: each stops the campaign cleanly and the next cycle resumes exactly', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now = new Date();
  const clock = { now: () => now };

  async function start(faultFor?: (n: number) => Fault | undefined, timeoutMs?: number) {
    server = await startFakeXServer({ feed, faultFor, slowMs: 3_000 });
    const deps = xDiscoveryDeps(stores, server.url, clock);
    if (timeoutMs === undefined) return deps;
    const x = new XSocialSource({
      bearerToken: 'local-token',
      baseUrl: server.url,
      httpAgent: new Agent({ rejectUnauthorized: false }),
      requestTimeoutMs: timeoutMs,
    });
    return { ...deps, sources: { x } };
  }

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(campaign);
  });
  afterEach(async () => server?.stop());

  it('a 503 stops the campaign; the next cycle resumes at once with exactly the feed', async () => {
    const deps = await start((n) => (n === 2 ? 'server-error' : undefined));

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'source-unavailable', postsNew: 100, complete: false });
    expect(first.runs[0]?.error).toContain('503');
    expect(second.runs[0]).toMatchObject({ postsNew: 50, postsDuplicate: 0, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
    expect(server.requests.filter(mixesIdsAndTimes)).toEqual([]);
  });

  it('a request X never answers times out; the cycle stops and the next one resumes exactly', async () => {
    const deps = await start((n) => (n === 2 ? 'slow' : undefined), 500);

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'source-unavailable', postsNew: 100 });
    expect(first.runs[0]?.error).toBe('X did not answer within 500 ms');
    expect(second.runs[0]).toMatchObject({ postsNew: 50, postsDuplicate: 0, complete: true });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });

  it('a 200 cut off half-way stops the campaign, not the run, and the next cycle resumes exactly', async () => {
    await stores.campaigns.putCampaign(other);
    const deps = await start((n) => (n === 2 ? 'truncated' : undefined));

    const first = await discoverPosts(deps, { ...options, concurrency: 1 });
    const second = await discoverPosts(deps, { ...options, concurrency: 1 });

    const byId = (r: typeof first, id: string) => r.runs.find((run) => run.campaignId === id);
    const cut = first.runs.find((r) => r.stoppedBy === 'source-unavailable');
    expect(cut?.error).toMatch(/^X cut its answer short/);
    expect(first.runs.filter((r) => r.complete)).toHaveLength(1);
    expect(byId(second, cut?.campaignId ?? '')).toMatchObject({ complete: true, postsRead: 50 });
    expect(await storedPostIds(stores.table)).toEqual(allIds);
  });

  it('the monthly usage cap stops every X campaign until the cap resets, says so, and spends no more requests', async () => {
    await stores.campaigns.putCampaign(other);
    const deps = await start((n) => (n === 2 ? 'usage-cap' : undefined));

    const first = await discoverPosts(deps, { ...options, concurrency: 1 });
    const requests = server.requests.length;
    now = new Date(now.getTime() + 16 * 60_000);
    const later = await discoverPosts(deps, { ...options, concurrency: 1 });

    const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
    expect(first.runs.map((r) => [r.stoppedBy, r.resumesAt])).toEqual([
      ['usage-cap', reset],
      ['usage-cap', reset],
    ]);
    expect(first.runs[0]?.error).toContain('Monthly product cap');
    expect(requests).toBe(2);
    expect(later.runs.map((r) => [r.stoppedBy, r.pages])).toEqual([
      ['usage-cap', 0],
      ['usage-cap', 0],
    ]);
    expect(server.requests.length).toBe(2);
    const recorded = await stores.runs.listRuns(campaign.id, 5);
    expect(recorded.map((r) => r.stoppedBy)).toEqual(['usage-cap', 'usage-cap']);
  });

  it('a 403 for an app not enrolled in a project stops the source for the run, naming the reason', async () => {
    await stores.campaigns.putCampaign(other);
    const deps = await start(() => 'client-not-enrolled');

    const result = await discoverPosts(deps, { ...options, concurrency: 1 });

    expect(result.runs.map((r) => r.stoppedBy)).toEqual(['source-refused', 'source-refused']);
    expect(result.runs[0]?.error).toMatch(/403.*client-not-enrolled/);
    expect(server.requests.length).toBe(1);
  });

  it('a 200 that carries errors keeps its good posts and rejects the ones it names, with X’s reason', async () => {
    const deps = await start((n) => (n === 1 ? 'partial-errors' : undefined));

    const result = await discoverPosts(deps, options);

    const run = result.runs[0];
    const missing = feed.tweets.at(-1)?.author_id;
    const lost = feed.tweets.slice(-100).filter((t) => t.author_id === missing);
    expect(run).toMatchObject({ complete: true, postsRead: 150, postsRejected: lost.length });
    expect(run?.rejections[0]).toContain(`(X: Could not find user with author_id: [${missing}].)`);
    expect((await storedPostIds(stores.table)).length).toBe(150 - lost.length);
  });
});
