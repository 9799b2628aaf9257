import { type IntentModel, type IntentModelFile, loadIntentModel } from '../../domain/intent/model.ts';
import { trainIntentModel } from '../../domain/intent/train.ts';
import { cachedEncoder, loadTwoStageModel, trainTwoStageModel } from '../../domain/intent/two-stage.ts';
import type { WordVectors } from '../../domain/intent/word-vectors.ts';
import type { ModelTrainer, Predictor } from '../../ports/model-trainer.ts';
import type { Encoder } from '../../ports/sentence-encoder.ts';
import { CorruptModelFileError } from './corrupt-model.ts';
import { useLiteEncoder } from './sentence-encoder.ts';
import { loadWordVectors } from './word-vectors-file.ts';

/** A fast model as the guard measures it. */
export function fastPredictor(model: IntentModel): Predictor {
  return { threshold: model.threshold, predictAll: async (texts) => texts.map((t) => model.predict(t)) };
}

const parse = (body: string): unknown => JSON.parse(body);

/**
 * Loads either kind of stored model file: versions written before the two-stage learner (the fast
 * model's own format) still load, so the guard can compare against one that is serving.
 */
function loadAny(body: string, file: string, encoder: Encoder): Predictor {
  try {
    const raw = parse(body) as { format?: unknown };
    if (raw?.format === 'prospector-intent-model')
      return fastPredictor(loadIntentModel(raw as IntentModelFile));
    const model = loadTwoStageModel(raw, encoder);
    return { threshold: model.threshold, predictAll: (texts) => model.predictAll(texts) };
  } catch (error) {
    throw new CorruptModelFileError(file, (error as Error).message);
  }
}

/**
 * The shipped learner behind the registry's one training entry point: the two-stage model
 * (`trainTwoStageModel`) with the pretrained word vectors and the USE lite encoder, exactly as
 * `npm run train` uses it. The encoder is wrapped in a per-trainer cache: a guarded training fits
 * the learner several times (feedback folds, the candidate, the reference) on mostly the same
 * posts, and each post is encoded once.
 */
export function intentTrainer(vectorsFile?: string, encoder: Encoder = useLiteEncoder()): ModelTrainer {
  let vectors: WordVectors | undefined;
  const cached = cachedEncoder(encoder);
  return {
    name: 'prospector-two-stage-model v1 (fast linear + USE lite)',
    async train(examples, seed) {
      vectors ??= loadWordVectors(vectorsFile);
      const body = `${JSON.stringify(await trainTwoStageModel(examples, cached, seed, vectors))}\n`;
      return { body, model: loadAny(body, 'candidate', cached) };
    },
    load: (body, file) => loadAny(body, file, cached),
  };
}

/** The fast learner alone (`prospector eval --fast-only`, and the registry before the two-stage model). */
export function fastIntentTrainer(vectorsFile?: string): ModelTrainer {
  let vectors: WordVectors | undefined;
  return {
    name: 'prospector-intent-model v1 (hashed linear + word vectors)',
    async train(examples, seed) {
      vectors ??= loadWordVectors(vectorsFile);
      const body = `${JSON.stringify(trainIntentModel(examples, {}, seed, vectors))}\n`;
      return { body, model: fastPredictor(loadIntentModel(parse(body) as IntentModelFile)) };
    },
    load(body, file) {
      try {
        const raw = parse(body) as IntentModelFile;
        if (raw?.format !== 'prospector-intent-model') throw new Error('not a prospector-intent-model file');
        return fastPredictor(loadIntentModel(raw));
      } catch (error) {
        throw new CorruptModelFileError(file, (error as Error).message);
      }
    },
  };
}
