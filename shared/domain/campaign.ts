import * as z from 'zod';
import { SourceSchema } from './post.ts';
import { type InvalidQueryError, validateXQuery } from './x-query.ts';

/** A saved listening query; the unit that sources are judged by. */
export const CampaignSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2-63 lowercase letters, digits and dashes'),
    source: SourceSchema,
    name: z.string().min(1),
    product: z.string().min(1),
    query: z.string().min(1).max(512),
    cadenceMinutes: z.number().int().min(5).max(1440),
    active: z.boolean(),
    owner: z.string().min(1),
    /** Variables: {firstName}, {need}, {product}, {link} (see draftReply). */
    replyTemplate: z.string().max(280).optional(),
    /** The content link a reply may offer ({link}): marketing's material for this campaign. */
    contentLink: z
      .url({ protocol: /^https$/ })
      .max(500)
      .optional(),
    /** Posts this campaign may read per calendar month (UTC); X bills every post read. */
    monthlyPostBudget: z.number().int().positive().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.source !== 'x') return;
    try {
      validateXQuery(c.query);
    } catch (error) {
      for (const message of (error as InvalidQueryError).problems ?? [String(error)]) {
        ctx.addIssue({ code: 'custom', path: ['query'], message });
      }
    }
  });
export type Campaign = z.infer<typeof CampaignSchema>;

/**
 * Where discovery resumes. `sinceId` is the newest post fully stored; `pending*` describe a cycle
 * that stopped part-way (rate limit, time budget) so the next one fills the gap before moving on.
 */
export const CursorSchema = z.object({
  /** The source the markers belong to: a campaign moved to another source starts afresh. */
  source: SourceSchema.optional(),
  sinceId: z.string().optional(),
  pendingNewestId: z.string().optional(),
  pendingUntilId: z.string().optional(),
  rateLimitedUntil: z.iso.datetime({ offset: true }).optional(),
  /** Why the campaign waits until `rateLimitedUntil`: the source's request window or its usage cap. */
  waitReason: z.enum(['rate-limit', 'usage-cap']).optional(),
  /** When the campaign last ran, for its cadence. */
  lastRunAt: z.iso.datetime({ offset: true }).optional(),
});
export type Cursor = z.infer<typeof CursorSchema>;
