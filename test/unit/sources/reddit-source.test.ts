import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../local/fake-sources/http-kit.ts';
import { buildRedditFixture, type RedditFixture } from '../../../local/fake-sources/reddit-fixture.ts';
import { type FakeRedditOptions, startFakeRedditServer } from '../../../local/fake-sources/reddit-server.ts';
import { TokenRefusedError } from '../../../shared/adapters/access-tokens.ts';
import { RedditSocialSource } from '../../../shared/adapters/reddit/reddit-source.ts';
import {
  RateLimitedError,
  type SearchRequest,
  SourceUnavailableError,
} from '../../../shared/ports/social-source.ts';

const now = new Date();
const request: SearchRequest = {
  query: 'crm',
  maxResults: 100,
  startTime: new Date(now.getTime() - 7 * 86_400_000).toISOString(),
};
let stops: (() => Promise<void>)[] = [];

async function start(
  fixture: RedditFixture,
  extra: Partial<FakeRedditOptions> = {},
  faultFor?: (n: number) => Fault | undefined,
) {
  const server = await startFakeRedditServer({ fixture, token: 't', faultFor, ...extra });
  stops.push(server.stop);
  return { server, source: new RedditSocialSource({ baseUrl: server.url, token: 't', now: () => now }) };
}

afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});

