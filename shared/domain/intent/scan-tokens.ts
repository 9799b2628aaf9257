/**
 * The tweet normaliser and tokeniser, as one left-to-right pass over the lower-cased text (no
 * regexes, no intermediate strings besides each token): URLs become `<url>`, @mentions `<user>`,
 * numbers `<num>`; hashtags keep their text (the featuriser emits both `#tag` and `tag`);
 * elongations are squeezed to two letters (sooo -> soo); emoji and `?`/`!` are tokens; words after a
 * negator (not, no, never, ...n't) are flagged as negated until the next clause punctuation.
 * Results go into a reusable buffer; scoring a post allocates no per-token strings.
 */
import {
  ASCII_CLASS,
  C_ALNUM,
  C_PUNCT,
  C_SPACE,
  isBmpSymbol,
  isCurlyApostrophe,
  isEmojiGlue,
  isSpaceCode,
  isWordCode,
} from './char-classes.ts';
import { FNV_OFFSET, FNV_PRIME, fmix32, hashString } from './hash.ts';
import { endsNegation, isNegator } from './negation.ts';
import {
  EMOJI,
  HASHTAG,
  NEGATED,
  NUM,
  NUM_TOKEN,
  PUNCT,
  type TokenBuffer,
  URL,
  URL_TOKEN,
  USER,
  USER_TOKEN,
  WORD,
} from './token-buffer.ts';

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
