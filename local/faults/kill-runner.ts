import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStores } from '../../shared/adapters/build.ts';
import { startDynamoDbLocal } from '../dynamodb-local.ts';
import { LOCAL_TABLE } from '../local-endpoints.ts';
import { checkInvariants } from './invariants.ts';
import { startNoticeReceiver } from './notice-receiver.ts';
import { type Recount, recountTable } from './recount.ts';
import { seededRandom } from './schedule.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'prospector.mjs');
/** Printed on stderr by the runner when its discovery cycle starts. */
const CYCLE_STARTS = 'discovery cycle (discover, qualify, draft) ...';

/**
 * The whole sample feed (six days, 1,720 posts) inside the seven-day backfill. A shorter backfill
 * was faster but not comparable: its edge moves with the clock, so a run made minutes after the
 * fault-free one (or a restart minutes after a kill) reads a few posts fewer at the edge. With
 * the feed a day clear of the edge and every run on the baseline's feed anchor, all runs read
 * the same posts and ids.
 */
const RUNNER_ENV = { DISCOVERY_BACKFILL_DAYS: '7', POWERTOOLS_LOG_LEVEL: 'ERROR' };

interface RunnerRun {
  /** Milliseconds from the start of the cycle to the exit (or the kill). */
  cycleMs: number;
  code: number | null;
  killed: boolean;
}

/**
 * `prospector local --once` as a child process in its own process group (so DynamoDB Local, its
 * Java child, dies with it like on a power cut); killed with SIGKILL `killAfterMs` after its cycle
 * starts, when given.
 */
function runRunner(dataDir: string, webhook: string, options: { fresh: boolean; killAfterMs?: number }) {
  return new Promise<RunnerRun>((resolve, reject) => {
    const args = [BIN, '--data-dir', dataDir, 'local', '--once', '--out-dir', join(dataDir, 'out')];
    if (options.fresh) args.push('--fresh');
    const child: ChildProcess = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...RUNNER_ENV, NOTIFY_WEBHOOK_URL: webhook },
    });
    let cycleStart: number | undefined;
    let killed = false;
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr = (stderr + String(d)).slice(-4000);
      if (cycleStart === undefined && stderr.includes(CYCLE_STARTS)) {
        cycleStart = Date.now();
        if (options.killAfterMs !== undefined)
          setTimeout(() => {
            if (child.exitCode !== null || child.pid === undefined) return;
            killed = true;
            process.kill(-child.pid, 'SIGKILL');
          }, options.killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!killed && code !== 0)
        return reject(new Error(`runner exited with ${code}: ${stderr.slice(-1500)}`));
      resolve({ cycleMs: Date.now() - (cycleStart ?? Date.now()), code, killed });
    });
  });
}

/** Reads the runner's persisted table with a DynamoDB Local of our own on the same data. */
async function recountDataDir(dataDir: string): Promise<Recount> {
  const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const stores = buildStores({
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      RETENTION_DAYS: 180,
    });
    const recount = await recountTable(stores.table);
    stores.table.doc.destroy();
    return recount;
  } finally {
    await dynamo.stop();
  }
}

/** Cycles after a kill before work still pending counts as stranded. */
const MAX_CATCH_UP_CYCLES = 3;

/** Where the local runner keeps its sample feed's clock anchor (see local-runtime.ts). */
const FEED_ANCHOR_FILE = 'feed-anchor.json';

export interface KillBaseline {
  recount: Recount;
  cycleMs: number;
  problems: string[];
  /** The baseline's feed-anchor.json, copied into each kill run's fresh data directory. */
  feedAnchor: string;
}

export interface KillOutcome {
  name: string;
  problems: string[];
  detail: string;
}

/** The fault-free reference: one `local --once --fresh`, its recount and how long its cycle took. */
export async function killBaseline(): Promise<KillBaseline> {
  const dataDir = await mkdtemp(join(tmpdir(), 'prospector-kill-base-'));
  const notices = await startNoticeReceiver();
  try {
    const run = await runRunner(dataDir, notices.url, { fresh: true });
    const recount = await recountDataDir(dataDir);
    const problems = checkInvariants(recount, recount, { notices: notices.perLead() });
    const feedAnchor = await readFile(join(dataDir, FEED_ANCHOR_FILE), 'utf8');
    return { recount, cycleMs: run.cycleMs, problems, feedAnchor };
  } finally {
    await notices.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * `kill -9` of the local runner at a seeded random point of its cycle, then a restart on the same
 * data (`local --once`, no --fresh), then the invariants against the fault-free run. Notices of
 * both runs go to one receiver, so a notice sent twice, or never, shows.
 */
export async function killScenario(seed: number, baseline: KillBaseline): Promise<KillOutcome> {
  // Golden-ratio steps spread the seeds over the whole cycle; the seeded jitter moves each point a little.
  const point = (seed * 0.618_033_988_7 + 0.1 * seededRandom(seed)()) % 1;
  const killAfterMs = Math.round(point * baseline.cycleMs);
  const name = `kill-9 seed ${seed} (at ${(killAfterMs / 1000).toFixed(1)} s into the cycle)`;
  const dataDir = await mkdtemp(join(tmpdir(), 'prospector-kill-'));
  const notices = await startNoticeReceiver();
  try {
    // The sample feed is dated against its data directory's anchor (its X ids move with it): this
    // run starts from the baseline's anchor, so both serve the same ids and the sets compare.
    await writeFile(join(dataDir, FEED_ANCHOR_FILE), baseline.feedAnchor);
    const first = await runRunner(dataDir, notices.url, { fresh: false, killAfterMs });
    await runRunner(dataDir, notices.url, { fresh: false });
    // Each phase of a cycle stops at its time budget and leaves the rest pending for the next
    // cycle, as the schedule would run it: on a loaded machine the restart may need more cycles.
    let recount = await recountDataDir(dataDir);
    let cycles = 1;
    while (cycles < MAX_CATCH_UP_CYCLES && [...recount.leads.values()].some((lead) => lead.pending)) {
      await runRunner(dataDir, notices.url, { fresh: false });
      recount = await recountDataDir(dataDir);
      cycles++;
    }
    const problems = checkInvariants(recount, baseline.recount, { notices: notices.perLead() });
    const how = first.killed ? 'killed, restarted' : 'finished before the kill, rerun';
    return { name, problems, detail: `${how} (${cycles} cycle${cycles === 1 ? '' : 's'} after)` };
  } finally {
    await notices.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
