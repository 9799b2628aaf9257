import { combine, FNV_OFFSET, FNV_PRIME } from './hash.ts';
import type { IntentOptions } from './options.ts';
import { scanTokens } from './scan-tokens.ts';
import { StemCache } from './stem-cache.ts';
import { HASHTAG, NEGATED, TokenBuffer, WORD } from './token-buffer.ts';
import type { WordRowIndex, WordVectors } from './word-vectors.ts';

/**
 * Feature extraction for the intent model: hashed word uni/bi-grams over Porter stems (negation
 * marked, a begin-of-post marker) and hashed character n-grams inside word-boundary-padded words.
 * Hashes are computed on the fly (no n-gram strings). Word features live in the lower half of the
 * hash space, character n-grams in the upper half, so the two families can be told apart by index.
 */

const NEG_SALT = 0x5bd1e995;
const UNIGRAM_SALT = 0x165667b1;
const BIGRAM_SALT = 0x27d4eb2f;
const HASHTAG_SALT = 0x3c6ef372;
const CHAR_SALT = 0x7f4a7c15;
const BOS_UNIT = 0x1b873593;
/** Multiplier for multiply-shift slotting (Fibonacci hashing): the top bits of h * GOLDEN are well mixed. */
const GOLDEN = 0x9e3779b1 | 0;

/** Descriptor types (bits 0-1). Layout: bits 2-8 n-gram start, 9-11 n-gram length, 12-30 token index. */
export const D_UNIGRAM = 0;
export const D_BIGRAM = 1;
export const D_HASHTAG = 2;
export const D_CHAR = 3;

/** The padding character that marks a word boundary in character n-grams. */
const BOUNDARY = 32;
/** Longest stretch of a token that yields character n-grams (keeps pathological tokens cheap). */
const MAX_CHAR_SPAN = 60;
const MAX_DESCRIBED_TOKEN = 1 << 19;

/**
 * Normalised tokens of `text` as strings: lower-cased surface forms (not stems) with `<url>`,
 * `<user>`, `<num>`, `#tag` + `tag` and `not_` marking. This is also the "tokenising alone" cost
 * that the scoring benchmark compares featurise + predict + explain against.
 */
export function tokenize(text: string, negation = true): string[] {
  const buf = sharedBuffer;
  scanTokens(text, buf);
  const out: string[] = [];
  for (let t = 0; t < buf.count; t++) {
    const w = buf.textOf(t);
    const neg = negation && (buf.flags[t]! & NEGATED) !== 0;
    if (buf.kind[t] === HASHTAG) {
      out.push('#' + w);
      out.push(neg ? 'not_' + w : w);
    } else if (neg) {
      out.push('not_' + w);
    } else {
      out.push(w);
    }
  }
  return out;
}
const sharedBuffer = new TokenBuffer();

/**
 * Turns one post into hashed feature indices. Reusable and not re-entrant: one instance per model.
 * After `run`, `indices[0..n)` holds the feature indices, repeats included. With `describe`, also
 * `descriptors[0..n)`, from which `nameOf` builds a readable name for the few features an
 * explanation reports (names are never built on the scoring path).
 */
export class Featuriser {
  readonly tokens = new TokenBuffer();
  readonly stems: StemCache;
  indices = new Int32Array(4096);
  descriptors = new Int32Array(4096);
  /** Stem-cache id of each token of the last run (for naming). */
  stemIds = new Int32Array(256);
  private readonly codes = new Int32Array(MAX_CHAR_SPAN + 2);
  /** Index of the first character-family slot (= half the table). */
  readonly half: number;
  private readonly shift: number;
  private readonly wordMaxN: number;
  private readonly charMin: number;
  private readonly charMax: number;
  private readonly negation: boolean;
  private readonly bos: boolean;
  private labels: (string | undefined)[] = [];
  private negatedLabels: (string | undefined)[] = [];
  private labelResets = 0;

