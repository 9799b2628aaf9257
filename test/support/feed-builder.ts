import type { Feed, WireTweet, WireUser } from '../../local/fake-x/feed.ts';

const TWEPOCH = 1288834974657n;

/** A snowflake for `ms`, as X makes them: time in the top bits, `seq` in the low 22. */
export function snowflakeAt(ms: number, seq = 0): string {
  return (((BigInt(ms) - TWEPOCH) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

export interface FeedSpec {
  posts: number;
  authors: number;
  /** Newest post this long ago. */
  newestAgeMs?: number;
  now?: Date;
}

/**
 * A deterministic feed for tests: ids are snowflakes of their `created_at`, every post matches the
 * query `crm`, and every fifth post is a buying signal from a VP.
 */
export function buildFeed(spec: FeedSpec): Feed {
  const now = (spec.now ?? new Date()).getTime();
  const newest = now - (spec.newestAgeMs ?? 60_000);
  const users: WireUser[] = Array.from({ length: spec.authors }, (_, i) => ({
    id: String(1000 + i),
    username: `buyer${i}`,
    name: `Buyer ${i}`,
    description: i % 2 === 0 ? 'VP Sales at Example Co' : 'sales person',
    url: i % 2 === 0 ? 'https://example.com' : undefined,
    created_at: '2019-01-01T00:00:00.000Z',
    verified: false,
    public_metrics: { followers_count: 500 + i, following_count: 300, tweet_count: 2000, listed_count: 3 },
  }));
  const tweets: WireTweet[] = Array.from({ length: spec.posts }, (_, i) => {
    const createdMs = newest - (spec.posts - 1 - i) * 60_000;
    return {
      id: snowflakeAt(createdMs, i),
      text:
        i % 5 === 0 ? `we are evaluating a new crm, any recommendations? #${i}` : `crm thoughts number ${i}`,
      author_id: String(1000 + (i % spec.authors)),
      created_at: new Date(createdMs).toISOString(),
      lang: 'en',
      public_metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: i % 7,
        quote_count: 0,
        impression_count: 10,
      },
    };
  });
  return { tweets, users };
}
