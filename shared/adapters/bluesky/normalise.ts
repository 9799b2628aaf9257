import type { PostKind } from '../../domain/post.ts';
import type { ProspectProfile } from '../../domain/prospect.ts';
import type { FoundPost, RejectedRecord } from '../../ports/social-source.ts';
import { issueAt, parseEnvelope as parseWith } from '../wire-validation.ts';
import {
  type BskyPostRecord,
  type BskyPostView,
  BskyPostViewSchema,
  type BskyProfile,
  type BskySearchEnvelope,
  BskySearchEnvelopeSchema,
  POST_URI_PATTERN,
} from './wire.ts';

/** A broken envelope makes the whole page unusable: MalformedPageError names the field. */
export function parseEnvelope(body: unknown): BskySearchEnvelope {
  return parseWith(BskySearchEnvelopeSchema, body);
}

/** `at://did:plc:abc/app.bsky.feed.post/3kx…` → `{ did, rkey }`. */
export function parsePostUri(uri: string): { did: string; rkey: string } | undefined {
  const m = POST_URI_PATTERN.exec(uri);
  return m ? { did: m[1] as string, rkey: m[2] as string } : undefined;
}

/** A handle that failed verification is shown as `handle.invalid`; the DID link always works. */
function profileRef(handle: string, did: string): string {
  return handle === 'handle.invalid' ? did : handle;
}

/** The quoted post of a record embed (`app.bsky.embed.record` / `recordWithMedia`), if it is a post. */
function quotedUri(record: BskyPostRecord): string | undefined {
  const embed = record.embed as
    | { $type: string; record?: { uri?: unknown; record?: { uri?: unknown } } }
    | undefined;
  const uri =
    embed?.$type === 'app.bsky.embed.record'
      ? embed.record?.uri
      : embed?.$type === 'app.bsky.embed.recordWithMedia'
        ? embed.record?.record?.uri
        : undefined;
  return typeof uri === 'string' && POST_URI_PATTERN.test(uri) ? uri : undefined;
}

function kindOf(record: BskyPostRecord): { kind: PostKind; referencedPostId?: string } {
  if (record.reply) return { kind: 'reply', referencedPostId: record.reply.parent.uri };
  const quoted = quotedUri(record);
  return quoted ? { kind: 'quote', referencedPostId: quoted } : { kind: 'original' };
}

function toPost(view: BskyPostView, rkey: string): FoundPost {
  return {
    source: 'bluesky',
    // The full at:// URI: an rkey is only unique within one account's repository.
    id: view.uri,
    text: view.record.text,
    url: `https://bsky.app/profile/${profileRef(view.author.handle, view.author.did)}/post/${rkey}`,
    createdAt: view.record.createdAt,
    authorId: view.author.did,
    lang: view.record.langs?.[0],
    ...kindOf(view.record),
    metrics: {
      likes: view.likeCount ?? 0,
      replies: view.replyCount ?? 0,
      reposts: view.repostCount ?? 0,
      quotes: view.quoteCount ?? 0,
    },
  };
}

/**
 * Validates one post view. A bad post becomes a rejected record naming its field (`posts[i].field`)
 * so one broken record never costs the rest of the page. The URI's DID must be the author's.
 */
export function normalisePost(
  raw: unknown,
  index: number,
): { post: FoundPost; author: BskyPostView['author'] } | { rejected: RejectedRecord } {
  const parsed = BskyPostViewSchema.safeParse(raw);
  const uri = (raw as { uri?: unknown } | null)?.uri;
  const id = typeof uri === 'string' ? uri : undefined;
  if (!parsed.success) return { rejected: { id, error: issueAt(`posts[${index}]`, parsed.error) } };
  const ref = parsePostUri(parsed.data.uri);
  if (!ref || ref.did !== parsed.data.author.did) {
    return { rejected: { id, error: `posts[${index}].uri: repository ${ref?.did} is not the author's DID` } };
  }
  return { post: toPost(parsed.data, ref.rkey), author: parsed.data.author };
}

function isoOrUndefined(value: string | undefined): string | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * The author's profile: the detailed view when getProfiles returned one, else what the post itself
 * carries (handle, display name) with empty counts, so a failed lookup never costs the post.
 */
export function toProfile(author: BskyPostView['author'], detailed?: BskyProfile): ProspectProfile {
  const handle = detailed?.handle ?? author.handle;
  return {
    source: 'bluesky',
    authorId: author.did,
    handle,
    name: detailed?.displayName ?? author.displayName ?? '',
    bio: detailed?.description ?? '',
    profileUrl: `https://bsky.app/profile/${profileRef(handle, author.did)}`,
    followers: detailed?.followersCount ?? 0,
    following: detailed?.followsCount ?? 0,
    postsCount: detailed?.postsCount ?? 0,
    accountCreatedAt: isoOrUndefined(detailed?.createdAt),
    verified: detailed?.verification?.verifiedStatus === 'valid',
  };
}
