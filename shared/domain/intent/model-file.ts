import { Buffer } from 'node:buffer';
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
  /**
   * The mean-word-vector part of a model trained with word vectors, reduced to one number per
   * word (its vector dotted with the fitted vector weights): a post adds the mean of its words'
   * numbers, so scoring needs neither the vectors nor any arithmetic per dimension.
   */
  vectors?: { source: string; words: string; scores: string };
  training?: { examples: number; positives: number; innerCvF1: number | null; seed: number };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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
    values: encodeFloats(values),
  };
}

/** Float32 values as little-endian base64 (and back). */
export function encodeFloats(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

export function decodeFloats(base64: string, count: number, what: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength !== count * 4) throw new Error(`intent model: ${what} do not match their count`);
  if (!LITTLE_ENDIAN) throw new Error('intent model: values are stored little-endian; this platform is not');
  return new Float32Array(new Uint8Array(bytes).buffer);
}

export function decodeWeights(w: IntentModelFile['weights'], hashBits: number): Float32Array {
  const ib = Buffer.from(w.indices, 'base64');
  const vb = Buffer.from(w.values, 'base64');
  if (ib.byteLength !== w.count * 4 || vb.byteLength !== w.count * 4)
    throw new Error('intent model: weight arrays do not match count');
  if (!LITTLE_ENDIAN) throw new Error('intent model: weights are stored little-endian; this platform is not');
  // Copy into aligned buffers (a Buffer's offset in its pool need not be 4-aligned).
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
