/**
 * Character classes for the one-pass tokeniser, as cheap numeric tests on UTF-16 code units (no
 * regexes on the scoring path).
 */

const C_OTHER = 0;
export const C_SPACE = 1;
export const C_ALNUM = 2;
export const C_PUNCT = 3; // emitted as a token
const C_SKIP = 4; // a separator that is not worth a token: quotes, dashes, underscores
const C_APOS = 5;

export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let k = C_OTHER;
  if (c <= 32 || c === 127) k = C_SPACE;
  else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) k = C_ALNUM;
  else if (c === 39) k = C_APOS;
  else if (c === 34 || c === 45 || c === 95 || c === 96 || c === 42 || c === 92) k = C_SKIP;
  else k = C_PUNCT;
  ASCII_CLASS[c] = k;
}

export function isSpaceCode(c: number): boolean {
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
export function isEmojiGlue(c: number): boolean {
  return c === 0xfe0f || c === 0xfe0e || c === 0x200d || c === 0x20e3;
}

/** Pictographs and symbols in the BMP (☺ ♥ ✅ ➡ ★ ...): tokens of their own, like astral emoji. */
export function isBmpSymbol(c: number): boolean {
  return (
    (c >= 0x2190 && c <= 0x21ff) ||
    (c >= 0x2300 && c <= 0x23ff) ||
    (c >= 0x25a0 && c <= 0x27bf) ||
    (c >= 0x2b00 && c <= 0x2bff) ||
    c === 0x00a9 ||
    c === 0x00ae
  );
}

export function isCurlyApostrophe(c: number): boolean {
  return c === 0x2019 || c === 0x2018 || c === 0x02bc;
}

/** True for a character that continues a word: ASCII letters/digits or any non-ASCII letter-like code. */
export function isWordCode(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] === C_ALNUM;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return true;
}
