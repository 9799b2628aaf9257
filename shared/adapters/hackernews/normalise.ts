import type { ProspectProfile } from '../../domain/prospect.ts';
import type { FoundPost, RejectedRecord } from '../../ports/social-source.ts';
import { issueAt, parseEnvelope as parseWith } from '../wire-validation.ts';
import { htmlToText } from './html-text.ts';
import {
  type HnHit,
  HnHitSchema,
  type HnSearchEnvelope,
  HnSearchEnvelopeSchema,
  type HnUser,
} from './wire.ts';

/** A broken envelope makes the whole page unusable: MalformedPageError names the field. */
export function parseEnvelope(body: unknown): HnSearchEnvelope {
  return parseWith(HnSearchEnvelopeSchema, body);
}

/** The hit's `created_at_i` if it is readable, for paging even when the rest of the hit is not. */
export function hitSeconds(raw: unknown): number | undefined {
  const t = (raw as { created_at_i?: unknown } | null)?.created_at_i;
  return typeof t === 'number' && Number.isInteger(t) && t >= 0 ? t : undefined;
}

function isComment(hit: HnHit): boolean {
  if (hit._tags?.includes('comment')) return true;
  if (hit._tags?.includes('story')) return false;
  return hit.comment_text != null;
}

function toPost(hit: HnHit): FoundPost {
  const comment = isComment(hit);
  const body = comment ? htmlToText(hit.comment_text) : htmlToText(hit.story_text);
  const text = comment ? body : [hit.title ?? '', body].filter(Boolean).join('\n\n');
  return {
    source: 'hackernews',
    id: hit.objectID,
    text,
    url: `https://news.ycombinator.com/item?id=${hit.objectID}`,
    createdAt: hit.created_at,
    authorId: hit.author,
    kind: comment ? 'reply' : 'original',
    ...(comment && hit.parent_id != null ? { referencedPostId: String(hit.parent_id) } : {}),
    metrics: {
      likes: Math.max(0, hit.points ?? 0),
      replies: Math.max(0, hit.num_comments ?? 0),
      reposts: 0,
      quotes: 0,
    },
  };
}

/**
 * Validates one hit. A bad hit becomes a rejected record naming its field (`hits[i].field`) so
 * one broken record never costs the rest of the page.
 */
export function normaliseHit(
  raw: unknown,
  index: number,
): { post: FoundPost } | { rejected: RejectedRecord } {
  const parsed = HnHitSchema.safeParse(raw);
  if (parsed.success) return { post: toPost(parsed.data) };
  const id = (raw as { objectID?: unknown } | null)?.objectID;
  return {
    rejected: {
      id: typeof id === 'string' ? id : undefined,
      error: issueAt(`hits[${index}]`, parsed.error),
    },
  };
}

function isoOrUndefined(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * HN profiles carry an about text, karma and age but no followers or name; the username is the
 * stable id (HN never renames). Without a profile (lookup failed) the author still gets an empty one.
 */
export function toProfile(username: string, user?: HnUser): ProspectProfile {
  return {
    source: 'hackernews',
    authorId: username,
    handle: username,
    name: username,
    bio: htmlToText(user?.about),
    profileUrl: `https://news.ycombinator.com/user?id=${encodeURIComponent(username)}`,
    followers: 0,
    following: 0,
    postsCount: user?.submission_count ?? 0,
    accountCreatedAt: isoOrUndefined(user?.created_at),
    verified: false,
  };
}
