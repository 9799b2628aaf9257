import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStores } from '../../shared/adapters/build.ts';
import { intentTrainer } from '../../shared/adapters/intent/intent-trainer.ts';
import { readShippedCorpus, shippedModelEntry } from '../../shared/adapters/intent/training-data.ts';
import { MemoryLabelStore } from '../../shared/adapters/memory/memory-label-store.ts';
import { S3ModelStore } from '../../shared/adapters/models/s3-model-store.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { openS3 } from '../../shared/adapters/s3/export-bucket.ts';
import { loadConfig, trainerConfigSchema } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createTrainerHandler } from './create-handler.ts';

// Composition root. The bundle carries data/intent-corpus and the word vectors beside index.mjs
// (copied at bundling, see FUNCTION_SPECS.modelTrainer), so nothing is downloaded at run time.
const config = loadConfig(trainerConfigSchema);
const here = dirname(fileURLToPath(import.meta.url));
const stores = buildStores(config);

export const handler = createTrainerHandler({
  models: new S3ModelStore(
    openS3({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
    config.MODEL_BUCKET,
  ),
  labels: stores.labels,
  noLabels: new MemoryLabelStore(),
  trainer: intentTrainer(join(here, 'data', 'intent', 'word-vectors.bin')),
  clock: systemClock,
  log: createLogger('model-trainer'),
  corpus: () => readShippedCorpus(join(here, 'data', 'intent-corpus')),
  shipped: shippedModelEntry,
});
