import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHnFixture, type HnFixture } from '../../../local/fake-sources/hackernews-fixture.ts';
import { startFakeHackerNewsServer } from '../../../local/fake-sources/hackernews-server.ts';
import type { Fault } from '../../../local/fake-sources/http-kit.ts';
import { HackerNewsSocialSource } from '../../../shared/adapters/hackernews/hackernews-source.ts';
import {
  RateLimitedError,
  type SearchRequest,
  SourceUnavailableError,
} from '../../../shared/ports/social-source.ts';

const now = new Date('2026-11-20T12:00:00Z');
const request: SearchRequest = { query: 'crm', maxResults: 100, startTime: '2026-11-13T12:00:00Z' };
let servers: { stop(): Promise<void> }[] = [];

async function start(fixture: HnFixture, faultFor?: (n: number) => Fault | undefined) {
  const server = await startFakeHackerNewsServer({ fixture, faultFor });
  servers.push(server);
  return { server, source: new HackerNewsSocialSource({ baseUrl: server.url, now: () => now }) };
}

async function walkAll(source: HackerNewsSocialSource) {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await source.search({ ...request, nextToken });
    ids.push(...page.posts.map((p) => p.id));
    nextToken = page.nextToken;
  } while (nextToken);
  return ids;
}

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

describe('the Hacker News source against the fake HN Search API', () => {
  it('looks each distinct author up once per page and strips their about HTML', async () => {
    const { server, source } = await start(buildHnFixture({ posts: 30, authors: 7, now }));

    const page = await source.search(request);

    expect(server.lookups.sort()).toEqual([
      'buyer0',
      'buyer1',
      'buyer2',
      'buyer3',
      'buyer4',
      'buyer5',
      'buyer6',
    ]);
    expect(page.authors.get('buyer0')).toMatchObject({
      bio: 'VP Sales at Example Co & advisor',
      postsCount: 50,
    });
    expect(server.requests[0]?.get('tags')).toBe('(story,comment)');
    expect(server.requests[0]?.get('numericFilters')).toBe(
      `created_at_i>=${Date.parse(request.startTime ?? '') / 1000}`,
    );
  });

  it('keeps a post whose author has no HN profile, with an empty one', async () => {
    const fixture = buildHnFixture({ posts: 5, authors: 2, now });
    const { source } = await start({
      ...fixture,
      users: fixture.users.filter((u) => u.username !== 'buyer1'),
    });

    const page = await source.search(request);

    expect(page.posts).toHaveLength(5);
    expect(page.authors.get('buyer1')).toMatchObject({ handle: 'buyer1', bio: '', postsCount: 0 });
  });

  it('walks past Algolia’s 1,000-hit ceiling and across split seconds without a gap or repeat', async () => {
    const fixture = buildHnFixture({ posts: 1234, authors: 5, now });
    const { source } = await start(fixture);

    const ids = await walkAll(source);

    expect(ids).toHaveLength(1234);
    expect(new Set(ids).size).toBe(1234);
  });

  it('turns a 429 into RateLimitedError, backing off 15 minutes when no Retry-After is sent', async () => {
    const { source } = await start(buildHnFixture({ posts: 5, authors: 2, now }), () => 'rate-limit');

    await expect(source.search(request)).rejects.toEqual(
      new RateLimitedError(new Date('2026-11-20T12:15:00Z')),
    );
  });

  it('turns 5xx, refused connections and timeouts into SourceUnavailableError', async () => {
    const { source } = await start(buildHnFixture({ posts: 5, authors: 2, now }), () => 'server-error');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    servers.push({
      stop: () =>
        new Promise((r) => {
          silent.closeAllConnections();
          silent.close(() => r());
        }),
    });

    await expect(source.search(request)).rejects.toThrowError(SourceUnavailableError);
    await expect(
      new HackerNewsSocialSource({ baseUrl: 'http://127.0.0.1:1' }).search(request),
    ).rejects.toThrowError(SourceUnavailableError);
    await expect(
      new HackerNewsSocialSource({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 }).search(request),
    ).rejects.toThrowError(/Hacker News unreachable/);
  });
});
