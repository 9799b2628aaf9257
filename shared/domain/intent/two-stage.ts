import { Featuriser } from './featurise.ts';
import { type FeaturisedPost, featurisePost } from './featurise-post.ts';
import { type IntentModel, type IntentModelFile, loadIntentModel } from './model.ts';
import { decodeFloats, encodeFloats } from './model-file.ts';
import { type IntentOptions, withDefaults } from './options.ts';
import { trainIntentModel } from './train.ts';
import {
  averageStageTwo,
  DEFAULT_TWO_STAGE,
  fitStageTwo,
  outOfFoldFast,
  type StageTwo,
  stageTwoProbability,
  type TwoStageOptions,
} from './two-stage-fit.ts';
import type { WordVectors } from './word-vectors.ts';

/**
 * A sentence encoder as the two-stage model needs it: a fixed-length vector per text, batched and
 * asynchronous (the real one runs a TensorFlow graph). Injected, so the learner stays pure and
 * tests use a small fake. Any text, empty or long, must give a vector of `dimensions` numbers.
 */
export interface Encoder {
  /** Names the encoder and its weights: a model file refuses to load with a different one. */
  readonly name: string;
  readonly dimensions: number;
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * The shipped two-stage model: the fast model's own file, then the gate and the stage-2 logistic
 * regression (weights as little-endian float32 base64: first the fast logit's, then one per
 * embedding dimension). Its version is the registry's content hash of these bytes.
 */
export interface TwoStageModelFile {
  format: 'prospector-two-stage-model';
  version: 1;
  createdAt?: string;
  fast: IntentModelFile;
  encoder: { name: string; dimensions: number };
  options: { gate: number; embeddingScale: number; C: number };
  stage2: { bias: number; weights: string };
  /** Decision threshold on the final probability, chosen by inner CV on the training data. */
  threshold: number;
  training: {
    examples: number;
    positives: number;
    /** Training posts at or above the gate (out of fold): what stage 2 was fitted on. */
    gated: number;
    innerCvF1: number;
    seed: number;
    /** Stage-2 fits averaged (absent: one). */
    bags?: number;
  };
}

export interface TwoStageModel {
  readonly threshold: number;
  readonly gate: number;
  /** The first stage, synchronous: what a signal stored without a probability falls back to. */
  readonly fast: IntentModel;
  /** One final probability per text; only texts at or above the gate are encoded (one batch). */
  predictAll(texts: readonly string[]): Promise<number[]>;
  /** Both stages for one text, for `prospector classify`. */
  explain(text: string): Promise<{ fast: number; gated: boolean; probability: number }>;
}

/** An encoder that remembers each text's vector: cross-validation encodes every post once. */
export function cachedEncoder(encoder: Encoder): Encoder {
  const cache = new Map<string, Float32Array>();
  return {
    name: encoder.name,
    dimensions: encoder.dimensions,
    async encode(texts) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      if (missing.length > 0) {
        const vectors = await encoder.encode(missing);
        missing.forEach((t, k) => {
          cache.set(t, vectors[k]!);
        });
      }
      return texts.map((t) => cache.get(t)!);
    },
  };
}

/** Encodes the texts at `indices` and returns a sparse array (undefined elsewhere). */
export async function embedSome(
  encoder: Encoder,
  texts: readonly string[],
  indices: readonly number[],
): Promise<(Float32Array | undefined)[]> {
  const out: (Float32Array | undefined)[] = new Array(texts.length).fill(undefined);
  const vectors = await encoder.encode(indices.map((i) => texts[i]!));
  indices.forEach((i, k) => {
    const v = vectors[k]!;
    if (v.length !== encoder.dimensions)
      throw new Error(`encoder ${encoder.name} gave ${v.length} dimensions, not ${encoder.dimensions}`);
    out[i] = v;
  });
  return out;
}

/**
 * Trains the two-stage model: the fast model on all examples (as `npm run train` always did),
 * out-of-fold fast probabilities for the training posts, then stage 2 on the posts at or above
 * the gate (only those are encoded). Deterministic for a seed and an encoder.
 */
