import type { Source } from './post.ts';

/**
 * What an author id looks like on each network: X snowflakes, Reddit account fullnames (`t2_…`),
 * Hacker News usernames, Bluesky DIDs. Ids arrive in URLs; anything else is refused before it
 * becomes a DynamoDB key (a key has at most 2,048 bytes, and a 3,000-character id is no author).
 */
export const AUTHOR_ID_PATTERNS: Record<Source, RegExp> = {
  x: /^\d{1,20}$/,
  reddit: /^t2_[a-z0-9]{1,16}$/,
  hackernews: /^[A-Za-z0-9_-]{1,32}$/,
  bluesky: /^did:(?:plc:[a-z2-7]{24}|web:[A-Za-z0-9.%:-]{1,253})$/,
};

/** Post ids, in engagement reports: any network's, bounded. */
export const POST_ID_PATTERN = /^[A-Za-z0-9:_./-]{1,300}$/;
