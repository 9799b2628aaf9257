import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createCrmExportHandler } from '../../functions/crm-export/create-handler.ts';
import { createApp } from '../../functions/review-api/app.ts';
import { localAccess, WRITE_TOKEN_HEADER } from '../../functions/review-api/local-access.ts';
import { buildNotifier } from '../../shared/adapters/build.ts';
import { FolderExportFiles } from '../../shared/adapters/files/export-folder.ts';
import { lazyExplainer } from '../../shared/adapters/intent/lazy-explainer.ts';
import { lazyShippedScorer } from '../../shared/adapters/intent/lazy-shipped-model.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { INTERACTIVE_DELIVERY } from '../../shared/adapters/webhook/webhook-notifier.ts';
import { buildXAccount } from '../../shared/adapters/x/build-x-account.ts';
import { apiConfigSchema, loadConfig } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { exportLeads } from '../../shared/use-cases/export-leads.ts';
import type { CycleResult } from '../../shared/use-cases/run-discovery-cycle.ts';
import { endpointsFile } from '../local-endpoints.ts';
import { approveMqlDrafts, countTasks } from './demo-approval.ts';
import { connectDemoAccount } from './demo-connect.ts';
import { drainQueue } from './drain-queue.ts';
import { localContext } from './lambda-context.ts';
import { LOCAL_PEOPLE, LocalIdentity } from './local-identity.ts';
import { type LocalRuntime, startLocalRuntime } from './local-runtime.ts';
import { progress, step } from './progress.ts';
import { runSalesLoop } from './sales-loop.ts';

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
  /** Local demo only: a simulated sales team decides each cycle's MQLs. */
  salesSim: boolean;
  /** `live`: approved replies go to the fake X server (default: dry-run). */
  engage?: 'dry-run' | 'live';
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
  /** Sales decisions this run (from the local demo's simulator unless --no-sales-sim). */
  accepted: number;
  rejected: number;
  won: number;
  lost: number;
  wonDigest: number;
  /** Replies the fake X server accepted in this cycle, counted by the server (0 in dry-run). */
  repliesPosted: number;
  definitionVersion: number;
  csv: string;
  seconds: number;
}

/**
 * Who approves in the local demo. On AWS nothing is approved without a person; locally the runner
 * approves MQL drafts so the worker has something to do, and says so in every task it approves.
 */
const DEMO_APPROVER = {
  'dry-run': 'local-demo (dry-run)',
  live: 'local-demo (live to the fake X server; on AWS a person approves each reply)',
} as const;

/** One scheduled step, as on AWS: discovery cycle, then the demo approval and the engage worker. */
async function cycle(rt: LocalRuntime, replay: boolean, engage: 'dry-run' | 'live') {
  const result: CycleResult = await step(
    'discovery cycle (discover, qualify, draft)',
    () =>
      rt.discover({ source: 'prospector.local', force: true, replay }, localContext('discover', 15 * 60_000)),
    async () => `${await rt.stores.posts.countPosts()} posts stored`,
  );
  const doneBefore = await countTasks(rt.stores, 'done');
  const postsBefore = rt.stack.x?.account.posts.length ?? 0;
  // Local demo only: drafts for MQLs are approved here; review prospects wait for a marketer.
  const queued = await approveMqlDrafts(
    { ...rt.stores, queue: rt.queue, clock: systemClock },
    DEMO_APPROVER[engage],
  );
  const drained = await step(`engage worker (${engage})`, () =>
    drainQueue(rt.sqs, rt.queueUrl, rt.engage, () => localContext('engage', 60_000), {
      waitSeconds: 0,
      stopWhenEmpty: true,
    }),
  );
  if (drained.failed > 0) progress(`${drained.failed} task message(s) failed and will be retried`);
  const executed = (await countTasks(rt.stores, 'done')) - doneBefore;
  const posted = (rt.stack.x?.account.posts.length ?? 0) - postsBefore;
  return { result, queued, executed, posted };
}