  /**
   * `wordCacheEntries` bounds the stem cache (see StemCache); it never changes the features.
   * With `vectorIndex`, every distinct word is also resolved to its word-vector row once.
   */
  constructor(options: IntentOptions, wordCacheEntries?: number, vectorIndex?: WordRowIndex) {
    if (options.hashBits < 8 || options.hashBits > 26)
      throw new Error(`hashBits ${options.hashBits} out of range 8-26`);
    if (options.wordMaxN < 0 || options.wordMaxN > 2) throw new Error('wordMaxN must be 0, 1 or 2');
    const [cmin, cmax] = options.charN;
    if (cmax !== 0 && (cmin < 1 || cmax < cmin || cmax > 7))
      throw new Error('charN must be [0,0] or 1 <= min <= max <= 7');
    this.stems = new StemCache(options.stem, wordCacheEntries, vectorIndex);
    this.half = 1 << (options.hashBits - 1);
    this.shift = 33 - options.hashBits;
    this.wordMaxN = options.wordMaxN;
    this.charMin = cmin;
    this.charMax = cmax;
    this.negation = options.negation;
    this.bos = options.boundaryMarkers;
  }

  /**
   * Featurises `text`: word features, then each word's character n-grams. Returns the number of
   * entries written to `indices` (and `descriptors`). Exactly `runWords` followed by `charNgrams` for
   * every word and hashtag, which is what lets a model cache per-word n-gram sums safely.
   */
  run(text: string, describe = false): number {
    let n = this.runWords(text, describe);
    if (this.charMax > 0) {
      const tokens = this.tokens;
      for (let t = 0; t < tokens.count; t++) {
        const kind = tokens.kind[t]!;
        if (kind === WORD || kind === HASHTAG) n = this.charNgrams(t, n, describe);
      }
    }
    return n;
  }

  /**
   * The mean word vector of the last scanned post, written to `out`; returns how many of its tokens
   * had one (0: `out` is all zeros). Hashtags count by their text; negation does not change a vector.
   */
  meanVector(vectors: WordVectors, out: Float64Array): number {
    out.fill(0);
    const rows = this.stems.vectorRows;
    let n = 0;
    for (let t = 0; t < this.tokens.count; t++) {
      const row = rows[this.stemIds[t]!]!;
      if (row < 0) continue;
      vectors.addTo(row, out);
      n++;
    }
    if (n > 1) for (let d = 0; d < out.length; d++) out[d]! /= n;
    return n;
  }

  /** The word-vector row of token `t` of the last scan, or -1. */
  vectorRow(t: number): number {
    return this.stems.vectorRows[this.stemIds[t]!]!;
  }

  /** True for tokens that carry character n-grams. */
  hasCharNgrams(t: number): boolean {
    const kind = this.tokens.kind[t]!;
    return this.charMax > 0 && (kind === WORD || kind === HASHTAG);
  }

  /**
   * Scans `text` and writes its word-family features (unigrams, bigrams, `#tag`) to `indices[0..n)`;
   * returns n. Fills `stemIds` for every token.
   */
  runWords(text: string, describe = false): number {
    this.stems.maybeReset();
    const tokens = this.tokens;
    scanTokens(text, tokens);
    const nt = tokens.count;
    if (this.stemIds.length < nt) this.stemIds = new Int32Array(nt * 2);
    this.ensureCapacity(nt * 3 + 2);
    const idx = this.indices;
    const desc = this.descriptors;
    const stemIds = this.stemIds;
    const stems = this.stems;
    const shift = this.shift;
    const wordMaxN = this.wordMaxN;
    const negation = this.negation;
    let n = 0;
    let prevUnit = BOS_UNIT;
    let hasPrev = this.bos;

    for (let t = 0; t < nt; t++) {
      const id = stems.idOfToken(tokens, t);
      stemIds[t] = id;
      if (wordMaxN === 0) continue;
      const stemHash = stems.hashes[id]!;
      const unit = negation && (tokens.flags[t]! & NEGATED) !== 0 ? combine(stemHash, 0, NEG_SALT) : stemHash;
      const tDesc = describe ? (t < MAX_DESCRIBED_TOKEN ? t << 12 : -1) : 0;
      if (describe) desc[n] = tDesc | D_UNIGRAM;
      idx[n++] = Math.imul(unit ^ UNIGRAM_SALT, GOLDEN) >>> shift;
      if (wordMaxN > 1 && hasPrev) {
        if (describe) desc[n] = tDesc | D_BIGRAM;
        idx[n++] = Math.imul(combine(prevUnit, unit, BIGRAM_SALT), GOLDEN) >>> shift;
      }
      if (tokens.kind[t] === HASHTAG) {
        if (describe) desc[n] = tDesc | D_HASHTAG;
        idx[n++] = Math.imul(stemHash ^ HASHTAG_SALT, GOLDEN) >>> shift;
      }
      prevUnit = unit;
      hasPrev = true;
    }
    return n;
  }

