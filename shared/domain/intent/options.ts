/**
 * `all`: every feature is presence/absence; `words`: word features binary, character n-grams
 * counted; `none`: all counted.
 */
export type Binary = 'all' | 'words' | 'none';

/**
 * Everything that decides the features and the fit. Stored in the model file, because prediction
 * must featurise exactly as training did. Defaults are the settings measured in docs/intent-model.md.
 */
export interface IntentOptions {
  /** log2 of the hashed feature space; word features use the lower half, character n-grams the upper. */
  hashBits: number;
  /** Longest word n-gram (1 = unigrams only); 0 turns word features off. */
  wordMaxN: number;
  /** Character n-gram lengths inside word-boundary-padded words; [0, 0] turns them off. */
  charN: [number, number];
  /** Porter-stem words (natural) before word n-grams. */
  stem: boolean;
  /** Prefix words in a negation scope with `not_`. */
  negation: boolean;
  /** Add a begin-of-post marker so that `^ any`, `^ need` bigrams exist. */
  boundaryMarkers: boolean;
  /** Naive-Bayes log-count-ratio scaling of binary features (NB-LR, Wang & Manning 2012). */
  nb: boolean;
  /** Additive smoothing for the NB ratios. */
  nbAlpha: number;
  /**
   * Which feature families are binary (presence) rather than occurrence counts. Counted character
   * n-grams let a model cache each word's n-gram weight sum, so scoring never re-hashes a known word.
   */
  binary: Binary;
  /** Scale each post's features by 1/sqrt(feature count) per family (cosine-style length normalisation). */
  lengthNorm: boolean;
  /**
   * Multiplier on character n-gram feature values before the fit (folded into the weights, so
   * scoring is unchanged). Below 1 means a stronger L2 pull on character n-grams than on words
   * under the same C. Model files without it mean 1.
   */
  charScale: number;
  /**
   * Multiplier on the post's mean word vector after it is scaled to unit mean norm (folded into
   * the per-word scores, so scoring is unchanged). Like `charScale`, it sets how hard the L2 pull is
   * on the vector part relative to the n-grams. Model files without it mean 1.
   */
  vectorScale: number;
  /**
   * `joint`: one logistic regression over word and character features.
   * `ensemble`: one per family, probabilities averaged.
   */
  model: 'joint' | 'ensemble';
  /** Inverse L2 strength (liblinear's C). A list means: pick by inner cross-validation on the training data. */
  C: number | number[];
  /** Inverse L2 strength for the character model in `ensemble` mode (defaults to C). */
  charC?: number | number[];
  /** Reweight classes to equal total weight. */
  balanced: boolean;
  /** A fixed decision threshold, or pick the F1-optimal one by inner cross-validation on the training data. */
  threshold: number | 'inner-cv';
  /** Folds for the inner cross-validation (threshold and C selection). */
  innerFolds: number;
  /** Dual coordinate descent stopping tolerance and iteration cap. */
  tolerance: number;
  maxIterations: number;
  /** Drop weights with |w| below this from the model file. */
  pruneBelow: number;
}

export const DEFAULT_OPTIONS: IntentOptions = {
  hashBits: 18,
  wordMaxN: 2,
  charN: [2, 5],
  stem: true,
  negation: true,
  boundaryMarkers: true,
  nb: false,
  nbAlpha: 1,
  binary: 'words',
  lengthNorm: true,
  charScale: 0.7,
  vectorScale: 0.7,
  model: 'joint',
  C: [1, 3, 10],
  balanced: false,
  threshold: 'inner-cv',
  innerFolds: 5,
  tolerance: 0.01,
  maxIterations: 1000,
  pruneBelow: 0,
};

export function withDefaults(options: Partial<IntentOptions> = {}): IntentOptions {
  return { ...DEFAULT_OPTIONS, ...options };
}

/**
 * Options as stored in a model file: anything the file does not state takes the value it had
 * before that option existed (not today's default), so older files score as they were trained.
 */
export function withFileDefaults(options: Partial<IntentOptions>): IntentOptions {
  return withDefaults({ charScale: 1, vectorScale: 1, ...options });
}
