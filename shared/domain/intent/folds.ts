import { seededRng, shuffleInPlace } from './prng.ts';

/**
 * Stratified k-fold assignment: one seeded shuffle, then each class is dealt round-robin over the
 * folds, so every fold keeps the corpus's positive rate (within one example per class).
 * Returns the fold number of each example, in input order.
 */
export function stratifiedFolds(labels: readonly boolean[], folds: number, seed: number): Int32Array {
  if (folds < 2) throw new Error(`need at least 2 folds, got ${folds}`);
  const order = Int32Array.from(labels.keys());
  shuffleInPlace(order, seededRng(seed));
  const fold = new Int32Array(labels.length);
  let pos = 0;
  let neg = 0;
  for (const i of order) {
    fold[i] = labels[i] ? pos++ % folds : folds - 1 - (neg++ % folds);
  }
  return fold;
}

/** Indices of the training and test parts of fold `k`. */
export function splitFold(fold: Int32Array, k: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === k ? test : train).push(i);
  return { train, test };
}
