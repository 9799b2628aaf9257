import * as z from 'zod';
import { SourceSchema } from './post.ts';

const ruleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'use lowercase letters, digits, dots and dashes');
const terms = z.array(z.string().trim().min(1)).min(1);

/** Fit rules look at who the prospect is; they count once per prospect. */
export const FitRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    id: ruleId,
    kind: z.literal('fit.keyword'),
    field: z.enum(['bio', 'name', 'location']),
    terms,
    points: z.number(),
  }),
  z.object({
    id: ruleId,
    kind: z.literal('fit.followers'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    points: z.number(),
  }),
  z.object({
    id: ruleId,
    kind: z.literal('fit.accountAge'),
    minDays: z.number().nonnegative(),
    points: z.number(),
  }),
  z.object({ id: ruleId, kind: z.literal('fit.companyUrl'), points: z.number() }),
]);
export type FitRule = z.infer<typeof FitRuleSchema>;

/** Intent rules look at what the prospect said; each counts once per post and decays with its age. */
export const IntentRuleSchema = z.discriminatedUnion('kind', [
  z.object({ id: ruleId, kind: z.literal('intent.phrase'), phrases: terms, points: z.number() }),
  z.object({ id: ruleId, kind: z.literal('intent.competitor'), competitors: terms, points: z.number() }),
  z.object({ id: ruleId, kind: z.literal('intent.question'), points: z.number() }),
  z.object({
    id: ruleId,
    kind: z.literal('intent.model'),
    /** The highest band the classifier's probability reaches gives its points. */
    bands: z
      .array(z.object({ min: z.number().min(0).max(1), points: z.number() }))
      .min(1)
      .refine((b) => b.every((band, i) => i === 0 || band.min > (b[i - 1]?.min ?? 0)), {
        message: 'list bands by rising min',
      }),
  }),
]);
export type IntentRule = z.infer<typeof IntentRuleSchema>;

/** Engagement rules count what a prospect did towards us; each counts once, decayed by age. */
export const EngagementRuleSchema = z.object({
  id: ruleId,
  kind: z.enum(['engagement.replied', 'engagement.followedBack', 'engagement.mentioned']),
  points: z.number(),
});
export type EngagementRule = z.infer<typeof EngagementRuleSchema>;

/** A disqualifier ends qualification whatever the points: sales never wants these. */
export const DisqualifierSchema = z.discriminatedUnion('kind', [
  z.object({ id: ruleId, kind: z.literal('dq.keyword'), field: z.enum(['bio', 'name']), terms }),
  z.object({ id: ruleId, kind: z.literal('dq.handle'), handles: terms }),
  z.object({
    id: ruleId,
    kind: z.literal('dq.customer'),
    /** Existing customers: their handles, and their company domains as found in profile URLs. */
    handles: z.array(z.string().trim().min(1)).default([]),
    domains: z.array(z.string().trim().min(1)).default([]),
  }),
  z.object({
    id: ruleId,
    kind: z.literal('dq.bot'),
    maxAccountAgeDays: z.number().nonnegative(),
    minPostsPerDay: z.number().positive(),
    maxFollowers: z.number().int().nonnegative(),
  }),
]);
export type Disqualifier = z.infer<typeof DisqualifierSchema>;

/** Weak sources nurture longer: a positive delta raises their MQL bar. */
export const AdjustmentSchema = z
  .object({
    id: ruleId,
    source: SourceSchema.optional(),
    campaignId: z.string().optional(),
    mqlDelta: z.number(),
  })
  .refine((a) => a.source !== undefined || a.campaignId !== undefined, {
    message: 'an adjustment needs a source or a campaignId',
  });

/** The document sales and marketing agree on, as submitted for publishing (no version yet). */
export const MqlDefinitionDraftSchema = z
  .object({
    name: z.string().min(1),
    halfLifeDays: z.number().positive(),
    thresholds: z.object({
      mql: z.number(),
      reviewFloor: z.number(),
      requireIntent: z.boolean().default(true),
    }),
    fit: z.array(FitRuleSchema),
    intent: z.array(IntentRuleSchema).min(1),
    engagement: z.array(EngagementRuleSchema).default([]),
    disqualifiers: z.array(DisqualifierSchema),
    adjustments: z.array(AdjustmentSchema).default([]),
  })
  .superRefine((d, ctx) => {
    if (d.thresholds.reviewFloor >= d.thresholds.mql) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'reviewFloor'],
        message: `reviewFloor (${d.thresholds.reviewFloor}) must be below mql (${d.thresholds.mql})`,
      });
    }
    const seen = new Set<string>();
    const all = [...d.fit, ...d.intent, ...d.engagement, ...d.disqualifiers, ...d.adjustments];
    all.forEach((rule) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });
export type MqlDefinitionDraft = z.infer<typeof MqlDefinitionDraftSchema>;

/** A published definition: every score records the version it was computed under. */
export const MqlDefinitionSchema = MqlDefinitionDraftSchema.and(
  z.object({
    version: z.number().int().positive(),
    author: z.string().min(1),
    note: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
);
export type MqlDefinition = z.infer<typeof MqlDefinitionSchema>;

/** Turns zod issues into one line per field, so a definition author sees exactly what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
