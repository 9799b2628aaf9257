import { predictHeldOut } from './evaluate.ts';
import type { FeaturisedPost } from './featurise-post.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { trainLogisticDual } from './logistic-dual-cd.ts';
import type { IntentOptions } from './options.ts';
import { f1OptimalThreshold } from './threshold.ts';

/** How the second stage is fitted; stored in the model file so a loaded model scores the same way. */
export interface TwoStageOptions {
  /**
   * Posts whose fast probability is below this never reach the encoder and keep the fast
   * probability. Low on purpose: the gate only skips posts the fast model is sure about.
   */
  gate: number;
  /** Inverse L2 strengths tried for the stage-2 logistic regression (picked by inner CV). */
  C: number[];
  /** Multiplies each embedding dimension: sentence embeddings are unit vectors (≈ 0.04 a dimension). */
  embeddingScale: number;
  /** Folds for the out-of-fold fast probabilities and for the stage-2 inner CV. */
  innerFolds: number;
  /**
   * Stage 2 is fitted this many times, each on its own fold shuffle (out-of-fold fast logits, C,
   * threshold), and the fits are averaged. One shuffle's F1-optimal threshold is noisy (0.44-0.58
   * over seeds 42 and 1-4 on the same 2,761 posts), so a single fit's behaviour depended on the seed.
   */
  bags: number;
}

export const DEFAULT_TWO_STAGE: TwoStageOptions = {
  gate: 0.05,
  C: [0.1, 0.3, 1, 3],
  embeddingScale: 4,
  innerFolds: 5,
  bags: 5,
};

/** The fitted second stage: weights[0] is on the fast logit, the rest on the embedding. */
export interface StageTwo {
  C: number;
  weights: Float32Array;
  bias: number;
  /** Decision threshold on the final probability (≥ the gate), F1-optimal out-of-fold on training data. */
  threshold: number;
  /** Inner-CV F1 of the chosen C at that threshold, on all training posts (gated or not). */
  innerF1: number;
  /** Training posts that passed the gate (the ones stage 2 was fitted on). */
  gated: number;
}

const LOGIT_CLIP = 12;

/** The fast probability as a log-odds feature, clipped so a saturated 0 or 1 stays finite. */
export function fastLogit(p: number): number {
  const z = Math.log(p / (1 - p));
  return Number.isFinite(z)
    ? Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, z))
    : p >= 0.5
      ? LOGIT_CLIP
      : -LOGIT_CLIP;
}

