import type { FeaturisedPost } from './featurise-post.ts';
import { splitFold, stratifiedFolds } from './folds.ts';
import { fitLinear, type LinearScorer, scoreFeatureSet } from './linear-fit.ts';
import type { IntentOptions } from './options.ts';
import { f1OptimalThreshold } from './threshold.ts';

/** What inner cross-validation chose, and how well the choice did out-of-fold on the training data. */
export interface Selection {
  C: number;
  charC: number;
  threshold: number;
  innerF1: number | null;
}

function grid(v: number | number[]): number[] {
  return Array.isArray(v) ? v : [v];
}

/**
 * Fits a scorer on featurised training posts, choosing C (from a list) and the decision threshold by
 * an inner stratified cross-validation over these same posts. Everything it sees is training data:
 * callers evaluating a model pass the training part of an outer fold only, and test posts are
 * scored afterwards with the returned scorer and threshold.
 */
export function selectAndFit(
  docs: readonly FeaturisedPost[],
  labels: readonly boolean[],
  options: IntentOptions,
  seed: number,
): { scorer: LinearScorer; selection: Selection } {
  const cs = grid(options.C);
  const charCs = options.model === 'ensemble' ? grid(options.charC ?? options.C) : [0];
  const configs: { C: number; charC: number }[] = [];
  for (const C of cs)
    for (const charC of charCs) configs.push({ C, charC: options.model === 'ensemble' ? charC : C });

  let chosen = configs[0]!;
  let threshold = typeof options.threshold === 'number' ? options.threshold : 0.5;
  let innerF1: number | null = null;
  if (configs.length > 1 || options.threshold === 'inner-cv') {
    const fold = stratifiedFolds(labels, options.innerFolds, seed + 1);
    const oof = configs.map(() => new Float64Array(docs.length));
    for (let k = 0; k < options.innerFolds; k++) {
      const { train, test } = splitFold(fold, k);
      const trainDocs = train.map((i) => docs[i]!);
      const trainLabels = train.map((i) => labels[i]!);
      configs.forEach((cfg, ci) => {
        const scorer = fitLinear(trainDocs, trainLabels, options, cfg.C, cfg.charC, seed);
        for (const i of test) oof[ci]![i] = scoreFeatureSet(scorer, docs[i]!);
      });
    }
    let best = -1;
    configs.forEach((cfg, ci) => {
      const pick = f1OptimalThreshold(oof[ci]!, labels);
      if (pick.f1 > best) {
        best = pick.f1;
        chosen = cfg;
        if (options.threshold === 'inner-cv') threshold = pick.threshold;
      }
    });
    innerF1 = best;
  }
  const scorer = fitLinear(docs, labels, options, chosen.C, chosen.charC, seed);
  return { scorer, selection: { C: chosen.C, charC: chosen.charC, threshold, innerF1 } };
}
