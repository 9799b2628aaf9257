import { Featuriser, featureSet } from './featurise.ts';
import { encodeWeights, type IntentModelFile } from './model-file.ts';
import { type IntentOptions, withDefaults } from './options.ts';
import { selectAndFit } from './select-and-fit.ts';

export interface TrainingExample {
  text: string;
  label: boolean;
}

/**
 * Trains the shipped intent model: featurise, pick C and the decision threshold by inner stratified
 * CV on `examples`, refit on all of them, and serialise. Same examples, options and seed give a
 * byte-identical file (no clock, no Math.random); stamp `createdAt` yourself if you want one.
 */
export function trainIntentModel(
  examples: readonly TrainingExample[],
  options: Partial<IntentOptions> = {},
  seed = 42,
): IntentModelFile {
  const positives = examples.filter((e) => e.label).length;
  if (positives === 0 || positives === examples.length) {
    throw new Error(`trainIntentModel: need both labels, got ${positives} positive of ${examples.length}`);
  }
  const opts = withDefaults(options);
  const featuriser = new Featuriser(opts);
  const docs = examples.map((e) => featureSet(featuriser, e.text, opts.binary));
  const labels = examples.map((e) => e.label);
  const { scorer, selection } = selectAndFit(docs, labels, opts, seed);
  const resolved: IntentOptions = { ...opts, C: selection.C };
  if (opts.model === 'ensemble') resolved.charC = selection.charC;
  return {
    format: 'prospector-intent-model',
    version: 1,
    options: resolved,
    bias: scorer.bias,
    threshold: selection.threshold,
    weights: encodeWeights(scorer.table, opts.pruneBelow),
    training: {
      examples: examples.length,
      positives,
      innerCvF1: selection.innerF1,
      seed,
    },
  };
}
