import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { serve } from '@hono/node-server';
import { createApp } from '../../functions/review-api/app.ts';
import { buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { exportLeads } from '../../shared/use-cases/export-leads.ts';
import type { CycleResult } from '../../shared/use-cases/run-discovery-cycle.ts';
import { ensureQueue, ensureTable } from '../create-resources.ts';
import { endpointsFile, LOCAL_TABLE } from '../local-endpoints.ts';
import { startLocalStack } from '../stack.ts';
import { approveMqlDrafts, countTasks } from './demo-approval.ts';
import { drainQueue, type SqsHandler } from './drain-queue.ts';
import { localContext } from './lambda-context.ts';
import { progress, step } from './progress.ts';
import { seedLocal } from './seed.ts';

export interface LocalOptions {
  /** Where the bundled sample data lives (the repository). */
  root: string;
  /** Where the local database persists (default <root>/.data). */
  dataDir: string;
  /** Where exports are written (default <root>/out). */
  outDir: string;
  once: boolean;
  fresh: boolean;
  replay: boolean;
  port: number;
  everyMinutes: number;
}

export interface LocalSummary {
  postsRead: number;
  postsNew: number;
  postsDuplicate: number;
  postsRejected: number;
  prospects: number;
  mql: number;
  review: number;
  nurture: number;
  disqualified: number;
  tasksDrafted: number;
  tasksQueued: number;
  tasksExecuted: number;
  /** Approved but held for tomorrow by the account's daily cap (ENGAGE_DAILY_CAP). */
  tasksDeferred: number;
  definitionVersion: number;
  csv: string;
  seconds: number;
}

const TABLE = LOCAL_TABLE;
const QUEUE = 'prospector-engage';

/**
 * The `npm start` composition root: local servers, then the very handlers Lambda runs, invoked
 * in-process with Lambda's event shapes. Data persists in .data/ between runs.
 */
export async function runLocal(
  options: LocalOptions,
): Promise<{ summary: LocalSummary; stop: () => Promise<void> }> {
  const started = Date.now();
  const dataDir = join(options.dataDir, 'dynamodb');
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  const stack = await step('starting local DynamoDB, SQS and the fake X API', () =>
    startLocalStack({ dataDir, x: {} }),
  );
  try {
    await ensureTable(stack.dynamoEndpoint, TABLE);
    const queueUrl = await ensureQueue(stack.sqsEndpoint, QUEUE, 60);
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      ENGAGE_QUEUE_URL: queueUrl,
      SQS_ENDPOINT: stack.sqsEndpoint,
      X_BEARER_TOKEN: 'local-token',
      X_API_BASE_URL: stack.xBaseUrl,
      X_TLS_INSECURE: 'true',
      ENGAGE_MODE: 'dry-run',
      ENGAGE_MAX_JITTER_MS: '0',
      // The fake feed costs nothing to read; X's real monthly budget applies on AWS.
      DISCOVERY_MONTHLY_POST_BUDGET: '1000000000',
      HACKERNEWS_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'WARN',
    });
    const stores = buildStores({
      TABLE_NAME: TABLE,
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

    // The same modules Lambda loads; they read the environment set above.
    const discover = (await import('../../functions/discover/handler.ts')).handler;
    const engage: SqsHandler = (await import('../../functions/engage/handler.ts')).handler;
    const sqs = new SQSClient({
      region: 'us-east-1',
      endpoint: stack.sqsEndpoint,
      useQueueUrlAsEndpoint: false,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    const cycle = async () => {
      const result: CycleResult = await step(
        'discovery cycle (discover, qualify, draft)',
        () =>
          discover(
            { source: 'prospector.local', force: true, replay: options.replay },
            localContext('discover', 15 * 60_000),
          ),
        async () => `${await stores.posts.countPosts()} posts stored`,
      );
      const doneBefore = await countTasks(stores, 'done');
      // Dry-run demo only: in live mode every task waits for a person in the review UI.
      const queued = await approveMqlDrafts({ ...stores, queue, clock: systemClock }, 'local-demo (dry-run)');
      const drained = await step('engage worker (dry-run)', () =>
        drainQueue(sqs, queueUrl, engage, () => localContext('engage', 60_000), {
          waitSeconds: 0,
          stopWhenEmpty: true,
        }),
      );
      if (drained.failed > 0) progress(`${drained.failed} task message(s) failed and will be retried`);
      const executed = (await countTasks(stores, 'done')) - doneBefore;
      return { result, queued, executed };
    };

    const first = await cycle();
    const csvPath = join(options.outDir, 'leads.csv');
    const exported = await exportLeads(stores);
    await mkdir(options.outDir, { recursive: true });
    await writeFile(csvPath, exported.csv);
    const counts = await stores.leads.countLeads();
    const runs = first.result.runs;
    const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + f(r), 0);
    const summary: LocalSummary = {
      postsRead: sum((r) => r.postsRead),
      postsNew: sum((r) => r.postsNew),
      postsDuplicate: sum((r) => r.postsDuplicate),
      postsRejected: sum((r) => r.postsRejected),
      prospects: Object.values(counts).reduce((a, b) => a + b, 0),
      mql: counts.mql ?? 0,
      review: counts.review ?? 0,
      nurture: counts.nurture ?? 0,
      disqualified: counts.disqualified ?? 0,
      tasksDrafted: first.result.tasksDrafted,
      tasksQueued: first.queued,
      tasksExecuted: first.executed,
      tasksDeferred: first.queued - first.executed,
      definitionVersion: seeded.definitionVersion,
      csv: csvPath,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    if (options.once) return { summary, stop: stack.stop };

    const controller = new AbortController();
    const app = createApp({
      ...stores,
      queue,
      clock: systemClock,
      log: createLogger('review-api'),
      userOf: (c) => c.req.header('x-prospector-user') ?? 'local-marketer',
    });
    const server = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' });
    const worker = drainQueue(sqs, queueUrl, engage, () => localContext('engage', 60_000), {
      waitSeconds: 2,
      stopWhenEmpty: false,
      signal: controller.signal,
    }).catch((error) => progress(`engage worker stopped: ${(error as Error).message}`));
    const timer = setInterval(
      () => void cycle().catch((e) => progress(`cycle failed: ${(e as Error).message}`)),
      options.everyMinutes * 60_000,
    );
    // CLI commands (prospector mql ..., rescore) find this database while it runs.
    await writeFile(
      endpointsFile(options.dataDir),
      JSON.stringify({ dynamo: stack.dynamoEndpoint, sqs: stack.sqsEndpoint, pid: process.pid }),
    );
    progress(`review UI and API on http://127.0.0.1:${options.port}/ (Ctrl-C to stop)`);
    return {
      summary,
      stop: async () => {
        await rm(endpointsFile(options.dataDir), { force: true });
        clearInterval(timer);
        controller.abort();
        server.close();
        await worker;
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
