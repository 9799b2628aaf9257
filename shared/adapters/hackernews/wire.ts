import * as z from 'zod';

/**
 * HN Search (Algolia) shapes, as far as we rely on them; anything else is ignored. Algolia sends
 * absent text fields as null or leaves them out, so both are accepted.
 */
const numericId = z.string().regex(/^\d{1,20}$/, 'expected a numeric id');
const text = z.string().nullish();

export const HnHitSchema = z.object({
  objectID: numericId,
  author: z.string().min(1),
  created_at: z.iso.datetime({ offset: true }),
  created_at_i: z.number().int().nonnegative(),
  _tags: z.array(z.string()).optional(),
  title: text,
  url: text,
  story_text: text,
  comment_text: text,
  story_id: z.number().int().nullish(),
  parent_id: z.number().int().nullish(),
  points: z.number().int().nullish(),
  num_comments: z.number().int().nullish(),
});
export type HnHit = z.infer<typeof HnHitSchema>;

/** The envelope must be sound for the page to be used; hits inside are checked one by one. */
export const HnSearchEnvelopeSchema = z.object({
  hits: z.array(z.unknown()),
  page: z.number().int().nonnegative(),
  nbPages: z.number().int().nonnegative(),
  hitsPerPage: z.number().int().positive(),
  nbHits: z.number().int().nonnegative().optional(),
});
export type HnSearchEnvelope = z.infer<typeof HnSearchEnvelopeSchema>;

/** `GET /api/v1/users/{username}`; `about` is HN's HTML. */
export const HnUserSchema = z.object({
  username: z.string().min(1),
  about: z.string().nullish(),
  karma: z.number().int().nullish(),
  created_at: z.string().nullish(),
  submission_count: z.number().int().nonnegative().nullish(),
});
export type HnUser = z.infer<typeof HnUserSchema>;
