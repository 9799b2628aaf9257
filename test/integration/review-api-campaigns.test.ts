import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

const send = (method: string, body?: unknown) => ({
  method,
  headers: { 'content-type': 'application/json', 'x-user': 'mia' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const campaign = {
  id: 'crm-switchers',
  name: 'CRM switchers',
  product: 'Pipeline',
  cadenceMinutes: 15,
  monthlyPostBudget: 5_000,
  query: {
    source: 'x',
    builder: { any: ['crm', 'pipeline'], exclude: ['job'], lang: 'en', excludeRetweets: true },
  },
};

describe('the review API: campaigns', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const now = new Date('2026-12-05T10:00:00.000Z');

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({ ...stores, queue, clock: { now: () => now }, log: silentLog, identify: everyRole() });
  });

  it("checks a query without saving anything, with the validator's messages", async () => {
    const refused = await app.request(
      '/api/campaigns/check-query',
      send('POST', { source: 'x', query: 'crm -(hubspot OR salesforce)' }),
    );
    const fine = await app.request(
      '/api/campaigns/check-query',
      send('POST', { source: 'x', query: 'crm -hubspot' }),
    );

    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({
      query: 'crm -(hubspot OR salesforce)',
      problems: ['negate terms one at a time (-a -b), not a group -(a OR b)'],
    });
    expect(await fine.json()).toEqual({ query: 'crm -hubspot', problems: [] });
    expect(await stores.campaigns.listCampaigns()).toEqual([]);
  });

  it('refuses a campaign whose query X would refuse, naming the field, and writes nothing', async () => {
    const res = await app.request(
      '/api/campaigns',
      send('POST', { ...campaign, query: { source: 'x', query: 'is:retweet' } }),
    );
    const tooFast = await app.request('/api/campaigns', send('POST', { ...campaign, cadenceMinutes: 1 }));

    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/^query: add at least one keyword/);
    expect(tooFast.status).toBe(400);
    expect(((await tooFast.json()) as { error: string }).error).toMatch(/^cadenceMinutes:/);
    expect(await stores.campaigns.listCampaigns()).toEqual([]);
  });

  it('adds a campaign from the builder, refuses the same id twice, edits, pauses and resumes it', async () => {
    const added = await app.request('/api/campaigns', send('POST', campaign));
    const again = await app.request('/api/campaigns', send('POST', campaign));
    await stores.campaigns.saveCursor('crm-switchers', { sinceId: '99', lastRunAt: now.toISOString() });
    const edited = await app.request(
      '/api/campaigns/crm-switchers',
      send('PUT', {
        ...campaign,
        id: undefined,
        name: 'Switchers',
        query: { source: 'x', query: '"leaving hubspot"' },
      }),
    );
    const paused = await app.request('/api/campaigns/crm-switchers/pause', send('POST'));
    const pausedState = (await stores.campaigns.getCampaign('crm-switchers'))?.active;
    const resumed = await app.request('/api/campaigns/crm-switchers/resume', send('POST'));
    const missing = await app.request('/api/campaigns/nope/pause', send('POST'));

    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({
      id: 'crm-switchers',
      query: '(crm OR pipeline) -job lang:en -is:retweet',
      owner: 'mia',
      active: true,
    });
    expect(again.status).toBe(409);
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      name: 'Switchers',
      query: '"leaving hubspot"',
      owner: 'mia',
    });
    expect((await stores.campaigns.getCursor('crm-switchers')).sinceId).toBe('99');
    expect(paused.status).toBe(200);
    expect(pausedState).toBe(false);
    expect(await resumed.json()).toMatchObject({ active: true });
    expect(missing.status).toBe(404);
  });

  it('lists campaigns with the budget used this month and the last runs', async () => {
    await stores.budgets.addUse(['campaign#crm-switchers'], '2026-12', 120, 'read-1');
    await stores.budgets.addUse(['campaign#crm-switchers'], '2026-11', 999, 'read-0');
    for (const [i, stoppedBy] of (['rate-limit', undefined] as const).entries()) {
      await stores.runs.recordRun({
        campaignId: 'crm-switchers',
        source: 'x',
        pages: 2 + i,
        postsRead: 100 + i,
        postsNew: 40 + i,
        postsDuplicate: 0,
        postsRejected: 0,
        postsSuppressed: 0,
        rejections: [],
        complete: stoppedBy === undefined,
        ...(stoppedBy ? { stoppedBy } : {}),
        budgetLeft: 1,
        startedAt: `2026-12-05T0${i + 1}:00:00.000Z`,
        finishedAt: `2026-12-05T0${i + 1}:00:30.000Z`,
      });
    }

    const res = await app.request('/api/campaigns', send('GET'));
    const [overview] = (await res.json()) as { lastRuns: unknown[] }[];

    expect(res.status).toBe(200);
    expect(overview).toMatchObject({ campaign: { id: 'crm-switchers' }, budgetUsed: 120 });
    expect(overview?.lastRuns).toEqual([
      expect.objectContaining({
        startedAt: '2026-12-05T02:00:00.000Z',
        pages: 3,
        postsRead: 101,
        postsNew: 41,
        complete: true,
      }),
      expect.objectContaining({
        startedAt: '2026-12-05T01:00:00.000Z',
        stoppedBy: 'rate-limit',
        complete: false,
      }),
    ]);
  });
});

describe('the review API: two people adding the same campaign at once', () => {
  it('stores one and answers the other 409, against DynamoDB Local', async () => {
    // Arrange
    const stores = await freshStores();
    const { queue } = await freshQueue();
    const app = createApp({
      ...stores,
      queue,
      clock: { now: () => new Date('2026-12-05T10:00:00.000Z') },
      log: silentLog,
      identify: everyRole(),
    });
    const racing = ['CRM switchers (Mia)', 'CRM switchers (Ola)'].map((name) => ({
      ...campaign,
      id: 'race',
      name,
    }));

    // Act: both read "no such campaign" before either writes, most of the time; the write decides.
    const answers = await Promise.all(racing.map((c) => app.request('/api/campaigns', send('POST', c))));

    // Assert
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const stored = await stores.campaigns.getCampaign('race');
    const winner = racing[answers.findIndex((r) => r.status === 201)];
    expect(stored?.name).toBe(winner?.name);
  });
});