/** The final probability of a gated post. */
export function stageTwoProbability(
  s: { weights: Float32Array; bias: number },
  pFast: number,
  embedding: Float32Array,
  embeddingScale: number,
): number {
  if (embedding.length !== s.weights.length - 1)
    throw new Error(
      `embedding has ${embedding.length} dimensions, the model expects ${s.weights.length - 1}`,
    );
  let z = s.bias + s.weights[0]! * fastLogit(pFast);
  let e = 0;
  for (let d = 0; d < embedding.length; d++) e += s.weights[d + 1]! * embedding[d]!;
  z += e * embeddingScale;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Out-of-fold fast probabilities of training posts: each post is scored by a fast model fitted
 * (with its own inner C and threshold selection) on the other folds. Stage 2 learns from these,
 * not from the final fast model's in-sample probabilities, which would be overconfident on the
 * very posts it was fitted on (stacking leakage).
 */
export function outOfFoldFast(
  docs: readonly FeaturisedPost[],
  labels: readonly boolean[],
  options: IntentOptions,
  folds: number,
  seed: number,
): Float64Array {
  const out = new Float64Array(docs.length);
  const fold = stratifiedFolds(labels, folds, seed + 2);
  for (let k = 0; k < folds; k++) {
    const { train, test } = splitFold(fold, k);
    const { probabilities } = predictHeldOut(
      train.map((i) => docs[i]!),
      train.map((i) => labels[i]!),
      test.map((i) => docs[i]!),
      options,
      seed,
    );
    test.forEach((i, t) => {
      out[i] = probabilities[t]!;
    });
  }
  return out;
}

function fitLogistic(
  rows: readonly number[],
  pFast: ArrayLike<number>,
  embeddings: readonly (Float32Array | undefined)[],
  labels: readonly boolean[],
  C: number,
  embeddingScale: number,
  seed: number,
): { weights: Float32Array; bias: number } {
  const dims = embeddings[rows[0]!]!.length;
  const width = dims + 1;
  const values = new Float32Array(rows.length * width);
  const indices = new Int32Array(rows.length * width);
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((i, r) => {
    const e = embeddings[i]!;
    const base = r * width;
    values[base] = fastLogit(pFast[i]!);
    indices[base] = 0;
    for (let d = 0; d < dims; d++) {
      values[base + 1 + d] = e[d]! * embeddingScale;
      indices[base + 1 + d] = d + 1;
    }
    rowStart[r + 1] = base + width;
  });
  const fit = trainLogisticDual(
    { rowStart, indices, values, columns: width },
    rows.map((i) => labels[i]!),
    { positive: C, negative: C },
    seed,
  );
  return { weights: Float32Array.from(fit.weights), bias: fit.bias };
}

/**
 * Fits stage 2 on the training posts that pass the gate: logistic regression over the
 * (out-of-fold) fast logit and the sentence embedding. C and the decision threshold are chosen by
 * an inner stratified CV over these same training posts; the threshold is picked over all of
 * them, posts below the gate included (they keep their fast probability), so recall the gate
 * loses is counted. `embeddings[i]` must be set for every gated post.
 */
export function fitStageTwo(
  pFast: ArrayLike<number>,
  labels: readonly boolean[],
  embeddings: readonly (Float32Array | undefined)[],
  options: TwoStageOptions,
  seed: number,
): StageTwo {
  const gated: number[] = [];
  for (let i = 0; i < labels.length; i++) if (pFast[i]! >= options.gate) gated.push(i);
  const gatedLabels = gated.map((i) => labels[i]!);
  const pos = gatedLabels.filter(Boolean).length;
  if (pos === 0 || pos === gated.length)
    throw new Error(`two-stage: the gate leaves ${pos} positive of ${gated.length} posts; need both labels`);
  const folds = Math.max(2, Math.min(options.innerFolds, pos, gated.length - pos));
  const fold = stratifiedFolds(gatedLabels, folds, seed + 3);
  let best: { C: number; f1: number; threshold: number } | undefined;
  for (const C of options.C) {
    const oof = Float64Array.from(pFast); // posts below the gate keep their fast probability
    for (let k = 0; k < folds; k++) {
      const { train, test } = splitFold(fold, k);
      const fit = fitLogistic(
        train.map((g) => gated[g]!),
        pFast,
        embeddings,
        labels,
        C,
        options.embeddingScale,
        seed,
      );
      for (const g of test) {
        const i = gated[g]!;
        oof[i] = stageTwoProbability(fit, pFast[i]!, embeddings[i]!, options.embeddingScale);
      }
    }
    const pick = f1OptimalThreshold(oof, labels);
    if (!best || pick.f1 > best.f1) best = { C, f1: pick.f1, threshold: pick.threshold };
  }
  const chosen = best!;
  const fit = fitLogistic(gated, pFast, embeddings, labels, chosen.C, options.embeddingScale, seed);
  return {
    C: chosen.C,
    weights: fit.weights,
    bias: fit.bias,
    threshold: Math.max(chosen.threshold, options.gate),
    innerF1: chosen.f1,
    gated: gated.length,
  };
}

/**
 * Averages stage-2 fits of the same features: weights and bias are averaged (the mean of the
 * members' logits, one logistic regression again), and the threshold is averaged on the logit
 * scale, never below the gate.
 */
export function averageStageTwo(members: readonly StageTwo[], gate: number): StageTwo {
  const n = members.length;
  if (n === 0) throw new Error('two-stage: nothing to average');
  const weights = new Float32Array(members[0]!.weights.length);
  let bias = 0;
  let logitT = 0;
  let innerF1 = 0;
  for (const m of members) {
    for (let d = 0; d < weights.length; d++) weights[d]! += m.weights[d]! / n;
    bias += m.bias / n;
    logitT += fastLogit(m.threshold) / n;
    innerF1 += m.innerF1 / n;
  }
  const Cs = members.map((m) => m.C).sort((a, b) => a - b);
  return {
    C: Cs[Math.floor(n / 2)]!,
    weights,
    bias,
    threshold: Math.max(1 / (1 + Math.exp(-logitT)), gate),
    innerF1,
    gated: Math.max(...members.map((m) => m.gated)),
  };
}
