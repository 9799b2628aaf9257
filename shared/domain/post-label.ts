import * as z from 'zod';
import { POST_ID_PATTERN } from './author-id.ts';

/** The longest post any source sends (a Reddit self-post: 40,000 characters). */
const MAX_POST_CHARS = 40_000;

/** What a person said about one post: it shows a buying signal, or it does not. */
export const PostLabelValueSchema = z.enum(['buying', 'not-buying']);
export type PostLabelValue = z.infer<typeof PostLabelValueSchema>;

/**
 * A person's judgement of one post, kept as training feedback with who and when. It is about the
 * post's words, never the lead: a lead-level decision (a recruiter disqualified for fit) is not a
 * label. The text is copied from the signal so training needs no join, and it lives in the
 * person's partition under the signal's retention, so an erasure or expiry takes it too.
 */
export const PostLabelSchema = z.strictObject({
  /** The prospect key (`source#authorId`). */
  key: z.string().min(3).max(200),
  postId: z.string().regex(POST_ID_PATTERN),
  label: PostLabelValueSchema,
  by: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  text: z.string().max(MAX_POST_CHARS),
});
export type PostLabel = z.infer<typeof PostLabelSchema>;
