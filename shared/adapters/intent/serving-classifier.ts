import type { IntentModelFile } from '../../domain/intent/model.ts';
import { loadIntentModel } from '../../domain/intent/model.ts';
import { contentVersion } from '../../domain/model-registry.ts';
import type { IntentScorer } from '../../domain/rule-evaluators.ts';
import type { IntentClassifier } from '../../ports/intent-classifier.ts';
import type { ModelStore } from '../../ports/model-store.ts';
import type { Encoder } from '../../ports/sentence-encoder.ts';
import { servingModel } from '../../use-cases/model-registry.ts';
import { CorruptModelFileError } from './corrupt-model.ts';
import { useLiteEncoder } from './sentence-encoder.ts';
import { SHIPPED_TWO_STAGE_PATH, shippedTwoStageBody } from './shipped-two-stage.ts';
import { parseTwoStage } from './two-stage-file.ts';

/**
 * What ingest classifies new posts with, and the synchronous fallback scoring uses for a signal
 * stored without a probability. Called once per container (the caller keeps the promise).
 *
 * `classifier` is the two-stage model: the registry's promoted version when there is one, else the
 * shipped data/intent/two-stage-model.json. Its version is the registry's content hash of the file.
 * The encoder is not loaded here: the first `classify` with a post above the gate loads it (once
 * per process). `fallback` is that model's fast stage (synchronous), named by the same version.
 * A promoted version stored by the earlier fast-only trainer still serves, as a fast classifier.
 * A missing or corrupt file throws CorruptModelFileError naming it: the cycle fails loudly and a
 * warm container keeps the model it had.
 */
export async function loadServingClassifier(
  models: ModelStore | undefined,
  encoder: Encoder = useLiteEncoder(),
): Promise<{ classifier: IntentClassifier; fallback: IntentScorer }> {
  const shipped = shippedTwoStageBody();
  let body = shipped;
  let file = SHIPPED_TWO_STAGE_PATH;
  let version = contentVersion(shipped);
  if (models) {
    const serving = await servingModel(models, { version, body: shipped });
    if (serving.promoted) {
      ({ body, version } = serving);
      file = `models/versions/${serving.version}/model.json`;
    }
  }
  if (isFastModelFile(body)) {
    const fast = parseFast(body, file, version);
    return { classifier: fastClassifier(fast), fallback: fast };
  }
  const { model } = parseTwoStage(body, file, encoder);
  return {
    classifier: { version, classify: (texts) => model.predictAll(texts) },
    fallback: { version, probability: (text) => model.fast.predict(text) },
  };
}

/** A fast-only file starts with its own format; a two-stage file starts with its own (see the trainers). */
const isFastModelFile = (body: string): boolean => body.startsWith('{"format":"prospector-intent-model"');

function parseFast(body: string, file: string, version: string): IntentScorer {
  try {
    const model = loadIntentModel(JSON.parse(body) as IntentModelFile);
    return { version, probability: (text) => model.predict(text) };
  } catch (error) {
    throw new CorruptModelFileError(file, (error as Error).message);
  }
}

/** A synchronous scorer as an ingest classifier. */
export function fastClassifier(scorer: IntentScorer): IntentClassifier {
  return {
    version: scorer.version,
    classify: async (texts) => texts.map((t) => scorer.probability(t)),
  };
}
