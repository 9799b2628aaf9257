import { createHash } from 'node:crypto';
import * as z from 'zod';

/** A model version is the start of the SHA-256 of its file: the same bytes, the same version, for ever. */
export const ModelVersionIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 lowercase hex digits');

export function contentVersion(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative().max(100_000_000);

/** Headline figures of one model on one set of posts. */
export const FiguresSchema = z.strictObject({ f1: share, precision: share, recall: share, n: count });
export type Figures = z.infer<typeof FiguresSchema>;

/**
 * The candidate and the model serving when it was trained, on the same posts, with the fold noise:
 * the standard deviation of their per-fold F1 differences. A drop inside the noise is no evidence.
 */
export const ComparisonSchema = z.strictObject({
  candidate: FiguresSchema,
  current: FiguresSchema,
  noise: share,
  folds: z.number().int().min(1).max(100),
  /**
   * When the serving model was trained on these very posts (the shipped model saw the whole
   * corpus), `current` is its recipe retrained without them, and this is the serving file's own
   * (flattering) figure, shown but not used by the guard.
   */
  servingAsIs: FiguresSchema.optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** What is kept beside a version's file: where it came from and how it measured. */
export const ModelVersionMetaSchema = z.strictObject({
  version: ModelVersionIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().min(1).max(200),
  /** The version serving when this one was trained (what its figures compare against). */
  basedOn: z.string().min(1).max(64).optional(),
  trainer: z.string().min(1).max(100),
  trainedOn: z.strictObject({ corpus: count, feedback: count }),
  /** Absent for the shipped model, which was not trained under guard. */
  figures: z
    .strictObject({
      /** The frozen held-out fifth of the shipped corpus (never trained on by a registry candidate). */
      heldOut: ComparisonSchema,
      /** Cross-validated on people's labels; absent when there were too few to fold. */
      feedback: ComparisonSchema.optional(),
    })
    .optional(),
});
export type ModelVersionMeta = z.infer<typeof ModelVersionMetaSchema>;

const PromotionSchema = z.strictObject({
  version: ModelVersionIdSchema,
  at: z.iso.datetime({ offset: true }),
  by: z.string().min(1).max(200),
  action: z.enum(['promote', 'rollback']),
});
export type Promotion = z.infer<typeof PromotionSchema>;

/** Which version serves, and every promotion and rollback before, newest last (bounded). */
export const PromotedPointerSchema = z.strictObject({
  version: ModelVersionIdSchema,
  history: z.array(PromotionSchema).min(1).max(1_000),
});
export type PromotedPointer = z.infer<typeof PromotedPointerSchema>;

/** The sample standard deviation of paired differences: how much F1 moves from fold to fold. */
export function foldNoise(candidate: readonly number[], current: readonly number[]): number {
  const diffs = candidate.map((c, i) => c - (current[i] ?? 0));
  if (diffs.length < 2) return 0;
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (diffs.length - 1);
  return Math.min(1, Math.sqrt(variance));
}

const f3 = (x: number) => x.toFixed(3);

/**
 * Whether a person may promote this version, and why not: a candidate whose F1 is below the
 * current model's by more than the fold noise, on the held-out corpus or on the feedback, is
 * refused. Pure, so the CLI and the API give the same answer with the same reasons.
 */
export function promotionVerdict(meta: ModelVersionMeta): { promotable: boolean; reasons: string[] } {
  if (!meta.figures)
    return { promotable: false, reasons: [`${meta.version} has no figures: it was not trained under guard`] };
  const reasons: string[] = [];
  const parts: [string, Comparison | undefined][] = [
    ['held-out corpus', meta.figures.heldOut],
    ['feedback (cross-validated)', meta.figures.feedback],
  ];
  for (const [name, c] of parts) {
    if (!c) continue;
    const delta = c.candidate.f1 - c.current.f1;
    if (delta < -c.noise)
      reasons.push(
        `${name}: F1 ${f3(c.candidate.f1)} against the current ${f3(c.current.f1)} (${f3(delta)}), ` +
          `worse beyond the fold noise of ${f3(c.noise)} over ${c.folds} folds`,
      );
  }
  return { promotable: reasons.length === 0, reasons };
}

/**
 * The version a rollback returns to: promotions stack up and each rollback takes the top one off,
 * so rolling back twice goes two versions back (never back and forth).
 */
export function rollbackTarget(pointer: PromotedPointer): string | undefined {
  const stack: string[] = [];
  for (const h of pointer.history) {
    if (h.action === 'rollback') stack.pop();
    else if (stack.at(-1) !== h.version) stack.push(h.version);
  }
  return stack.length >= 2 ? stack[stack.length - 2] : undefined;
}
