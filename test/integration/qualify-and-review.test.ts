import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import { buildXSource } from '../../shared/adapters/build.ts';
import { WebhookNotifier } from '../../shared/adapters/webhook/webhook-notifier.ts';
import type { LeadEvent } from '../../shared/domain/lead-state.ts';
import type { MqlNotice } from '../../shared/domain/mql-notice.ts';
import type { Lead, Page } from '../../shared/ports/lead-store.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { noMetrics } from '../../shared/ports/metrics.ts';
import { runDiscoveryCycle } from '../../shared/use-cases/run-discovery-cycle.ts';
import { testDefinition } from '../support/definition.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const feed = buildFeed({ posts: 120, authors: 60 });
// One author tries a formula injection through their display name.
const evil = feed.users.find((u) => u.id === '1000');
if (evil) evil.name = '=HYPERLINK("http://evil.example","click")';

describe('qualifying discovered prospects and reviewing them', () => {
  let server: FakeXServer;
  let hook: WebhookReceiver;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const clock = { now: () => new Date() };
  const options = {
    pageSize: 50,
    maxPagesPerCampaign: 10,
    backfillDays: 7,
    remainingMs: () => 600_000,
    minRemainingMs: 1_000,
    accountMonthlyBudget: 1_000_000,
    force: true,
  };
  let deps: Parameters<typeof runDiscoveryCycle>[0];

  beforeAll(async () => {
    server = await startFakeXServer({ feed });
    hook = await startWebhookReceiver();
    const notifier = new WebhookNotifier({ url: hook.url });
    stores = await freshStores();
    const { queue } = await freshQueue();
    const {
      version: _v,
      author: _a,
      note: _n,
      publishedAt: _p,
      ...draft
    } = testDefinition({
      thresholds: { mql: 100, reviewFloor: 25, requireIntent: true },
    });
    await stores.definitions.publishDefinition(
      { draft, author: 'ops', note: 'v1', basedOn: undefined },
      new Date(),
    );
    await stores.campaigns.putCampaign({
      id: 'crm',
      source: 'x',
      name: 'CRM',
      product: 'Pipeline CRM',
      query: 'crm',
      cadenceMinutes: 15,
      active: true,
      owner: 'ops',
    });
    deps = {
      ...stores,
      queue,
      sources: { x: buildXSource({ X_API_BASE_URL: server.url, X_TLS_INSECURE: true }, 'local-token') },
      clock,
      log: silentLog,
      metrics: noMetrics,
      notifier,
    };
    app = createApp({
      ...stores,
      queue,
      clock,
      log: silentLog,
      notifier,
      identify: everyRole(),
    });
  });
  afterAll(() => Promise.all([server.stop(), hook.stop()]));
  const announced = () => hook.received.flatMap((m) => (m as { mqls: MqlNotice[] }).mqls);

  it('scores every new prospect with an explained breakdown and drafts engagement for the promising ones', async () => {
    const result = await runDiscoveryCycle(deps, options);

    // 12 authors posted two buying signals each (2 x 35 points); the 6 VPs with a company site
    // add 40 fit points and pass 100, the other 6 add 10 and land in review; 48 never showed intent.
    expect(result.transitions).toEqual({ mql: 6, review: 6, nurture: 48 });
    const top = await stores.leads.listByState('mql', 10);
    expect(top.items[0]?.breakdown.map((b) => b.ruleId)).toEqual(
      expect.arrayContaining(['fit.exec', 'fit.url', 'intent.shop', 'intent.ask']),
    );
    expect(top.items[0]?.definitionVersion).toBe(1);
    expect(result.tasksDrafted).toBe(12);
    // Sales hears about the six new MQLs in one message: who, score and why, no bio or post text.
    expect(hook.received).toHaveLength(1);
    expect(result.mqlsAnnounced).toBe(6);
    expect(
      announced()
        .map((n) => n.key)
        .sort(),
    ).toEqual((await stores.leads.listByState('mql', 10)).items.map((l) => l.key).sort());
    expect(announced()[0]).toMatchObject({
      by: 'scoring',
      reasons: expect.arrayContaining([expect.stringMatching(/^fit\.exec \+/)]),
    });
    expect(JSON.stringify(hook.received)).not.toMatch(/Example Co|evaluating a new crm/);
  }, 180_000);

  it('changes nothing when the next cycle finds no new posts', async () => {
    const before = await stores.leads.countLeads();

    const again = await runDiscoveryCycle(deps, options);

    expect(again.qualified).toBe(0);
    expect(again.tasksDrafted).toBe(0);
    expect(again.mqlsAnnounced).toBe(0);
    expect(hook.received).toHaveLength(1);
    expect(await stores.leads.countLeads()).toEqual(before);
  });

  it('lets a marketer move a review prospect to MQL with a reason, recorded as an event', async () => {
    const queue = (await (await app.request('/api/leads?state=review&limit=1')).json()) as Page<Lead>;
    const [source, authorId] = (queue.items[0]?.key ?? '').split('#');

    const refused = await app.request(`/api/leads/${source}/${authorId}/decision`, {
      method: 'POST',
      body: JSON.stringify({ to: 'mql' }),
      headers: { 'content-type': 'application/json' },
    });
    const moved = await app.request(`/api/leads/${source}/${authorId}/decision`, {
      method: 'POST',
      body: JSON.stringify({ to: 'mql', reason: 'asked for a demo on a call' }),
      headers: { 'content-type': 'application/json', 'x-user': 'maria' },
    });

    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('reason');
    expect(moved.status).toBe(200);
    const detail = (await (await app.request(`/api/leads/${source}/${authorId}`)).json()) as {
      lead: Lead;
      events: LeadEvent[];
    };
    expect(detail.lead.state).toBe('mql');
    expect(announced().at(-1)).toMatchObject({ key: `${source}#${authorId}`, by: 'maria' });
    expect(detail.events.at(-1)).toMatchObject({
      from: 'review',
      to: 'mql',
      actor: { type: 'marketer', id: 'maria' },
      reason: 'asked for a demo on a call',
    });
  });

  it('exports MQLs as RFC 4180 CSV where a formula in a name stays text', async () => {
    const response = await app.request('/api/leads/export.csv');
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });

    const evilRow = rows.find((r) => r.prospect_key === 'x#1000');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(rows.length).toBe(7);
    expect(evilRow?.name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows.every((r) => !/^[=+\-@]/.test(Object.values(r).join('')))).toBe(true);
  });
});
