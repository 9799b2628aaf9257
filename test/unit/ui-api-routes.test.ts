import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { silentLog } from '../../shared/ports/log.ts';

const UI = join(import.meta.dirname, '..', '..', 'functions', 'review-api', 'ui');

/** Every `/api/...` path the workspace's sources name, as templates: `${keyPath(..)}` → `{key}`. */
function uiPaths(): Set<string> {
  const files = ['.', 'pages', 'components'].flatMap((d) =>
    readdirSync(join(UI, d))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(UI, d, f), 'utf8')),
  );
  const paths = new Set<string>();
  for (const src of files)
    for (const m of src.matchAll(/['`](\/api\/(?:[^'`$?]|\$\{(?:[^{}]|\{[^{}]*\})*\})*)/g))
      paths.add(
        m[1]!
          .replace(/\$\{keyPath\((?:[^()]|\([^()]*\))*\)\}/g, '{key}')
          .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '{x}'),
      );
  return paths;
}

/** Routes the page calls that another helper's branch documents (not merged here yet). */
const DOCUMENTED_ELSEWHERE = new Map([
  ['/api/leads/counts', 'GET /api/leads/counts: helper api'],
  ['/api/leads/{key}/post-labels', 'POST /api/leads/{source}/{authorId}/post-labels: helper grade'],
]);

describe('the workspace talks to the API only through documented routes', () => {
  it('names only paths in GET /api/openapi.json', async () => {
    const app = createApp({
      identify: () => ({ id: 'reader', roles: ['sales'] }),
      log: silentLog,
    } as unknown as Parameters<typeof createApp>[0]);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const documented = new Set(
      Object.keys(doc.paths).map((p) =>
        p
          .replace(/^\/api\/(leads|tasks)\/\{source\}\/\{authorId\}/, '/api/$1/{key}')
          .replace(/\{(?!key\})[^}]+\}/g, '{x}'),
      ),
    );
    const called = [...uiPaths()];

    const undocumented = called.filter((p) => !documented.has(p) && !DOCUMENTED_ELSEWHERE.has(p));
    expect(called.length).toBeGreaterThan(10);
    expect(called).toContain('/api/leads/{key}/timeline');
    expect(undocumented).toEqual([]);
  });
});
