import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import type { LeadState } from '../../shared/domain/lead-state.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const at = (iso: string) => new Date(iso);
/** Who changed when: two days of history and one change too recent to have settled in the index. */
const HISTORY: [authorId: string, state: LeadState, changedAt: string][] = [
  ['1', 'mql', '2026-11-19T09:00:00.000Z'],
  ['2', 'nurture', '2026-11-19T10:00:00.000Z'],
  ['3', 'mql', '2026-11-20T08:00:00.000Z'],
  ['4', 'mql', '2026-11-20T09:00:00.000Z'],
  ['5', 'mql', '2026-11-21T11:59:00.000Z'],
];

describe('the incremental CRM export (GET /api/leads/changes.csv)', () => {
  let app: ReturnType<typeof createApp>;
  let now = at('2026-11-21T12:00:00.000Z');

  /** Follows x-next-cursor to the end of the window; returns the rows and the watermark. */
  async function pull(query: string) {
    const rows: Record<string, string>[] = [];
    let cursor = '';
    for (let call = 0; call < 20; call++) {
      const res = await app.request(`/api/leads/changes.csv?${query}${cursor}`);
      expect(res.status).toBe(200);
      rows.push(...(parse(await res.text(), { columns: true }) as Record<string, string>[]));
      const next = res.headers.get('x-next-cursor');
      if (!next) return { rows, nextSince: res.headers.get('x-next-since') ?? '', calls: call + 1 };
      cursor = `&cursor=${encodeURIComponent(next)}`;
    }
    throw new Error('the export never finished its window');
  }

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => now },
      log: silentLog,
      identify: everyRole('crm'),
    });
    for (const [authorId, state, changedAt] of HISTORY) {
      await seedPost(
        stores.posts,
        { authorId, postId: `9${authorId}`, text: 'evaluating CRMs' },
        at(changedAt),
      );
      const update = { score: 80, breakdown: [], definitionVersion: 1, state };
      await stores.leads.saveScore(`x#${authorId}`, 1, update, at(changedAt));
    }
  });

  it('hands over settled MQL changes oldest first, a page at a time, and the watermark for next time', async () => {
    const first = await pull('since=2026-11-19T00:00:00Z&limit=1');

    expect(first.rows.map((r) => r.prospect_key)).toEqual(['x#1', 'x#3', 'x#4']);
    expect(first.calls).toBeGreaterThanOrEqual(3);
    expect(first.nextSince).toBe('2026-11-21T11:58:00.001Z');

    now = at('2026-11-21T12:10:00.000Z');
    const second = await pull(`since=${first.nextSince}&format=salesforce`);

    expect(second.rows).toEqual([
      expect.objectContaining({ Prospector_Key__c: 'x#5', LastName: '5', Company: '[not provided]' }),
    ]);
    expect(second.nextSince).toBe('2026-11-21T12:08:00.001Z');
  });

  it('exports the states asked for, and refuses a bad state or a window older than a year', async () => {
    now = at('2026-11-21T12:10:00.000Z');
    const both = await pull('since=2026-11-19T00:00:00Z&states=mql,nurture&format=hubspot');
    const badState = await app.request('/api/leads/changes.csv?states=mql,hot');
    const tooOld = await app.request('/api/leads/changes.csv?since=2020-01-01T00:00:00Z');

    expect(both.rows.map((r) => [r['Prospector Key'], r['Lifecycle Stage']])).toEqual([
      ['x#1', 'Marketing Qualified Lead'],
      ['x#2', 'Lead'],
      ['x#3', 'Marketing Qualified Lead'],
      ['x#4', 'Marketing Qualified Lead'],
      ['x#5', 'Marketing Qualified Lead'],
    ]);
    expect(badState.status).toBe(400);
    expect(await badState.text()).toMatch(/states/);
    expect(tooOld.status).toBe(400);
    expect(await tooOld.text()).toMatch(/full export/);
  });
});
