import { createHash } from 'node:crypto';
import modelFile from '../../../data/intent/model.json' with { type: 'json' };
import { type IntentModel, type IntentModelFile, loadIntentModel } from '../../domain/intent/model.ts';
import type { IntentScorer } from '../../domain/rule-evaluators.ts';

/** The model trained by `npm run train` from data/intent-corpus, versioned in the repository. */
export const SHIPPED_MODEL_FILE = modelFile as IntentModelFile;

/** A short content hash: scores name the exact model they were computed with. */
export function modelVersion(file: IntentModelFile): string {
  return createHash('sha256')
    .update(JSON.stringify(file.weights))
    .update(String(file.bias))
    .update(file.vectors?.scores ?? '')
    .digest('hex')
    .slice(0, 8);
}

/** Loads the shipped model once per process; scoring sees only a probability. */
export function loadShippedModel(): { model: IntentModel; scorer: IntentScorer } {
  const model = loadIntentModel(SHIPPED_MODEL_FILE);
  return {
    model,
    scorer: { version: modelVersion(SHIPPED_MODEL_FILE), probability: (text) => model.predict(text) },
  };
}
