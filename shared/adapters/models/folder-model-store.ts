import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ModelStore } from '../../ports/model-store.ts';

const SAFE_KEY = /^[a-z0-9][a-z0-9._/-]{0,200}$/;

/** Model files on a laptop: `<data dir>/models/<key>`. */
export class FolderModelStore implements ModelStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..'))
      throw new Error(`model store: bad key ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }

  async create(key: string, body: string): Promise<boolean> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    try {
      // 'wx' fails when the file exists: a version once written is never overwritten.
      await writeFile(path, body, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async replace(key: string, body: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed, so a reader never sees half a pointer.
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, body);
    await rename(temp, path);
  }

  async read(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    try {
      const entries = await readdir(this.root, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
        .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
        .filter((k) => k.startsWith(prefix))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
