import { combine, FNV_OFFSET, FNV_PRIME, fmix32 } from './hash.ts';
import type { IntentOptions } from './options.ts';
import { HASHTAG, NEGATED, scanTokens, TokenBuffer, WORD } from './scan-tokens.ts';
import { StemCache } from './stem-cache.ts';

/**
 * Feature extraction for the intent model: hashed word uni/bi-grams over Porter stems (negation
 * marked) and hashed character n-grams inside word-boundary-padded words. Hashes are computed on
 * the fly (no n-gram strings); each feature also gets a compact descriptor so that an explanation
 * can name the few features it reports without naming all of them.
 */

const NEG_SALT = 0x5bd1e995;
const BIGRAM_SALT = 0x27d4eb2f;
const UNIGRAM_SALT = 0x165667b1;
const HASHTAG_SALT = 0x3c6ef372;
const CHAR_SALT = 0x7f4a7c15;
const BOS_UNIT = 0x1b873593;

/** Descriptor types (low 2 bits of a descriptor). */
export const D_UNIGRAM = 0;
export const D_BIGRAM = 1;
export const D_HASHTAG = 2;
export const D_CHAR = 3;

/** The padding character that marks a word boundary in character n-grams. */
const BOUNDARY = 32;
/** Longest stretch of a token that yields character n-grams (keeps pathological tokens cheap). */
const MAX_CHAR_SPAN = 60;

