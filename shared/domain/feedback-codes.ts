import * as z from 'zod';

/** Ids are stable keys in reports and CRM exports; labels may be reworded freely. */
export const FeedbackCodeIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2-40 lowercase letters, digits and dashes');

/**
 * Where a rejected lead goes: back to nurture for `holdDays` (it stays out of the MQL queue that
 * long, whatever its score) or out for good.
 */
export const RejectionOutcomeSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('nurture'), holdDays: z.number().int().min(0).max(730) }),
  z.strictObject({ to: z.literal('disqualified') }),
]);
export type RejectionOutcome = z.infer<typeof RejectionOutcomeSchema>;

export const FeedbackUseSchema = z.enum(['reject', 'lose', 'objection']);
export type FeedbackUse = z.infer<typeof FeedbackUseSchema>;

export const FeedbackCodeSchema = z
  .strictObject({
    id: FeedbackCodeIdSchema,
    label: z.string().trim().min(2).max(80),
    description: z.string().trim().max(300).optional(),
    /** A rejection reason, a reason a deal was lost, an objection heard, or several of these. */
    usedFor: z.array(FeedbackUseSchema).min(1).max(3),
    onReject: RejectionOutcomeSchema.optional(),
  })
  .refine((c) => !c.usedFor.includes('reject') || c.onReject !== undefined, {
    message: 'a code used for rejections must say where the lead goes (onReject)',
    path: ['onReject'],
  });
export type FeedbackCode = z.infer<typeof FeedbackCodeSchema>;

/** The list sales and marketing edit, as submitted for publishing (no version yet). */
export const FeedbackCodesDraftSchema = z
  .strictObject({ codes: z.array(FeedbackCodeSchema).min(1).max(100) })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.codes.forEach((code, i) => {
      if (seen.has(code.id))
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `duplicate code id "${code.id}"` });
      seen.add(code.id);
    });
  });
export type FeedbackCodesDraft = z.infer<typeof FeedbackCodesDraftSchema>;

export const FeedbackCodesSchema = FeedbackCodesDraftSchema.and(
  z.object({
    version: z.number().int().positive(),
    author: z.string().min(1),
    note: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
);
export type FeedbackCodes = z.infer<typeof FeedbackCodesSchema>;

export class UnknownCodeError extends Error {
  constructor(
    readonly field: string,
    code: string,
    use: FeedbackUse,
    known: readonly string[],
  ) {
    super(`${field}: "${code}" is not a ${use} code (known: ${known.join(', ') || 'none'})`);
    this.name = 'UnknownCodeError';
  }
}

/** Finds a code usable for `use`; the error names the field and lists what is allowed. */
export function requireCode(codes: FeedbackCodes, field: string, id: string, use: FeedbackUse): FeedbackCode {
  const code = codes.codes.find((c) => c.id === id && c.usedFor.includes(use));
  if (!code)
    throw new UnknownCodeError(
      field,
      id,
      use,
      codes.codes.filter((c) => c.usedFor.includes(use)).map((c) => c.id),
    );
  return code;
}
