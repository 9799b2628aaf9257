import * as z from 'zod';

/** Reddit Listing shapes for `GET /search` (link results), as far as we rely on them. */
const base36 = z.string().regex(/^[a-z0-9]{1,16}$/, 'expected a base-36 id');

export const RedditLinkSchema = z.object({
  id: base36,
  name: z.string().regex(/^t3_[a-z0-9]{1,16}$/, 'expected a t3_ fullname'),
  author: z.string().min(1),
  author_fullname: z.string().regex(/^t2_[a-z0-9]{1,16}$/, 'expected a t2_ fullname'),
  title: z.string(),
  selftext: z.string().default(''),
  created_utc: z.number().nonnegative(),
  subreddit: z.string().min(1),
  permalink: z.string().startsWith('/'),
  score: z.number().int().default(0),
  num_comments: z.number().int().nonnegative().default(0),
  num_crossposts: z.number().int().nonnegative().optional(),
});
export type RedditLink = z.infer<typeof RedditLinkSchema>;

/** The envelope must be sound for the page to be used; children are checked one by one. */
export const RedditListingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullish(),
    children: z.array(z.unknown()),
  }),
});
export type RedditListing = z.infer<typeof RedditListingSchema>;

/** A child is `{ kind: 't3', data: {...} }`; anything else in a link search is rejected. */
export const RedditChildSchema = z.object({ kind: z.literal('t3'), data: z.unknown() });
