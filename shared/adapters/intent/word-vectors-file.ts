import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeWordVectors, type WordVectors } from '../../domain/intent/word-vectors.ts';

/** Pretrained word vectors for the learner, written by `npm run build:vectors` (see docs/intent-model.md). */
export const WORD_VECTORS_FILE = fileURLToPath(
  new URL('../../../data/intent/word-vectors.bin', import.meta.url),
);

/**
 * Reads the word vectors for training and cross-validation. Scoring never needs them: a trained
 * model carries one number per word instead.
 */
export function loadWordVectors(path = WORD_VECTORS_FILE): WordVectors {
  return decodeWordVectors(readFileSync(path));
}
