import * as z from 'zod';

/** Something a prospect did towards us: the strongest sign that a conversation has started. */
export const EngagementSchema = z.object({
  kind: z.enum(['replied', 'followedBack', 'mentioned']),
  at: z.iso.datetime({ offset: true }),
  postId: z.string().optional(),
  /** The engagement task whose reply this answers, when we know it (mentions linked to our reply). */
  taskId: z
    .string()
    .regex(/^t-[0-9a-f]{16}$/)
    .optional(),
});
export type Engagement = z.infer<typeof EngagementSchema>;
