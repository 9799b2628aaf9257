import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type XTokens, XTokensSchema } from '../../domain/x-connection.ts';
import type { TokenVault } from '../../ports/x-account.ts';

/**
 * The local stand-in for Secrets Manager: the tokens encrypted with AES-256-GCM in a file, under
 * a key kept beside it (both mode 0600). Writes go through a rename, so a reader never sees half
 * a file. For a laptop and the tests; AWS uses SecretsManagerTokenVault.
 */
export class FileTokenVault implements TokenVault {
  private readonly file: string;
  private readonly keyFile: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'x-tokens.enc');
    this.keyFile = join(dir, 'x-tokens.key');
  }

  private async key(): Promise<Buffer> {
    try {
      return await readFile(this.keyFile);
    } catch {
      await mkdir(this.dir, { recursive: true });
      const key = randomBytes(32);
      await writeFile(this.keyFile, key, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
      return readFile(this.keyFile);
    }
  }

  async get(): Promise<XTokens | undefined> {
    let blob: Buffer;
    try {
      blob = await readFile(this.file);
    } catch {
      return undefined;
    }
    const decipher = createDecipheriv('aes-256-gcm', await this.key(), blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    return XTokensSchema.parse(JSON.parse(plain));
  }

  async put(tokens: XTokens): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.key(), iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify(XTokensSchema.parse(tokens)), 'utf8'),
      cipher.final(),
    ]);
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  async delete(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
