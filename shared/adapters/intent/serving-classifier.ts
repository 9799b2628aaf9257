import type { IntentScorer } from '../../domain/rule-evaluators.ts';
import type { IntentClassifier } from '../../ports/intent-classifier.ts';
import type { ModelStore } from '../../ports/model-store.ts';
import { loadServingScorer } from './serving-model.ts';

/**
 * What ingest classifies new posts with, and the synchronous fallback scoring uses for a signal
 * stored without a probability. Called once per container (the caller keeps the promise).
 * Today both are the fast model; the two-stage model replaces `classifier` behind this signature.
 */
export async function loadServingClassifier(
  models: ModelStore | undefined,
): Promise<{ classifier: IntentClassifier; fallback: IntentScorer }> {
  const scorer = await loadServingScorer(models);
  return { classifier: fastClassifier(scorer), fallback: scorer };
}

/** A synchronous scorer as an ingest classifier. */
export function fastClassifier(scorer: IntentScorer): IntentClassifier {
  return {
    version: scorer.version,
    classify: async (texts) => texts.map((t) => scorer.probability(t)),
  };
}
