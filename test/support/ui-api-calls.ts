import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Finds the API calls a web UI makes, by reading its source, so a test can check each one is a
 * documented route (issue 13: the UI talks to the API only through documented routes).
 *
 * What it recognises, in `.ts`/`.tsx`/`.js` files, including script held in a TypeScript string:
 * - any string or template literal that starts with `/api/`, plus what is concatenated to it
 *   (`'/api/leads/' + path(key) + '/decision'`, `` `/api/leads/${key}/decision` ``): each
 *   expression becomes a placeholder `{}`, the query string is dropped;
 * - the method: a literal just before the path (`api('POST', '/api/…')`), or `method: 'POST'` in
 *   the options right after it (`fetch('/api/…', { method: 'POST' })`); otherwise GET.
 * A path built entirely elsewhere (a variable holding a whole URL) is found where its `/api/`
 * literal is written, as a GET. Comments are not code: `GET /api/x` in prose has no quotes.
 */
export interface UiApiCall {
  method: string;
  /** The path with `{}` for each computed part, without the query: `/api/leads/{}/decision`. */
  template: string;
  /** `file:line`, relative to the scanned folder. */
  where: string;
}

/** A quoted path, or a template literal whose `${…}` may hold quotes of its own. */
const LITERAL_START = /'(\/api\/[^'\n]*)'|"(\/api\/[^"\n]*)"|`(\/api\/(?:[^`$]|\$(?!\{)|\$\{[^}]*\})*)`/g;
/** One `+ piece` after the path: a string literal, or an identifier chain with one call level. */
const CONTINUATION = /^\s*\+\s*(?:(['"`])([^'"`]*)\1|[\w.$]+(?:\((?:[^()]|\([^()]*\))*\))?(?:\.[\w$]+)*)/;
const METHOD_BEFORE = /(['"])(GET|POST|PUT|PATCH|DELETE)\1\s*,\s*$/;
const METHOD_AFTER = /^\s*,\s*\{[^}]*?\bmethod\s*:\s*(['"])(GET|POST|PUT|PATCH|DELETE)\1/;
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;

/** Literal text with `${…}` expressions turned into placeholders. */
const literalTemplate = (text: string) => text.replace(/\$\{[^}]*\}/g, '{}');

export function scanSource(source: string, file = 'source'): UiApiCall[] {
  const calls: UiApiCall[] = [];
  for (const match of source.matchAll(LITERAL_START)) {
    let template = literalTemplate(match[1] ?? match[2] ?? match[3] ?? '');
    let end = match.index + match[0].length;
    for (
      let piece = CONTINUATION.exec(source.slice(end));
      piece;
      piece = CONTINUATION.exec(source.slice(end))
    ) {
      template += piece[1] ? literalTemplate(piece[2]!) : '{}';
      end += piece[0].length;
    }
    const before = METHOD_BEFORE.exec(source.slice(Math.max(0, match.index - 40), match.index));
    const after = METHOD_AFTER.exec(source.slice(end, end + 300));
    const method = before?.[2] ?? after?.[2] ?? 'GET';
    const path = template
      .split('?')[0]!
      .replace(/\{\}(\{\})+/g, '{}')
      .replace(/(.)\/$/, '$1');
    const line = source.slice(0, match.index).split('\n').length;
    calls.push({ method, template: path, where: `${file}:${line}` });
  }
  return calls;
}

/** Every call in every source file under `dir`. */
export function scanUi(dir: string): UiApiCall[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      // `dist/` holds the generated bundle (minified copies of the same calls): the sources are scanned.
      if (statSync(full).isDirectory()) {
        if (name !== 'dist') walk(full);
      } else if (SOURCE_FILE.test(name)) files.push(full);
    }
  };
  walk(dir);
  return files.flatMap((f) => scanSource(readFileSync(f, 'utf8'), relative(dir, f)));
}

/**
 * Whether a documented path (`/api/leads/{source}/{authorId}/decision`) fits a scanned template:
 * literal text must match, and each `{}` stands for one or more path parameters (a helper such as
 * `path(key)` yields `x/123`, two segments).
 */
export function documentedPathFits(documented: string, template: string): boolean {
  const pattern = template
    .replace(/(.)\/$/, '$1')
    .split('{}')
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('\\{[^/}]+\\}(?:/\\{[^/}]+\\})*');
  return new RegExp(`^${pattern}$`).test(documented);
}