describe('the Reddit source against the fake oauth.reddit.com', () => {
  it('asks for new link results with raw JSON, and reports the rate-limit headers', async () => {
    const { server, source } = await start(buildRedditFixture({ posts: 10, authors: 3, now }));

    const page = await source.search(request);

    expect(Object.fromEntries(server.requests[0] ?? [])).toMatchObject({
      q: 'crm',
      sort: 'new',
      type: 'link',
      limit: '100',
      raw_json: '1',
    });
    expect(page.posts).toHaveLength(10);
    expect(page.rateLimit?.remaining).toBe(999);
  });

  it('stops at the first post older than sinceId and never asks past it', async () => {
    const fixture = buildRedditFixture({ posts: 250, authors: 3, now });
    const { server, source } = await start(fixture);
    const first = await source.search(request);
    const sinceId = first.newestId;
    fixture.links.push({
      ...(fixture.links.at(-1) as RedditFixture['links'][number]),
      id: 'zzzzzz1',
      name: 't3_zzzzzz1',
      created_utc: Math.floor(now.getTime() / 1000),
    });

    const next = await source.search({ ...request, sinceId });

    expect(next.posts.map((p) => p.id)).toEqual(['zzzzzz1', fixture.links[248]?.id]);
    expect(next.nextToken).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('rejects deleted authors and keeps the rest of the page', async () => {
    const { source } = await start(buildRedditFixture({ posts: 10, authors: 3, now, deleted: [7] }));

    const page = await source.search(request);

    expect(page.posts).toHaveLength(9);
    expect(page.rejected).toEqual([
      {
        id: expect.any(String),
        error: 'data.children[2].data.author: author is [deleted] (account gone, no prospect)',
      },
    ]);
  });

  it('resumes after the untilId post, and from the top when that post has left search', async () => {
    const fixture = buildRedditFixture({ posts: 250, authors: 3, now });
    const { server, source } = await start(fixture);
    const first = await source.search(request);
    const untilId = first.oldestId;

    const anchored = await source.search({ ...request, untilId });
    fixture.links.splice(
      fixture.links.findIndex((l) => `${Math.floor(l.created_utc)}:${l.name}` === untilId),
      1,
    );
    const fallback = await source.search({ ...request, untilId });

    expect(server.requests[1]?.get('after')).toBe(untilId?.split(':')[1]);
    expect(anchored.posts[0]?.id).toBe(fixture.links[149]?.id);
    expect(server.requests[2]?.get('after')).toBe(untilId?.split(':')[1]);
    expect(server.requests[3]?.get('after')).toBeNull();
    // From the top, the anchor's second is read again: its partner comes back (a duplicate), then older posts.
    expect(fallback.posts.slice(0, 2).map((p) => p.id)).toEqual([
      fixture.links[150]?.id,
      fixture.links[149]?.id,
    ]);
  });

  it('resets an anchor in a subreddit gone private instead of repeating the 403 every cycle', async () => {
    const fixture = buildRedditFixture({ posts: 250, authors: 3, now });
    const privateSubreddits = new Set<string>();
    const { server, source } = await start(fixture, { privateSubreddits });
    const untilId = (await source.search(request)).oldestId;
    const anchor = fixture.links.find((l) => l.name === untilId?.split(':')[1]);
    privateSubreddits.add(String(anchor?.subreddit));

    const resumed = await source.search({ ...request, untilId });

    expect(server.requests[1]?.get('after')).toBe(anchor?.name);
    expect(server.requests[2]?.get('after')).toBeNull();
    expect(resumed.posts.length).toBeGreaterThan(0);
    expect(resumed.posts.every((p) => !p.url.includes(`/r/${anchor?.subreddit}/`))).toBe(true);
  });

  it('the fake validates sort, type and q as Reddit does, and stops at its search depth', async () => {
    const fixture = buildRedditFixture({ posts: 300, authors: 3, now });
    const { server } = await start(fixture, { listingCap: 120 });
    const get = async (params: Record<string, string>) => {
      const res = await fetch(`${server.url}/search?${new URLSearchParams(params)}`, {
        headers: { authorization: 'bearer t' },
      });
      return {
        status: res.status,
        body: (await res.json()) as { data?: { children: unknown[]; after: string | null } },
      };
    };

    const badSort = await get({ q: 'crm', sort: 'newest' });
    const badType = await get({ q: 'crm', type: 'post' });
    const longQ = await get({ q: 'crm '.repeat(130), sort: 'new', type: 'link' });
    const users = await get({ q: 'crm', sort: 'new', type: 'user' });
    const top = await get({ q: 'crm', sort: 'top', type: 'link', limit: '100' });
    let after: string | null = null;
    let depth = 0;
    do {
      const page = await get({
        q: 'crm',
        sort: 'new',
        type: 'link',
        limit: '100',
        ...(after ? { after } : {}),
      });
      depth += page.body.data?.children.length ?? 0;
      after = page.body.data?.after ?? null;
    } while (after);

    expect([badSort.status, badType.status, longQ.status]).toEqual([400, 400, 400]);
    expect(users.body.data?.children).toEqual([]);
    const scores = ((top.body.data?.children ?? []) as { data: { score: number } }[]).map(
      (c) => c.data.score,
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(depth).toBe(120);
  });

  it('spends no request once Reddit says none are left', async () => {
    const { server, source } = await start(buildRedditFixture({ posts: 5, authors: 3, now }), {
      rateLimit: 1,
    });

    await source.search(request);
    const blocked = source.search(request);

    await expect(blocked).rejects.toThrowError(RateLimitedError);
    expect(server.requests).toHaveLength(1);
  });

  it('turns a 429 into RateLimitedError at now + x-ratelimit-reset', async () => {
    const { source } = await start(buildRedditFixture({ posts: 5, authors: 3, now }), {}, () => 'rate-limit');

    const error = await source.search(request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    const waitS = ((error as RateLimitedError).resetAt.getTime() - now.getTime()) / 1000;
    expect(waitS).toBeGreaterThan(590);
    expect(waitS).toBeLessThanOrEqual(600);
  });

  it('turns a refused token (TokenRefusedError) and an HTML 503 into SourceUnavailableError', async () => {
    const { server } = await start(
      buildRedditFixture({ posts: 5, authors: 3, now }),
      {},
      () => 'server-error',
    );

    const stale = new RedditSocialSource({ baseUrl: server.url, token: 'stale' }).search(request);
    await expect(stale).rejects.toThrowError(
      new TokenRefusedError('Reddit answered 401: the token was refused'),
    );
    await expect(stale).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(
      new RedditSocialSource({ baseUrl: server.url, token: 't' }).search(request),
    ).rejects.toThrowError(new SourceUnavailableError('Reddit answered 503'));
  });
});
