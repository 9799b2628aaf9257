import type { FeaturisedPost } from './featurise-post.ts';
import { trainLogisticDual } from './logistic-dual-cd.ts';
import type { IntentOptions } from './options.ts';

/**
 * A fitted linear scorer over the hashed feature space. `table` is dense (one float per hash slot)
 * because a post touches hundreds of slots and a typed-array read is the cheapest lookup there is.
 * In `ensemble` mode bias[0] belongs to the word half of the table and bias[1] to the character half.
 */
export interface LinearScorer {
  table: Float32Array;
  bias: number[];
  model: IntentOptions['model'];
  lengthNorm: boolean;
  hashBits: number;
  /** Weights on the post's mean word vector (joint model with word vectors only). */
  vectorWeights: Float32Array | null;
}

/** Which feature families are present (word: lower half of the hash space; char: upper half). */
function families(options: IntentOptions): { word: boolean; char: boolean } {
  return { word: options.wordMaxN > 0, char: options.charN[1] > 0 };
}

/**
 * Probability of the positive class for a post given as `featureSet` indices (a repeated index is a
 * count). The same arithmetic as `IntentModel.predict`, on pre-featurised posts (for cross-validation).
 */
export function scoreFeatureSet(scorer: LinearScorer, post: FeaturisedPost): number {
  const doc = post.indices;
  const half = 1 << (scorer.hashBits - 1);
  const table = scorer.table;
  let zw = 0;
  let zc = 0;
  let nw = 0;
  let nc = 0;
  for (let k = 0; k < doc.length; k++) {
    const j = doc[k]!;
    if (j < half) {
      zw += table[j]!;
      nw++;
    } else {
      zc += table[j]!;
      nc++;
    }
  }
  let zv = 0;
  const u = scorer.vectorWeights;
  const v = post.vector;
  if (u && v) for (let d = 0; d < u.length; d++) zv += u[d]! * v[d]!;
  return combineFamilies(scorer, zw, nw, zc, nc, zv);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Turns per-family weight sums into a probability (length normalisation, joint or averaged); `zv`
 * is the mean word vector's contribution (already averaged).
 */
export function combineFamilies(
  scorer: LinearScorer,
  zw: number,
  nw: number,
  zc: number,
  nc: number,
  zv = 0,
): number {
  if (scorer.lengthNorm) {
    zw = nw > 0 ? zw / Math.sqrt(nw) : 0;
    zc = nc > 0 ? zc / Math.sqrt(nc) : 0;
  }
  if (scorer.model === 'joint' || scorer.bias.length === 1) return sigmoid(scorer.bias[0]! + zw + zc + zv);
  return 0.5 * (sigmoid(scorer.bias[0]! + zw) + sigmoid(scorer.bias[1]! + zc));
}

/**
 * Fits the scorer on featurised training posts (`featureSet` indices; a repeated index is a count).
 * NB log-count ratios (if enabled) and the logistic regression see only these posts. `cWord` and
 * `cChar` are the inverse L2 strengths (the same unless `ensemble`). Mean word vectors, when the
 * posts carry them, are extra dense columns scaled so that an average post's vector has length 1:
 * one C then suits both the sparse and the dense part.
 */
export function fitLinear(
  posts: readonly FeaturisedPost[],
  labels: readonly boolean[],
  options: IntentOptions,
  cWord: number,
  cChar: number,
  seed: number,
): LinearScorer {
  const size = 1 << options.hashBits;
  const half = size >>> 1;
  const fam = families(options);
  const docs = posts.map((p) => p.indices);
  const dims = posts[0]?.vector?.length ?? 0;
  if (dims > 0 && options.model !== 'joint') throw new Error('word vectors need the joint model');
  let meanNorm = 0;
  for (const p of posts) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += p.vector![d]! ** 2;
    meanNorm += Math.sqrt(s) / posts.length;
  }
  const vectorScale = (meanNorm > 0 ? 1 / meanNorm : 1) * options.vectorScale;

  // Compact column ids for the slots these posts use.
  const colOf = new Int32Array(size).fill(-1);
  const slotOf: number[] = [];
  for (const d of docs) {
    for (let k = 0; k < d.length; k++) {
      const j = d[k]!;
      if (colOf[j]! < 0) {
        colOf[j] = slotOf.length;
        slotOf.push(j);
      }
    }
  }
  const cols = slotOf.length;
  const isChar = new Uint8Array(cols);
  for (let c = 0; c < cols; c++) isChar[c] = slotOf[c]! >= half ? 1 : 0;

  // NB log-count ratios per family: r = log((p/|p|_1) / (q/|q|_1)), binarised counts.
  const ratio = new Float64Array(cols).fill(1);
  if (options.nb) {
    const p = new Float64Array(cols).fill(options.nbAlpha);
    const q = new Float64Array(cols).fill(options.nbAlpha);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const target = labels[i] ? p : q;
      for (let k = 0; k < d.length; k++) if (k === 0 || d[k] !== d[k - 1]) target[colOf[d[k]!]!]! += 1;
    }
    const sumP = [0, 0];
    const sumQ = [0, 0];
    for (let c = 0; c < cols; c++) {
      sumP[isChar[c]!]! += p[c]!;
      sumQ[isChar[c]!]! += q[c]!;
    }
    for (let c = 0; c < cols; c++) {
      ratio[c] = Math.log(p[c]! / sumP[isChar[c]!]! / (q[c]! / sumQ[isChar[c]!]!));
    }
  }

  // Character n-gram values scaled by charScale; folded into the weights like the NB ratios.
  const charScale = options.charScale ?? 1;
  if (charScale !== 1) for (let c = 0; c < cols; c++) if (isChar[c] === 1) ratio[c] = ratio[c]! * charScale;

  let positives = 0;
  for (const l of labels) if (l) positives++;
  const negatives = labels.length - positives;
  const wPos = options.balanced && positives > 0 ? labels.length / (2 * positives) : 1;
  const wNeg = options.balanced && negatives > 0 ? labels.length / (2 * negatives) : 1;

  const groups: { char: boolean | null; C: number }[] =
    options.model === 'joint' || !(fam.word && fam.char)
      ? [{ char: null, C: fam.word ? cWord : cChar }]
      : [
          { char: false, C: cWord },
          { char: true, C: cChar },
        ];

  const table = new Float32Array(size);
  const bias: number[] = [];
  let vectorWeights: Float32Array | null = null;
  for (const g of groups) {
    const rowStart = new Int32Array(docs.length + 1);
    let nnz = 0;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      for (let k = 0; k < d.length; k++) {
        if ((k === 0 || d[k] !== d[k - 1]) && (g.char === null || d[k]! >= half === g.char)) nnz++;
      }
      nnz += dims;
      rowStart[i + 1] = nnz;
    }
    const indices = new Int32Array(nnz);
    const values = new Float32Array(nnz);
    let at = 0;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      let nw = 0;
      let nc = 0;
      for (let k = 0; k < d.length; k++) d[k]! >= half ? nc++ : nw++;
      const sw = options.lengthNorm && nw > 0 ? 1 / Math.sqrt(nw) : 1;
      const sc = options.lengthNorm && nc > 0 ? 1 / Math.sqrt(nc) : 1;
      for (let k = 0; k < d.length; ) {
        const j = d[k]!;
        let count = 1;
        while (k + count < d.length && d[k + count] === j) count++;
        k += count;
        const ch = j >= half;
        if (g.char !== null && ch !== g.char) continue;
        const c = colOf[j]!;
        indices[at] = c;
        values[at++] = count * ratio[c]! * (ch ? sc : sw);
      }
      const v = posts[i]!.vector;
      for (let q = 0; q < dims; q++) {
        indices[at] = cols + q;
        values[at++] = v![q]! * vectorScale;
      }
    }
    const fit = trainLogisticDual(
      { rowStart, indices, values, columns: cols + dims },
      labels,
      { positive: g.C * wPos, negative: g.C * wNeg },
      seed,
      options.tolerance,
      options.maxIterations,
    );
    for (let c = 0; c < cols; c++) {
      if (g.char !== null && (isChar[c] === 1) !== g.char) continue;
      table[slotOf[c]!] = fit.weights[c]! * ratio[c]!;
    }
    bias.push(fit.bias);
    if (dims > 0) {
      vectorWeights = new Float32Array(dims);
      for (let q = 0; q < dims; q++) vectorWeights[q] = fit.weights[cols + q]! * vectorScale;
    }
  }
  return {
    table,
    bias,
    model: groups.length === 2 ? 'ensemble' : 'joint',
    lengthNorm: options.lengthNorm,
    hashBits: options.hashBits,
    vectorWeights,
  };
}
