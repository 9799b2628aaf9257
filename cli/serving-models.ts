import { join } from 'node:path';
import { FolderModelStore } from '../shared/adapters/models/folder-model-store.ts';
import { S3ModelStore } from '../shared/adapters/models/s3-model-store.ts';
import { openS3 } from '../shared/adapters/s3/export-bucket.ts';
import { loadConfig, modelCliConfigSchema } from '../shared/config.ts';

/** The registry discovery serves from: MODEL_BUCKET's `models/` on AWS, else `<data dir>/models`. */
export function servingModels(dataDir: string) {
  const config = loadConfig(modelCliConfigSchema);
  return config.MODEL_BUCKET
    ? new S3ModelStore(
        openS3({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
        config.MODEL_BUCKET,
      )
    : new FolderModelStore(join(dataDir, 'models'));
}
