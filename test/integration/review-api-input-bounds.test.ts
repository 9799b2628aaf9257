import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { cursorSeal } from '../../functions/review-api/page-cursor.ts';
import { encodeCursor } from '../../shared/adapters/dynamodb/table.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const KEY = 'k'.repeat(32);
const NOW = new Date('2026-11-21T12:00:00.000Z');
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const post = (body: unknown) => ({
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('the review API refuses bad cursors and unbounded input with a 4xx naming the field', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => NOW },
      log: silentLog,
      identify: everyRole('maria'),
      cursorKey: KEY,
    });
    await stores.definitions.publishDefinition(
      { draft: v1, author: 'ops', note: 'v1', basedOn: undefined },
      NOW,
    );
    for (const id of ['1', '2', '3']) {
      const changedAt = new Date(NOW.getTime() - Number(id) * 3_600_000);
      await seedPost(stores.posts, { authorId: id, postId: `9${id}`, text: 'evaluating CRMs' }, changedAt);
      const update = { score: 40, breakdown: [], definitionVersion: 1, state: 'review' as const };
      await stores.leads.saveScore(`x#${id}`, 1, update, changedAt);
    }
  });

  it('pages with the cursors it signed, and answers 400 to a crafted, tampered or misused one', async () => {
    const first = (await (await app.request('/api/leads?state=review&limit=1')).json()) as {
      nextCursor: string;
    };
    const second = await app.request(`/api/leads?state=review&limit=1&cursor=${first.nextCursor}`);
    expect(second.status).toBe(200);

    const unsigned = encodeCursor({ gsi1pk: 'STATE#review', pk: 'x', sk: 'y', gsi1sk: 'z' })!;
    const tampered = `${first.nextCursor.slice(0, -2)}AA`;
    for (const cursor of ['garbage', unsigned, tampered, `${unsigned}.${'A'.repeat(43)}`, 'x'.repeat(5000)]) {
      const res = await app.request(`/api/leads?state=review&cursor=${encodeURIComponent(cursor)}`);
      expect({ cursor: cursor.slice(0, 20), status: res.status }).toEqual({
        cursor: cursor.slice(0, 20),
        status: 400,
      });
      expect(await errorOf(res)).toMatch(/^cursor/);
    }
    // Signed, but for another list: a review-queue cursor does not page the MQLs or the tasks.
    expect((await app.request(`/api/leads?state=mql&cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await app.request(`/api/tasks?cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await app.request(`/api/tasks?cursor=${unsigned}`)).status).toBe(400);
  });

  it('refuses a changes.csv cursor outside the window, even one signed with the right key', async () => {
    const crafted = encodeCursor({ day: '0001-01-01' })!;
    const unsigned = await app.request(`/api/leads/changes.csv?since=2026-11-20T00:00:00Z&cursor=${crafted}`);
    expect(unsigned.status).toBe(400);
    // Someone holding the key (or a cursor from an older, wider pull) still cannot walk back a year.
    const signed = cursorSeal(KEY).seal('changes', crafted)!;
    const outside = await app.request(`/api/leads/changes.csv?since=2026-11-20T00:00:00Z&cursor=${signed}`);
    expect(outside.status).toBe(400);
    expect(await errorOf(outside)).toContain('outside the window 2026-11-20..');
    const inside = cursorSeal(KEY).seal('changes', encodeCursor({ day: '2026-11-21' }))!;
    expect(
      (await app.request(`/api/leads/changes.csv?since=2026-11-20T00:00:00Z&cursor=${inside}`)).status,
    ).toBe(200);
  });

  it('refuses author ids that are not the network’s, before they reach DynamoDB', async () => {
    const long = await app.request(`/api/leads/x/${'1'.repeat(3000)}`);
    expect(long.status).toBe(400);
    expect(await errorOf(long)).toBe('authorId: not a x author id');
    expect(await errorOf(await app.request('/api/leads/myspace/1'))).toMatch(/^source: /);
    expect((await app.request('/api/leads/x/not-a-snowflake')).status).toBe(400);
    expect((await app.request('/api/leads/reddit/t2_abc')).status).toBe(404); // well formed, unknown
    const task = await app.request(`/api/tasks/x/1/${'t'.repeat(500)}/approve`, post({}));
    expect(await errorOf(task)).toMatch(/^taskId: /);
  });

  it('bounds engagement reports: post id shape, body size, and how many a lead keeps', async () => {
    const huge = await app.request(
      '/api/leads/x/1/engagement',
      post({ kind: 'replied', postId: 'p'.repeat(300_000) }),
    );
    expect(huge.status).toBe(413);
    const long = await app.request(
      '/api/leads/x/1/engagement',
      post({ kind: 'replied', postId: '9'.repeat(1000) }),
    );
    expect(long.status).toBe(400);
    expect(await errorOf(long)).toMatch(/^postId: /);
    const extra = await app.request('/api/leads/x/1/engagement', post({ kind: 'replied', score: 100 }));
    expect(await errorOf(extra)).toContain('score');

    for (let i = 0; i < 100; i++)
      await stores.leads.recordEngagement('x#2', { kind: 'mentioned', at: NOW.toISOString() }, NOW);
    const full = await app.request('/api/leads/x/2/engagement', post({ kind: 'replied', postId: '77' }));
    expect(full.status).toBe(409);
    expect(await errorOf(full)).toMatch(/^engagement: /);
    expect((await stores.leads.getLead('x#2'))?.engagement).toHaveLength(100);
    expect(
      (await app.request('/api/leads/x/1/engagement', post({ kind: 'replied', postId: '77' }))).status,
    ).toBe(202);
  });

  it('refuses hidden characters in reasons and notes, naming the field, and writes nothing', async () => {
    const before = (await stores.leads.getLead('x#3'))?.revision;
    for (const reason of ['fine \u202Egnp.exe', 'ok\u0007ok', 'ok \u2066hidden\u2069']) {
      const res = await app.request('/api/leads/x/3/decision', post({ to: 'nurture', reason }));
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe('reason: contains control or bidirectional-override characters');
    }
    expect((await stores.leads.getLead('x#3'))?.revision).toBe(before);
    const note = await app.request('/api/mql', post({ definition: v1, note: 'v2\u202E', basedOn: 1 }));
    expect(await errorOf(note)).toMatch(/^note: /);
  });

  it('answers 422 naming a misspelt definition key, points too large to store, and lists too long', async () => {
    const publish = (definition: unknown) =>
      app.request('/api/mql', post({ definition, note: 'change', basedOn: 1 }));
    const typo = await publish({ ...v1, thresholds: { mql: 50, reviewFloor: 25, requireIntnet: false } });
    expect(typo.status).toBe(422);
    expect(await errorOf(typo)).toContain('thresholds: Unrecognized key: "requireIntnet"');

    const points = await publish({ ...v1, fit: [{ ...v1.fit[0], points: 1e200 }] });
    expect(points.status).toBe(422);
    expect(await errorOf(points)).toContain('fit.0.points: Too big');

    const handles = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);
    const dq = (n: number) => [{ id: 'dq.staff', kind: 'dq.handle', handles: handles(n) }];
    expect((await publish({ ...v1, disqualifiers: dq(60_000) })).status).toBe(413);
    // Every write route limits its body, the reason codes too (a route of its own, not under a prefix).
    const codes = await app.request('/api/codes', post({ codes: handles(60_000), note: 'big', basedOn: 0 }));
    expect(codes.status).toBe(413);
    const tooMany = await publish({ ...v1, disqualifiers: dq(6_000) });
    expect(tooMany.status).toBe(422);
    expect(await errorOf(tooMany)).toContain('disqualifiers.0.handles: Too big');
    expect((await stores.definitions.currentDefinition())?.version).toBe(1);
  });
});
