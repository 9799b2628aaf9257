import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { compileDefinition } from '../../shared/domain/scoring.ts';
import type { Lead, Page } from '../../shared/ports/lead-store.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { qualifyProspect } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

describe('the fit grade beside the score', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let app: ReturnType<typeof createApp>;
  const clock = { now: () => new Date() };
  const deps = () => ({ ...stores, clock, log: silentLog });

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    await seedPost(stores.posts, { authorId: '71', postId: '9071', text: 'evaluating HubSpot alternatives' });
    app = createApp({ ...stores, queue, clock, log: silentLog, identify: everyRole() });
  });

  it('is stored with the score and shown in the lead list, the detail and the CRM export', async () => {
    // The seeded VP with a company site and 500 followers has 35 fit points under the test definition.
    const graded = compileDefinition(testDefinition({ fitGrades: { A: 40, B: 30, C: 10 } }));

    await qualifyProspect(deps(), graded, 'x#71');

    const list = (await (await app.request('/api/leads?state=mql')).json()) as Page<Lead>;
    expect(list.items.map((l) => [l.key, l.score, l.fitGrade])).toEqual([['x#71', 75, 'B']]);
    const detail = (await (await app.request('/api/leads/x/71')).json()) as { lead: Lead };
    expect(detail.lead.fitGrade).toBe('B');
    const csv = await (await app.request('/api/leads/export.csv?state=mql')).text();
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ prospect_key: 'x#71', score: '75', fit_grade: 'B' });
  });

  it('is removed when the lead is scored again under a definition without grade bands', async () => {
    await qualifyProspect(deps(), compileDefinition(testDefinition({ version: 2 })), 'x#71');

    const lead = await stores.leads.getLead('x#71');
    expect(lead?.definitionVersion).toBe(2);
    expect(lead?.fitGrade).toBeUndefined();
  });
});
