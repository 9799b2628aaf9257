import * as z from 'zod';

/** Networks we listen to; a post's id is unique only within its source. */
export const SourceSchema = z.enum(['x', 'reddit', 'hackernews', 'bluesky']);
export type Source = z.infer<typeof SourceSchema>;

/**
 * Retweets carry someone else's words, so they never count as the retweeter's intent;
 * replies and quotes do.
 */
export const PostKindSchema = z.enum(['original', 'retweet', 'quote', 'reply']);
export type PostKind = z.infer<typeof PostKindSchema>;

/** One social post normalised across sources; `source` + `id` is the dedupe key. */
export const PostSchema = z.object({
  source: SourceSchema,
  id: z.string().min(1),
  text: z.string(),
  /** Shown as a link in the review page: https only (no `javascript:`, no `data:`). */
  url: z.url({ protocol: /^https$/ }),
  createdAt: z.iso.datetime({ offset: true }),
  authorId: z.string().min(1),
  lang: z.string().optional(),
  kind: PostKindSchema,
  referencedPostId: z.string().optional(),
  metrics: z.object({
    likes: z.number().int().nonnegative(),
    replies: z.number().int().nonnegative(),
    reposts: z.number().int().nonnegative(),
    quotes: z.number().int().nonnegative(),
  }),
  campaignIds: z.array(z.string().min(1)).min(1),
});
export type Post = z.infer<typeof PostSchema>;

/** Compares snowflake ids without losing precision (they exceed 2^53). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
