import type { CrossValidationResult, LabelledText } from './evaluate.ts';
import { predictHeldOut } from './evaluate.ts';
import { Featuriser } from './featurise.ts';
import { featurisePost } from './featurise-post.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { addConfusion, type BinaryMetrics, type Confusion, confusionOf, metricsOf } from './metrics.ts';
import { withDefaults } from './options.ts';
import {
  cachedEncoder,
  type Encoder,
  embedSome,
  fitBaggedStageTwo,
  type TwoStageModel,
} from './two-stage.ts';
import { DEFAULT_TWO_STAGE, stageTwoProbability, type TwoStageOptions } from './two-stage-fit.ts';
import type { WordVectors } from './word-vectors.ts';

export interface TwoStageFold extends BinaryMetrics {
  fold: number;
  C: number;
  threshold: number;
  innerF1: number;
  /** Test posts that went to the encoder. */
  gated: number;
}

export interface TwoStageCrossValidation extends BinaryMetrics {
  meanFoldF1: number;
  perFold: TwoStageFold[];
  /** Share of test posts that passed the gate (the encoder's share of ingest). */
  gatedShare: number;
  /** The fast stage alone on the same folds: what the second stage adds. */
  fastOnly: Pick<CrossValidationResult, 'f1' | 'precision' | 'recall' | 'meanFoldF1'>;
}

/**
 * Stratified k-fold cross-validation of the whole two-stage learner on one seeded shuffle. In each
 * outer fold everything is fitted on the training part only: the fast model (C, threshold), the
 * out-of-fold fast logits stage 2 learns from, stage 2's C and the final threshold. Featurisation
 * and embeddings are fixed per-post functions (nothing learnt from the data), so each post is
 * featurised once and encoded at most once (the encoder is wrapped in a cache).
 */
export async function crossValidateTwoStage(
  examples: readonly LabelledText[],
  config: {
    encoder: Encoder;
    folds?: number;
    seed?: number;
    vectors?: WordVectors;
    options?: Partial<TwoStageOptions>;
  },
): Promise<TwoStageCrossValidation> {
  const folds = config.folds ?? 5;
  const seed = config.seed ?? 42;
  const opts = { ...DEFAULT_TWO_STAGE, ...config.options };
  const encoder = cachedEncoder(config.encoder);
  const fastOptions = withDefaults();
  const featuriser = new Featuriser(fastOptions, undefined, config.vectors?.index);
  const docs = examples.map((e) => featurisePost(featuriser, e.text, fastOptions.binary, config.vectors));
  const labels = examples.map((e) => e.label);
  const texts = examples.map((e) => e.text);
  const fold = stratifiedFolds(labels, folds, seed);
  const perFold: TwoStageFold[] = [];
  let pooled: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  let pooledFast: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const fastFoldF1: number[] = [];
  let gatedTest = 0;
  for (let k = 0; k < folds; k++) {
    const { train, test } = splitFold(fold, k);
    const trainDocs = train.map((i) => docs[i]!);
    const trainLabels = train.map((i) => labels[i]!);
    const trainTexts = train.map((i) => texts[i]!);
    const stage = await fitBaggedStageTwo(
      trainDocs,
      trainLabels,
      trainTexts,
      encoder,
      fastOptions,
      opts,
      seed,
    );

    const fast = predictHeldOut(
      trainDocs,
      trainLabels,
      test.map((i) => docs[i]!),
      fastOptions,
      seed,
    );
    const testTexts = test.map((i) => texts[i]!);
    const testGated = test.flatMap((_, t) => (fast.probabilities[t]! >= opts.gate ? [t] : []));
    const testEmbeddings = await embedSome(encoder, testTexts, testGated);
    const p = fast.probabilities.map((pf, t) => {
      const e = testEmbeddings[t];
      return e ? stageTwoProbability(stage, pf, e, opts.embeddingScale) : pf;
    });
    // The test labels are read here, after the fold's predictions are fixed.
    const actual = test.map((i) => labels[i]!);
    const c = confusionOf(
      p.map((x) => x >= stage.threshold),
      actual,
    );
    const cf = confusionOf(fast.predicted, actual);
    pooled = addConfusion(pooled, c);
    pooledFast = addConfusion(pooledFast, cf);
    fastFoldF1.push(metricsOf(cf).f1);
    gatedTest += testGated.length;
    perFold.push({
      fold: k,
      C: stage.C,
      threshold: stage.threshold,
      innerF1: stage.innerF1,
      gated: testGated.length,
      ...metricsOf(c),
    });
  }
  const fastMetrics = metricsOf(pooledFast);
  return {
    ...metricsOf(pooled),
    meanFoldF1: perFold.reduce((s, f) => s + f.f1, 0) / folds,
    perFold,
    gatedShare: gatedTest / examples.length,
    fastOnly: {
      f1: fastMetrics.f1,
      precision: fastMetrics.precision,
      recall: fastMetrics.recall,
      meanFoldF1: fastFoldF1.reduce((s, f) => s + f, 0) / folds,
    },
  };
}

/** Scores a loaded two-stage model on labelled posts at its own threshold. */
export async function scoreTwoStage(
  model: TwoStageModel,
  examples: readonly LabelledText[],
): Promise<BinaryMetrics> {
  const p = await model.predictAll(examples.map((e) => e.text));
  return metricsOf(
    confusionOf(
      p.map((x) => x >= model.threshold),
      examples.map((e) => e.label),
    ),
  );
}
