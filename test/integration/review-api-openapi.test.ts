import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { LocalIdentity } from '../../local/runner/local-identity.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

const run = promisify(execFile);
const REDOCLY = resolve('node_modules/.bin/redocly');
/** Offline and quiet: no telemetry, no update check. */
const OFFLINE_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

describe('GET /api/openapi.json: the review API documents itself', () => {
  const identity = new LocalIdentity();
  let app: ReturnType<typeof createApp>;
  let document: Document;

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => new Date() },
      log: silentLog,
      identify: identity.identify,
    });
    const token = identity.sign({ id: 'local-sales', roles: ['sales'] });
    const res = await app.request('/api/openapi.json', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    document = (await res.json()) as Document;
  });

  it('is for signed-in callers only', async () => {
    expect((await app.request('/api/openapi.json')).status).toBe(401);
  });

  it('lints clean with @redocly/cli and the recommended rules: 0 errors, 0 warnings', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'openapi-')), 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const { stdout } = await run(REDOCLY, ['lint', file, '--config', 'redocly.yaml', '--format', 'json'], {
      env: OFFLINE_ENV,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('describes the error answers of every operation with the shared {error} schema', () => {
    const operations = Object.values(document.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThanOrEqual(26);
    for (const op of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      expect(
        errors.map(([s]) => s),
        op.operationId,
      ).toContain('500');
      for (const [status, response] of errors)
        expect(response.content?.['application/json']?.schema?.$ref, `${op.operationId} ${status}`).toBe(
          '#/components/schemas/Error',
        );
    }
  });

  it('lists the routes the app serves, with their guards as 401/403 answers', () => {
    const decision = document.paths['/api/leads/{source}/{authorId}/decision']?.post;
    expect(Object.keys(decision?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '415']),
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/leads', '/api/tasks', '/api/mql', '/api/codes', '/api/openapi.json']),
    );
  });
});
