import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { DynamoLeadStore } from '../../shared/adapters/dynamodb/lead-store.ts';
import { keys } from '../../shared/adapters/dynamodb/table.ts';
import { DynamoTaskStore } from '../../shared/adapters/dynamodb/task-store.ts';
import { taskId } from '../../shared/domain/engagement-task.ts';
import type { Lead } from '../../shared/ports/lead-store.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { runCrmExport } from '../../shared/use-cases/run-crm-export.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const secret = 'evaluating a new CRM, call me on 555-0100';

/** Captures what the adapters log about items they pass over. */
function capture() {
  const lines: { message: string; extra?: Record<string, unknown> }[] = [];
  return {
    lines,
    log: { warn: (message: string, extra?: Record<string, unknown>) => lines.push({ message, extra }) },
  };
}

async function walk<T>(
  list: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string; skipped?: number }>,
) {
  const items: T[] = [];
  let skipped = 0;
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    skipped += page.skipped ?? 0;
    cursor = page.nextCursor;
  } while (cursor);
  return { items, skipped };
}

describe('one malformed stored item stops nothing', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  const bad = 'x#3';

  beforeAll(async () => {
    stores = await freshStores();
    for (let i = 1; i <= 6; i++)
      await seedPost(stores.posts, { authorId: String(i), postId: String(100 + i), text: secret }, now);
    for (let i = 1; i <= 6; i++)
      await stores.leads.saveScore(
        `x#${i}`,
        1,
        { score: 10 * i, breakdown: [], definitionVersion: 1, state: 'mql' },
        now,
      );
    // Written directly, as a hand edit or an old writer would: the score is not a number.
    await stores.table.doc.send(
      new UpdateCommand({
        TableName: stores.table.name,
        Key: keys.lead(bad),
        UpdateExpression: 'SET score = :bad',
        ExpressionAttributeValues: { ':bad': 'high' },
      }),
    );
  });

  it('walks every page of the review queue past it, counts it and logs its key and error name only', async () => {
    const { lines, log } = capture();
    const leads = new DynamoLeadStore(stores.table, log);

    const { items, skipped } = await walk((c) => leads.listByState('mql', 2, c));

    expect(items.map((l: Lead) => l.key).sort()).toEqual(['x#1', 'x#2', 'x#4', 'x#5', 'x#6']);
    expect(skipped).toBe(1);
    expect(lines).toEqual([
      {
        message: 'skipped a malformed stored item',
        extra: { kind: 'lead', pk: `LEAD#${bad}`, sk: '#LEAD', error: 'StoredItemError' },
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/555|evaluating|P 3/);
  });

  it('walks the change index past it, so the scheduled CRM export finishes and its watermark advances', async () => {
    const { lines, log } = capture();
    const leads = new DynamoLeadStore(stores.table, log);
    const since = new Date(now.getTime() - 60_000).toISOString();
    const until = new Date(now.getTime() + 60_000).toISOString();

    const changed = await walk((c) => leads.listChangedSince(since, until, 2, c));
    const files = new Map<string, string>();
    const later = new Date(now.getTime() + 10 * 60_000);
    const run = await runCrmExport(
      {
        leads,
        clock: { now: () => later },
        log: silentLog,
        files: {
          read: async (name) => files.get(name),
          write: async (name, body) => void files.set(name, body),
        },
      },
      { states: ['mql'], format: 'generic', firstExportDays: 1, maxRowsPerFile: 2, maxFiles: 10 },
    );

    expect(changed.items.map((l) => l.key).sort()).toEqual(['x#1', 'x#2', 'x#4', 'x#5', 'x#6']);
    expect(changed.skipped).toBe(1);
    expect(run.rows).toBe(5);
    expect(run.skipped).toBe(1);
    expect(run.next.cursor).toBeUndefined();
    expect(JSON.parse(files.get('crm/generic/watermark.json') ?? '{}').since > now.toISOString()).toBe(true);
    expect(lines.every((l) => l.extra?.pk === `LEAD#${bad}`)).toBe(true);
  });

  it('passes over a malformed task, signal, event and campaign in their listings', async () => {
    const { lines, log } = capture();
    const tasks = new DynamoTaskStore(stores.table, log);
    const leads = new DynamoLeadStore(stores.table, log);
    const campaigns = new DynamoCampaignStore(stores.table, log);
    const task = (id: string) => ({
      id,
      prospectKey: 'x#1',
      source: 'x' as const,
      kind: 'reply' as const,
      postId: '101',
      draft: 'Hi',
      status: 'drafted' as const,
      createdAt: now.toISOString(),
    });
    await tasks.putDraft(task(taskId('x#1', 'reply', '101')));
    await tasks.putDraft(task(taskId('x#1', 'like', '101')));
    const put = (Item: Record<string, unknown>) =>
      stores.table.doc.send(new PutCommand({ TableName: stores.table.name, Item }));
    await put({
      ...keys.task('x#1', 't-bad'),
      task: { id: 't-bad', draft: secret },
      status: 'drafted',
      gsi1pk: 'TASK#drafted',
      gsi1sk: `${now.toISOString()}#t-bad`,
    });
    await put({ ...keys.signal('x#1', '999'), signal: { text: secret }, campaignIds: ['crm'] });
    await put({ pk: keys.leadPartition('x#1'), sk: 'EVENT#2020', event: { reason: secret } });
    await campaigns.putCampaign({
      id: 'good',
      source: 'x',
      name: 'Good',
      product: 'CRM',
      query: 'crm',
      cadenceMinutes: 15,
      active: true,
      owner: 'ops',
    });
    await put({ ...keys.campaign('broken'), campaign: { id: 'broken', query: 42 } });

    const drafted = await walk((c) => tasks.listTasks('drafted', 1, c));

    const good = [taskId('x#1', 'reply', '101'), taskId('x#1', 'like', '101')].sort();
    expect(drafted.items.map((t) => t.id).sort()).toEqual(good);
    expect(drafted.skipped).toBe(1);
    expect((await tasks.listProspectTasks('x#1')).map((t) => t.id).sort()).toEqual(good);
    expect((await leads.listSignals('x#1')).map((s) => s.postId)).toEqual(['101']);
    expect(await leads.listEvents('x#1')).toEqual([]);
    expect((await campaigns.listCampaigns()).map((c) => c.id)).toEqual(['good']);
    expect(new Set(lines.map((l) => l.extra?.kind))).toEqual(
      new Set(['task', 'signal', 'event', 'campaign']),
    );
    expect(lines.every((l) => l.extra?.error === 'StoredItemError')).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/555|evaluating/);
  });
});
