/**
 * The tweet normaliser and tokeniser, as one left-to-right pass over the lower-cased text (no
 * regexes, no intermediate strings besides each token): URLs become `<url>`, @mentions `<user>`,
 * numbers `<num>`; hashtags keep their text (the featuriser emits both `#tag` and `tag`);
 * elongations are squeezed to two letters (sooo -> soo); emoji and `?`/`!` are tokens; words after a
 * negator (not, no, never, ...n't) are flagged as negated until the next clause punctuation.
 * Results go into a reusable buffer; scoring a post allocates no per-token strings.
 */
import { FNV_OFFSET, FNV_PRIME, fmix32, hashString } from './hash.ts';

export const WORD = 1;
export const NUM = 2;
export const URL = 3;
export const USER = 4;
export const HASHTAG = 5;
export const EMOJI = 6;
export const PUNCT = 7;

/** Token flag: the token sits inside a negation scope. */
export const NEGATED = 1;

export const URL_TOKEN = '<url>';
export const USER_TOKEN = '<user>';
export const NUM_TOKEN = '<num>';

/**
 * Per-post token arrays, grown on demand and reused between posts. Plain words and hashtags are not
 * copied out of the lower-cased post: they are `source[start..end)`, with their hash computed while
 * scanning, so the featuriser can look them up without building a string. Other tokens (and words
 * that needed rewriting: elongations, curly apostrophes) carry their normalised text in `text`.
 */
export class TokenBuffer {
  count = 0;
  /** The lower-cased post. */
  source = '';
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** hashString(normalised token text), computed during the scan. */
  hash = new Int32Array(256);
  /** Normalised text where it differs from (or does not live in) `source[start..end)`; else ''. */
  text: string[] = [];

  push(kind: number, flags: number, start: number, end: number, hash: number, text: string): void {
    const i = this.count;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.flags[i] = flags;
    this.start[i] = start;
    this.end[i] = end;
    this.hash[i] = hash;
    this.text[i] = text;
    this.count = i + 1;
  }

  /** The normalised text of token `t` (allocates for plain words). */
  textOf(t: number): string {
    const own = this.text[t]!;
    return own !== '' ? own : this.source.slice(this.start[t]!, this.end[t]!);
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const k = new Uint8Array(size);
    k.set(this.kind);
    this.kind = k;
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.flags = f;
    for (const key of ['start', 'end', 'hash'] as const) {
      const a = new Int32Array(size);
      a.set(this[key]);
      this[key] = a;
    }
  }
}

// ASCII character classes.
const C_OTHER = 0;
const C_SPACE = 1;
const C_ALNUM = 2;
const C_PUNCT = 3; // emitted as a token
const C_SKIP = 4; // a separator that is not worth a token: quotes, dashes, underscores
const C_APOS = 5;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let k = C_OTHER;
  if (c <= 32 || c === 127) k = C_SPACE;
  else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) k = C_ALNUM;
  else if (c === 39) k = C_APOS;
  else if (c === 34 || c === 45 || c === 95 || c === 96 || c === 42 || c === 92) k = C_SKIP;
  else k = C_PUNCT;
  ASCII_CLASS[c] = k;
}
const PUNCT_STRINGS: string[] = [];
const PUNCT_HASHES = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  PUNCT_STRINGS.push(String.fromCharCode(c));
  PUNCT_HASHES[c] = hashString(PUNCT_STRINGS[c]!);
}
const URL_HASH = hashString(URL_TOKEN);
const USER_HASH = hashString(USER_TOKEN);
const NUM_HASH = hashString(NUM_TOKEN);
const DOT_HASH = hashString('.');

/** Clause punctuation that closes a negation scope (Pang, Lee & Vaithyanathan 2002; Potts). */
function endsNegation(c: number): boolean {
  return c === 46 || c === 58 || c === 59 || c === 33 || c === 63 || c === 44;
}

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nor',
  'neither',
  'nobody',
  'nothing',
  'none',
  'nowhere',
  'dont',
  'cant',
  'wont',
  'didnt',
  'doesnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'shouldnt',
  'wouldnt',
  'couldnt',
  'aint',
  'havent',
  'hasnt',
  'hadnt',
  'mustnt',
]);

const NEGATOR_HASHES = new Set([...NEGATORS].map((w) => hashString(w)));

/** `hash` is the token's hashString; the ...n't test reads the normalised characters. */
function isNegator(hash: number, last3: number, last2: number, last1: number): boolean {
  return (last3 === 110 && last2 === 39 && last1 === 116) || NEGATOR_HASHES.has(hash);
}

function isSpaceCode(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Invisible emoji glue: variation selectors, zero-width joiner, combining keycap. */
function isEmojiGlue(c: number): boolean {
  return c === 0xfe0f || c === 0xfe0e || c === 0x200d || c === 0x20e3;
}

/** Pictographs and symbols in the BMP (☺ ♥ ✅ ➡ ★ ...): tokens of their own, like astral emoji. */
function isBmpSymbol(c: number): boolean {
  return (
    (c >= 0x2190 && c <= 0x21ff) ||
    (c >= 0x2300 && c <= 0x23ff) ||
    (c >= 0x25a0 && c <= 0x27bf) ||
    (c >= 0x2b00 && c <= 0x2bff) ||
    c === 0x00a9 ||
    c === 0x00ae
  );
}

function isCurlyApostrophe(c: number): boolean {
  return c === 0x2019 || c === 0x2018 || c === 0x02bc;
}

/** True for a character that continues a word: ASCII letters/digits or any non-ASCII letter-like code. */
function isWordCode(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] === C_ALNUM;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return true;
}

