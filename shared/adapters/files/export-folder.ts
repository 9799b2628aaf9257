import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ExportFiles } from '../../ports/export-files.ts';

/** Export files in a folder on this machine: what `npm start` writes to `out/`. */
export class FolderExportFiles implements ExportFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async write(name: string, body: string, _contentType?: string): Promise<void> {
    const path = this.pathOf(name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  }

  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Names are ours, but a name must never reach outside the folder. */
  private pathOf(name: string): string {
    const path = join(this.root, name);
    if (!path.startsWith(this.root + sep)) throw new Error(`export file name leaves the folder: ${name}`);
    return path;
  }
}
