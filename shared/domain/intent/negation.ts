/** Negation scopes: which words open one and which punctuation closes it (words after a negator are marked `not_`). */
import { hashString } from './hash.ts';

/** Clause punctuation that closes a negation scope (Pang, Lee & Vaithyanathan 2002; Potts). */
export function endsNegation(c: number): boolean {
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
export function isNegator(hash: number, last3: number, last2: number, last1: number): boolean {
  return (last3 === 110 && last2 === 39 && last1 === 116) || NEGATOR_HASHES.has(hash);
}
