/**
 * X's weighted length of a post (twitter-text 3.x configuration "v3"): after NFC normalisation,
 * code points in the Latin, General Punctuation and similar ranges weigh 1, everything else
 * (CJK, most symbols) weighs 2; every URL counts as 23 whatever its length; an emoji sequence
 * counts as 2. The limit is 280. We count here rather than depend on the `twitter-text` package,
 * whose runtime pulls core-js 2 into a Lambda bundle with a 500 KB budget.
 */
export const MAX_WEIGHTED_LENGTH = 280;
const URL_WEIGHT = 23;
const EMOJI_WEIGHT = 2;
/** twitter-text v3 ranges of weight 100 (one character); the default weight is 200. */
const LIGHT_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const URL_PATTERN = /\bhttps?:\/\/[^\s]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|ai|dev|app)(?:\/[^\s]*)?/giu;
// The `v` flag (emoji sequences as one match) is newer than our ES2022 target's regex literals.
const EMOJI_FLAGS: string = 'gv';
const EMOJI_PATTERN = new RegExp(String.raw`\p{RGI_Emoji}`, EMOJI_FLAGS);

function weightOf(codePoint: number): number {
  return LIGHT_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) ? 1 : 2;
}

export interface LengthCheck {
  weightedLength: number;
  valid: boolean;
}

/** Counts as X does; `valid` is false for an empty text or one over 280. */
export function checkPostLength(text: string): LengthCheck {
  let rest = text.normalize('NFC');
  let weighted = 0;
  rest = rest.replace(URL_PATTERN, () => {
    weighted += URL_WEIGHT;
    return '';
  });
  rest = rest.replace(EMOJI_PATTERN, () => {
    weighted += EMOJI_WEIGHT;
    return '';
  });
  for (const ch of rest) weighted += weightOf(ch.codePointAt(0) ?? 0);
  return { weightedLength: weighted, valid: text.trim().length > 0 && weighted <= MAX_WEIGHTED_LENGTH };
}
