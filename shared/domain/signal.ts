import * as z from 'zod';
import { PostKindSchema } from './post.ts';

/**
 * What a prospect said that may show intent. The text is kept (under the retention limit) so a
 * new MQL definition can re-score old evidence without reading the source again.
 */
export const SignalSchema = z.object({
  postId: z.string().min(1),
  postKind: PostKindSchema,
  campaignIds: z.array(z.string()).min(1),
  at: z.iso.datetime({ offset: true }),
  text: z.string(),
  url: z.string(),
});
export type Signal = z.infer<typeof SignalSchema>;
