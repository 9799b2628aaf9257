import { afterEach, describe, expect, it } from 'vitest';
import { type BskyFixture, buildBskyFixture } from '../../../local/fake-sources/bluesky-fixture.ts';
import {
  type FakeBlueskyOptions,
  startFakeBlueskyServer,
} from '../../../local/fake-sources/bluesky-server.ts';
import type { Fault } from '../../../local/fake-sources/http-kit.ts';
import { TokenRefusedError } from '../../../shared/adapters/access-tokens.ts';
import { BlueskySocialSource } from '../../../shared/adapters/bluesky/bluesky-source.ts';
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
  fixture: BskyFixture,
  extra: Partial<FakeBlueskyOptions> = {},
  faultFor?: (n: number) => Fault | undefined,
) {
  const server = await startFakeBlueskyServer({ fixture, token: 'jwt', faultFor, ...extra });
  stops.push(server.stop);
  return { server, source: new BlueskySocialSource({ baseUrl: server.url, token: 'jwt', now: () => now }) };
}

afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
});

describe('the Bluesky source against the fake XRPC host', () => {
  it('searches latest-first within the window and looks authors up 25 at a time', async () => {
    const { server, source } = await start(buildBskyFixture({ posts: 100, authors: 60, now }));

    const page = await source.search(request);

    expect(Object.fromEntries(server.requests[0] ?? [])).toMatchObject({
      q: 'crm',
      sort: 'latest',
      limit: '100',
      since: request.startTime,
    });
    expect(server.lookups.map((batch) => batch.length)).toEqual([25, 25, 10]);
    expect(page.authors.size).toBe(60);
    expect(page.authors.get(page.posts[0]?.authorId ?? '')).toMatchObject({ followers: expect.any(Number) });
    expect(page.posts.map((p) => p.kind)).toEqual(expect.arrayContaining(['original', 'reply', 'quote']));
  });

  it('sends untilId as an exclusive bound one millisecond later, so its millisecond is read again', async () => {
    const { server, source } = await start(buildBskyFixture({ posts: 10, authors: 3, now }));

    await source.search({ ...request, untilId: '2026-11-20T10:00:00.123Z' });

    expect(server.requests[0]?.get('until')).toBe('2026-11-20T10:00:00.124Z');
  });

  it('keeps posts when getProfiles fails, with what the post says about its author', async () => {
    const { source } = await start(buildBskyFixture({ posts: 5, authors: 2, now }), { failProfiles: true });

    const page = await source.search(request);

    expect(page.posts).toHaveLength(5);
    expect(page.authors.get(page.posts[0]?.authorId ?? '')).toMatchObject({
      name: expect.stringMatching(/^Buyer /),
      bio: '',
      followers: 0,
    });
  });

  it('restarts below the oldest post read when the offset cursor runs out', async () => {
    const fixture = buildBskyFixture({ posts: 250, authors: 5, now });
    const { source } = await start(fixture, { offsetCap: 100 });
    const ids = new Set<string>();
    let nextToken: string | undefined;

    do {
      const page = await source.search({ ...request, nextToken });
      for (const p of page.posts) ids.add(p.id);
      nextToken = page.nextToken;
    } while (nextToken);

    expect(ids.size).toBe(250);
  });

  it('turns a 429 into RateLimitedError at the epoch ratelimit-reset', async () => {
    const { source } = await start(buildBskyFixture({ posts: 5, authors: 2, now }), {}, () => 'rate-limit');

    const error = await source.search(request).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    const waitS = ((error as RateLimitedError).resetAt.getTime() - Date.now()) / 1000;
    expect(waitS).toBeGreaterThan(290);
    expect(waitS).toBeLessThanOrEqual(301);
  });

  it('turns a missing session (TokenRefusedError) and an upstream failure into SourceUnavailableError', async () => {
    const { server } = await start(buildBskyFixture({ posts: 5, authors: 2, now }), {}, () => 'server-error');

    const missing = new BlueskySocialSource({ baseUrl: server.url }).search(request);
    await expect(missing).rejects.toThrowError(new TokenRefusedError('Bluesky answered 401 AuthMissing'));
    await expect(missing).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(
      new BlueskySocialSource({ baseUrl: server.url, token: 'jwt' }).search(request),
    ).rejects.toThrowError(new SourceUnavailableError('Bluesky answered 502 UpstreamFailure'));
  });
});
