import type { ServerResponse } from 'node:http';
import {
  type FakeServer,
  type FaultFor,
  listen,
  matchesTerms,
  RateWindow,
  readBody,
  sendJson,
  TokenDesk,
} from './http-kit.ts';
import type { RedditFixture, RedditWireLink } from './reddit-fixture.ts';

export interface FakeRedditOptions {
  fixture: RedditFixture;
  token?: string;
  /** An app whose id and secret `POST /api/v1/access_token` (client_credentials) accepts. */
  app?: { clientId: string; clientSecret: string; tokenTtlSeconds?: number };
  /** Requests per window (Reddit: about 100 a minute, counted over 10 minutes). */
  rateLimit?: number;
  windowMs?: number;
  /**
   * How deep a search can be paged before `after` runs out. Reddit documents 1,000 for listings,
   * but search often stops near 250 results, so that is the default.
   */
  listingCap?: number;
  /** Subreddits that went private: their posts leave search, and an `after` naming one gets a 403. */
  privateSubreddits?: Set<string>;
  faultFor?: FaultFor;
}

function fail(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  sendJson(res, status, { ...extra, message, error: status }, headers);
}

/** `/search`'s documented `sort` values and `type` items; `q` is at most 512 characters. */
const SORTS = new Set(['relevance', 'hot', 'top', 'new', 'comments']);
const TYPES = new Set(['sr', 'link', 'user']);
const MAX_Q = 512;

/** Orders links as `sort` asks: newest first for `new` (what discovery uses), by score or comments otherwise. */
function order(sort: string) {
  const newest = (a: RedditWireLink, b: RedditWireLink) =>
    b.created_utc - a.created_utc || Number.parseInt(b.id, 36) - Number.parseInt(a.id, 36);
  const by = (field: string) => (a: RedditWireLink, b: RedditWireLink) =>
    Number(b[field] ?? 0) - Number(a[field] ?? 0) || newest(a, b);
  if (sort === 'top' || sort === 'hot') return by('score');
  if (sort === 'comments') return by('num_comments');
  return newest;
}

/**
 * A local `oauth.reddit.com/search` with Reddit's wire format: a `Listing` of `t3` children,
 * newest first for `sort=new` (`sort` and `type` validated and honoured, `q` at most 512
 * characters), `limit` (at most 100), `after=<fullname>` anchors (an unknown anchor gives an empty
 * listing, as on Reddit; one in a subreddit gone private a 403), a search depth (`listingCap`),
 * bearer auth, `x-ratelimit-*` headers and 429s. There is
 * no time filter, as on Reddit. The fixture's `links` array may be changed between requests. With
 * `app`, it is also `www.reddit.com/api/v1/access_token`, minting app-only tokens it then accepts.
 */
export async function startFakeRedditServer(
  options: FakeRedditOptions,
): Promise<FakeServer & { tokens: TokenDesk }> {
  const token = options.token ?? 'local-token';
  const tokens = new TokenDesk();
  const window = new RateWindow(options.rateLimit ?? 1000, options.windowMs ?? 10 * 60_000);
  const cap = options.listingCap ?? 250;
  const hidden = (l: RedditWireLink) => options.privateSubreddits?.has(String(l.subreddit)) ?? false;
  const requests: URLSearchParams[] = [];

  const server = await listen((req, res, url) => {
    if (url.pathname === '/api/v1/access_token' && req.method === 'POST' && options.app) {
      const { clientId, clientSecret, tokenTtlSeconds = 86_400 } = options.app;
      const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      void readBody(req).then((body) => {
        if (req.headers.authorization !== basic) return fail(res, 401, 'Unauthorized', {});
        if (new URLSearchParams(body).get('grant_type') !== 'client_credentials')
          return sendJson(res, 200, { error: 'unsupported_grant_type' });
        const minted = tokens.issue(tokenTtlSeconds);
        sendJson(res, 200, {
          access_token: minted.token,
          token_type: 'bearer',
          expires_in: tokenTtlSeconds,
          scope: '*',
        });
      });
      return;
    }
    if (url.pathname !== '/search' && url.pathname !== '/search.json') return fail(res, 404, 'Not Found', {});
    const bearer = (req.headers.authorization ?? '').replace(/^bearer /i, '');
    if (bearer !== token && tokens.check(bearer) !== 'ok') return fail(res, 401, 'Unauthorized', {});
    const params = url.searchParams;
    requests.push(params);
    const fault = options.faultFor?.(requests.length, params);
    const rate = window.take(fault === 'rate-limit');
    const headers = {
      'x-ratelimit-used': String(rate.used),
      'x-ratelimit-remaining': rate.remaining.toFixed(1),
      'x-ratelimit-reset': String(Math.max(0, Math.ceil((rate.resetAtMs - Date.now()) / 1000))),
    };
    if (rate.limited) return fail(res, 429, 'Too Many Requests', headers);
    if (fault === 'server-error') {
      res.writeHead(503, { 'content-type': 'text/html', ...headers });
      return res.end('<html><body><h1>all of our servers are busy right now</h1></body></html>');
    }

    const q = params.get('q') ?? '';
    if (q.length > MAX_Q)
      return fail(res, 400, 'Bad Request', headers, { reason: 'q is longer than 512 characters' });
    const sort = params.get('sort') ?? 'relevance';
    if (!SORTS.has(sort)) return fail(res, 400, 'Bad Request', headers, { reason: `invalid sort: ${sort}` });
    const types = (params.get('type') ?? 'sr,link,user').split(',');
    if (types.some((t) => !TYPES.has(t)))
      return fail(res, 400, 'Bad Request', headers, { reason: `invalid type: ${params.get('type')}` });
    const after = params.get('after');
    const anchor = after ? options.fixture.links.find((l) => l.name === after) : undefined;
    if (anchor && hidden(anchor)) return fail(res, 403, 'Forbidden', headers, { reason: 'private' });
    const limit = Math.min(Math.max(Number(params.get('limit') ?? '25') || 25, 1), 100);
    // Only links are served here: a search for subreddits or users alone finds none of them.
    const matching = types.includes('link')
      ? [...options.fixture.links]
          .filter((l: RedditWireLink) => !hidden(l) && matchesTerms(q, `${l.title} ${l.selftext}`))
          .sort(order(sort))
          .slice(0, cap)
      : [];
    const start = after ? matching.findIndex((l) => l.name === after) + 1 : 0;
    const page = after && start === 0 ? [] : matching.slice(start, start + limit);
    const more = page.length > 0 && start + limit < matching.length;
    const children: { kind: string; data: Record<string, unknown> }[] = page.map((l) => ({
      kind: 't3',
      data: { ...l },
    }));
    const body: Record<string, unknown> = {
      kind: 'Listing',
      data: {
        after: more ? (page.at(-1)?.name ?? null) : null,
        dist: children.length,
        modhash: '',
        geo_filter: '',
        children,
        before: null,
      },
    };
    if (fault === 'malformed-record' && children[1]) children[1].data.created_utc = 'yesterday';
    if (fault === 'malformed-envelope') (body.data as Record<string, unknown>).children = 'none';
    return sendJson(res, 200, body, headers);
  }, requests);
  return { ...server, tokens };
}
