import { join } from 'node:path';
import * as z from 'zod';
import { ensureTable } from '../local/create-resources.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LOCAL_TABLE, runningEndpoints } from '../local/local-endpoints.ts';
import { buildStores, type Stores } from '../shared/adapters/build.ts';
import { loadConfig } from '../shared/config.ts';

const tableConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().default('us-east-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
});

const local = (endpoint: string) =>
  buildStores({
    TABLE_NAME: LOCAL_TABLE,
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: endpoint,
    RETENTION_DAYS: 180,
  });

/**
 * Runs a CLI command against the right table: the one named by TABLE_NAME (AWS, with the usual
 * credentials), else the database of a running `npm start`, else the local database in the data
 * directory, started for the command and stopped after it.
 */
export async function withStores<T>(dataDir: string, fn: (stores: Stores) => Promise<T>): Promise<T> {
  if (process.env.TABLE_NAME) return fn(buildStores(loadConfig(tableConfigSchema)));
  const running = runningEndpoints(dataDir);
  if (running) return fn(local(running.dynamo));
  const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    await ensureTable(dynamo.endpoint, LOCAL_TABLE);
    return await fn(local(dynamo.endpoint));
  } finally {
    await dynamo.stop();
  }
}
