import { CharNgramCache, TOP_PER_WORD } from './char-ngram-cache.ts';
import { Featuriser } from './featurise.ts';
import { combineFamilies, type LinearScorer } from './linear-fit.ts';
import { decodeFloats, decodeWeights, type IntentModelFile } from './model-file.ts';
import { type Binary, type IntentOptions, withFileDefaults } from './options.ts';
import { TopContributions } from './top-contributions.ts';
import { WordRowIndex } from './word-vectors.ts';

export type { IntentModelFile } from './model-file.ts';

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

/** Process-side settings that do not change predictions. */
export interface IntentRuntimeOptions {
  /**
   * Distinct word forms remembered (stems, n-gram sums) before the caches are emptied; bounds a
   * long-lived process's memory at roughly 100 bytes an entry. Default 100,000.
   */
  wordCacheEntries?: number;
}

/** Rebuilds the dense scoring table from a model file (JSON.parse it first). */
export function loadIntentModel(file: IntentModelFile, runtime: IntentRuntimeOptions = {}): IntentModel {
  if (file.format !== 'prospector-intent-model' || file.version !== 1) {
    throw new Error(`unsupported intent model ${String(file.format)} v${String(file.version)}`);
  }
  const options = withFileDefaults(file.options);
  const table = decodeWeights(file.weights, options.hashBits);
  let vectors: WordScores | undefined;
  if (file.vectors) {
    const words = file.vectors.words.split('\n');
    const scores = decodeFloats(file.vectors.scores, words.length, 'word scores');
    vectors = { index: new WordRowIndex(words), scores };
  }
  return new HashedLinearModel(options, table, file.bias, file.threshold, runtime, vectors);
}

/** A vector-trained model's per-word scores (see IntentModelFile.vectors), by word-vector row. */
interface WordScores {
  index: WordRowIndex;
  scores: Float32Array;
}

/** `TopContributions.cacheRef` of a word's mean-vector share (named `v:word`). */
const VECTOR_REF = -2;

class HashedLinearModel implements IntentModel {
  private readonly featuriser: Featuriser;
  private readonly scorer: LinearScorer;
  private readonly half: number;
  private readonly binary: Binary;
  /** Per-word n-gram sums; used when character n-grams are counted (binary 'words' or 'none'). */
  private readonly charCache: CharNgramCache | null;
  /**
   * Binary features need each slot counted once per post: one bit per table slot (32 KiB for 2^18
   * slots, so it stays in L1 cache), set as features are seen and cleared again for just the slots
   * this post touched. Branch-free, so repeated n-grams cost no mispredictions.
   */
  private readonly seen: Int32Array;
  /** Positions (in the featuriser's index buffer) of the distinct features of the last post. */
  private distinct = new Int32Array(1024);
  private readonly sums = new Float64Array(6); // zw, nw, zc, nc, word-score sum, words with a score
  private readonly wordScores: Float32Array | null;
  private top = new TopContributions(8);

  constructor(
    readonly options: IntentOptions,
    table: Float32Array,
    bias: number[],
    readonly threshold: number,
    runtime: IntentRuntimeOptions,
    vectors?: WordScores,
  ) {
    this.featuriser = new Featuriser(options, runtime.wordCacheEntries, vectors?.index);
    this.wordScores = vectors?.scores ?? null;
    this.scorer = {
      table,
      bias,
      model: bias.length === 2 ? 'ensemble' : 'joint',
      lengthNorm: options.lengthNorm,
      hashBits: options.hashBits,
      vectorWeights: null,
    };
    this.half = table.length >>> 1;
    this.binary = options.binary;
    this.charCache = options.binary === 'all' ? null : new CharNgramCache(this.featuriser, table);
    this.seen = new Int32Array(Math.max(1, table.length >>> 5));
  }

  predict(text: string): number {
    if (this.charCache) this.scoreWordsThenCachedChars(text, false);
    else this.scoreAll(text, false);
    return this.probability();
  }

  /** The probability from the sums of the last post (with its mean word score). */
  private probability(): number {
    const s = this.sums;
    const zv = s[5]! > 0 ? s[4]! / s[5]! : 0;
    return combineFamilies(this.scorer, s[0]!, s[1]!, s[2]!, s[3]!, zv);
  }

  /** Every feature from a fresh scan (binary character n-grams: no per-word cache), then word scores. */
  private scoreAll(text: string, describe: boolean): number {
    const m = this.accumulate(this.featuriser.run(text, describe), true);
    const f = this.featuriser;
    const scores = this.wordScores;
    let z = 0;
    let n = 0;
    for (let t = 0; scores && t < f.tokens.count; t++) {
      const row = f.vectorRow(t);
      if (row < 0) continue;
      z += scores[row]!;
      n++;
    }
    this.sums[4] = z;
    this.sums[5] = n;
    return m;
  }

