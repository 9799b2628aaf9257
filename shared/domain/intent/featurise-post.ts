import type { Featuriser } from './featurise.ts';
import type { Binary } from './options.ts';
import type { WordVectors } from './word-vectors.ts';

/** A post as the learner sees it: sorted hashed feature indices and, with word vectors, its mean vector. */
export interface FeaturisedPost {
  indices: Int32Array;
  vector: Float32Array | null;
}

/** Featurises a post for training or cross-validation (`featureSet` plus the mean word vector). */
export function featurisePost(
  f: Featuriser,
  text: string,
  binary: Binary,
  vectors?: WordVectors,
): FeaturisedPost {
  const indices = featureSet(f, text, binary);
  if (!vectors) return { indices, vector: null };
  const mean = new Float64Array(vectors.dims);
  f.meanVector(vectors, mean);
  return { indices, vector: Float32Array.from(mean) };
}

/**
 * Sorted feature indices of one post, for training. `binary` says which families count presence
 * (de-duplicated) rather than occurrences (repeats kept, i.e. a count).
 */
export function featureSet(f: Featuriser, text: string, binary: Binary = 'all'): Int32Array {
  const n = f.run(text);
  const out = f.indices.slice(0, n).sort();
  if (binary === 'none') return out;
  const half = f.half;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = out[i]!;
    if (m > 0 && v === out[m - 1] && (binary === 'all' || v < half)) continue;
    out[m++] = v;
  }
  return out.slice(0, m);
}
