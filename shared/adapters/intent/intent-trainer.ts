import { type IntentModelFile, loadIntentModel } from '../../domain/intent/model.ts';
import { trainIntentModel } from '../../domain/intent/train.ts';
import type { WordVectors } from '../../domain/intent/word-vectors.ts';
import type { ModelTrainer } from '../../ports/model-trainer.ts';
import { CorruptModelFileError } from './corrupt-model.ts';
import { loadWordVectors } from './word-vectors-file.ts';

/**
 * The shipped learner behind the registry's one training entry point: `trainIntentModel` with the
 * pretrained word vectors (read once, on first training), exactly as `npm run train` uses it.
 */
export function intentTrainer(vectorsFile?: string): ModelTrainer {
  let vectors: WordVectors | undefined;
  const load = (body: string, file: string) => {
    try {
      const parsed = JSON.parse(body) as IntentModelFile;
      if (parsed?.format !== 'prospector-intent-model') throw new Error('not a prospector-intent-model file');
      return loadIntentModel(parsed);
    } catch (error) {
      throw new CorruptModelFileError(file, (error as Error).message);
    }
  };
  return {
    name: 'prospector-intent-model v1 (hashed linear + word vectors)',
    train(examples, seed) {
      vectors ??= loadWordVectors(vectorsFile);
      const body = `${JSON.stringify(trainIntentModel(examples, {}, seed, vectors))}\n`;
      return { body, model: load(body, 'candidate') };
    },
    load,
  };
}
