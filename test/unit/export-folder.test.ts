import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderExportFiles } from '../../shared/adapters/files/export-folder.ts';

describe('export files in a local folder (what npm start writes to out/)', () => {
  it('writes nested names, reads them back, and reads a missing file as undefined', async () => {
    const root = await mkdtemp(join(tmpdir(), 'export-folder-'));
    const files = new FolderExportFiles(root);

    await files.write('crm/generic/leads-1.csv', 'a,b\r\n', 'text/csv');

    expect(await readFile(join(root, 'crm', 'generic', 'leads-1.csv'), 'utf8')).toBe('a,b\r\n');
    expect(await files.read('crm/generic/leads-1.csv')).toBe('a,b\r\n');
    expect(await files.read('crm/generic/watermark.json')).toBeUndefined();
  });

  it('refuses a name that would leave the folder', async () => {
    const files = new FolderExportFiles(await mkdtemp(join(tmpdir(), 'export-folder-')));

    await expect(files.write('../escape.csv', 'x', 'text/csv')).rejects.toThrow(/leaves the folder/);
  });
});
