import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { recordSalesDecision } from '../../shared/use-cases/record-sales-decision.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const now = new Date();
const clock = { now: () => now };
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const text = 'we are evaluating a new CRM, any recommendations?';
const sales = { type: 'sales' as const, id: 'maria' };

/**
 * The won-digest Lambda as deployed: its composition root (functions/won-digest/handler.ts) reads
 * the environment, builds the funnel store on DynamoDB Local and the notifier on a loopback chat
 * webhook, and is invoked with the Scheduler's constant input.
 */
describe('won-digest function', () => {
  let hook: WebhookReceiver;
  let handler: (event: unknown) => Promise<{ sent: number; from: string; to: string }>;

  beforeAll(async () => {
    const stores = await freshStores();
    hook = await startWebhookReceiver();
    await publishDefinition(
      { ...stores, clock, log: silentLog },
      { document: v1, author: 'marketing', note: 'v1' },
    );
    for (const i of [1, 2])
      await seedPost(stores.posts, { authorId: String(i), postId: `10${i}`, text }, now);
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 5 });
    const deps = { leads: stores.leads, codes: stores.codes, clock };
    await recordSalesDecision(deps, { key: 'x#1', decision: { to: 'accepted', note: '' }, actor: sales });
    await recordSalesDecision(deps, {
      key: 'x#1',
      decision: { to: 'won', note: 'signed', deal: { value: 12000, currency: 'EUR' } },
      actor: sales,
    });
    await recordSalesDecision(deps, { key: 'x#2', decision: { to: 'accepted', note: '' }, actor: sales });

    Object.assign(process.env, {
      TABLE_NAME: stores.table.name,
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      NOTIFY_WEBHOOK_URL: hook.url,
    });
    ({ handler } = await import('../../functions/won-digest/handler.ts'));
  }, 120_000);

  afterAll(async () => {
    await hook?.stop();
  });

  it('refuses an event that is not the schedule input, and sends nothing', async () => {
    await expect(handler({ source: 42 })).rejects.toThrow(/source/);
    expect(hook.received).toHaveLength(0);
  });

  it('keeps the watermark when the webhook fails, so the next run sends the customer again', async () => {
    hook.answers = [500, 500, 500];
    await expect(handler({ source: 'prospector.won-digest' })).rejects.toThrow();
    expect(hook.received).toHaveLength(3);
    hook.received.length = 0;
  });

  it('posts the won customer once, with the deal and no post text; the next run sends nothing', async () => {
    const first = await handler({ source: 'prospector.won-digest' });
    const second = await handler({ source: 'prospector.won-digest' });

    expect(first.sent).toBe(1);
    expect(second).toMatchObject({ sent: 0, from: first.to });
    expect(hook.received).toHaveLength(1);
    const body = hook.received[0] as { text: string; won: { customers: unknown[] } };
    expect(body.won.customers).toEqual([
      expect.objectContaining({
        leadKey: 'x#1',
        deal: expect.objectContaining({ value: 12000, currency: 'EUR' }),
      }),
    ]);
    expect(body.text).toContain('12');
    expect(JSON.stringify(body)).not.toContain('evaluating');
  });
});