  /**
   * Writes the character n-grams of token `t` (of the last scan) as " word " (boundary-padded),
   * FNV-1a extended one character at a time, to `indices[at..)`; returns the new end.
   */
  charNgrams(t: number, at: number, describe = false): number {
    const tokens = this.tokens;
    const own = tokens.text[t]!;
    const src = own !== '' ? own : tokens.source;
    const from = own !== '' ? 0 : tokens.start[t]!;
    const full = own !== '' ? own.length : tokens.end[t]! - from;
    const len = Math.min(full, MAX_CHAR_SPAN);
    const padded = len + 2;
    const cmin = this.charMin;
    const cmax = this.charMax;
    this.ensureCapacity(at + padded * (cmax - cmin + 1));
    const idx = this.indices;
    const desc = this.descriptors;
    const codes = this.codes;
    const shift = this.shift;
    const half = this.half;
    const tDesc = describe ? (t < MAX_DESCRIBED_TOKEN ? t << 12 : -1) : 0;
    codes[0] = BOUNDARY;
    for (let p = 0; p < len; p++) codes[p + 1] = src.charCodeAt(from + p);
    codes[len + 1] = BOUNDARY;
    let n = at;
    for (let start = 0; start < padded - 1; start++) {
      let h = FNV_OFFSET ^ CHAR_SALT;
      const stop = Math.min(start + cmax, padded);
      for (let p = start; p < stop; p++) {
        h = Math.imul(h ^ codes[p]!, FNV_PRIME);
        const glen = p - start + 1;
        if (glen >= cmin) {
          if (describe) desc[n] = tDesc < 0 ? -1 : tDesc | D_CHAR | (start << 2) | (glen << 9);
          idx[n++] = (Math.imul(h ^ (h >>> 15), GOLDEN) >>> shift) | half;
        }
      }
    }
    return n;
  }

  /** Grows the index/descriptor buffers (keeping their contents) to hold at least `size` entries. */
  private ensureCapacity(size: number): void {
    if (this.indices.length >= size) return;
    const grown = new Int32Array(size * 2);
    grown.set(this.indices);
    this.indices = grown;
    const d = new Int32Array(size * 2);
    d.set(this.descriptors);
    this.descriptors = d;
  }

  /** Human-readable name of feature `i` of the last `run(text, true)`: `w:look_for`, `w:not_need`, `c:_eval`. */
  nameOf(i: number): string {
    return this.nameOfDescriptor(this.descriptors[i]!);
  }

  /** Name of a feature given its descriptor (token index, type, n-gram position) in the last scan. */
  nameOfDescriptor(d: number): string {
    if (d < 0) return '?';
    const type = d & 3;
    const t = d >>> 12;
    if (type === D_CHAR) {
      const start = (d >>> 2) & 0x7f;
      const glen = (d >>> 9) & 7;
      // Padded position p is character p - 1 of the word; 0 and len + 1 are the boundaries (shown as _).
      const w = this.tokens.textOf(t);
      const last = Math.min(w.length, MAX_CHAR_SPAN) + 1;
      const end = start + glen;
      const from = start === 0 ? 0 : start - 1;
      const to = end > last ? last - 1 : end - 1;
      return (start === 0 ? 'c:_' : 'c:') + w.slice(from, to) + (end > last ? '_' : '');
    }
    if (type === D_HASHTAG) return 'w:#' + (this.stems.stems[this.stemIds[t]!] ?? '?');
    if (type === D_BIGRAM) return 'w:' + (t === 0 ? '^' : this.unitName(t - 1)) + '_' + this.unitName(t);
    return 'w:' + this.unitName(t);
  }

  /** `stem` or `not_stem` for token t, cached per stem id (explanations name the same words over and over). */
  private unitName(t: number): string {
    const id = this.stemIds[t]!;
    const negated = this.negation && (this.tokens.flags[t]! & NEGATED) !== 0;
    if (this.labelResets !== this.stems.resets) {
      this.labels.length = 0;
      this.negatedLabels.length = 0;
      this.labelResets = this.stems.resets;
    }
    const cache = negated ? this.negatedLabels : this.labels;
    let name = cache[id];
    if (name === undefined) {
      const stem = this.stems.stems[id] ?? '?';
      name = negated ? 'not_' + stem : stem;
      while (cache.length < id) cache.push(undefined);
      cache[id] = name;
    }
    return name;
  }
}