async function summarise(
  rt: LocalRuntime,
  first: Awaited<ReturnType<typeof cycle>>,
  sales: Awaited<ReturnType<typeof runSalesLoop>>,
  csv: string,
  started: number,
): Promise<LocalSummary> {
  const counts = await rt.stores.leads.countLeads();
  const runs = first.result.runs;
  const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
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
    ...sales,
    repliesPosted: first.posted,
    definitionVersion: (await rt.stores.definitions.currentDefinition())?.version ?? 0,
    csv,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/**
 * `npm start`: one cycle through the same handlers Lambda runs, a CRM export, a summary; then,
 * unless `once`, the review UI and API on localhost, the engage worker and a cycle every few minutes.
 */
export async function runLocal(
  options: LocalOptions,
): Promise<{ summary: LocalSummary; stop: () => Promise<void> }> {
  const started = Date.now();
  const engage = options.engage ?? 'dry-run';
  const rt = await startLocalRuntime({
    root: options.root,
    dataDir: options.dataDir,
    fresh: options.fresh,
    engage,
  });
  try {
    const config = loadConfig(apiConfigSchema);
    const webhook = await buildNotifier(config, INTERACTIVE_DELIVERY);
    const x = buildXAccount(config, rt.stores.table, {
      clock: systemClock,
      log: createLogger('review-api'),
      owner: 'local-review-api',
    });
    const access = localAccess({ port: options.port, allowedOrigins: config.LOCAL_ALLOWED_ORIGINS });
    // Cognito's groups, locally: a token per role, signed with a key made for this run.
    const identity = new LocalIdentity();
    const app = createApp(
      {
        ...rt.stores,
        queue: rt.queue,
        clock: systemClock,
        log: createLogger('review-api'),
        // NOTIFY_WEBHOOK_URL in the shell announces MQLs from here as from the discover handler.
        notifier: webhook,
        identify: identity.identify,
        // Page cursors signed with a key of this run (or CURSOR_KEY when set).
        cursorKey: config.CURSOR_KEY ?? randomBytes(32),
        loadIntent: lazyShippedScorer(),
        explainIntent: lazyExplainer(),
        ...(x ? { xAccount: { connections: x.connections, vault: x.vault, oauth: x.oauth } } : {}),
      },
      { localAccess: access },
    );
    if (engage === 'live') {
      const username = await step(
        'connecting the brand account on the fake X server (local demo consent)',
        () =>
          connectDemoAccount(app, {
            host: `127.0.0.1:${options.port}`,
            authorization: `Bearer ${identity.sign({ id: 'local-demo-admin', roles: ['admin'] })}`,
            [WRITE_TOKEN_HEADER]: access.token,
          }),
      );
      progress(`engaging live as @${username} on the fake X server`);
    }
    const first = await cycle(rt, options.replay, engage);
    await mkdir(options.outDir, { recursive: true });
    const salesLoop = () => runSalesLoop(rt, { salesSim: options.salesSim, outDir: options.outDir, webhook });
    const sales = await step('sales loop', salesLoop);
    const csvPath = join(options.outDir, 'leads.csv');
    await mkdir(options.outDir, { recursive: true });
    await writeFile(csvPath, (await exportLeads(rt.stores)).csv);
    const summary = await summarise(rt, first, sales, csvPath, started);
    if (options.once) return { summary, stop: rt.stop };

    const controller = new AbortController();
    const server = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' });
    const worker = drainQueue(rt.sqs, rt.queueUrl, rt.engage, () => localContext('engage', 60_000), {
      waitSeconds: 2,
      stopWhenEmpty: false,
      signal: controller.signal,
    }).catch((error) => progress(`engage worker stopped: ${(error as Error).message}`));
    // The scheduled CRM export, into out/crm/ instead of the bucket, after each later cycle.
    const crmExport = createCrmExportHandler(
      {
        leads: rt.stores.leads,
        files: new FolderExportFiles(options.outDir),
        clock: systemClock,
        log: createLogger('crm-export'),
      },
      { states: ['mql'], format: 'generic', firstExportDays: 30, maxRowsPerFile: 10_000, maxFiles: 20 },
    );
    const timer = setInterval(
      () =>
        void cycle(rt, false, engage)
          .then(salesLoop)
          .then(() => crmExport({ source: 'prospector.local' }))
          .catch((e) => progress(`cycle failed: ${(e as Error).message}`)),
      options.everyMinutes * 60_000,
    );
    // CLI commands (prospector mql ..., rescore, campaigns) find this database while it runs.
    await writeFile(
      endpointsFile(options.dataDir),
      JSON.stringify({ dynamo: rt.stack.dynamoEndpoint, sqs: rt.stack.sqsEndpoint, pid: process.pid }),
    );
    progress(`API writes (other than from the page) need the header ${WRITE_TOKEN_HEADER}: ${access.token}`);
    progress(`review UI and API on http://127.0.0.1:${options.port}/ (Ctrl-C to stop); sign in as:`);
    for (const person of LOCAL_PEOPLE)
      progress(
        `  ${person.roles.join(',').padEnd(8)} http://127.0.0.1:${options.port}/#token=${identity.sign(person)}`,
      );
    return {
      summary,
      stop: async () => {
        await rm(endpointsFile(options.dataDir), { force: true });
        clearInterval(timer);
        controller.abort();
        server.close();
        await worker;
        await rt.stop();
      },
    };
  } catch (error) {
    await rt.stop();
    throw error;
  }
}
