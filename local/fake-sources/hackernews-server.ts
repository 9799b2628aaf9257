import type { ServerResponse } from 'node:http';
import type { HnFixture, HnWireHit } from './hackernews-fixture.ts';
import { type FakeServer, type FaultFor, listen, matchesTerms, RateWindow, sendJson } from './http-kit.ts';

export interface FakeHackerNewsOptions {
  fixture: HnFixture;
  /** Requests allowed per window (Algolia: about 10,000 an hour per IP). */
  rateLimit?: number;
  windowMs?: number;
  faultFor?: FaultFor;
}

/** Algolia only ever lets a query reach its first 1,000 hits. */
const REACHABLE_HITS = 1000;
const NUMERIC_FILTER = /^(created_at_i|points|num_comments)(<=|>=|<|>|=)(\d+)$/;

function error(res: ServerResponse, status: number, message: string) {
  sendJson(res, status, { message, status });
}

/** `(story,comment),author_pg` → [[story, comment], [author_pg]]: groups ANDed, members ORed. */
function parseTags(tags: string): string[][] {
  return (tags.match(/\([^)]*\)|[^,]+/g) ?? []).map((g) => g.replace(/[()]/g, '').split(',').filter(Boolean));
}

function compare(value: number, op: string, bound: number): boolean {
  if (op === '<') return value < bound;
  if (op === '<=') return value <= bound;
  if (op === '>') return value > bound;
  if (op === '>=') return value >= bound;
  return value === bound;
}

function searchable(hit: HnWireHit): string {
  return [hit.title, hit.story_text, hit.comment_text, hit.author]
    .filter((v) => typeof v === 'string')
    .join(' ');
}

/**
 * A local HN Search API (`hn.algolia.com/api/v1`) with its wire format: `search_by_date` newest
 * first, `tags` groups, `numericFilters`, `page`/`hitsPerPage` with the 1,000-hit ceiling, and
 * `users/{name}`. Same-second hits come in ascending id order, so clients cannot lean on ties.
 */
export async function startFakeHackerNewsServer(
  options: FakeHackerNewsOptions,
): Promise<FakeServer & { lookups: string[] }> {
  const window = new RateWindow(options.rateLimit ?? 10_000, options.windowMs ?? 60 * 60_000);
  const users = new Map(options.fixture.users.map((u) => [u.username, u]));
  const requests: URLSearchParams[] = [];
  const lookups: string[] = [];
  const sorted = () =>
    [...options.fixture.hits].sort(
      (a, b) => b.created_at_i - a.created_at_i || (a.objectID < b.objectID ? -1 : 1),
    );

  const server = await listen((_req, res, url) => {
    const userMatch = /^\/api\/v1\/users\/([^/]+)$/.exec(url.pathname);
    if (url.pathname !== '/api/v1/search_by_date' && !userMatch) return error(res, 404, 'Not Found');
    const params = url.searchParams;
    let fault: ReturnType<FaultFor>;
    if (!userMatch) {
      requests.push(params);
      fault = options.faultFor?.(requests.length, params);
    }
    if (window.take(fault === 'rate-limit').limited) return error(res, 429, 'Too many requests');
    if (fault === 'server-error') return error(res, 503, 'Service Unavailable');

    if (userMatch) {
      const name = decodeURIComponent(userMatch[1] as string);
      lookups.push(name);
      const user = users.get(name);
      return user ? sendJson(res, 200, user) : error(res, 404, 'Not Found');
    }

    const hitsPerPage = Number(params.get('hitsPerPage') ?? '20');
    const page = Number(params.get('page') ?? '0');
    if (!Number.isInteger(hitsPerPage) || hitsPerPage < 1 || hitsPerPage > 1000)
      return error(res, 400, 'hitsPerPage must be between 1 and 1000');
    if (!Number.isInteger(page) || page < 0) return error(res, 400, 'page must be a non-negative integer');
    const filters = (params.get('numericFilters') ?? '').split(',').filter(Boolean);
    const parsed = filters.map((f) => NUMERIC_FILTER.exec(f.trim()));
    if (parsed.some((m) => !m))
      return error(res, 400, `invalid numericFilters: ${params.get('numericFilters')}`);
    const tagGroups = parseTags(params.get('tags') ?? '');
    const query = params.get('query') ?? '';

    const matching = sorted().filter(
      (hit) =>
        tagGroups.every((group) => group.some((tag) => hit._tags.includes(tag))) &&
        parsed.every((m) =>
          compare(Number(hit[(m as RegExpExecArray)[1] as string] ?? 0), m?.[2] ?? '=', Number(m?.[3])),
        ) &&
        matchesTerms(query, searchable(hit)),
    );
    const reachable = matching.slice(0, REACHABLE_HITS);
    const hits: Record<string, unknown>[] = reachable
      .slice(page * hitsPerPage, (page + 1) * hitsPerPage)
      .map((h) => ({ ...h }));
    const body: Record<string, unknown> = {
      hits,
      nbHits: matching.length,
      page,
      nbPages: Math.ceil(reachable.length / hitsPerPage),
      hitsPerPage,
      exhaustiveNbHits: true,
      exhaustiveTypo: true,
      exhaustive: { nbHits: true, typo: true },
      query,
      params: params.toString(),
      processingTimeMS: 1,
    };
    if (fault === 'malformed-record' && hits[1]) hits[1].created_at = 'yesterday';
    if (fault === 'malformed-envelope') body.nbPages = 'many';
    return sendJson(res, 200, body);
  }, requests);
  return { ...server, lookups };
}
