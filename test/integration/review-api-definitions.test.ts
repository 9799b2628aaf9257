import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { taskId } from '../../shared/domain/engagement-task.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const {
  version: _v,
  author: _a,
  note: _n,
  publishedAt: _p,
  ...v1
} = testDefinition({
  engagement: [{ id: 'engagement.replied', kind: 'engagement.replied', points: 40 }],
});
const json = (body: unknown, user = 'maria') => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', 'x-user': user },
});

describe('the review API: the MQL definition, engagement and opt-outs', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock,
      log: silentLog,
      identify: everyRole(),
    });
    await stores.definitions.publishDefinition(
      { draft: v1, author: 'ops', note: 'v1', basedOn: undefined },
      new Date(),
    );
    await seedPost(stores.posts, {
      authorId: '42',
      postId: '500',
      text: 'thinking about our CRM',
      handle: 'ana',
    });
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });
  });

  it('publishes a new version over the API, refusing a stale base and naming invalid fields', async () => {
    const stricter = { ...v1, thresholds: { mql: 80, reviewFloor: 30, requireIntent: true } };

    const invalid = await app.request(
      '/api/mql',
      json({ definition: { ...v1, halfLifeDays: -1 }, note: 'oops', basedOn: 1 }),
    );
    const published = await app.request(
      '/api/mql',
      json({ definition: stricter, note: 'raise the bar', basedOn: 1 }),
    );
    const stale = await app.request(
      '/api/mql',
      json({ definition: v1, note: 'late edit', basedOn: 1 }, 'bo'),
    );
    const versions = (await (await app.request('/api/mql/versions')).json()) as {
      version: number;
      author: string;
    }[];
    const diff = (await (await app.request('/api/mql/diff?from=1&to=2')).json()) as { changes: string[] };

    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: string }).error).toContain('halfLifeDays');
    expect(published.status).toBe(201);
    expect(stale.status).toBe(409);
    expect(versions.map((v) => [v.version, v.author])).toEqual([
      [1, 'ops'],
      [2, 'maria'],
    ]);
    expect(diff.changes).toEqual(['~ thresholds.mql 50 -> 80', '~ thresholds.reviewFloor 25 -> 30']);
  });

  it('re-scores a prospect who replied to us, with the engagement in the breakdown', async () => {
    const before = await stores.leads.getLead('x#42');

    const recorded = await app.request(
      '/api/leads/x/42/engagement',
      json({ kind: 'replied', postId: '500' }),
    );
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });

    expect(recorded.status).toBe(202);
    const after = await stores.leads.getLead('x#42');
    expect(after?.breakdown.find((b) => b.ruleId === 'engagement.replied')).toMatchObject({
      points: 40,
      postId: '500',
    });
    expect(after?.score).toBeCloseTo((before?.score ?? 0) + 40, 0);
  });

  it('disqualifies a prospect who opts out and cancels their open engagement tasks', async () => {
    const id = taskId('x#42', 'reply', '500');
    await stores.tasks.putDraft({
      id,
      prospectKey: 'x#42',
      source: 'x',
      kind: 'reply',
      postId: '500',
      draft: 'hi',
      status: 'drafted',
      createdAt: new Date().toISOString(),
    });

    const response = await app.request('/api/leads/x/42/opt-out', json({ optedOut: true }));
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });

    expect(await response.json()).toEqual({ tasksCancelled: 1 });
    expect(await stores.leads.getLead('x#42')).toMatchObject({
      state: 'disqualified',
      optedOut: true,
      breakdown: [{ ruleId: 'opt-out' }],
    });
    expect((await stores.tasks.getTask('x#42', id))?.status).toBe('skipped');
    expect((await app.request('/api/leads/x/404/opt-out', json({ optedOut: true }))).status).toBe(404);
  });
});
