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
 * Names a schema the domain built. `@hono/zod-openapi` adds `.openapi` to zod's prototypes when it
 * is first imported, and zod 4 copies prototype methods onto each instance when it is made, so a
 * schema made before that import (as in the CLI and the Lambda handler, which load the domain
 * first) has no `.openapi`: a fresh instance of the same definition has it.
 */
function named<T extends z.ZodType>(schema: T, name: string): T {
  const Made = schema.constructor as new (def: unknown) => T;
  return new Made(schema._zod.def).openapi(name);
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

export const LeadPageSchema = z
  .object({
    items: z.array(LeadSchema),
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
