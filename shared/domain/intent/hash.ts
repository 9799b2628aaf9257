/**
 * 32-bit hashing for feature hashing. FNV-1a steps can be applied one character at a time, so
 * words and character n-grams are hashed on the fly without building strings; the murmur3
 * finaliser gives word hashes full avalanche. Table slots are then taken from the top bits of a
 * multiply (see featurise.ts).
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** murmur3's fmix32: full avalanche, so low bits of the result are usable as a table index. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over a string's UTF-16 code units, finalised. */
export function hashString(s: string, salt = 0): number {
  let h = FNV_OFFSET ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

/** Order-sensitive combination of two hashes (for word bigrams). */
export function combine(a: number, b: number, salt: number): number {
  return fmix32(Math.imul(a ^ salt, 0x9e3779b1) ^ b);
}