  explain(text: string, k = 5): Explanation {
    const f = this.featuriser;
    const s = this.sums;
    const m = this.charCache ? this.scoreWordsThenCachedChars(text, true) : this.scoreAll(text, true);
    const probability = this.probability();
    // A feature's contribution to its family's log-odds, after length normalisation.
    const share = this.scorer.model === 'ensemble' ? 0.5 : 1;
    const sw = this.lengthScale(s[1]!) * share;
    const sc = this.lengthScale(s[3]!) * share;
    if (this.top.k !== k) this.top = new TopContributions(k);
    const top = this.top;
    top.reset();
    const idx = f.indices;
    const desc = f.descriptors;
    const table = this.scorer.table;
    const half = this.half;
    for (let d = 0; d < m; d++) {
      const at = this.distinct[d]!;
      const j = idx[at]!;
      top.offer(table[j]! * (j < half ? sw : sc), j, desc[at]!, -1);
    }
    const cache = this.charCache;
    if (cache) {
      for (let t = 0; t < f.tokens.count; t++) {
        if (!f.hasCharNgrams(t)) continue;
        const id = f.stemIds[t]!;
        const base = id * TOP_PER_WORD;
        for (let q = 0; q < TOP_PER_WORD && q < k; q++) {
          // Sorted by |weight|: once one is too small to enter, the rest of this word's are too.
          const w = cache.topWeight[base + q]! * sc;
          if (!top.offer(w, cache.topSlot[base + q]!, (t << 12) | cache.topPosition[base + q]!, base + q))
            break;
        }
      }
    }
    const scores = this.wordScores;
    if (scores && s[5]! > 0) {
      // Each word's share of the mean word score; the slot (-2 - row) merges repeats of a word.
      for (let t = 0; t < f.tokens.count; t++) {
        const row = f.vectorRow(t);
        if (row >= 0) top.offer(scores[row]! / s[5]!, -2 - row, t << 12, VECTOR_REF);
      }
    }
    const features: Explanation['features'] = [];
    for (let q = 0; q < top.filled; q++) {
      const ref = top.cacheRef[q]!;
      const d = top.descriptor[q]!;
      const name =
        ref === VECTOR_REF
          ? `v:${f.tokens.textOf(d >>> 12)}`
          : ref >= 0 && cache
            ? cache.nameOf(d >>> 12, Math.floor(ref / TOP_PER_WORD), ref % TOP_PER_WORD)
            : f.nameOfDescriptor(d);
      features.push({ feature: name, weight: top.weight[q]! });
    }
    return { probability, features };
  }

  /**
   * Word features (binary or counted) from a fresh scan, then each word's cached n-gram sum.
   * Returns the number of distinct word features (their positions are in `distinct`).
   */
  private scoreWordsThenCachedChars(text: string, describe: boolean): number {
    const f = this.featuriser;
    const n = f.runWords(text, describe);
    const m = this.accumulate(n, this.binary === 'words');
    const cache = this.charCache!;
    cache.sync();
    let zc = 0;
    let nc = 0;
    let zv = 0;
    let nv = 0;
    const stemIds = f.stemIds;
    const rows = f.stems.vectorRows;
    const scores = this.wordScores;
    for (let t = 0; t < f.tokens.count; t++) {
      const id = stemIds[t]!;
      if (scores) {
        const row = rows[id]!;
        if (row >= 0) {
          zv += scores[row]!;
          nv++;
        }
      }
      if (!f.hasCharNgrams(t)) continue;
      cache.ensure(t, id, n);
      zc += cache.sum[id]!;
      nc += cache.count[id]!;
    }
    this.sums[2] = zc;
    this.sums[3] = nc;
    this.sums[4] = zv;
    this.sums[5] = nv;
    return m;
  }

  /**
   * Sums the weights of the first `n` features into `sums` (per family), counting each slot once
   * when `distinctOnly`; returns how many entries it kept (their positions are in `distinct`).
   */
  private accumulate(n: number, distinctOnly: boolean): number {
    if (this.distinct.length < n) this.distinct = new Int32Array(2 * n);
    const seen = this.seen;
    const idx = this.featuriser.indices;
    const table = this.scorer.table;
    const halfShift = this.scorer.hashBits - 1;
    const distinct = this.distinct;
    const keepAll = distinctOnly ? 0 : 1;
    let zw = 0;
    let zc = 0;
    let nc = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      const word = j >>> 5;
      const bits = seen[word]!;
      const fresh = (((bits >>> (j & 31)) & 1) ^ 1) | keepAll;
      seen[word] = bits | (1 << (j & 31));
      const w = fresh * table[j]!;
      const isChar = j >>> halfShift; // 0 = word family, 1 = character family
      zc += isChar * w;
      zw += (1 - isChar) * w;
      nc += isChar & fresh;
      distinct[m] = i;
      m += fresh;
    }
    for (let d = 0; d < m; d++) seen[idx[distinct[d]!]! >>> 5] = 0;
    const sums = this.sums;
    sums[0] = zw;
    sums[1] = m - nc;
    sums[2] = zc;
    sums[3] = nc;
    return m;
  }

  private lengthScale(count: number): number {
    return this.scorer.lengthNorm && count > 0 ? 1 / Math.sqrt(count) : 1;
  }
}
