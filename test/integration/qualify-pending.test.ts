import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/table.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
const text = 'we are evaluating a new CRM, any recommendations?';

describe('qualifying pending prospects', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;

  beforeAll(async () => {
    stores = await freshStores();
    await publishDefinition(
      { ...stores, clock: { now: () => now }, log: silentLog },
      { document: v1, author: 'marketing', note: 'v1' },
    );
    for (let i = 0; i < 5; i++) {
      await seedPost(stores.posts, { authorId: String(i), postId: String(100 + i), text }, now);
    }
  });

  it('logs a malformed prospect, leaves it pending and still scores every prospect behind it', async () => {
    const pending = (await stores.leads.listPending(10)).items;
    const [bad] = pending;
    await stores.table.doc.send(
      new UpdateCommand({
        TableName: stores.table.name,
        Key: keys.lead(bad ?? ''),
        UpdateExpression: 'SET score = :bad',
        ExpressionAttributeValues: { ':bad': 'high' },
      }),
    );
    const errors: { message: string; extra?: Record<string, unknown> }[] = [];
    const log = {
      ...silentLog,
      error: (message: string, extra?: Record<string, unknown>) => errors.push({ message, extra }),
    };

    const run = await qualifyPending(
      { ...stores, clock: { now: () => now }, log },
      { batchSize: 2, maxBatches: 10 },
    );

    expect(pending).toHaveLength(5);
    expect(run.failed).toBe(1);
    expect(run.transitions.map((t) => t.key).sort()).toEqual(pending.slice(1).sort());
    expect((await stores.leads.listPending(10)).items).toEqual([bad]);
    expect(errors).toEqual([
      {
        message: expect.stringContaining('could not score'),
        extra: expect.objectContaining({ key: bad, error: 'StoredItemError' }),
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('evaluating');
  });
});
