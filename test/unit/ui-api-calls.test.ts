import { describe, expect, it } from 'vitest';
import { documentedPathFits, scanSource } from '../support/ui-api-calls.ts';

const calls = (source: string) => scanSource(source).map((c) => `${c.method} ${c.template}`);

describe('the UI call scanner', () => {
  it('reads string pages: concatenated paths, options methods, queries dropped', () => {
    const page = `const PAGE = \`<script>
      const d = await call('/api/leads/' + path(card.dataset.key));
      await call('/api/leads/' + path(card.dataset.key) + '/decision', { method: 'POST', body: JSON.stringify({ to }) });
      const url = view === 'tasks' ? '/api/tasks?' + q : '/api/leads?state=' + view + '&' + q;
      await call('/api/tasks/' + path(k) + '/' + card.dataset.task + '/draft', { method: 'PUT', body });
    </script>\`;`;
    expect(calls(page)).toEqual([
      'GET /api/leads/{}',
      'POST /api/leads/{}/decision',
      'GET /api/tasks',
      'GET /api/leads',
      'PUT /api/tasks/{}/{}/draft',
    ]);
  });

  it('reads tsx: api(METHOD, path) helpers, fetch with template literals', () => {
    const tsx = `
      // GET /api/codes in a comment is prose, not a call
      const page = await api('GET', \`/api/leads?state=\${state}&limit=50\`);
      await api('POST', \`/api/leads/\${lead.key.replace('#', '/')}/decision\`, { to: 'mql' });
      const counts = await fetch('/api/leads/counts').then((r) => r.json());
      await fetch(\`/api/tasks/\${source}/\${author}/\${id}/approve\`, { method: "POST" });`;
    expect(calls(tsx)).toEqual([
      'GET /api/leads',
      'POST /api/leads/{}/decision',
      'GET /api/leads/counts',
      'POST /api/tasks/{}/{}/{}/approve',
    ]);
  });

  it('fits a template to documented paths: {} stands for one or more parameters', () => {
    expect(documentedPathFits('/api/leads/{source}/{authorId}/decision', '/api/leads/{}/decision')).toBe(
      true,
    );
    expect(documentedPathFits('/api/leads/{source}/{authorId}', '/api/leads/{}')).toBe(true);
    expect(documentedPathFits('/api/leads/{source}/{authorId}', '/api/leads/{}/decision')).toBe(false);
    expect(documentedPathFits('/api/leads/counts', '/api/leads/{}')).toBe(false);
    expect(documentedPathFits('/api/leads', '/api/leads/')).toBe(true);
  });
});
