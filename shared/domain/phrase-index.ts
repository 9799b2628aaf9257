/** A word of a text, lower-cased, with where it stands in the original. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;

/** Lower-cases one UTF-16 unit; curly apostrophes become straight ones. */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c === CURLY_APOSTROPHE) return APOSTROPHE;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  c === APOSTROPHE ||
  (c >= 128 && (c < 0xd800 || c > 0xdfff) && c !== 0x201c && c !== 0x201d);

/**
 * Words of a text as FNV-1a hashes of their lower-cased characters, with offsets, in reusable
 * typed arrays: scoring splits every post, and this way it allocates nothing per word.
 */
export class TokenBuffer {
  hashes = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  length = 0;

  push(hash: number, start: number, end: number): void {
    if (this.length === this.hashes.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.hashes[this.length] = hash;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

/**
 * Splits a text into words in one pass: letters, digits, `_` and `'` form words; `#` and `@` stay
 * on the word they start (#opentowork, @hubspot); `%` is a word of its own; everything else
 * separates. Rules and posts are split alike, so matching is whole words by construction.
 */
export function tokenizeInto(text: string, buffer: TokenBuffer): TokenBuffer {
  buffer.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 37) {
      buffer.push(Math.imul(0x811c9dc5 ^ 37, 16777619), i, i + 1);
      i++;
      continue;
    }
    const prefixed = (c === 35 || c === 64) && i + 1 < n && isWordChar(text.charCodeAt(i + 1));
    if (!prefixed && !isWordChar(c) && c !== CURLY_APOSTROPHE) {
      i++;
      continue;
    }
    const start = i;
    let h = Math.imul(0x811c9dc5 ^ lowerCode(c), 16777619);
    i++;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (!isWordChar(d) && d !== CURLY_APOSTROPHE) break;
      h = Math.imul(h ^ lowerCode(d), 16777619);
    }
    buffer.push(h, start, i);
  }
  return buffer;
}

function lowerWord(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(lowerCode(text.charCodeAt(i)));
  return s;
}

/** The words of a text with their offsets (allocating; for building indexes, not the scoring loop). */
export function wordTokens(text: string): Token[] {
  const b = tokenizeInto(text, new TokenBuffer());
  return Array.from({ length: b.length }, (_, i) => {
    const start = b.starts[i] as number;
    const end = b.ends[i] as number;
    return { word: lowerWord(text, start, end), start, end };
  });
}

const FILTER_BITS = 1 << 14;
/** The top bits of a multiply spread FNV-1a hashes evenly over the filter. */
const filterBit = (h: number) => Math.imul(h, 0x9e3779b1) >>> 18;

/** Scoring is synchronous and single-threaded: one buffer serves every match. */
const SHARED_BUFFER = new TokenBuffer();

interface Phrase {
  slot: number;
  hashes: Int32Array;
  words: string[];
}

/**
 * Many rules' terms in one index: a text is matched against all of them in a single pass, each
 * rule (slot) getting its own first match. Words are compared by hash, and a hash match is
 * confirmed against the text, so a collision can never produce a false match.
 */
export class MultiPhraseIndex {
  private readonly byFirst = new Map<number, Phrase[]>();
  /**
   * One bit per (mixed) first-word hash: most words of a post start no phrase, and a bit test
   * rejects them without a Map lookup.
   */
  private readonly firstWords = new Int32Array(FILTER_BITS >>> 5);
  private slots = 0;

  /** Adds a rule's terms; returns the slot its match will be reported in. */
  add(terms: readonly string[]): number {
    const slot = this.slots++;
    for (const term of terms) {
      const b = tokenizeInto(term, new TokenBuffer());
      if (b.length === 0) continue;
      const phrase: Phrase = {
        slot,
        hashes: b.hashes.slice(0, b.length),
        words: wordTokens(term).map((t) => t.word),
      };
      const first = phrase.hashes[0] as number;
      const list = this.byFirst.get(first) ?? [];
      list.push(phrase);
      list.sort((a, b2) => b2.hashes.length - a.hashes.length);
      this.byFirst.set(first, list);
      const bit = filterBit(first);
      this.firstWords[bit >>> 5]! |= 1 << (bit & 31);
    }
    return slot;
  }

  /** Each slot's leftmost (then longest) match in `original`, or undefined. */
  matchAll(original: string): (string | undefined)[] {
    const found = new Array<string | undefined>(this.slots);
    if (this.slots === 0) return found;
    const t = tokenizeInto(original, SHARED_BUFFER);
    const filter = this.firstWords;
    for (let i = 0; i < t.length; i++) {
      const bit = filterBit(t.hashes[i] as number);
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const candidates = this.byFirst.get(t.hashes[i] as number);
      if (!candidates) continue;
      for (const { slot, hashes, words } of candidates) {
        if (found[slot] !== undefined || i + hashes.length > t.length) continue;
        let k = 1;
        while (k < hashes.length && t.hashes[i + k] === hashes[k]) k++;
        if (k < hashes.length) continue;
        let same = true;
        for (let w = 0; w < words.length && same; w++)
          same = lowerWord(original, t.starts[i + w] as number, t.ends[i + w] as number) === words[w];
        if (same) found[slot] = original.slice(t.starts[i], t.ends[i + k - 1]);
      }
    }
    return found;
  }
}
