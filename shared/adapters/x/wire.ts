import * as z from 'zod';

/** X API v2 recent-search shapes, as far as we rely on them. Anything else is ignored. */
const snowflake = z.string().regex(/^\d{1,20}$/, 'expected a numeric id');

export const XTweetSchema = z.object({
  id: snowflake,
  text: z.string(),
  author_id: snowflake,
  created_at: z.iso.datetime({ offset: true }),
  lang: z.string().optional(),
  public_metrics: z
    .object({
      retweet_count: z.number().int().nonnegative(),
      reply_count: z.number().int().nonnegative(),
      like_count: z.number().int().nonnegative(),
      quote_count: z.number().int().nonnegative(),
    })
    .partial()
    .optional(),
  referenced_tweets: z
    .array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: snowflake }))
    .optional(),
});
export type XTweet = z.infer<typeof XTweetSchema>;

export const XUserSchema = z.object({
  id: snowflake,
  username: z.string().min(1),
  name: z.string(),
  description: z.string().default(''),
  location: z.string().optional(),
  url: z.string().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  verified: z.boolean().default(false),
  public_metrics: z.object({
    followers_count: z.number().int().nonnegative(),
    following_count: z.number().int().nonnegative(),
    tweet_count: z.number().int().nonnegative(),
  }),
});
export type XUser = z.infer<typeof XUserSchema>;

/** The envelope must be sound for the page to be used; records inside are checked one by one. */
export const XSearchEnvelopeSchema = z.object({
  data: z.array(z.unknown()).optional(),
  includes: z.object({ users: z.array(z.unknown()).optional() }).optional(),
  /** A 200 may still carry problems (an author X could not return); records they touch are rejected. */
  errors: z
    .array(
      z.looseObject({ resource_id: z.string().optional(), detail: z.string().optional(), title: z.string() }),
    )
    .max(1000)
    .optional(),
  meta: z.object({
    result_count: z.number().int().nonnegative(),
    newest_id: snowflake.optional(),
    oldest_id: snowflake.optional(),
    next_token: z.string().min(1).optional(),
  }),
});