/**
 * Tokenises `text` into `out` (cleared first). `text` may be in any case; it is lower-cased here.
 */
export function scanTokens(text: string, out: TokenBuffer): void {
  out.count = 0;
  const s = text.toLowerCase();
  out.source = s;
  const n = s.length;
  let negating = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c]! : -1;

    if (cls === C_SPACE || (cls === -1 && isSpaceCode(c))) {
      i++;
      continue;
    }

    if (cls === C_ALNUM || (cls === -1 && isWordCode(c))) {
      // URLs: http://, https://, www.
      if (
        (c === 104 &&
          s.startsWith('http', i) &&
          (s.startsWith('://', i + 4) || s.startsWith('s://', i + 4))) ||
        (c === 119 && s.startsWith('www.', i))
      ) {
        let j = i + 4;
        while (j < n && s.charCodeAt(j) > 32 && !isSpaceCode(s.charCodeAt(j))) j++;
        out.push(URL, 0, i, j, URL_HASH, URL_TOKEN);
        i = j;
        continue;
      }
      // A word (letters/digits, inner apostrophes) or a number (digits with inner . or ,). The hash
      // runs over the normalised characters: apostrophes straightened, runs of 3+ cut to 2.
      const start = i;
      let hasLetter = false;
      let rewrite = false;
      let run = 1;
      let prev = -1;
      let h = FNV_OFFSET;
      let l3 = 0;
      let l2 = 0;
      let l1 = 0;
      let j = i;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d < 128 ? ASCII_CLASS[d] === C_ALNUM : isWordCode(d)) {
          if (d > 57) hasLetter = true;
          run = d === prev ? run + 1 : 1;
          prev = d;
          j++;
          if (run >= 3) {
            rewrite = true;
            continue;
          }
          h = Math.imul(h ^ d, FNV_PRIME);
          l3 = l2;
          l2 = l1;
          l1 = d;
          continue;
        }
        const next = j + 1 < n ? s.charCodeAt(j + 1) : 0;
        const nextIsWord = next < 128 ? ASCII_CLASS[next] === C_ALNUM : isWordCode(next);
        if ((d === 39 || isCurlyApostrophe(d)) && nextIsWord && j > start) {
          if (d !== 39) rewrite = true;
          prev = 39;
          run = 1;
          h = Math.imul(h ^ 39, FNV_PRIME);
          l3 = l2;
          l2 = l1;
          l1 = 39;
          j++;
          continue;
        }
        if ((d === 46 || d === 44) && !hasLetter && prev >= 48 && prev <= 57 && next >= 48 && next <= 57) {
          prev = d;
          run = 1;
          h = Math.imul(h ^ d, FNV_PRIME);
          l3 = l2;
          l2 = l1;
          l1 = d;
          j++;
          continue;
        }
        break;
      }
      i = j;
      if (!hasLetter) {
        out.push(NUM, 0, start, j, NUM_HASH, NUM_TOKEN);
        continue;
      }
      const hash = fmix32(h);
      const text_ = rewrite ? normaliseWord(s, start, j) : '';
      if (isNegator(hash, l3, l2, l1)) {
        out.push(WORD, 0, start, j, hash, text_);
        negating = true;
      } else {
        out.push(WORD, negating ? NEGATED : 0, start, j, hash, text_);
      }
      continue;
    }

    if (c === 64 || c === 35) {
      // @mention or #hashtag: the sigil must be followed by a word character.
      let j = i + 1;
      let h = FNV_OFFSET;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 95 || (d < 128 ? ASCII_CLASS[d] === C_ALNUM : isWordCode(d))) {
          h = Math.imul(h ^ d, FNV_PRIME);
          j++;
        } else break;
      }
      if (j > i + 1) {
        if (c === 64) out.push(USER, 0, i, j, USER_HASH, USER_TOKEN);
        else out.push(HASHTAG, negating ? NEGATED : 0, i + 1, j, fmix32(h), '');
        i = j;
        continue;
      }
      i++;
      continue;
    }

    if (c === 38 && s.startsWith('&amp;', i)) {
      out.push(PUNCT, 0, i, i + 5, PUNCT_HASHES[38]!, '&');
      i += 5;
      continue;
    }

    if (cls === C_PUNCT) {
      let j = i + 1;
      while (j < n && s.charCodeAt(j) === c) j++;
      out.push(PUNCT, 0, i, j, PUNCT_HASHES[c]!, PUNCT_STRINGS[c]!);
      if (endsNegation(c)) negating = false;
      i = j;
      continue;
    }

    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      let j = i + 2;
      while (j < n && isEmojiGlue(s.charCodeAt(j))) j++;
      const e = s.slice(i, i + 2);
      out.push(EMOJI, 0, i, j, hashString(e), e);
      i = j;
      continue;
    }

    if (cls === -1 && isBmpSymbol(c)) {
      let j = i + 1;
      while (j < n && isEmojiGlue(s.charCodeAt(j))) j++;
      const e = s.charAt(i);
      out.push(EMOJI, 0, i, j, hashString(e), e);
      i = j;
      continue;
    }

    if (c === 0x2026) {
      out.push(PUNCT, 0, i, i + 1, DOT_HASH, '.');
      negating = false;
    }
    i++;
  }
}

/** Slow path for a word with a curly apostrophe or a run of 3+ equal characters. */
function normaliseWord(s: string, start: number, end: number): string {
  let w = '';
  let prev = -1;
  let run = 0;
  for (let k = start; k < end; k++) {
    let d = s.charCodeAt(k);
    if (isCurlyApostrophe(d)) d = 39;
    run = d === prev ? run + 1 : 1;
    prev = d;
    if (run <= 2) w += String.fromCharCode(d);
  }
  return w;
}
