import type { Encoder } from '../../shared/ports/sentence-encoder.ts';

/**
 * A small deterministic sentence encoder for tests: each word adds a fixed pseudo-random unit
 * direction (from its hash), and the sum is normalised, like a bag-of-words embedding. It records
 * every text it was asked to encode, so tests can check what reached the encoder.
 */
export function fakeEncoder(dimensions = 16, name = 'fake-bag@1'): Encoder & { seen: string[] } {
  const seen: string[] = [];
  const direction = (word: string): Float32Array => {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619) >>> 0;
    const v = new Float32Array(dimensions);
    for (let d = 0; d < dimensions; d++) {
      h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
      v[d] = (h / 4294967296) * 2 - 1;
    }
    return v;
  };
  return {
    name,
    dimensions,
    seen,
    async encode(texts) {
      seen.push(...texts);
      return texts.map((t) => {
        const v = new Float32Array(dimensions);
        for (const w of t.toLowerCase().split(/\W+/).filter(Boolean)) {
          const d = direction(w);
          for (let k = 0; k < dimensions; k++) v[k]! += d[k]!;
        }
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}
