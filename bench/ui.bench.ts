/**
 * npm run bench:ui — time to interactive of the review queue in Chromium with 2,000 leads in
 * review on DynamoDB Local. "Interactive" is the app's own `queue-interactive` performance mark:
 * set once the first page of cards is in the DOM, after the key handler is attached. Several
 * cold loads (a new browser context each); the median is the figure (target < 1,000 ms).
 */
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from '../functions/review-api/app.ts';
import { ensureTable } from '../local/create-resources.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LocalIdentity } from '../local/runner/local-identity.ts';
import { buildUi } from '../scripts/build-ui.ts';
import { buildStores } from '../shared/adapters/build.ts';
import type { BreakdownEntry } from '../shared/domain/scoring.ts';
import { systemClock } from '../shared/ports/clock.ts';
import { silentLog } from '../shared/ports/log.ts';
import { launchChromium } from '../test/e2e/chromium.ts';

const LEADS = 2_000;
const LOADS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const ui = await buildUi();
const dynamo = await startDynamoDbLocal();
const server: { close?: () => void } = {};
try {
  const name = `bench-ui-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.endpoint, name);
  const stores = buildStores({
    TABLE_NAME: name,
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    RETENTION_DAYS: 180,
  });
  const seedStart = performance.now();
  const now = new Date();
  const seedOne = async (i: number) => {
    const authorId = String(100_000 + i);
    const postId = String(9_000_000 + i);
    const at = new Date(now.getTime() - i * 60_000).toISOString();
    const text = `Looking for an alternative to HubSpot for our team of ${i % 40} reps, any POC tips? (${i})`;
    const url = `https://x.com/p${authorId}/status/${postId}`;
    await stores.posts.recordPost(
      {
        post: {
          source: 'x',
          id: postId,
          text,
          url,
          createdAt: at,
          authorId,
          kind: 'original',
          metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
          campaignIds: ['crm'],
        },
        author: {
          source: 'x',
          authorId,
          handle: `p${authorId}`,
          name: `Person ${i}`,
          bio: 'VP Sales at a growing SaaS company',
          url: 'https://example.com',
          followers: 500 + i,
          following: 10,
          postsCount: 100,
          verified: false,
        },
        signal: { postId, postKind: 'original', campaignIds: ['crm'], at, text, url },
      },
      now,
    );
    const key = `x#${authorId}`;
    const lead = await stores.leads.getLead(key);
    const breakdown: BreakdownEntry[] = [
      { ruleId: 'fit.title.executive', kind: 'fit.keyword', points: 20, evidence: 'VP' },
      { ruleId: 'intent.shopping', kind: 'intent.phrase', points: 15, evidence: 'alternative to', postId },
      { ruleId: 'intent.competitor', kind: 'intent.competitor', points: 10, evidence: 'HubSpot', postId },
    ];
    const saved = await stores.leads.saveScore(
      key,
      lead?.revision ?? 0,
      { score: 30 + (i % 30), breakdown, definitionVersion: 1, state: 'review' },
      now,
    );
    if (!saved) throw new Error(`could not seed ${key}`);
  };
  for (let i = 0; i < LEADS; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => seedOne(i + j)));
  const seedMs = Math.round(performance.now() - seedStart);

  const identity = new LocalIdentity();
  const app = createApp({
    ...stores,
    queue: { send: async () => {} } as never,
    clock: systemClock,
    log: silentLog,
    identify: identity.identify,
  });
  const port = await new Promise<number>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    server.close = () => s.close();
  });
  const token = identity.sign({ id: 'bench-marketer', roles: ['marketer'] });
  const base = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  const runs: number[] = [];
  const cards: number[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/#token=${token}`);
      await page.waitForFunction(
        () => performance.getEntriesByName('queue-interactive').length > 0,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const ms = await page.evaluate(() => performance.getEntriesByName('queue-interactive')[0]!.startTime);
      if (i > 0) runs.push(Math.round(ms)); // the first load warms the server's code paths
      cards.push(await page.locator('article.lead').count());
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const result = {
    bench: 'ui-queue-time-to-interactive',
    leadsInReview: (await stores.leads.countLeads()).review ?? null,
    loads: runs.length,
    medianMs: median(runs),
    maxMs: Math.max(...runs),
    runsMs: runs,
    cardsOnFirstPage: cards.at(-1),
    targetMs: 1_000,
    met: median(runs) < 1_000,
    bundleBytes: ui.bytes,
    seedMs,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  server.close?.();
  await dynamo.stop();
}
