import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labelPost } from '../../shared/use-cases/label-post.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

describe('prospector labels list', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;

  beforeAll(async () => {
    stores = await freshStores();
    await seedPost(stores.posts, {
      authorId: '91',
      postId: '9091',
      text: 'Our CRM contract renews\nin May: shortlisting',
    });
    await labelPost(
      { ...stores, clock: { now: () => new Date() } },
      { key: 'x#91', postId: '9091', label: 'buying', actor: { type: 'sales', id: 'sam' } },
    );
  });

  it('lists each label with when, who, the label, the lead and post, and the text on one line', async () => {
    const env = {
      ...process.env,
      TABLE_NAME: stores.table.name,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      AWS_REGION: 'us-east-1',
    };
    const args = [join(ROOT, 'bin', 'prospector.mjs'), 'labels', 'list'];

    const text = await run(process.execPath, args, { cwd: ROOT, env });
    const json = await run(process.execPath, [...args, '--json'], { cwd: ROOT, env });

    expect(text.stdout).toMatch(
      /^\S+Z {2}sales:sam {2}buying {6}x#91 9091 {2}"Our CRM contract renews in May: shortlisting"\n$/,
    );
    expect(text.stderr.trim().split('\n').at(-1)).toBe('{"labels":1}');
    expect(JSON.parse(json.stdout)).toMatchObject({
      key: 'x#91',
      postId: '9091',
      label: 'buying',
      by: 'sales:sam',
      text: 'Our CRM contract renews\nin May: shortlisting',
    });
  });
});
