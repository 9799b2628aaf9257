import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookNotifier } from '../../shared/adapters/webhook/webhook-notifier.ts';
import type { MqlNotice } from '../../shared/domain/mql-notice.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { noMetrics } from '../../shared/ports/metrics.ts';
import type { Outbox } from '../../shared/ports/outbox.ts';
import type { TaskStore } from '../../shared/ports/task-store.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { type CycleDeps, runDiscoveryCycle } from '../../shared/use-cases/run-discovery-cycle.ts';
import { testDefinition } from '../support/definition.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const now = new Date();
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const options = {
  pageSize: 10,
  maxPagesPerCampaign: 1,
  backfillDays: 7,
  remainingMs: () => 600_000,
  minRemainingMs: 1_000,
  accountMonthlyBudget: 1_000,
};

/** The same store with one method replaced: a process that dies there (for the keys `when` picks). */
function crashing<T extends object>(
  store: T,
  method: keyof T,
  when: (key: unknown) => boolean = () => true,
): T {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === method)
        return async (...args: unknown[]) => {
          if (when(args[0])) throw new Error(`crash in ${String(method)}`);
          return (Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown).apply(target, args);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('what must follow a scoring transition survives a crash', () => {
  let hook: WebhookReceiver;
  let deps: CycleDeps;
  const notices = () => hook.received.flatMap((m) => (m as { mqls: MqlNotice[] }).mqls.map((n) => n.key));
  const drafts = async () =>
    (await deps.tasks.listTasks('drafted', 100)).items.map((t) => t.prospectKey).sort();

  beforeEach(async () => {
    hook = await startWebhookReceiver();
    const stores = await freshStores();
    const { queue } = await freshQueue();
    deps = {
      ...stores,
      queue,
      sources: {},
      clock: { now: () => now },
      log: silentLog,
      metrics: noMetrics,
      notifier: new WebhookNotifier({ url: hook.url }),
    };
    await publishDefinition(deps, { document: v1, author: 'marketing', note: 'v1' });
    // x#1 becomes an MQL (70 points), x#2 goes to review (45), x#3 to nurture (no intent).
    await seedPost(
      stores.posts,
      { authorId: '1', postId: '101', text: 'evaluating a new CRM, any recommendations?' },
      now,
    );
    await seedPost(stores.posts, { authorId: '2', postId: '102', text: 'Salesforce again' }, now);
    await seedPost(stores.posts, { authorId: '3', postId: '103', text: 'hello world' }, now);
  });
  afterAll(() => hook?.stop());

  it('drafts once and announces once in the next cycle after a crash between scoring and drafting', async () => {
    const crashed = { ...deps, tasks: crashing<TaskStore>(deps.tasks, 'putDraft') };

    await expect(runDiscoveryCycle(crashed, options)).rejects.toThrow('crash in putDraft');
    const scored = await deps.leads.listByState('mql', 10);
    const afterCrash = { drafts: await drafts(), notices: notices() };
    const next = await runDiscoveryCycle(deps, options);
    const again = await runDiscoveryCycle(deps, options);

    expect(scored.items.map((l) => l.key)).toEqual(['x#1']);
    expect(afterCrash).toEqual({ drafts: [], notices: [] });
    expect(next.qualified).toBe(0);
    expect(await drafts()).toEqual(['x#1', 'x#2']);
    expect(notices()).toEqual(['x#1']);
    expect({ drafted: next.tasksDrafted, announced: next.mqlsAnnounced }).toEqual({
      drafted: 2,
      announced: 1,
    });
    expect({ drafted: again.tasksDrafted, announced: again.mqlsAnnounced }).toEqual({
      drafted: 0,
      announced: 0,
    });
    expect((await deps.outbox.listFollowUps(10)).items).toEqual([]);
  });

  it('neither drafts nor announces again when the crash comes after the effects, before the outbox item is removed', async () => {
    // x#1's notice went out and its marker was written; the process dies removing its outbox item.
    const crashed = { ...deps, outbox: crashing<Outbox>(deps.outbox, 'complete', (key) => key === 'x#1') };

    await expect(runDiscoveryCycle(crashed, options)).rejects.toThrow('crash in complete');
    const next = await runDiscoveryCycle(deps, options);

    expect(await drafts()).toEqual(['x#1', 'x#2']);
    expect(notices()).toEqual(['x#1']);
    expect({ drafted: next.tasksDrafted, announced: next.mqlsAnnounced }).toEqual({
      drafted: 0,
      announced: 0,
    });
    expect((await deps.outbox.listFollowUps(10)).items).toEqual([]);
  });

  it('keeps a follow-up whose notice failed and sends it in the next cycle', async () => {
    hook.answers.push(500, 500, 500);

    const first = await runDiscoveryCycle(deps, options);
    const next = await runDiscoveryCycle(deps, options);

    expect(first.mqlsAnnounced).toBe(0);
    expect(next.mqlsAnnounced).toBe(1);
    expect(hook.received.length).toBeGreaterThan(1);
    expect(await drafts()).toEqual(['x#1', 'x#2']);
    expect((await deps.outbox.listFollowUps(10)).items).toEqual([]);
  });
});
