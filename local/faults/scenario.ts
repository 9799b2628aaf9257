import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createDiscoverHandler } from '../../functions/discover/create-handler.ts';
import { buildStores, buildTaskQueue, buildXSource, type Stores } from '../../shared/adapters/build.ts';
import { FolderExportFiles } from '../../shared/adapters/files/export-folder.ts';
import { fastClassifier } from '../../shared/adapters/intent/serving-classifier.ts';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import { WebhookNotifier } from '../../shared/adapters/webhook/webhook-notifier.ts';
import type { Campaign } from '../../shared/domain/campaign.ts';
import { MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { noMetrics } from '../../shared/ports/metrics.ts';
import { decideLead } from '../../shared/use-cases/review-prospect.ts';
import { runCrmExport } from '../../shared/use-cases/run-crm-export.ts';
import { ensureQueue, ensureTable } from '../create-resources.ts';
import { type DynamoFault, startDynamoFaultProxy } from './dynamo-fault-proxy.ts';
import { checkInvariants } from './invariants.ts';
import { startNoticeReceiver } from './notice-receiver.ts';
import { type Recount, recountTable } from './recount.ts';
import { createSchedule, type FaultRule } from './schedule.ts';
import { startXFaultProxy, type XFault } from './x-fault-proxy.ts';

/** The local servers every scenario shares: DynamoDB Local, fauxqs, and the fake X server with its feed. */
export interface FaultWorld {
  dynamoEndpoint: string;
  sqsEndpoint: string;
  xUrl: string;
  campaigns: Campaign[];
  /** The MQL definition document (a draft, as `prospector mql publish` takes it). */
  definition: unknown;
  /** Posts per X page (default 100): smaller pages give request-numbered X faults more to hit. */
  pageSize?: number;
}

/** The phases a scenario's faults reach; the others talk to DynamoDB directly. */
export type Phase = 'cycle' | 'decisions' | 'export';

export interface ScenarioSpec {
  name: string;
  dynamo?: readonly FaultRule<DynamoFault>[];
  x?: readonly FaultRule<XFault>[];
  seed?: number;
  /** Where the DynamoDB faults apply (all phases when unset). */
  phases?: readonly Phase[];
  /** Review leads a marketer moves to MQL through the faults (default 5). */
  decisions?: number;
}

export interface ScenarioOutcome {
  name: string;
  recount: Recount;
  problems: string[];
  /** Attempts that threw and were tried again, per phase, and faults injected. */
  failedAttempts: Record<Phase, number>;
  injected: Record<string, number>;
  cycles: number;
}

const SLOW_MS = 400;
const RATE_LIMIT_RESET_MS = 1_000;
const prefixed = (prefix: string, counts: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}:${k}`, v ?? 0]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Like a scheduler or a client would: try again after a failure, up to `attempts` times. */
async function retried<T>(attempts: number, failed: () => void, fn: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      failed();
      if (i >= attempts) throw error;
      await sleep(100 * i);
    }
  }
}

async function seed(stores: Stores, world: FaultWorld, now: Date) {
  for (const c of world.campaigns) await stores.campaigns.putCampaign(c);
  const draft = MqlDefinitionDraftSchema.parse(world.definition);
  await stores.definitions.publishDefinition(
    { draft, author: 'faults', note: 'seed', basedOn: undefined },
    now,
  );
}

/**
 * One scenario: a fresh table seeded directly, then the discovery cycle (discover, qualify, draft,
 * announce), a marketer's decisions and the scheduled CRM export, each through the fault proxies
 * and retried as Lambda's scheduler or a person would, until a cycle ends with every campaign
 * caught up. The table is then recounted directly and checked against `baseline` (none: this is
 * the fault-free run that others are checked against).
 */
export async function runScenario(
  world: FaultWorld,
  spec: ScenarioSpec,
  baseline?: Recount,
): Promise<ScenarioOutcome> {
  const tableName = `faults-${randomUUID().slice(0, 8)}`;
  await ensureTable(world.dynamoEndpoint, tableName);
  const storeConfig = { TABLE_NAME: tableName, AWS_REGION: 'us-east-1', RETENTION_DAYS: 180 };
  const direct = buildStores({ ...storeConfig, DYNAMODB_ENDPOINT: world.dynamoEndpoint });
  await seed(direct, world, new Date());

  const dynamoSchedule = createSchedule(spec.dynamo ?? [], spec.seed ?? 1);
  const xSchedule = createSchedule(spec.x ?? [], (spec.seed ?? 1) + 1);
  const dynamoProxy = await startDynamoFaultProxy({
    target: world.dynamoEndpoint,
    schedule: dynamoSchedule,
    slowMs: SLOW_MS,
  });
  const xProxy = await startXFaultProxy({
    target: world.xUrl,
    schedule: xSchedule,
    slowMs: SLOW_MS,
    rateLimitResetMs: RATE_LIMIT_RESET_MS,
  });
  const notices = await startNoticeReceiver();
  const exportDir = await mkdtemp(join(tmpdir(), 'prospector-faults-'));
  const phases = new Set(spec.phases ?? ['cycle', 'decisions', 'export']);
  const faulty = buildStores({ ...storeConfig, DYNAMODB_ENDPOINT: dynamoProxy.endpoint });
  const storesFor = (phase: Phase) => (phases.has(phase) ? faulty : direct);
  const failedAttempts: Record<Phase, number> = { cycle: 0, decisions: 0, export: 0 };
  const notifier = new WebhookNotifier({ url: notices.url, attempts: 3, retryDelayMs: 50, timeoutMs: 2_000 });
  try {
    const queueUrl = await ensureQueue(world.sqsEndpoint, tableName);
    const discover = createDiscoverHandler(
      {
        ...storesFor('cycle'),
        queue: buildTaskQueue({
          ENGAGE_QUEUE_URL: queueUrl,
          SQS_ENDPOINT: world.sqsEndpoint,
          AWS_REGION: 'us-east-1',
        }),
        sources: { x: buildXSource({ X_API_BASE_URL: xProxy.url, X_TLS_INSECURE: true }, 'local-token') },
        notifier,
        clock: { now: () => new Date() },
        log: silentLog,
        metrics: noMetrics,
        loadIntent: async () => {
          const scorer = loadShippedModel().scorer;
          return { classifier: fastClassifier(scorer), fallback: scorer };
        },
      },
      {
        pageSize: world.pageSize ?? 100,
        maxPagesPerCampaign: 50,
        backfillDays: 7,
        accountMonthlyBudget: 1_000_000_000,
        concurrency: 2,
      },
    );
    const context = { getRemainingTimeInMillis: () => 15 * 60_000 };
    // Cycles until one ends with every campaign caught up and everything scored, as the schedule would.
    let cycles = 0;
    for (;;) {
      cycles++;
      if (cycles > 25) throw new Error(`${spec.name}: no clean cycle in 25`);
      const result = await discover({ force: true }, context).catch(() => {
        failedAttempts.cycle++;
        return undefined;
      });
      const caughtUp = result && result.failed === 0 && result.runs.every((r) => r.complete);
      const pending = (await direct.leads.listPending(1)).items.length;
      if (caughtUp && pending === 0) break;
      if (result?.runs.some((r) => r.stoppedBy === 'rate-limit')) await sleep(RATE_LIMIT_RESET_MS + 1_100);
    }

    const decided: string[] = [];
    const reviewers = storesFor('decisions');
    const queue = await direct.leads.listByState('review', spec.decisions ?? 5);
    for (const lead of queue.items) {
      await retried(
        5,
        () => failedAttempts.decisions++,
        async () => {
          // A person whose click failed looks again: a decision that did land is not made twice.
          if ((await direct.leads.getLead(lead.key))?.state === 'mql') return;
          await decideLead(
            { leads: reviewers.leads, clock: { now: () => new Date() }, log: silentLog, notifier },
            { key: lead.key, to: 'mql', reason: 'fits our ICP', actor: { type: 'marketer', id: 'faults' } },
          );
        },
      );
      decided.push(lead.key);
    }

    // Ten minutes ahead, so the export's two-minute settling window covers everything just written.
    const later: Clock = { now: () => new Date(Date.now() + 10 * 60_000) };
    await retried(
      5,
      () => failedAttempts.export++,
      () =>
        runCrmExport(
          {
            leads: storesFor('export').leads,
            files: new FolderExportFiles(exportDir),
            clock: later,
            log: silentLog,
          },
          { states: ['mql'], format: 'generic', firstExportDays: 30, maxRowsPerFile: 10_000, maxFiles: 20 },
        ),
    );
    const exportedKeys = new Set<string>();
    const csvDir = join(exportDir, 'crm', 'generic');
    for (const file of (await readdir(csvDir)).filter((f) => f.endsWith('.csv'))) {
      const rows = parse(await readFile(join(csvDir, file), 'utf8'), { columns: true }) as {
        prospect_key: string;
      }[];
      for (const r of rows) exportedKeys.add(r.prospect_key);
    }

    const recount = await recountTable(direct.table);
    const mqls = new Set([...recount.leads].filter(([, l]) => l.state === 'mql').map(([k]) => k));
    const problems = checkInvariants(recount, baseline ?? recount, {
      notices: notices.perLead(),
      decided,
      exported: { keys: exportedKeys, expected: mqls },
      postsServed: xProxy.postsServed(),
    });
    return {
      name: spec.name,
      recount,
      problems,
      failedAttempts,
      injected: {
        ...prefixed('dynamo', dynamoSchedule.stats().injected),
        ...prefixed('x', xSchedule.stats().injected),
      },
      cycles,
    };
  } finally {
    await Promise.all([dynamoProxy.stop(), xProxy.stop(), notices.stop()]);
    await rm(exportDir, { recursive: true, force: true });
    for (const s of [direct, faulty]) s.table.doc.destroy();
  }
}
