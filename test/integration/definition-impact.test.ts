import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../shared/adapters/dynamodb/table.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { previewDefinitionImpact } from '../../shared/use-cases/preview-definition-impact.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import {
  saveDefinitionDraft,
  UnknownBaseVersionError,
} from '../../shared/use-cases/save-definition-draft.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();

/** Every item in the table with its attributes, in key order: the whole state, to compare. */
async function snapshot(table: Table): Promise<string[]> {
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.name, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    out.push(...(page.Items ?? []).map((i) => JSON.stringify(i, Object.keys(i).sort())));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort();
}

describe('previewing a draft definition', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let deps: Parameters<typeof qualifyPending>[0];

  beforeAll(async () => {
    stores = await freshStores();
    deps = { ...stores, clock: { now: () => now }, log: silentLog };
    await publishDefinition(deps, { document: v1, author: 'marketing', note: 'v1' });
    // Five shoppers (fit 35 + intent 30 = 65: MQL at 50) and three who only ask (35 + 5 = 40: review).
    for (let i = 0; i < 5; i++) {
      await seedPost(
        stores.posts,
        { authorId: String(i), postId: String(100 + i), text: 'we are evaluating a new CRM' },
        now,
      );
    }
    for (let i = 5; i < 8; i++) {
      await seedPost(
        stores.posts,
        { authorId: String(i), postId: String(100 + i), text: 'which tool do you use?' },
        now,
      );
    }
    await qualifyPending(deps, { batchSize: 10, maxBatches: 10 });
    await stores.definitions.saveRescoreJob(undefined);
  });

  it('counts who would move under a stricter bar, with examples, and writes nothing at all', async () => {
    const before = await snapshot(stores.table);
    const stricter = { ...v1, thresholds: { mql: 80, reviewFloor: 39, requireIntent: true } };

    const impact = await previewDefinitionImpact(deps, stricter, {
      maxLeads: 100,
      examplesPerMove: 2,
      timeBudgetMs: 30_000,
    });
    const after = await snapshot(stores.table);

    expect(impact).toMatchObject({ comparedWith: 1, checked: 8, unchanged: 3, failed: 0, partial: false });
    expect(impact.before).toEqual({ mql: 5, review: 3 });
    expect(impact.after).toEqual({ review: 8 });
    expect(impact.moves).toHaveLength(1);
    expect(impact.moves[0]).toMatchObject({ from: 'mql', to: 'review', count: 5 });
    expect(impact.moves[0]?.examples).toHaveLength(2);
    expect(impact.moves[0]?.examples[0]).toMatchObject({ scoreBefore: 65, scoreAfter: 65 });
    expect(after).toHaveLength(before.length);
    expect(after).toEqual(before);
  });

  it('stops at the lead limit and says the answer is partial', async () => {
    const impact = await previewDefinitionImpact(deps, v1, {
      maxLeads: 3,
      examplesPerMove: 1,
      timeBudgetMs: 30_000,
    });

    expect(impact).toMatchObject({ checked: 3, unchanged: 3, partial: true, moves: [] });
  });

  it('keeps one draft per author, replaced on save, and refuses a base version that was never published', async () => {
    const draftDeps = { ...stores, clock: { now: () => now } };

    await saveDefinitionDraft(draftDeps, { author: 'ann', document: v1, basedOn: 1, note: 'first' });
    await saveDefinitionDraft(draftDeps, {
      author: 'ann',
      document: { ...v1, halfLifeDays: 20 },
      basedOn: 1,
      note: 'second',
    });
    const refused = saveDefinitionDraft(draftDeps, { author: 'bob', document: v1, basedOn: 7, note: 'x' });

    await expect(refused).rejects.toThrow(UnknownBaseVersionError);
    expect(await stores.drafts.getDraft('ann')).toMatchObject({
      note: 'second',
      document: { halfLifeDays: 20 },
    });
    expect(await stores.drafts.getDraft('bob')).toBeUndefined();
  });
});
