import { beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../shared/ports/log.ts';
import { InvalidDefinitionError, publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { rescoreStep } from '../../shared/use-cases/rescore-leads.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();

describe('publishing an MQL definition', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let deps: Parameters<typeof qualifyPending>[0];

  beforeAll(async () => {
    stores = await freshStores();
    deps = { ...stores, clock: { now: () => now }, log: silentLog };
    await publishDefinition(deps, { document: v1, author: 'marketing', note: 'v1' });
    for (let i = 0; i < 5; i++) {
      await seedPost(
        stores.posts,
        {
          authorId: String(i),
          postId: String(100 + i),
          text: 'we are evaluating a new CRM, any recommendations?',
        },
        now,
      );
    }
    await qualifyPending(deps, { batchSize: 2, maxBatches: 10 });
  });

  it('refuses an invalid definition with errors that name the field, and publishes nothing', async () => {
    const bad = publishDefinition(deps, {
      document: { ...v1, thresholds: { mql: 10, reviewFloor: 20 } },
      author: 'x',
      note: 'bad',
    });

    await expect(bad).rejects.toThrow(InvalidDefinitionError);
    await expect(bad).rejects.toThrow(/thresholds\.reviewFloor/);
    expect((await stores.definitions.currentDefinition())?.version).toBe(1);
  });

  it('moves a prospect from mql to review under a stricter definition, with an event recording both versions', async () => {
    const before = await stores.leads.listByState('mql', 10);
    const stricter = { ...v1, thresholds: { mql: 90, reviewFloor: 25, requireIntent: true } };

    const { definition, diff } = await publishDefinition(deps, {
      document: stricter,
      author: 'sales',
      note: 'raise the bar',
    });
    const steps = [];
    for (let step = await rescoreStep(deps, 2, 2); step; step = await rescoreStep(deps, 2, 2))
      steps.push(step);

    expect(before.items).toHaveLength(5);
    expect(definition).toMatchObject({ version: 2, author: 'sales', note: 'raise the bar' });
    expect(diff).toEqual(['~ thresholds.mql 50 -> 90']);
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.at(-1)?.done).toBe(true);
    expect(await stores.definitions.getRescoreJob()).toBeUndefined();
    const lead = await stores.leads.getLead('x#0');
    expect(lead).toMatchObject({ state: 'review', definitionVersion: 2 });
    expect((await stores.leads.listEvents('x#0')).at(-1)).toMatchObject({
      from: 'mql',
      to: 'review',
      definitionVersion: 2,
      previousDefinitionVersion: 1,
      actor: { type: 'system' },
    });
    expect((await stores.leads.listByState('review', 10)).items).toHaveLength(5);
  });
});
