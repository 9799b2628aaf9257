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
  /**
   * The intent model's probability for this post, computed once at ingest (two stages: the fast
   * model, then the contextual encoder) with the version that computed it. Absent on signals stored
   * before the two-stage model; `prospector rescore-intent` fills them in.
   */
  intent: z.strictObject({ p: z.number().min(0).max(1), model: z.string().min(1).max(64) }).optional(),
});
export type Signal = z.infer<typeof SignalSchema>;
