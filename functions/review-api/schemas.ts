import '@hono/zod-openapi';
import * as z from 'zod';
import { EngagementSchema } from '../../shared/domain/engagement.ts';
import { EngagementTaskSchema } from '../../shared/domain/engagement-task.ts';
import { CohortSchema, DealSchema, FunnelStageSchema } from '../../shared/domain/funnel.ts';
import { LeadEventSchema, LeadStateSchema } from '../../shared/domain/lead-state.ts';
import { ProspectProfileSchema } from '../../shared/domain/prospect.ts';
import { SignalSchema } from '../../shared/domain/signal.ts';

/**
 * What the review API answers, for the document only: handlers return the use cases' values, and
 * these schemas describe them (named components, so clients get types). Request schemas live with
 * their routes, where they are also enforced.
 */

/**
 * A domain schema under a component name. zod 4 gives a schema its methods when it is built, so a
 * schema built before `@hono/zod-openapi` extended zod (the CLI and the Lambda import the domain
 * first) has no `.openapi`: this builds a fresh copy from its definition, which does.
 */
function named<T extends z.ZodType>(schema: T, name: string): T {
  const Fresh = schema.constructor as new (def: unknown) => T;
  return new Fresh(schema._zod.def).openapi(name);
}

const Iso = z.string().max(40).describe('ISO 8601 date-time');

export const BreakdownEntrySchema = z
  .object({
    ruleId: z.string().max(200),
    kind: z.string().max(100),
    points: z.number(),
    evidence: z.string().max(2_000),
    postId: z.string().max(300).optional(),
  })
  .openapi('BreakdownEntry');

export const LeadSchema = z
  .object({
    key: z.string().max(300).describe('`source#authorId`'),
    profile: named(ProspectProfileSchema, 'ProspectProfile'),
    state: LeadStateSchema,
    score: z.number(),
    breakdown: z.array(BreakdownEntrySchema),
    definitionVersion: z.number().int().optional(),
    fitGrade: z
      .enum(['A', 'B', 'C', 'D'])
      .optional()
      .describe('Fit grade beside the score, when the definition has bands'),
    campaignIds: z.array(z.string().max(200)),
    updatedAt: Iso,
    engagement: z.array(named(EngagementSchema, 'Engagement')),
    optedOut: z.boolean(),
    firstSeenAt: Iso,
    revision: z.number().int().describe('Send it back with a decision: a stale one is a 409'),
    cohort: CohortSchema.optional(),
    reached: z.array(FunnelStageSchema),
    stageAt: z.record(z.string(), Iso),
    holdUntil: Iso.optional(),
    deal: DealSchema.optional(),
  })
  .openapi('Lead');

/** The post a review card shows first, with the words that scored (see shared/domain/review-card.ts). */
export const ScoringPostSchema = z
  .object({
    postId: z.string().max(300),
    text: z.string().max(2_000),
    url: z.string().max(2_000),
    at: Iso,
    campaignIds: z.array(z.string().max(200)),
    highlights: z
      .array(z.string().max(500))
      .describe('Matched phrases and competitor names, as the rules matched them'),
    modelCues: z
      .array(z.string().max(500))
      .optional()
      .describe('Words of the post the intent model leaned on, as written (when the model gave points)'),
  })
  .openapi('ScoringPost');

/** A lead in a list: the lead plus what a review card shows first. */
export const LeadCardSchema = LeadSchema.extend({
  scoringPost: ScoringPostSchema.optional(),
  why: z.array(z.string().max(2_500)).describe('The breakdown in words, one line per entry'),
}).openapi('LeadCard');

export const LeadPageSchema = z
  .object({
    items: z.array(LeadCardSchema),
    nextCursor: z.string().max(4_096).optional().describe('Pass back as `cursor` for the next page'),
    skipped: z.number().int().optional().describe('Malformed stored items passed over on this page'),
  })
  .openapi('LeadPage');

export const LeadEvent = named(LeadEventSchema, 'LeadEvent');
export const Task = named(EngagementTaskSchema, 'EngagementTask');

export const LeadDetailSchema = z
  .object({
    lead: LeadSchema,
    events: z.array(LeadEvent),
    signals: z.array(named(SignalSchema, 'Signal')),
    tasks: z.array(Task),
  })
  .openapi('LeadDetail');

export const LeadAnswerSchema = z.object({ lead: LeadSchema }).openapi('LeadAnswer');

export const TaskPageSchema = z
  .object({
    items: z.array(Task),
    nextCursor: z.string().max(4_096).optional(),
    skipped: z.number().int().optional(),
  })
  .openapi('TaskPage');

/** Reports and documents whose shape the domain owns: described as objects, keys listed where stable. */
export const looseObject = (name: string, description: string) =>
  z.looseObject({}).describe(description).openapi(name);

export const CsvSchema = z.string().describe('RFC 4180 CSV with a header row');

export const TimelineEntrySchema = z
  .object({
    at: Iso,
    kind: z.enum(['post', 'score', 'decision', 'task', 'engagement']),
    title: z.string().max(2_500),
    detail: z.string().max(2_500).optional(),
    who: z.string().max(300).optional(),
    url: z.string().max(2_000).optional(),
    definitionVersion: z.number().int().optional(),
    modelVersion: z.string().max(100).optional(),
  })
  .openapi('TimelineEntry');

export const LeadTimelineSchema = z
  .object({
    key: z.string().max(300),
    name: z.string().max(300),
    handle: z.string().max(300),
    state: LeadStateSchema,
    score: z.number(),
    definitionVersion: z.number().int().optional(),
    modelVersion: z.string().max(100).optional(),
    entries: z.array(TimelineEntrySchema).describe('Oldest first'),
    notStored: z.array(z.string().max(500)).describe('History this deployment does not keep'),
  })
  .openapi('LeadTimeline');
