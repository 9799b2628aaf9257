import { beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../shared/ports/log.ts';
import { noMetrics } from '../../shared/ports/metrics.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { type CycleDeps, runDiscoveryCycle } from '../../shared/use-cases/run-discovery-cycle.ts';
import { testDefinition } from '../support/definition.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();

async function pendingCount(deps: CycleDeps): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.leads.listPending(100, cursor);
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('the cycle keeps to its time budget after discovery', () => {
  let deps: CycleDeps;

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    deps = {
      ...stores,
      queue,
      sources: {},
      clock: { now: () => now },
      log: silentLog,
      metrics: noMetrics,
    };
    await publishDefinition(deps, { document: v1, author: 'marketing', note: 'v1' });
    // No re-score job: only the pending index holds these prospects, as after a normal discovery.
    await deps.definitions.saveRescoreJob(undefined);
    for (let i = 0; i < 130; i++)
      await seedPost(stores.posts, { authorId: String(i), postId: String(10_000 + i), text: 'hello' }, now);
  });

  it('stops qualifying at its share of the remaining time, returns before the timeout, and the next cycle resumes', async () => {
    // A Lambda with 300 s left in which each batch of 50 prospects takes 100 s (a slow table).
    let left = 300_000;
    const slow: CycleDeps = {
      ...deps,
      leads: new Proxy(deps.leads, {
        get(target, prop) {
          const value = Reflect.get(target, prop);
          if (prop !== 'listPending') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: Parameters<typeof target.listPending>) => {
            left -= 100_000;
            return target.listPending(...args);
          };
        },
      }),
    };
    const options = {
      pageSize: 10,
      maxPagesPerCampaign: 1,
      backfillDays: 7,
      minRemainingMs: 20_000,
      accountMonthlyBudget: 1_000,
    };

    const cut = await runDiscoveryCycle(slow, { ...options, remainingMs: () => left });
    const leftAfterCut = { pending: await pendingCount(deps), timeLeft: left };
    const resumed = await runDiscoveryCycle(deps, { ...options, remainingMs: () => 300_000 });

    expect(cut.outOfTime).toContain('qualify');
    expect(cut.qualified).toBe(100);
    expect(leftAfterCut).toEqual({ pending: 30, timeLeft: 100_000 });
    expect(resumed.qualified).toBe(30);
    expect(resumed.outOfTime).toEqual([]);
    expect(await pendingCount(deps)).toBe(0);
  });

  it('re-classifies for a new model version within its own phase share, and the next cycles finish the walk once', async () => {
    let left = 300_000;
    const classified: string[] = [];
    // Each classify call of the new version takes 50 s of the invocation (a slow encoder).
    const classifier = {
      version: 'v2',
      classify: async (texts: readonly string[]) => {
        left -= 50_000;
        classified.push(...texts);
        return texts.map(() => 0.4);
      },
    };
    const options = {
      pageSize: 10,
      maxPagesPerCampaign: 1,
      backfillDays: 7,
      minRemainingMs: 20_000,
      accountMonthlyBudget: 1_000,
    };

    const cut = await runDiscoveryCycle({ ...deps, classifier }, { ...options, remainingMs: () => left });
    const classifiedByCut = classified.length;
    const rest = await runDiscoveryCycle({ ...deps, classifier }, { ...options, remainingMs: () => 300_000 });
    const idle = await runDiscoveryCycle({ ...deps, classifier }, { ...options, remainingMs: () => 300_000 });

    // 0.3 of the 290 s above the reserve is 87 s: two slow pages, then the phase stops.
    expect(cut.outOfTime).toContain('intent');
    expect(classifiedByCut).toBe(cut.reclassified);
    expect(cut.reclassified).toBeGreaterThan(0);
    expect(cut.reclassified).toBeLessThan(130);
    expect(cut.reclassified + rest.reclassified).toBe(130);
    expect(rest.outOfTime).toEqual([]);
    expect(idle.reclassified).toBe(0);
    expect(classified).toHaveLength(130);
    expect(await pendingCount(deps)).toBe(0);
  });
});
