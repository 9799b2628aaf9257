import * as z from 'zod';
import { CohortSchema, DealSchema } from './funnel.ts';
import { ActorSchema } from './lead-state.ts';

/**
 * One sales decision as the objections report reads it: the codes, the note and where the lead
 * came from. It lives in the lead's partition, so erasing the person erases it too.
 */
export const FeedbackRecordSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  leadKey: z.string().min(1),
  actor: ActorSchema,
  to: z.enum(['accepted', 'rejected', 'won', 'lost']),
  code: z.string().optional(),
  objection: z.string().optional(),
  note: z.string().default(''),
  score: z.number(),
  cohort: CohortSchema,
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/**
 * A won customer on record: who, the deal, what found them and how long it took. Post ids and
 * links only, never post text or bios, so the record can travel to a chat channel.
 */
export const WonRecordSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  leadKey: z.string().min(1),
  name: z.string(),
  handle: z.string(),
  /** The company as the person's website names it (its host), when they give one. */
  company: z.string().optional(),
  profileUrl: z.string().optional(),
  deal: DealSchema,
  wonBy: z.string(),
  cohort: CohortSchema,
  campaignIds: z.array(z.string()),
  posts: z.array(z.object({ postId: z.string(), url: z.string(), at: z.string() })).max(20),
  /** The definition version the lead was scored under when it was handed to sales. */
  definitionVersion: z.number().int().optional(),
  firstSignalAt: z.string().optional(),
  daysToWon: z.number().nullable(),
});
export type WonRecord = z.infer<typeof WonRecordSchema>;

/** The host of a person's website, as the company a won record names. */
export function companyFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(/^https?:\/\//.test(url) ? url : `https://${url}`).hostname.replace(/^www\./, '');
    return host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}
