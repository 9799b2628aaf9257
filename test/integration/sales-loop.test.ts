import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoLeadStore } from '../../shared/adapters/dynamodb/lead-store.ts';
import type { Table } from '../../shared/adapters/dynamodb/table.ts';
import { UnknownCodeError } from '../../shared/domain/feedback-codes.ts';
import { InvalidTransitionError } from '../../shared/domain/lead-state.ts';
import type { WonDigest } from '../../shared/domain/won-digest.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { recordSalesDecision } from '../../shared/use-cases/record-sales-decision.ts';
import { reportFunnel } from '../../shared/use-cases/report-funnel.ts';
import { reportObjections } from '../../shared/use-cases/report-objections.ts';
import { StaleDecisionError } from '../../shared/use-cases/review-prospect.ts';
import { sendWonDigest } from '../../shared/use-cases/won-customers.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { asPlain, recountedFunnel, storedFunnel } from '../support/sales-loop.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const clock = { now: () => now };
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const sales = { type: 'sales' as const, id: 'maria' };
const text = 'we are evaluating a new CRM, any recommendations?';

/** Wraps a table so the next transaction gets a failing write injected after its first item. */
function failingAfterFirstItem(table: Table): { table: Table; arm: () => void } {
  let armed = false;
  const send = table.doc.send.bind(table.doc);
  const doc = Object.create(table.doc) as Table['doc'];
  doc.send = ((command: unknown) => {
    if (armed && command instanceof TransactWriteCommand) {
      armed = false;
      const items = command.input.TransactItems ?? [];
      const poison = {
        ConditionCheck: {
          TableName: table.name,
          Key: { pk: 'NO-SUCH-ITEM', sk: 'x' },
          ConditionExpression: 'attribute_exists(pk)',
        },
      };
      return send(
        new TransactWriteCommand({ TransactItems: [items[0], poison, ...items.slice(1)] as typeof items }),
      );
    }
    return send(command as never);
  }) as Table['doc']['send'];
  return { table: { name: table.name, doc }, arm: () => (armed = true) };
}

