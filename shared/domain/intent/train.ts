import { Featuriser } from './featurise.ts';
import { featurisePost } from './featurise-post.ts';
import { encodeFloats, encodeWeights, type IntentModelFile } from './model-file.ts';
import { type IntentOptions, withDefaults } from './options.ts';
import { selectAndFit } from './select-and-fit.ts';
import type { WordVectors } from './word-vectors.ts';

export interface TrainingExample {
  text: string;
  label: boolean;
}

/**
 * Trains the shipped intent model: featurise, pick C and the decision threshold by inner stratified
 * CV on `examples`, refit on all of them, and serialise. Same examples, options, seed and vectors
 * give a byte-identical file (no clock, no Math.random); stamp `createdAt` yourself if you want one.
 * With `vectors`, every word of the vector vocabulary gets a score, so a word the labelled posts
 * never used still counts like the words it is close to.
 */
export function trainIntentModel(
  examples: readonly TrainingExample[],
  options: Partial<IntentOptions> = {},
  seed = 42,
  vectors?: WordVectors,
): IntentModelFile {
  const positives = examples.filter((e) => e.label).length;
  if (positives === 0 || positives === examples.length) {
    throw new Error(`trainIntentModel: need both labels, got ${positives} positive of ${examples.length}`);
  }
  const opts = withDefaults(options);
  const featuriser = new Featuriser(opts, undefined, vectors?.index);
  const docs = examples.map((e) => featurisePost(featuriser, e.text, opts.binary, vectors));
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
    ...(vectors && scorer.vectorWeights ? { vectors: wordScores(vectors, scorer.vectorWeights) } : {}),
    training: {
      examples: examples.length,
      positives,
      innerCvF1: selection.innerF1,
      seed,
    },
  };
}

function wordScores(vectors: WordVectors, u: Float32Array): NonNullable<IntentModelFile['vectors']> {
  const scores = new Float32Array(vectors.words.length);
  for (let r = 0; r < scores.length; r++) scores[r] = vectors.dot(r, u);
  return { source: vectors.source, words: vectors.words.join('\n'), scores: encodeFloats(scores) };
}
