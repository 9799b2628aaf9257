import * as z from 'zod';
import { SourceSchema } from './post.ts';

const ruleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'use lowercase letters, digits, dots and dashes');
/**
 * Every field is bounded: the document is one DynamoDB item (400 KB at most), and a number such
 * as 1e200 cannot be stored at all. Objects are strict: a misspelt key is refused, never ignored.
 */
const term = z.string().trim().min(1).max(200);
const terms = z.array(term).min(1).max(500);
/** Handle and domain lists (customers, competitors' staff) can be long, but not unbounded. */
const names = z.array(term).max(5_000);
const points = z.number().min(-1_000).max(1_000);
const days = z.number().nonnegative().max(36_500);
const count = z.number().int().nonnegative().max(1_000_000_000);
const rules = <T extends z.ZodType>(rule: T, max: number) => z.array(rule).max(max);
/** A definition serialised larger than this would not fit its DynamoDB item with room to spare. */
const MAX_DOCUMENT_CHARS = 300_000;

/** Fit rules look at who the prospect is; they count once per prospect. */
export const FitRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: ruleId,
    kind: z.literal('fit.keyword'),
    field: z.enum(['bio', 'name', 'location']),
    terms,
    points,
  }),
  z
    .strictObject({
      id: ruleId,
      kind: z.literal('fit.followers'),
      min: count.optional(),
      max: count.optional(),
      points,
    })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: 'min must not be above max',
      path: ['min'],
    }),
  z.strictObject({ id: ruleId, kind: z.literal('fit.accountAge'), minDays: days, points }),
  z.strictObject({ id: ruleId, kind: z.literal('fit.companyUrl'), points }),
]);
export type FitRule = z.infer<typeof FitRuleSchema>;

/** Intent rules look at what the prospect said; each counts once per post and decays with its age. */
export const IntentRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: ruleId, kind: z.literal('intent.phrase'), phrases: terms, points }),
  z.strictObject({ id: ruleId, kind: z.literal('intent.competitor'), competitors: terms, points }),
  z.strictObject({ id: ruleId, kind: z.literal('intent.question'), points }),
  z.strictObject({
    id: ruleId,
    kind: z.literal('intent.model'),
    /** The highest band the classifier's probability reaches gives its points. */
    bands: z
      .array(z.strictObject({ min: z.number().min(0).max(1), points }))
      .min(1)
      .max(20)
      .refine((b) => b.every((band, i) => i === 0 || band.min > (b[i - 1]?.min ?? 0)), {
        message: 'list bands by rising min',
      }),
  }),
]);
export type IntentRule = z.infer<typeof IntentRuleSchema>;

/** Engagement rules count what a prospect did towards us; each counts once, decayed by age. */
export const EngagementRuleSchema = z.strictObject({
  id: ruleId,
  kind: z.enum(['engagement.replied', 'engagement.followedBack', 'engagement.mentioned']),
  points,
});
export type EngagementRule = z.infer<typeof EngagementRuleSchema>;

/** A disqualifier ends qualification whatever the points: sales never wants these. */
export const DisqualifierSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: ruleId, kind: z.literal('dq.keyword'), field: z.enum(['bio', 'name']), terms }),
  z.strictObject({ id: ruleId, kind: z.literal('dq.handle'), handles: names.min(1) }),
  z.strictObject({
    id: ruleId,
    kind: z.literal('dq.customer'),
    /** Existing customers: their handles, and their company domains as found in profile URLs. */
    handles: names.default([]),
    domains: names.default([]),
  }),
  z.strictObject({
    id: ruleId,
    kind: z.literal('dq.bot'),
    maxAccountAgeDays: days,
    minPostsPerDay: z.number().positive().max(100_000),
    maxFollowers: count,
  }),
]);
export type Disqualifier = z.infer<typeof DisqualifierSchema>;

/** Weak sources nurture longer: a positive delta raises their MQL bar. */
export const AdjustmentSchema = z
  .strictObject({
    id: ruleId,
    source: SourceSchema.optional(),
    campaignId: z.string().min(1).max(64).optional(),
    mqlDelta: points,
  })
  .refine((a) => a.source !== undefined || a.campaignId !== undefined, {
    message: 'an adjustment needs a source or a campaignId',
  });