describe('sales decisions and the funnel they feed', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let deps: { leads: DynamoLeadStore; codes: typeof stores.codes; clock: typeof clock };
  const key = (i: number) => `x#${i}`;

  beforeAll(async () => {
    stores = await freshStores();
    await publishDefinition(
      { ...stores, clock, log: silentLog },
      { document: v1, author: 'marketing', note: 'v1' },
    );
    for (let i = 1; i <= 6; i++)
      await seedPost(stores.posts, { authorId: String(i), postId: String(100 + i), text }, now);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 5 });
    deps = { leads: stores.leads, codes: stores.codes, clock };
  }, 120_000);

  it('scores six MQLs, counted once each as discovered and MQL', async () => {
    const report = await reportFunnel({ ...stores, clock }, 'campaign');
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]?.counts).toMatchObject({ discovered: 6, mql: 6, accepted: 0 });
  });

  it('accepts, rejects into a held nurture, wins with a deal, and refuses the same decision twice', async () => {
    await recordSalesDecision(deps, {
      key: key(1),
      decision: { to: 'accepted', note: '', objection: 'price' },
      actor: sales,
    });
    const rejected = await recordSalesDecision(deps, {
      key: key(2),
      decision: { to: 'rejected', code: 'timing', note: 'next quarter' },
      actor: sales,
    });
    const won = await recordSalesDecision(deps, {
      key: key(1),
      decision: { to: 'won', note: 'signed', deal: { value: 12000, currency: 'EUR' } },
      actor: sales,
    });
    const twice = recordSalesDecision(deps, {
      key: key(1),
      decision: { to: 'won', note: '', deal: { value: 1, currency: 'EUR' } },
      actor: sales,
    });

    await expect(twice).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(rejected.state).toBe('nurture');
    expect(Date.parse(rejected.holdUntil ?? '') - now.getTime()).toBe(90 * 86_400_000);
    expect((await stores.leads.listEvents(key(2))).map((e) => [e.from, e.to, e.actor.type])).toContainEqual([
      'rejected',
      'nurture',
      'system',
    ]);
    expect(won).toMatchObject({ state: 'won', deal: { value: 12000, currency: 'EUR' } });
    const report = await reportFunnel({ ...stores, clock }, 'source');
    expect(report.groups[0]?.counts).toMatchObject({ mql: 6, accepted: 1, rejected: 1, won: 1, lost: 0 });
    expect(report.groups[0]?.rates.mqlToAccepted).toMatchObject({ successes: 1, trials: 6 });
  });

  it('keeps a rejected "not ready" lead in nurture while its hold lasts, however well it scores', async () => {
    await stores.leads.recordEngagement(key(2), { kind: 'replied', at: now.toISOString() }, now);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });
    expect((await stores.leads.getLead(key(2)))?.state).toBe('nurture');
  });

  it('lets only one of two identical concurrent decisions through', async () => {
    const decide = () =>
      recordSalesDecision(deps, { key: key(3), decision: { to: 'accepted', note: '' }, actor: sales });
    const results = await Promise.allSettled([decide(), decide()]);
    const failed = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(failed[0]).toSatisfy(
      (e) => e instanceof StaleDecisionError || e instanceof InvalidTransitionError,
    );
    const report = await reportFunnel({ ...stores, clock }, 'source');
    expect(report.groups[0]?.counts.accepted).toBe(2);
  });

  it('refuses an unknown code and writes nothing', async () => {
    const before = await stores.leads.getLead(key(4));
    const bad = recordSalesDecision(deps, {
      key: key(4),
      decision: { to: 'rejected', code: 'meh', note: '' },
      actor: sales,
    });

    await expect(bad).rejects.toBeInstanceOf(UnknownCodeError);
    expect((await stores.leads.getLead(key(4)))?.revision).toBe(before?.revision);
  });

  it('keeps the aggregates equal to a recount from the events when a transition fails half-way', async () => {
    const { table, arm } = failingAfterFirstItem(stores.table);
    const broken = { ...deps, leads: new DynamoLeadStore(table) };
    arm();
    const attempt = recordSalesDecision(broken, {
      key: key(5),
      decision: { to: 'accepted', note: '' },
      actor: sales,
    });

    await expect(attempt).rejects.toBeInstanceOf(StaleDecisionError);
    expect((await stores.leads.getLead(key(5)))?.state).toBe('mql');
    expect(asPlain(await storedFunnel(stores.funnel))).toEqual(asPlain(await recountedFunnel(stores.funnel)));
  });

  it('applies each pending funnel increment exactly once, even when an applier dies half-way', async () => {
    await recordSalesDecision(deps, {
      key: key(5),
      decision: { to: 'rejected', code: 'competitor', note: 'renewed' },
      actor: sales,
    });
    await recordSalesDecision(deps, { key: key(6), decision: { to: 'accepted', note: '' }, actor: sales });
    const { table, arm } = failingAfterFirstItem(stores.table);
    const { DynamoFunnelStore } = await import('../../shared/adapters/dynamodb/funnel-store.ts');
    arm();
    await new DynamoFunnelStore(table).applyPendingDeltas();
    await Promise.all([stores.funnel.applyPendingDeltas(), stores.funnel.applyPendingDeltas()]);

    expect(asPlain(await storedFunnel(stores.funnel))).toEqual(asPlain(await recountedFunnel(stores.funnel)));
    const report = await reportFunnel({ ...stores, clock }, 'week');
    expect(report.groups[0]?.counts).toMatchObject({
      discovered: 6,
      mql: 6,
      accepted: 3,
      rejected: 2,
      won: 1,
    });
  });

  it('reports the codes and objections sales heard, with their notes', async () => {
    const report = await reportObjections({ ...stores, clock }, { by: 'campaign', includeNotes: true });

    expect(report.groups[0]?.top).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'timing', kind: 'reason', count: 1 }),
        expect.objectContaining({ code: 'competitor', kind: 'reason', count: 1 }),
        expect.objectContaining({ code: 'price', kind: 'objection', count: 1 }),
      ]),
    );
    expect(report.groups[0]?.notes?.map((n) => n.note)).toContain('next quarter');
  });

  it('sends each won customer in one digest, without post text or bio', async () => {
    const sent: WonDigest[] = [];
    const notifier = {
      notifyMqls: async () => {},
      notifyWonDigest: async (d: WonDigest) => void sent.push(d),
    };
    const later = { now: () => new Date(now.getTime() + 60_000) };
    const first = await sendWonDigest({ funnel: stores.funnel, notifier, clock: later, log: silentLog });
    const second = await sendWonDigest({ funnel: stores.funnel, notifier, clock: later, log: silentLog });

    expect(first.sent).toBe(1);
    expect(second.sent).toBe(0);
    expect(sent[0]?.customers[0]).toMatchObject({ leadKey: key(1), company: 'a.io', deal: { value: 12000 } });
    expect(JSON.stringify(sent)).not.toContain('evaluating');
    expect(JSON.stringify(sent)).not.toContain('VP Sales');
  });
});
