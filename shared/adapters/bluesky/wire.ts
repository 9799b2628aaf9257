import * as z from 'zod';

/** Bluesky (atproto `app.bsky.*`) shapes, as far as we rely on them. Anything else is ignored. */
export const DID_PATTERN = /^did:[a-z]+:[a-zA-Z0-9._:%-]+$/;
/** `at://<did>/app.bsky.feed.post/<rkey>`: the post's permanent, globally unique name. */
export const POST_URI_PATTERN =
  /^at:\/\/(did:[a-z]+:[a-zA-Z0-9._:%-]+)\/app\.bsky\.feed\.post\/([a-zA-Z0-9._~:-]{1,512})$/;

const did = z.string().regex(DID_PATTERN, 'expected a DID');
const datetime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative().optional();
const strongRef = z.object({ uri: z.string() });

/** The post record as its author wrote it (`app.bsky.feed.post`). */
export const BskyPostRecordSchema = z.object({
  text: z.string(),
  createdAt: datetime,
  langs: z.array(z.string()).optional(),
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
  embed: z.looseObject({ $type: z.string() }).optional(),
});
export type BskyPostRecord = z.infer<typeof BskyPostRecordSchema>;

/** `app.bsky.feed.defs#postView`. */
export const BskyPostViewSchema = z.object({
  uri: z.string().regex(POST_URI_PATTERN, 'expected an at:// URI of an app.bsky.feed.post'),
  cid: z.string().min(1),
  author: z.object({ did, handle: z.string().min(1), displayName: z.string().optional() }),
  record: BskyPostRecordSchema,
  replyCount: count,
  repostCount: count,
  likeCount: count,
  quoteCount: count,
  indexedAt: datetime,
});
export type BskyPostView = z.infer<typeof BskyPostViewSchema>;

/** `app.bsky.feed.searchPosts` output; posts are checked one by one. */
export const BskySearchEnvelopeSchema = z.object({
  posts: z.array(z.unknown()),
  cursor: z.string().optional(),
  hitsTotal: z.number().int().optional(),
});
export type BskySearchEnvelope = z.infer<typeof BskySearchEnvelopeSchema>;

/** `app.bsky.actor.defs#profileViewDetailed` (from `app.bsky.actor.getProfiles`). */
export const BskyProfileSchema = z.object({
  did,
  handle: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().optional(),
  followersCount: count,
  followsCount: count,
  postsCount: count,
  createdAt: z.string().optional(),
  verification: z.object({ verifiedStatus: z.string().optional() }).optional(),
});
export type BskyProfile = z.infer<typeof BskyProfileSchema>;

export const BskyProfilesEnvelopeSchema = z.object({ profiles: z.array(z.unknown()) });
