import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/table.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { rescoreDecayed } from '../../shared/use-cases/rescore-decayed.ts';
import { runCrmExport } from '../../shared/use-cases/run-crm-export.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const t0 = new Date('2026-11-01T12:00:00.000Z');
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const DAY = 86_400_000;

describe('data that went stale', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now = t0;
  const clock = { now: () => now };

  beforeAll(async () => {
    stores = await freshStores();
    await publishDefinition({ ...stores, clock, log: silentLog }, { document: v1, author: 'm', note: 'v1' });
    await stores.definitions.saveRescoreJob(undefined);
    for (const id of ['1', '2'])
      await seedPost(
        stores.posts,
        { authorId: id, postId: `5${id}`, text: 'evaluating a new CRM, any recommendations?' },
        t0,
      );
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 1 });
  });

  it('does not read a signal whose ttl has passed as evidence, though DynamoDB has not deleted it yet', async () => {
    await stores.table.doc.send(
      new UpdateCommand({
        TableName: stores.table.name,
        Key: keys.signal('x#2', '52'),
        UpdateExpression: 'SET #ttl = :past',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':past': Math.floor(t0.getTime() / 1000) - 60 },
      }),
    );

    expect((await stores.leads.listSignals('x#1', t0)).map((s) => s.postId)).toEqual(['51']);
    expect(await stores.leads.listSignals('x#2', t0)).toEqual([]);
  });

  it('re-scores open leads whose evidence aged, in bounded steps, and once a day at most', async () => {
    const before = await stores.leads.getLead('x#1');
    now = new Date(t0.getTime() + 25 * DAY);
    const deps = { ...stores, clock, log: silentLog };

    const first = await rescoreDecayed(deps, { maxLeads: 1, everyMs: DAY, minScoreChange: 1, pageSize: 1 });
    const rest = await rescoreDecayed(deps, { maxLeads: 10, everyMs: DAY, minScoreChange: 1 });
    const soon = await rescoreDecayed(deps, { maxLeads: 10, everyMs: DAY, minScoreChange: 1 });
    const after = await stores.leads.getLead('x#1');

    expect(before?.state).toBe('mql');
    expect(first.checked).toBe(1);
    expect(rest.idle).toBe(true);
    expect(soon).toMatchObject({ checked: 0, idle: true });
    expect(after?.score).toBeLessThan(before?.score ?? 0);
    expect(after?.state).toBe('review');
  });

  it('redoes a crashed first CRM export into the same file name', async () => {
    const files = new Map<string, string>();
    let crash = true;
    const store = {
      read: async (name: string) => files.get(name),
      write: async (name: string, body: string) => {
        // The process dies saving the watermark that covers the first file it wrote.
        if (crash && name.endsWith('watermark.json') && [...files.keys()].some((n) => n.endsWith('.csv'))) {
          crash = false;
          throw new Error('crash');
        }
        files.set(name, body);
      },
    };
    const settings = {
      states: ['mql', 'review'] as const,
      format: 'generic' as const,
      firstExportDays: 30,
      maxRowsPerFile: 100,
      maxFiles: 5,
    };
    now = new Date(t0.getTime() + 26 * DAY);

    await expect(
      runCrmExport({ leads: stores.leads, files: store, clock, log: silentLog }, settings),
    ).rejects.toThrow('crash');
    const firstNames = [...files.keys()].filter((n) => n.endsWith('.csv'));
    now = new Date(now.getTime() + 7 * 60_000);
    const redo = await runCrmExport({ leads: stores.leads, files: store, clock, log: silentLog }, settings);

    expect(firstNames).toHaveLength(1);
    expect(redo.files).toEqual(firstNames);
    expect([...files.keys()].filter((n) => n.endsWith('.csv'))).toEqual(firstNames);
  });
});
