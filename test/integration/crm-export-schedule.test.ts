import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCrmExportHandler } from '../../functions/crm-export/create-handler.ts';
import type { LeadState } from '../../shared/domain/lead-state.ts';
import type { ExportFiles } from '../../shared/ports/export-files.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { freshBucket, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const settings = {
  states: ['mql'] as LeadState[],
  format: 'hubspot' as const,
  firstExportDays: 30,
  maxRowsPerFile: 1,
  maxFiles: 20,
};

describe('the scheduled CRM export into S3', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let bucket: Awaited<ReturnType<typeof freshBucket>>;
  let now = new Date('2026-11-21T12:00:00.000Z');
  const clock = { now: () => now };

  async function lead(authorId: string, state: LeadState, changedAt: string) {
    await seedPost(
      stores.posts,
      { authorId, postId: `8${authorId}`, text: 'evaluating CRMs' },
      new Date(changedAt),
    );
    const update = { score: 75, breakdown: [], definitionVersion: 1, state };
    await stores.leads.saveScore(`x#${authorId}`, 1, update, new Date(changedAt));
  }
  const run = (files: ExportFiles = bucket.files) =>
    createCrmExportHandler(
      { leads: stores.leads, files, clock, log: silentLog },
      settings,
    )({
      source: 'prospector.crm-export',
    });
  async function objects() {
    const list = await bucket.s3.send(new ListObjectsV2Command({ Bucket: bucket.name }));
    return (list.Contents ?? []).map((o) => o.Key ?? '').sort();
  }
  const keysIn = async (name: string) =>
    (parse((await bucket.files.read(name)) ?? '', { columns: true }) as Record<string, string>[]).map(
      (r) => r['Prospector Key'],
    );

  beforeAll(async () => {
    [stores, bucket] = await Promise.all([freshStores(), freshBucket()]);
    await lead('1', 'mql', '2026-11-18T09:00:00.000Z');
    await lead('2', 'mql', '2026-11-19T09:00:00.000Z');
    await lead('3', 'nurture', '2026-11-20T09:00:00.000Z');
  });

  it('writes each window once, in the CRM columns, and keeps the watermark beside the files', async () => {
    const first = await run();
    const again = await run();

    expect(first).toMatchObject({ rows: 2, nextSince: '2026-11-21T11:58:00.001Z', complete: true });
    expect(first.files).toHaveLength(2);
    expect(await keysIn(first.files[0] ?? '')).toEqual(['x#1']);
    expect(await keysIn(first.files[1] ?? '')).toEqual(['x#2']);
    expect(again).toMatchObject({ files: [], rows: 0, nextSince: first.nextSince });
    expect(await objects()).toEqual([...first.files, 'crm/hubspot/watermark.json'].sort());
  });

  it('after a crash between the file and the watermark, redoes the same window into the same file', async () => {
    await lead('4', 'mql', '2026-11-21T12:01:00.000Z');
    now = new Date('2026-11-21T12:10:00.000Z');
    const before = await objects();
    const crashing: ExportFiles = {
      read: (name) => bucket.files.read(name),
      write: async (name, body, type) => {
        if (name.endsWith('watermark.json')) throw new Error('crashed before saving the watermark');
        await bucket.files.write(name, body, type);
      },
    };

    await expect(run(crashing)).rejects.toThrow(/crashed/);
    const redone = await run();

    expect(redone.files).toHaveLength(1);
    expect(await keysIn(redone.files[0] ?? '')).toEqual(['x#4']);
    expect(await objects()).toEqual([...before, ...redone.files].sort());
    expect(redone.nextSince).toBe('2026-11-21T12:08:00.001Z');
  });

  it('refuses to guess when the watermark is unreadable, naming it', async () => {
    await bucket.files.write('crm/hubspot/watermark.json', '{"since":"yesterday"}', 'application/json');

    await expect(run()).rejects.toThrow(/watermark crm\/hubspot\/watermark\.json is unreadable/);
  });
});
