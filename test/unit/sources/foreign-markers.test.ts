import { describe, expect, it } from 'vitest';
import { BlueskySocialSource } from '../../../shared/adapters/bluesky/bluesky-source.ts';
import { HackerNewsSocialSource } from '../../../shared/adapters/hackernews/hackernews-source.ts';
import { RedditSocialSource } from '../../../shared/adapters/reddit/reddit-source.ts';
import type { SearchRequest } from '../../../shared/ports/social-source.ts';

// Nothing listens here: a refused marker must fail before any request is made.
const baseUrl = 'http://127.0.0.1:1';
const snowflake: SearchRequest = { query: 'crm', maxResults: 100, sinceId: '1860000000000000000' };

describe('a cursor marker from another source (say, a campaign moved off X)', () => {
  it('is refused by name instead of reading the whole history', async () => {
    await expect(new HackerNewsSocialSource({ baseUrl }).search(snowflake)).rejects.toThrowError(
      /^malformed page at sinceId: not a Hacker News marker/,
    );
    await expect(new RedditSocialSource({ baseUrl }).search(snowflake)).rejects.toThrowError(
      /^malformed page at sinceId: not a Reddit marker/,
    );
    await expect(
      new BlueskySocialSource({ baseUrl }).search({ ...snowflake, sinceId: undefined, untilId: '17' }),
    ).rejects.toThrowError(/^malformed page at untilId: not a Bluesky marker/);
  });
});
