import type { ProspectProfile } from '../../domain/prospect.ts';
import type { FoundPost, RejectedRecord } from '../../ports/social-source.ts';
import { issueAt, parseEnvelope as parseWith } from '../wire-validation.ts';
import {
  RedditChildSchema,
  type RedditLink,
  RedditLinkSchema,
  type RedditListing,
  RedditListingSchema,
} from './wire.ts';

/** A broken Listing makes the whole page unusable: MalformedPageError names the field. */
export function parseListing(body: unknown): RedditListing {
  return parseWith(RedditListingSchema, body);
}

/** Where a child sits in time, read leniently so paging works even when the child is rejected. */
export function placement(raw: unknown): { seconds?: number; fullname?: string } {
  const data = (raw as { data?: { created_utc?: unknown; name?: unknown } } | null)?.data;
  const seconds =
    typeof data?.created_utc === 'number' && data.created_utc >= 0 ? data.created_utc : undefined;
  const fullname = typeof data?.name === 'string' && /^t3_[a-z0-9]+$/.test(data.name) ? data.name : undefined;
  return { seconds: seconds === undefined ? undefined : Math.floor(seconds), fullname };
}

function toPost(link: RedditLink): FoundPost {
  return {
    source: 'reddit',
    id: link.id,
    text: [link.title, link.selftext].filter((s) => s.trim() !== '').join('\n\n'),
    url: `https://www.reddit.com${link.permalink}`,
    createdAt: new Date(Math.floor(link.created_utc * 1000)).toISOString(),
    authorId: link.author_fullname,
    kind: 'original',
    metrics: {
      likes: Math.max(0, link.score),
      replies: link.num_comments,
      reposts: link.num_crossposts ?? 0,
      quotes: 0,
    },
  };
}

/**
 * Search results carry only the author's name and fullname; a profile call (`/user/{name}/about`)
 * per author would double the request budget, so bio and counts stay empty. The fullname (`t2_…`)
 * is the id because usernames of deleted accounts are reused as `[deleted]`.
 */
export function toProfile(link: RedditLink): ProspectProfile {
  return {
    source: 'reddit',
    authorId: link.author_fullname,
    handle: link.author,
    name: link.author,
    bio: '',
    profileUrl: `https://www.reddit.com/user/${encodeURIComponent(link.author)}`,
    followers: 0,
    following: 0,
    postsCount: 0,
    verified: false,
  };
}

/**
 * Validates one listing child. A bad child (including one whose author deleted their account, so it
 * has no person behind it) becomes a rejected record naming its field; the rest of the page is used.
 */
export function normaliseChild(
  raw: unknown,
  index: number,
): { post: FoundPost; author: ProspectProfile } | { rejected: RejectedRecord } {
  const prefix = `data.children[${index}]`;
  const child = RedditChildSchema.safeParse(raw);
  if (!child.success) return { rejected: { error: issueAt(prefix, child.error) } };
  const data = child.data.data as { id?: unknown; author?: unknown } | null;
  const id = typeof data?.id === 'string' ? data.id : undefined;
  if (data?.author === '[deleted]') {
    return {
      rejected: { id, error: `${prefix}.data.author: author is [deleted] (account gone, no prospect)` },
    };
  }
  const link = RedditLinkSchema.safeParse(child.data.data);
  if (!link.success) return { rejected: { id, error: issueAt(`${prefix}.data`, link.error) } };
  return { post: toPost(link.data), author: toProfile(link.data) };
}