/** Normalised tokens of `text`; the baseline cost that featurisation is measured against. */
export function tokenize(text: string, negation = true): string[] {
  const buf = sharedBuffer;
  scanTokens(text, buf);
  const out: string[] = [];
  for (let t = 0; t < buf.count; t++) {
    const w = buf.text[t]!;
    const neg = negation && (buf.flags[t]! & NEGATED) !== 0;
    if (buf.kind[t] === HASHTAG) {
      out.push('#' + w);
      out.push(neg ? 'not_' + w : w);
    } else if (buf.kind[t] === WORD && neg) {
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
 * After `run`, `indices[0..n)` holds the (possibly repeated) feature indices and `descriptors[0..n)`
 * how to name each one; `tokens` and `stemIds` hold the post's tokens for naming.
 */
export class Featuriser {
  readonly tokens = new TokenBuffer();
  readonly stems: StemCache;
  indices = new Int32Array(4096);
  descriptors = new Int32Array(4096);
  stemIds = new Int32Array(256);
  private units = new Int32Array(256);
  private readonly halfMask: number;
  private readonly half: number;
  private readonly wordMaxN: number;
  private readonly charMin: number;
  private readonly charMax: number;
  private readonly negation: boolean;
  private readonly bos: boolean;

  constructor(options: IntentOptions) {
    this.stems = new StemCache(options.stem);
    this.half = 1 << (options.hashBits - 1);
    this.halfMask = this.half - 1;
    this.wordMaxN = options.wordMaxN;
    this.charMin = options.charN[0];
    this.charMax = options.charN[1];
    this.negation = options.negation;
    this.bos = options.boundaryMarkers;
  }

  /** True when a feature index belongs to the character n-gram family. */
  isChar(index: number): boolean {
    return index >= this.half;
  }

  /** Featurises `text`; returns the number of entries written to `indices`/`descriptors`. */
  run(text: string): number {
    this.stems.maybeReset();
    const tokens = this.tokens;
    scanTokens(text, tokens);
    const nt = tokens.count;
    if (this.units.length < nt) {
      this.units = new Int32Array(nt * 2);
      this.stemIds = new Int32Array(nt * 2);
    }
    // Worst case per token: unigram, bigram, hashtag and 4 char n-grams per character.
    let capacity = nt * 3 + 8;
    if (this.charMax > 0) {
      for (let t = 0; t < nt; t++) capacity += (Math.min(tokens.text[t]!.length, MAX_CHAR_SPAN) + 2) * 4;
    }
    if (this.indices.length < capacity) {
      this.indices = new Int32Array(capacity * 2);
      this.descriptors = new Int32Array(capacity * 2);
    }
    const idx = this.indices;
    const desc = this.descriptors;
    const units = this.units;
    const stemIds = this.stemIds;
    const stems = this.stems;
    const halfMask = this.halfMask;
    const half = this.half;
    const wordMaxN = this.wordMaxN;
    let n = 0;
    let prevUnit = BOS_UNIT;
    let hasPrev = this.bos;

    for (let t = 0; t < nt; t++) {
      const kind = tokens.kind[t]!;
      const text_ = tokens.text[t]!;
      const id = stems.idOf(text_);
      stemIds[t] = id;
      let unit = stems.hashes[id]!;
      if (this.negation && (tokens.flags[t]! & NEGATED) !== 0) unit = fmix32(unit ^ NEG_SALT);
      units[t] = unit;
      const tDesc = t < 0x40000 ? t << 13 : -1;

      if (wordMaxN >= 1) {
        idx[n] = fmix32(unit ^ UNIGRAM_SALT) & halfMask;
        desc[n++] = tDesc < 0 ? -1 : tDesc | D_UNIGRAM;
        if (wordMaxN >= 2 && hasPrev) {
          idx[n] = combine(prevUnit, unit, BIGRAM_SALT) & halfMask;
          desc[n++] = tDesc < 0 ? -1 : tDesc | D_BIGRAM;
        }
        if (kind === HASHTAG) {
          idx[n] = fmix32(stems.hashes[id]! ^ HASHTAG_SALT) & halfMask;
          desc[n++] = tDesc < 0 ? -1 : tDesc | D_HASHTAG;
        }
      }
      prevUnit = unit;
      hasPrev = true;

      if (this.charMax > 0 && (kind === WORD || kind === HASHTAG)) {
        // Character n-grams of " word " (boundary-padded), hashed by extending FNV one char at a time.
        const len = Math.min(text_.length, MAX_CHAR_SPAN);
        const padded = len + 2;
        const cmin = this.charMin;
        const cmax = this.charMax;
        for (let start = 0; start < padded - 1; start++) {
          let h = FNV_OFFSET ^ CHAR_SALT;
          const stop = Math.min(padded, start + cmax);
          for (let p = start; p < stop; p++) {
            const ch = p === 0 || p === padded - 1 ? BOUNDARY : text_.charCodeAt(p - 1);
            h = Math.imul(h ^ ch, FNV_PRIME);
            const glen = p - start + 1;
            if (glen >= cmin) {
              idx[n] = (fmix32(h) & halfMask) | half;
              desc[n++] = tDesc < 0 ? -1 : tDesc | D_CHAR | (start << 2) | (glen << 10);
            }
          }
        }
      }
    }
    return n;
  }

  /** Human-readable name of feature `i` of the last `run` (`w:look_for`, `w:not_need`, `c:_eval`). */
  nameOf(i: number): string {
    const d = this.descriptors[i]!;
    if (d < 0) return '?';
    const type = d & 3;
    const t = d >>> 13;
    if (type === D_CHAR) {
      const start = (d >>> 2) & 0xff;
      const glen = (d >>> 10) & 7;
      const w = this.tokens.text[t]!;
      let s = '';
      for (let p = start; p < start + glen; p++) s += p === 0 || p === w.length + 1 ? '_' : w.charAt(p - 1);
      return 'c:' + s;
    }
    if (type === D_HASHTAG) return 'w:#' + this.unitName(t);
    if (type === D_BIGRAM) return 'w:' + (t === 0 ? '^' : this.unitName(t - 1)) + '_' + this.unitName(t);
    return 'w:' + this.unitName(t);
  }

  private unitName(t: number): string {
    const stem = this.stems.stems[this.stemIds[t]!] ?? '?';
    return this.negation && (this.tokens.flags[t]! & NEGATED) !== 0 ? 'not_' + stem : stem;
  }
}

/** Sorted, de-duplicated feature indices of one post (binary bag of features), for training. */
export function featureSet(f: Featuriser, text: string): Int32Array {
  const n = f.run(text);
  const out = f.indices.slice(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[m - 1]) out[m++] = out[i]!;
  return out.slice(0, m);
}