export async function trainTwoStageModel(
  examples: readonly { text: string; label: boolean }[],
  encoder: Encoder,
  seed = 42,
  vectors?: WordVectors,
  options: Partial<TwoStageOptions> = {},
): Promise<TwoStageModelFile> {
  const opts = { ...DEFAULT_TWO_STAGE, ...options };
  const fast = trainIntentModel(examples, {}, seed, vectors);
  const fastOptions = withDefaults();
  const featuriser = new Featuriser(fastOptions, undefined, vectors?.index);
  const docs = examples.map((e) => featurisePost(featuriser, e.text, fastOptions.binary, vectors));
  const labels = examples.map((e) => e.label);
  const s = await fitBaggedStageTwo(
    docs,
    labels,
    examples.map((e) => e.text),
    encoder,
    fastOptions,
    opts,
    seed,
  );
  return {
    format: 'prospector-two-stage-model',
    version: 1,
    fast,
    encoder: { name: encoder.name, dimensions: encoder.dimensions },
    options: { gate: opts.gate, embeddingScale: opts.embeddingScale, C: s.C },
    stage2: { bias: s.bias, weights: encodeFloats(s.weights) },
    threshold: s.threshold,
    training: {
      examples: examples.length,
      positives: labels.filter(Boolean).length,
      gated: s.gated,
      innerCvF1: s.innerF1,
      seed,
      bags: opts.bags,
    },
  };
}

/**
 * Stage 2 fitted `options.bags` times, each on its own fold shuffle (seed, seed + 7919, ...): out-
 * of-fold fast probabilities, the gate, C and the threshold; then averaged (`averageStageTwo`).
 * A post is encoded the first time any shuffle gates it, and its vector is kept for the others.
 */
export async function fitBaggedStageTwo(
  docs: readonly FeaturisedPost[],
  labels: readonly boolean[],
  texts: readonly string[],
  encoder: Encoder,
  fastOptions: IntentOptions,
  options: TwoStageOptions,
  seed: number,
): Promise<StageTwo> {
  const members: StageTwo[] = [];
  const embeddings: (Float32Array | undefined)[] = new Array(texts.length).fill(undefined);
  for (let b = 0; b < Math.max(1, options.bags); b++) {
    const bagSeed = seed + 7919 * b;
    const pFast = outOfFoldFast(docs, labels, fastOptions, options.innerFolds, bagSeed);
    const missing = labels.flatMap((_, i) => (pFast[i]! >= options.gate && !embeddings[i] ? [i] : []));
    const added = await embedSome(encoder, texts, missing);
    for (const i of missing) embeddings[i] = added[i];
    members.push(fitStageTwo(pFast, labels, embeddings, options, bagSeed));
  }
  return members.length === 1 ? members[0]! : averageStageTwo(members, options.gate);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Checks a parsed model file and rebuilds the model around `encoder`. Throws (with the reason) on
 * a wrong format, a different encoder, or weights that do not match the embedding size: the
 * caller names the file, and nothing ever scores with a half-read model.
 */
export function loadTwoStageModel(raw: unknown, encoder: Encoder): TwoStageModel {
  if (!isObject(raw) || raw.format !== 'prospector-two-stage-model' || raw.version !== 1)
    throw new Error(
      `not a prospector-two-stage-model v1 file (format ${String(isObject(raw) && raw.format)})`,
    );
  const file = raw as unknown as TwoStageModelFile;
  if (!isObject(file.encoder) || !isObject(file.stage2) || !isObject(file.options) || !isObject(file.fast))
    throw new Error('missing encoder, options, stage2 or fast model');
  if (file.encoder.name !== encoder.name || file.encoder.dimensions !== encoder.dimensions)
    throw new Error(
      `trained with encoder ${file.encoder.name} (${file.encoder.dimensions}-d), given ${encoder.name} (${encoder.dimensions}-d)`,
    );
  const { gate, embeddingScale } = file.options;
  if (
    ![gate, embeddingScale, file.threshold, file.stage2.bias].every(
      (x) => typeof x === 'number' && Number.isFinite(x),
    )
  )
    throw new Error('gate, embedding scale, threshold and bias must be finite numbers');
  if (typeof file.stage2.weights !== 'string') throw new Error('stage-2 weights missing');
  const stage = {
    bias: file.stage2.bias,
    weights: decodeFloats(file.stage2.weights, encoder.dimensions + 1, 'stage-2 weights'),
  };
  const fast = loadIntentModel(file.fast);
  const threshold = file.threshold;

  async function predictAll(texts: readonly string[]): Promise<number[]> {
    const p = texts.map((t) => fast.predict(t));
    const gated = p.flatMap((x, i) => (x >= gate ? [i] : []));
    if (gated.length === 0) return p;
    const embeddings = await embedSome(encoder, texts, gated);
    for (const i of gated) p[i] = stageTwoProbability(stage, p[i]!, embeddings[i]!, embeddingScale);
    return p;
  }
  return {
    threshold,
    gate,
    fast,
    predictAll,
    async explain(text) {
      const pFast = fast.predict(text);
      const [probability] = await predictAll([text]);
      return { fast: pFast, gated: pFast >= gate, probability: probability! };
    },
  };
}
