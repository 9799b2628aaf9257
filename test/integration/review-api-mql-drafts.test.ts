import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const send = (method: string, body?: unknown, user = 'ann') => ({
  method,
  headers: { 'content-type': 'application/json', 'x-user': user },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('the review API: drafting, previewing and publishing the MQL definition', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({ ...stores, queue, clock, log: silentLog, identify: everyRole() });
    await stores.definitions.publishDefinition(
      { draft: v1, author: 'ops', note: 'v1', basedOn: undefined },
      new Date(),
    );
    for (let i = 0; i < 3; i++)
      await seedPost(stores.posts, {
        authorId: String(i),
        postId: String(200 + i),
        text: 'we are evaluating a CRM',
      });
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });
  });

  it('reads a version as rules in words', async () => {
    const res = await app.request('/api/mql/words?version=1', send('GET'));
    const missing = await app.request('/api/mql/words?version=9', send('GET'));

    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; words: { summary: string[] } };
    expect(body.version).toBe(1);
    expect(body.words.summary[0]).toMatch(/MQL at 50 points/);
    expect(missing.status).toBe(404);
  });

  it("keeps each editor's own draft and refuses an invalid one naming the key", async () => {
    const stricter = { ...v1, thresholds: { mql: 90, reviewFloor: 25, requireIntent: true } };

    const saved = await app.request(
      '/api/mql/draft',
      send('PUT', { definition: stricter, basedOn: 1, note: 'raise it' }),
    );
    const invalid = await app.request(
      '/api/mql/draft',
      send('PUT', { definition: { ...v1, halfLifeDays: -1 }, basedOn: 1 }),
    );
    const mine = await app.request('/api/mql/draft', send('GET'));
    const theirs = await app.request('/api/mql/draft', send('GET', undefined, 'bob'));

    expect(saved.status).toBe(200);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/halfLifeDays/);
    expect(await mine.json()).toMatchObject({
      author: 'ann',
      basedOn: 1,
      note: 'raise it',
      document: { thresholds: { mql: 90 } },
    });
    expect(theirs.status).toBe(404);
  });

  it('previews the impact without storing anything, then publishes from the base the editor started with', async () => {
    const stricter = { ...v1, thresholds: { mql: 90, reviewFloor: 25, requireIntent: true } };
    const stateBefore = await stores.leads.countLeads();

    const impact = await app.request('/api/mql/impact', send('POST', { definition: stricter }));
    const stateAfter = await stores.leads.countLeads();
    const published = await app.request(
      '/api/mql',
      send('POST', { definition: stricter, note: 'raise it', basedOn: 1 }),
    );
    const stale = await app.request(
      '/api/mql',
      send('POST', { definition: v1, note: 'my old draft', basedOn: 1 }),
    );

    expect(impact.status).toBe(200);
    expect(await impact.json()).toMatchObject({
      comparedWith: 1,
      checked: 3,
      moves: [{ from: 'mql', to: 'review', count: 3 }],
    });
    expect(stateAfter).toEqual(stateBefore);
    expect(published.status).toBe(201);
    expect(stale.status).toBe(409);
    expect((await stores.definitions.currentDefinition())?.version).toBe(2);
  });
});
