import type { IntentClassifier } from '../ports/intent-classifier.ts';

/** Texts per `classify` call: one search page (≤ 100 posts) is one or two calls. */
export const CLASSIFY_BATCH = 64;

export class IntentClassifierOutputError extends Error {
  constructor(model: string, detail: string) {
    super(`intent model ${model} returned ${detail}`);
    this.name = 'IntentClassifierOutputError';
  }
}

/**
 * Classifies texts in bounded batches (the encoder's memory grows with the batch) and checks what
 * comes back: one probability in [0, 1] per text. A model that answers anything else must fail the
 * step loudly rather than store a wrong or zero probability that scoring would then trust.
 */
export async function classifyInBatches(
  classifier: IntentClassifier,
  texts: readonly string[],
  batchSize = CLASSIFY_BATCH,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const ps = await classifier.classify(batch);
    if (ps.length !== batch.length)
      throw new IntentClassifierOutputError(
        classifier.version,
        `${ps.length} probabilities for ${batch.length} texts`,
      );
    for (const p of ps) {
      if (!(Number.isFinite(p) && p >= 0 && p <= 1))
        throw new IntentClassifierOutputError(classifier.version, `a probability out of [0, 1]: ${p}`);
      out.push(p);
    }
  }
  return out;
}