const threshold = z.number().min(-100_000).max(100_000);
const cap = z.number().min(0).max(100_000);

/**
 * Upper bounds on what each rule group adds (HubSpot's score limits): three buying posts must not
 * give the model's points three times over. A group without a cap is a plain sum, as before.
 */
export const CapsSchema = z.strictObject({
  fit: cap.optional(),
  intent: cap.optional(),
  engagement: cap.optional(),
});

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type FitGrade = (typeof GRADES)[number];

/**
 * Fit grade bands (Pardot's grade beside its score): the least fit points for A, B and C; less
 * than C is D. Listed strictly falling, so every letter can be reached.
 */
export const FitGradesSchema = z
  .strictObject({ A: threshold, B: threshold, C: threshold })
  .refine((g) => g.A > g.B && g.B > g.C, {
    message: 'grade bands must fall strictly: A above B above C',
    path: ['A'],
  });

/** The fields of the document sales and marketing agree on. */
const draftShape = {
  name: z.string().trim().min(1).max(100),
  halfLifeDays: z.number().positive().max(3_650),
  thresholds: z.strictObject({
    mql: threshold,
    reviewFloor: threshold,
    requireIntent: z.boolean().default(true),
    /** An MQL also needs at least this many (capped) fit points; short of it, a person reviews. */
    minFit: threshold.optional(),
    /** An MQL also needs at least this many (capped) intent points; short of it, a person reviews. */
    minIntent: threshold.optional(),
  }),
  caps: CapsSchema.optional(),
  fitGrades: FitGradesSchema.optional(),
  fit: rules(FitRuleSchema, 100),
  intent: rules(IntentRuleSchema, 100).min(1),
  engagement: rules(EngagementRuleSchema, 20).default([]),
  disqualifiers: rules(DisqualifierSchema, 100),
  adjustments: rules(AdjustmentSchema, 100).default([]),
};

type DraftFields = z.infer<z.ZodObject<typeof draftShape>>;

/** What no single field can say: thresholds in order, unique rule ids, a size that fits the item. */
function checkDocument(d: DraftFields, ctx: z.RefinementCtx): void {
  if (d.thresholds.reviewFloor >= d.thresholds.mql) {
    ctx.addIssue({
      code: 'custom',
      path: ['thresholds', 'reviewFloor'],
      message: `reviewFloor (${d.thresholds.reviewFloor}) must be below mql (${d.thresholds.mql})`,
    });
  }
  const { caps, fitGrades, thresholds } = d;
  const unreachable: [string[], number | undefined, number | undefined, string][] = [
    [['thresholds', 'minFit'], thresholds.minFit, caps?.fit, 'caps.fit'],
    [['thresholds', 'minIntent'], thresholds.minIntent, caps?.intent, 'caps.intent'],
    [['fitGrades', 'A'], fitGrades?.A, caps?.fit, 'caps.fit'],
  ];
  for (const [path, min, max, capName] of unreachable) {
    if (min !== undefined && max !== undefined && min > max)
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${path.join('.')} (${min}) is above ${capName} (${max}): no lead could reach it`,
      });
  }
  const seen = new Set<string>();
  const all = [...d.fit, ...d.intent, ...d.engagement, ...d.disqualifiers, ...d.adjustments];
  all.forEach((rule) => {
    if (seen.has(rule.id))
      ctx.addIssue({ code: 'custom', path: ['id'], message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
  });
  const size = JSON.stringify(d).length;
  if (size > MAX_DOCUMENT_CHARS)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `the definition is ${size} characters; keep it under ${MAX_DOCUMENT_CHARS}`,
    });
}

/** The document sales and marketing agree on, as submitted for publishing (no version yet). */
export const MqlDefinitionDraftSchema = z.strictObject(draftShape).superRefine(checkDocument);
export type MqlDefinitionDraft = z.infer<typeof MqlDefinitionDraftSchema>;

/** A published definition: every score records the version it was computed under. */
export const MqlDefinitionSchema = z
  .strictObject({
    ...draftShape,
    version: z.number().int().positive(),
    author: z.string().min(1).max(200),
    note: z.string().max(500),
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine(checkDocument);
export type MqlDefinition = z.infer<typeof MqlDefinitionSchema>;

/** Turns zod issues into one line per field, so a definition author sees exactly what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
