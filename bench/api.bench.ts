/**
 * npm run bench:api — `GET /api/leads?state=review` on loopback with 2,000 leads in review
 * (issue 13, item 8: p99 under 100 ms at 200 requests/s for 30 s). DynamoDB Local holds the
 * leads; this process serves the review API (`createApp`, as `npm start` does) and autocannon
 * loads it from a separate process, so the load generator does not share our event loop.
 * Prints one JSON line: {p50Ms, p99Ms, rps, errors, non2xx, leads, load}.
 * Options: BENCH_RATE (200), BENCH_SECONDS (30), BENCH_LEADS (2000), BENCH_LIMIT (25, page size).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../functions/review-api/app.ts';
import { ensureTable } from '../local/create-resources.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LocalIdentity } from '../local/runner/local-identity.ts';
import { buildStores } from '../shared/adapters/build.ts';
import { systemClock } from '../shared/ports/clock.ts';
import { silentLog } from '../shared/ports/log.ts';
import type { TaskQueue } from '../shared/ports/task-queue.ts';
import { seedLead } from '../test/support/seed-lead.ts';

const run = promisify(execFile);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const LEADS = Number(process.env.BENCH_LEADS ?? 2_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 25);
const SEED_CONCURRENCY = 16;

const dynamo = await startDynamoDbLocal();
try {
  const name = `bench-api-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.endpoint, name);
  const stores = buildStores({
    TABLE_NAME: name,
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    RETENTION_DAYS: 180,
  });
  const seedStart = performance.now();
  const now = new Date();
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let n = next++; n < LEADS; n = next++)
        await seedLead(stores, { n: n + 1, score: 25 + (n % 50), campaign: n % 3 ? 'crm' : 'hr' }, now);
    }),
  );
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // The read path never enqueues; a queue that refuses keeps the bench honest about that.
  const refuse = async () => {
    throw new Error('the bench does not enqueue');
  };
  const queue: TaskQueue = { send: refuse, deferMessage: refuse };
  const identity = new LocalIdentity();
  const app = createApp({
    ...stores,
    queue,
    clock: systemClock,
    log: silentLog,
    identify: identity.identify,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const token = identity.sign({ id: 'bench-marketer', roles: ['marketer'] });
  const url = `http://127.0.0.1:${port}/api/leads?state=review&limit=${LIMIT}`;

  const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const first = (await check.json()) as { items: unknown[] };
  if (check.status !== 200 || first.items.length !== Math.min(LIMIT, LEADS))
    throw new Error(`the queue answered ${check.status} with ${first.items.length} leads`);

  const autocannon = join(import.meta.dirname, '..', 'node_modules', '.bin', 'autocannon');
  const { stdout } = await run(
    autocannon,
    ['-j', '-c', '20', '-R', String(RATE), '-d', String(SECONDS), '-H', `authorization=Bearer ${token}`, url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    latency: { p50: number; p99: number; max: number };
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  server.close();
  console.log(
    JSON.stringify({
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      rps: result.requests.average,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      leads: LEADS,
      pageSize: LIMIT,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      load: loadavg().map((l) => Math.round(l * 100) / 100),
    }),
  );
} finally {
  await dynamo.stop();
}
