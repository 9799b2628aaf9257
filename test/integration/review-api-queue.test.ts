import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedLead } from '../support/seed-lead.ts';

type LeadPage = { items: { key: string; score: number }[]; nextCursor?: string };
const NOW = new Date('2026-11-21T12:00:00.000Z');

describe('the review queue filters by campaign, source and score, and counts what waits', () => {
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as LeadPage & { error?: string } };
  };
  /** Every page of a filtered list, following the cursors (a filtered page may be short). */
  const all = async (query: string) => {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await get(`/api/leads?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      keys.push(...body.items.map((l) => l.key));
      cursor = body.nextCursor;
    } while (cursor);
    return keys;
  };

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => NOW },
      log: silentLog,
      identify: everyRole('maria'),
    });
    await seedLead(stores, { n: 1, score: 40, campaign: 'crm' }, NOW);
    await seedLead(stores, { n: 2, score: 55, campaign: 'hr', source: 'reddit' }, NOW);
    await seedLead(stores, { n: 3, score: 30, campaign: 'crm', source: 'reddit' }, NOW);
    await seedLead(stores, { n: 4, score: 48.5, campaign: 'hr' }, NOW);
    await seedLead(stores, { n: 5, score: 80, state: 'mql' }, NOW);
    await seedLead(stores, { n: 6, score: 10, state: 'nurture' }, NOW);
  });

  it('lists the whole queue highest score first, and narrows it by each filter', async () => {
    expect(await all('state=review')).toEqual(['reddit#t2_2', 'x#4', 'x#1', 'reddit#t2_3']);
    expect(await all('state=review&campaign=crm')).toEqual(['x#1', 'reddit#t2_3']);
    expect(await all('state=review&source=reddit')).toEqual(['reddit#t2_2', 'reddit#t2_3']);
    expect(await all('state=review&minScore=40&maxScore=50')).toEqual(['x#4', 'x#1']);
    expect(await all('state=review&minScore=48.5')).toEqual(['reddit#t2_2', 'x#4']);
    expect(await all('state=review&campaign=hr&source=x&sort=score')).toEqual(['x#4']);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['minScore=60&maxScore=50', /^maxScore: must be at least minScore/],
      ['minScore=-1', /^minScore: /],
      ['maxScore=abc', /^maxScore: /],
      ['source=myspace', /^source: /],
      ['campaign=a%20b', /^campaign: /],
      ['sort=oldest', /^sort: /],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await get(`/api/leads?${query}`);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.error).toMatch(message);
    }
  });

  it('binds a cursor to its filters: a review cursor does not page a filtered list', async () => {
    const { body } = await get('/api/leads?state=review&limit=1');
    expect(body.nextCursor).toBeDefined();
    expect((await get(`/api/leads?state=review&campaign=hr&cursor=${body.nextCursor}`)).status).toBe(400);
  });

  it('counts the leads in every state', async () => {
    const res = await app.request('/api/leads/counts');
    expect(res.status).toBe(200);
    const { counts } = (await res.json()) as { counts: Record<string, number> };
    expect(counts).toMatchObject({ review: 4, mql: 1, nurture: 1, disqualified: 0, won: 0 });
  });
});

describe('the review queue newest first', () => {
  it('orders by when each lead’s latest post was recorded, with the filters still applied', async () => {
    // Arrange: four leads whose posts arrive an hour apart, in an order unrelated to their scores.
    const stores = await freshStores();
    const { queue } = await freshQueue();
    const app = createApp({
      ...stores,
      queue,
      clock: { now: () => NOW },
      log: silentLog,
      identify: everyRole('maria'),
    });
    const at = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    await seedLead(stores, { n: 1, score: 90, campaign: 'crm' }, at(4));
    await seedLead(stores, { n: 2, score: 20, campaign: 'hr' }, at(1));
    await seedLead(stores, { n: 3, score: 50, campaign: 'crm' }, at(3));
    await seedLead(stores, { n: 4, score: 70, campaign: 'crm' }, at(2));
    const keys = async (query: string) => {
      const res = await app.request(`/api/leads?state=review&sort=newest${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as LeadPage).items.map((l) => l.key);
    };

    // Act / assert
    expect(await keys('')).toEqual(['x#2', 'x#4', 'x#3', 'x#1']);
    expect(await keys('&campaign=crm&minScore=40&maxScore=80')).toEqual(['x#4', 'x#3']);
    const byScore = await app.request('/api/leads?state=review');
    expect(((await byScore.json()) as LeadPage).items.map((l) => l.key)).toEqual([
      'x#1',
      'x#4',
      'x#3',
      'x#2',
    ]);
  });
});
