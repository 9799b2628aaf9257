import { Featuriser } from './featurise.ts';
import { type FeaturisedPost, featurisePost } from './featurise-post.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { scoreFeatureSet } from './linear-fit.ts';
import { addConfusion, type BinaryMetrics, type Confusion, confusionOf, metricsOf } from './metrics.ts';
import type { IntentModel } from './model.ts';
import { type IntentOptions, withDefaults } from './options.ts';
import { type Selection, selectAndFit } from './select-and-fit.ts';
import type { WordVectors } from './word-vectors.ts';

export interface LabelledText {
  text: string;
  label: boolean;
}

export interface FoldResult extends BinaryMetrics {
  fold: number;
  /** The threshold and C chosen by inner CV on this fold's training part. */
  selection: Selection;
}

export interface CrossValidationResult extends BinaryMetrics {
  /** Mean of the per-fold F1s (the pooled F1 is `f1`). */
  meanFoldF1: number;
  perFold: FoldResult[];
}

/**
 * Trains on `trainDocs` (C and threshold picked by inner CV on them) and decides each test post.
 * Test labels are not a parameter: nothing fitted here can have seen them.
 */
export function predictHeldOut(
  trainDocs: readonly FeaturisedPost[],
  trainLabels: readonly boolean[],
  testDocs: readonly FeaturisedPost[],
  options: IntentOptions,
  seed: number,
): { probabilities: number[]; predicted: boolean[]; selection: Selection } {
  const { scorer, selection } = selectAndFit(trainDocs, trainLabels, options, seed);
  const probabilities = testDocs.map((d) => scoreFeatureSet(scorer, d));
  return { probabilities, predicted: probabilities.map((p) => p >= selection.threshold), selection };
}

/**
 * Stratified k-fold cross-validation of the whole learner (features, NB ratios, C and threshold
 * selection), one seeded shuffle. Posts are featurised once up front: featurisation is a fixed
 * per-post function (hashing and pretrained word vectors, no vocabulary learnt from the data), so
 * this fits nothing; every fitted quantity is fitted inside `predictHeldOut` from the training part
 * of the fold.
 */
export function crossValidate(
  examples: readonly LabelledText[],
  config: { folds?: number; seed?: number; options?: Partial<IntentOptions>; vectors?: WordVectors } = {},
): CrossValidationResult {
  const folds = config.folds ?? 5;
  const seed = config.seed ?? 42;
  const options = withDefaults(config.options);
  const featuriser = new Featuriser(options, undefined, config.vectors?.index);
  const docs = examples.map((e) => featurisePost(featuriser, e.text, options.binary, config.vectors));
  const labels = examples.map((e) => e.label);
  const fold = stratifiedFolds(labels, folds, seed);
  const perFold: FoldResult[] = [];
  let pooled: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let k = 0; k < folds; k++) {
    const { train, test } = splitFold(fold, k);
    const out = predictHeldOut(
      train.map((i) => docs[i]!),
      train.map((i) => labels[i]!),
      test.map((i) => docs[i]!),
      options,
      seed,
    );
    // The test labels are read here, after the fold's predictions are fixed.
    const c = confusionOf(
      out.predicted,
      test.map((i) => labels[i]!),
    );
    pooled = addConfusion(pooled, c);
    perFold.push({ fold: k, selection: out.selection, ...metricsOf(c) });
  }
  const meanFoldF1 = perFold.reduce((s, f) => s + f.f1, 0) / folds;
  return { ...metricsOf(pooled), meanFoldF1, perFold };
}

/** Scores a trained model on labelled posts at the model's own threshold. */
export function scoreWith(model: IntentModel, examples: readonly LabelledText[]): BinaryMetrics {
  const predicted = examples.map((e) => model.predict(e.text) >= model.threshold);
  return metricsOf(
    confusionOf(
      predicted,
      examples.map((e) => e.label),
    ),
  );
}
