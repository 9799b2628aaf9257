import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { buildStores, buildTaskQueue, type Stores } from '../../shared/adapters/build.ts';
import type { SqsTaskQueue } from '../../shared/adapters/sqs/task-queue.ts';
import type { CycleResult } from '../../shared/use-cases/run-discovery-cycle.ts';
import { ensureQueueWithDlq, ensureTable } from '../create-resources.ts';
import { DYNAMODB_EXPOSED_WARNING } from '../dynamodb-local.ts';
import { LOCAL_TABLE } from '../local-endpoints.ts';
import { type LocalStack, startLocalStack } from '../stack.ts';
import type { SqsHandler } from './drain-queue.ts';
import { progress, step } from './progress.ts';
import { seedLocal } from './seed.ts';

const QUEUE = 'prospector-engage';

export interface LocalRuntime {
  stack: LocalStack;
  stores: Stores;
  queue: SqsTaskQueue;
  queueUrl: string;
  sqs: SQSClient;
  definitionVersion: number;
  discover: (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<CycleResult>;
  engage: SqsHandler;
  stop(): Promise<void>;
}

/**
 * The local composition root: starts DynamoDB Local (persisted in `dataDir`), fauxqs and the fake
 * X API, creates the table and queue, seeds the sample campaigns and MQL v1, then loads the very
 * handler modules Lambda runs, configured through the same environment variables.
 */
export async function startLocalRuntime(options: {
  root: string;
  dataDir: string;
  fresh: boolean;
  /** `live` posts approved replies to the fake X server; the default says what it would do. */
  engage?: 'dry-run' | 'live';
}): Promise<LocalRuntime> {
  const dbDir = join(options.dataDir, 'dynamodb');
  const vaultDir = join(options.dataDir, 'x-vault');
  if (options.fresh) {
    await rm(dbDir, { recursive: true, force: true });
    await rm(vaultDir, { recursive: true, force: true });
  }
  const feedNow = await feedAnchor(options.dataDir, options.fresh);
  const stack = await step('starting local DynamoDB, SQS and the fake X API', () =>
    startLocalStack({ dataDir: dbDir, x: { feedNow } }),
  );
  if (!stack.dynamoLoopbackOnly) progress(`WARNING: ${DYNAMODB_EXPOSED_WARNING}`);
  try {
    await ensureTable(stack.dynamoEndpoint, LOCAL_TABLE);
    // As on AWS: a task message received five times without success moves to the DLQ.
    const { url: queueUrl } = await ensureQueueWithDlq(stack.sqsEndpoint, QUEUE, 60, 5);
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      TABLE_NAME: LOCAL_TABLE,
      DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      ENGAGE_QUEUE_URL: queueUrl,
      SQS_ENDPOINT: stack.sqsEndpoint,
      X_BEARER_TOKEN: 'local-token',
      X_API_BASE_URL: stack.xBaseUrl,
      X_TLS_INSECURE: 'true',
      ENGAGE_MODE: options.engage ?? 'dry-run',
      ENGAGE_MAX_JITTER_MS: '0',
      // The brand's account on the fake X server: connected by the local demo (or the UI's button).
      X_CLIENT_ID: stack.x?.account.clientId ?? 'local-client-id',
      X_TOKEN_VAULT_DIR: vaultDir,
      // The model registry `prospector model promote` writes: discovery serves its promoted version.
      MODEL_DIR: join(options.dataDir, 'models'),
      // The fake feed costs nothing to read; X's real monthly budget applies on AWS.
      DISCOVERY_MONTHLY_POST_BUDGET: '1000000000',
      // Only the bundled X feed is local; the other sources would need the internet.
      HACKERNEWS_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    const stores = buildStores({
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      RETENTION_DAYS: 180,
    });
    const queue = buildTaskQueue({
      ENGAGE_QUEUE_URL: queueUrl,
      SQS_ENDPOINT: stack.sqsEndpoint,
      AWS_REGION: 'us-east-1',
    });
    const seeded = await seedLocal(
      stores,
      {
        campaigns: join(options.root, 'data', 'sample-feed', 'campaigns.json'),
        definition: join(options.root, 'data', 'mql', 'v1.json'),
      },
      new Date(),
    );
    progress(`campaigns added: ${seeded.campaignsAdded}; MQL definition v${seeded.definitionVersion}`);
    const discover = (await import('../../functions/discover/handler.ts')).handler;
    const engage: SqsHandler = (await import('../../functions/engage/handler.ts')).handler;
    const sqs = new SQSClient({
      region: 'us-east-1',
      endpoint: stack.sqsEndpoint,
      useQueueUrlAsEndpoint: false,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return {
      stack,
      stores,
      queue,
      queueUrl,
      sqs,
      definitionVersion: seeded.definitionVersion,
      discover,
      engage,
      stop: stack.stop,
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * The sample feed is dated against the moment this data directory was first used, and that moment
 * is kept: a later run serves the same post ids, as X would, so a saved since_id finds nothing new.
 * After a week the feed ages out of the 7-day window, as real posts do; `--fresh` starts again.
 */
async function feedAnchor(dataDir: string, fresh: boolean): Promise<Date> {
  const file = join(dataDir, 'feed-anchor.json');
  if (!fresh) {
    try {
      const at = Date.parse((JSON.parse(await readFile(file, 'utf8')) as { at?: string }).at ?? '');
      if (Number.isFinite(at)) return new Date(at);
    } catch {
      // no anchor yet: set one below
    }
  }
  const now = new Date();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify({ at: now.toISOString() }));
  return now;
}
