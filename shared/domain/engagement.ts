import * as z from 'zod';

/** Something a prospect did towards us: the strongest sign that a conversation has started. */
export const EngagementSchema = z.object({
  kind: z.enum(['replied', 'followedBack', 'mentioned']),
  at: z.iso.datetime({ offset: true }),
  postId: z.string().optional(),
});
export type Engagement = z.infer<typeof EngagementSchema>;
