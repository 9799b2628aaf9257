import { type IntentModelFile, loadIntentModel } from '../../domain/intent/model.ts';
import type { IntentScorer } from '../../domain/rule-evaluators.ts';
import type { ModelStore } from '../../ports/model-store.ts';
import { servingModel } from '../../use-cases/model-registry.ts';
import { CorruptModelFileError } from './corrupt-model.ts';
import { loadShippedModel } from './shipped-model.ts';
import { shippedModelEntry } from './training-data.ts';

/**
 * The scorer discovery uses: the registry's promoted version when there is one, else the shipped
 * model. Called once per container. A promoted file that is missing or corrupt throws, naming the
 * file: the cycle fails loudly instead of scoring zero, and a warm container keeps its model.
 */
export async function loadServingScorer(models: ModelStore | undefined): Promise<IntentScorer> {
  if (!models) return loadShippedModel().scorer;
  const serving = await servingModel(models, shippedModelEntry());
  if (!serving.promoted) return loadShippedModel().scorer;
  const file = `models/versions/${serving.version}/model.json`;
  let model: ReturnType<typeof loadIntentModel>;
  try {
    model = loadIntentModel(JSON.parse(serving.body) as IntentModelFile);
  } catch (error) {
    throw new CorruptModelFileError(file, (error as Error).message);
  }
  return { version: serving.version, probability: (text) => model.predict(text) };
}
