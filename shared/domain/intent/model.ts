import { Buffer } from 'node:buffer';
import { Featuriser } from './featurise.ts';
import { combineFamilies, type LinearScorer } from './linear-fit.ts';
import type { IntentOptions } from './options.ts';

/**
 * The shipped model: plain JSON with the non-zero weights of the hashed feature table as two base64
 * arrays (sorted slot indices as little-endian int32, weights as little-endian float32). NB ratios
 * are already folded into the weights, so scoring is a sum of table reads.
 */
export interface IntentModelFile {
  format: 'prospector-intent-model';
  version: 1;
  createdAt?: string;
  /** Featurisation and fit options; `C` is the value inner CV chose. */
  options: IntentOptions;
  /** One bias for a joint model; two (word model, character model) for an ensemble. */
  bias: number[];
  /** Decision threshold on `predict`'s probability, chosen by inner CV on the training data. */
  threshold: number;
  weights: { count: number; indices: string; values: string };
  training?: { examples: number; positives: number; innerCvF1: number | null; seed: number };
}

export interface Explanation {
  probability: number;
  /** Features of the post by contribution to the log-odds, strongest first (negative = pushed away). */
  features: { feature: string; weight: number }[];
}

export interface IntentModel {
  readonly threshold: number;
  readonly options: IntentOptions;
  /** Probability that the post shows purchase intent. */
  predict(text: string): number;
  /** The probability and the `k` features that moved it most. */
  explain(text: string, k?: number): Explanation;
}

/** Serialises a fitted table: only non-zero (and, if asked, not-too-small) weights are kept. */
export function encodeWeights(table: Float32Array, pruneBelow: number): IntentModelFile['weights'] {
  let count = 0;
  for (let j = 0; j < table.length; j++) if (table[j] !== 0 && Math.abs(table[j]!) >= pruneBelow) count++;
  const indices = new Int32Array(count);
  const values = new Float32Array(count);
  let at = 0;
  for (let j = 0; j < table.length; j++) {
    const v = table[j]!;
    if (v !== 0 && Math.abs(v) >= pruneBelow) {
      indices[at] = j;
      values[at++] = v;
    }
  }
  return {
    count,
    indices: Buffer.from(indices.buffer, indices.byteOffset, indices.byteLength).toString('base64'),
    values: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
  };
}

function decodeWeights(w: IntentModelFile['weights'], hashBits: number): Float32Array {
  const ib = Buffer.from(w.indices, 'base64');
  const vb = Buffer.from(w.values, 'base64');
  if (ib.byteLength !== w.count * 4 || vb.byteLength !== w.count * 4) throw new Error('intent model: weight arrays do not match count');
  // Copy into aligned buffers (a Buffer's offset in its pool need not be 4-aligned); assumes little-endian, as all our targets are.
  const indices = new Int32Array(new Uint8Array(ib).buffer);
  const values = new Float32Array(new Uint8Array(vb).buffer);
  const size = 1 << hashBits;
  const table = new Float32Array(size);
  for (let k = 0; k < w.count; k++) {
    const j = indices[k]!;
    if (j < 0 || j >= size) throw new Error(`intent model: weight index ${j} outside the table`);
    table[j] = values[k]!;
  }
  return table;
}

/** Rebuilds the dense scoring table from a model file. */
export function loadIntentModel(file: IntentModelFile): IntentModel {
  if (file.format !== 'prospector-intent-model' || file.version !== 1) {
    throw new Error(`unsupported intent model ${String(file.format)} v${String(file.version)}`);
  }
  const table = decodeWeights(file.weights, file.options.hashBits);
  return new HashedLinearModel(file.options, table, file.bias, file.threshold);
}

/** Wraps a freshly fitted scorer (no serialisation round trip), for evaluation. */
export function modelFromScorer(options: IntentOptions, scorer: LinearScorer, threshold: number): IntentModel {
  return new HashedLinearModel(options, scorer.table, scorer.bias, threshold);
}

class HashedLinearModel implements IntentModel {
  private readonly featuriser: Featuriser;
  private readonly scorer: LinearScorer;
  /** Per-slot stamp of the last post that used it: binary features without sorting or a Set. */
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly half: number;

  constructor(
    readonly options: IntentOptions,
    table: Float32Array,
    bias: number[],
    readonly threshold: number,
  ) {
    this.featuriser = new Featuriser(options);
    this.scorer = {
      table,
      bias,
      model: bias.length === 2 ? 'ensemble' : 'joint',
      lengthNorm: options.lengthNorm,
      hashBits: options.hashBits,
    };
    this.seen = new Uint32Array(table.length);
    this.half = table.length >>> 1;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  predict(text: string): number {
    const n = this.featuriser.run(text);
    const idx = this.featuriser.indices;
    const table = this.scorer.table;
    const seen = this.seen;
    const half = this.half;
    const stamp = this.nextStamp();
    let zw = 0;
    let zc = 0;
    let nw = 0;
    let nc = 0;
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      if (seen[j] === stamp) continue;
      seen[j] = stamp;
      if (j < half) {
        zw += table[j]!;
        nw++;
      } else {
        zc += table[j]!;
        nc++;
      }
    }
    return combineFamilies(this.scorer, zw, nw, zc, nc);
  }

  explain(text: string, k = 8): Explanation {
    const f = this.featuriser;
    const n = f.run(text);
    const idx = f.indices;
    const table = this.scorer.table;
    const seen = this.seen;
    const half = this.half;
    const stamp = this.nextStamp();
    let zw = 0;
    let zc = 0;
    let nw = 0;
    let nc = 0;
    const first: number[] = []; // position of each distinct slot's first occurrence
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      if (seen[j] === stamp) continue;
      seen[j] = stamp;
      first.push(i);
      if (j < half) {
        zw += table[j]!;
        nw++;
      } else {
        zc += table[j]!;
        nc++;
      }
    }
    const probability = combineFamilies(this.scorer, zw, nw, zc, nc);
    // A feature's contribution to its family's log-odds (after length normalisation).
    const sw = this.scorer.lengthNorm && nw > 0 ? 1 / Math.sqrt(nw) : 1;
    const sc = this.scorer.lengthNorm && nc > 0 ? 1 / Math.sqrt(nc) : 1;
    const scale = this.scorer.model === 'ensemble' ? 0.5 : 1;
    const top: { at: number; weight: number }[] = [];
    for (const at of first) {
      const j = idx[at]!;
      const w = table[j]! * (j < half ? sw : sc) * scale;
      if (w === 0) continue;
      if (top.length < k || Math.abs(w) > Math.abs(top[top.length - 1]!.weight)) {
        top.push({ at, weight: w });
        top.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
        if (top.length > k) top.pop();
      }
    }
    return { probability, features: top.map((t) => ({ feature: f.nameOf(t.at), weight: t.weight })) };
  }
}
