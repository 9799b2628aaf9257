import { readFileSync } from 'node:fs';
import * as z from 'zod';

/** Raw X API v2 objects as the sample feed stores them (the fake server serves these). */
export type WireTweet = Record<string, unknown> & {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
};
export type WireUser = Record<string, unknown> & { id: string; username: string };

const FeedFileSchema = z.object({
  anchor: z.iso.datetime(),
  tweets: z.array(
    z.looseObject({ id: z.string(), text: z.string(), author_id: z.string(), created_at: z.iso.datetime() }),
  ),
  users: z.array(z.looseObject({ id: z.string(), username: z.string() })),
});

export interface Feed {
  tweets: WireTweet[];
  users: WireUser[];
}

/**
 * Moves a tweet id by `shiftMs`: a snowflake's top bits are its creation time in milliseconds
 * (ms = (id >> 22) + 1288834974657), so ids keep encoding `created_at` after the clock moves.
 */
export function shiftSnowflake(id: string, shiftMs: number): string {
  return (BigInt(id) + (BigInt(shiftMs) << 22n)).toString();
}

/**
 * Loads a feed file and moves its clock so the newest post is `newestAgeMs` old now: the sample
 * always looks like last week's posts, inside X's 7-day recent-search window. Tweet ids (and the
 * ids that point at tweets) move with it, as X checks ids against its window by their time.
 */
export function loadFeed(path: string, now = new Date(), newestAgeMs = 5 * 60_000): Feed {
  const file = FeedFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const newest = Math.max(...file.tweets.map((t) => Date.parse(t.created_at)));
  const shift = now.getTime() - newestAgeMs - newest;
  const move = (id: unknown) => (typeof id === 'string' ? shiftSnowflake(id, shift) : id);
  return {
    tweets: file.tweets.map((t) => ({
      ...t,
      id: move(t.id),
      ...(t.conversation_id ? { conversation_id: move(t.conversation_id) } : {}),
      ...(Array.isArray(t.referenced_tweets)
        ? {
            referenced_tweets: (t.referenced_tweets as { type: string; id: string }[]).map((r) => ({
              ...r,
              id: move(r.id),
            })),
          }
        : {}),
      created_at: new Date(Date.parse(t.created_at) + shift).toISOString(),
    })) as WireTweet[],
    users: file.users as WireUser[],
  };
}
