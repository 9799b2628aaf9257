/**
 * npm run bench:discover — posts stored per second from the fake X server into DynamoDB Local,
 * and DynamoDB write requests per new post. Three runs on fresh tables; medians reported.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ensureTable } from '../local/create-resources.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { loadFeed } from '../local/fake-x/feed.ts';
import { startFakeXServer } from '../local/fake-x/server.ts';
import { SAMPLE_FEED } from '../local/stack.ts';
import { buildStores, buildXSource } from '../shared/adapters/build.ts';
import { CampaignSchema } from '../shared/domain/campaign.ts';
import { systemClock } from '../shared/ports/clock.ts';
import { silentLog } from '../shared/ports/log.ts';
import { noMetrics } from '../shared/ports/metrics.ts';
import { discoverPosts } from '../shared/use-cases/discover-posts.ts';

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const campaigns = z
  .array(CampaignSchema)
  .parse(
    JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'data', 'sample-feed', 'campaigns.json'), 'utf8'),
    ),
  );
const dynamo = await startDynamoDbLocal();
const x = await startFakeXServer({ feed: loadFeed(SAMPLE_FEED) });
const results: {
  postsPerSecond: number;
  writesPerNewPost: number;
  itemsPerNewPost: number;
  postsNew: number;
}[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const name = `bench-${randomUUID().slice(0, 8)}`;
    await ensureTable(dynamo.endpoint, name);
    const stores = buildStores({
      TABLE_NAME: name,
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      RETENTION_DAYS: 180,
    });
    for (const c of campaigns) await stores.campaigns.putCampaign(c);
    const counts = { requests: 0, items: 0 };
    stores.table.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITES.has(String(context.commandName))) {
          counts.requests++;
          const input = args.input as { TransactItems?: unknown[] };
          counts.items += input.TransactItems?.length ?? 1;
        }
        return next(args);
      },
      { step: 'initialize', name: 'countWrites' },
    );
    const started = performance.now();
    const result = await discoverPosts(
      {
        ...stores,
        sources: { x: buildXSource({ X_API_BASE_URL: x.url, X_TLS_INSECURE: true }, 'local-token') },
        clock: systemClock,
        log: silentLog,
        metrics: noMetrics,
      },
      {
        pageSize: 100,
        maxPagesPerCampaign: 100,
        backfillDays: 7,
        remainingMs: () => 600_000,
        minRemainingMs: 0,
        accountMonthlyBudget: 1e9,
        force: true,
        concurrency: 3,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const postsNew = result.runs.reduce((n, r) => n + r.postsNew, 0);
    results.push({
      postsPerSecond: postsNew / seconds,
      writesPerNewPost: counts.requests / postsNew,
      itemsPerNewPost: counts.items / postsNew,
      postsNew,
    });
    console.error(
      `run ${run + 1}: ${postsNew} new posts in ${seconds.toFixed(2)} s, ${counts.requests} write requests (${counts.items} items)`,
    );
  }
} finally {
  await x.stop();
  await dynamo.stop();
}
const summary = {
  runs: RUNS,
  postsNew: results[0]?.postsNew,
  postsPerSecond: Math.round(median(results.map((r) => r.postsPerSecond))),
  writesPerNewPost: Math.round(median(results.map((r) => r.writesPerNewPost)) * 1000) / 1000,
  writeItemsPerNewPost: Math.round(median(results.map((r) => r.itemsPerNewPost)) * 1000) / 1000,
};
console.log(JSON.stringify(summary));
