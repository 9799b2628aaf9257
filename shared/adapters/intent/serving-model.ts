import { type IntentModelFile, loadIntentModel } from '../../domain/intent/model.ts';
import type { TwoStageModelFile } from '../../domain/intent/two-stage.ts';
import type { IntentScorer } from '../../domain/rule-evaluators.ts';
import type { ModelStore } from '../../ports/model-store.ts';
import { servingModel } from '../../use-cases/model-registry.ts';
import { CorruptModelFileError } from './corrupt-model.ts';
import { loadShippedModel } from './shipped-model.ts';
import { shippedModelEntry } from './training-data.ts';

/**
 * The fast scorer: the registry's promoted version's fast stage when there is one, else the shipped
 * fast model. Called once per container. A promoted file that is missing or corrupt throws, naming the
 * file: the cycle fails loudly instead of scoring zero, and a warm container keeps its model.
 */
export async function loadServingScorer(models: ModelStore | undefined): Promise<IntentScorer> {
  if (!models) return loadShippedModel().scorer;
  const serving = await servingModel(models, shippedModelEntry());
  if (!serving.promoted) return loadShippedModel().scorer;
  const file = `models/versions/${serving.version}/model.json`;
  let model: ReturnType<typeof loadIntentModel>;
  try {
    // A two-stage version carries its fast stage's file: scoring without a stored probability uses it.
    const raw = JSON.parse(serving.body) as IntentModelFile | TwoStageModelFile;
    model = loadIntentModel(raw.format === 'prospector-two-stage-model' ? raw.fast : raw);
  } catch (error) {
    throw new CorruptModelFileError(file, (error as Error).message);
  }
  return { version: serving.version, probability: (text) => model.predict(text) };
}
