import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Feed, WireTweet, WireUser } from './feed.ts';
import { matchesQuery } from './query-matcher.ts';
import { parseQuery, type QueryNode } from './query-parser.ts';
import { selfSignedCertificate } from './tls.ts';

/** What a test can make the next request do, to rehearse X's failure modes. */
export type Fault = 'rate-limit' | 'malformed-record' | 'malformed-envelope' | 'server-error';

export interface FakeXOptions {
  feed: Feed;
  bearerToken?: string;
  /** Requests allowed per 15-minute window (X: 450 per app token). */
  rateLimit?: number;
  windowMs?: number;
  /** Called for each search request (1-based); returning a fault makes that response fail. */
  faultFor?: (requestNumber: number, params: URLSearchParams) => Fault | undefined;
}

export interface FakeXServer {
  /** Base URL to put in place of https://api.x.com/ */
  url: string;
  requests: URLSearchParams[];
  stop(): Promise<void>;
}

const DEFAULT_TWEET_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
const DEFAULT_USER_FIELDS = ['id', 'name', 'username'];

function pick(o: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => o[f] !== undefined).map((f) => [f, o[f]]));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function invalid(res: ServerResponse, parameter: string, message: string, headers: Record<string, string>) {
  json(
    res,
    400,
    {
      errors: [{ parameters: { [parameter]: [] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
    headers,
  );
}

const big = (id: string) => BigInt(id);

/**
 * A local X API v2 recent-search endpoint over HTTPS, with the real wire format: field selection,
 * `expansions=author_id` into `includes.users`, newest-first paging by `next_token`, `since_id`,
 * `until_id`, `start_time`, `x-rate-limit-*` headers and 429s.
 */
export async function startFakeXServer(options: FakeXOptions): Promise<FakeXServer> {
  const token = options.bearerToken ?? 'local-token';
  const limit = options.rateLimit ?? 450;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const tweets = [...options.feed.tweets].sort((a, b) => (big(b.id) > big(a.id) ? 1 : -1));
  const users = new Map<string, WireUser>(options.feed.users.map((u) => [u.id, u]));
  const parsed = new Map<string, QueryNode>();
  const requests: URLSearchParams[] = [];
  let windowStart = Date.now();
  let used = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    if (url.pathname !== '/2/tweets/search/recent')
      return json(res, 404, { title: 'Not Found Error', status: 404 });
    if (req.headers.authorization !== `Bearer ${token}`) {
      return json(res, 401, {
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    }
    if (Date.now() - windowStart >= windowMs) {
      windowStart = Date.now();
      used = 0;
    }
    const params = url.searchParams;
    requests.push(params);
    const fault = options.faultFor?.(requests.length, params);
    const forcedLimit = fault === 'rate-limit';
    if (!forcedLimit) used++;
    const reset = Math.ceil((windowStart + windowMs) / 1000);
    const rl = {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(forcedLimit ? 0 : Math.max(limit - used, 0)),
      'x-rate-limit-reset': String(reset),
    };
    if (forcedLimit || used > limit) {
      return json(
        res,
        429,
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        rl,
      );
    }
    if (fault === 'server-error') return json(res, 503, { title: 'Service Unavailable', status: 503 }, rl);

    const query = params.get('query');
    if (!query || query.length > 512) return invalid(res, 'query', 'query must be 1-512 characters', rl);
    let node = parsed.get(query);
    if (!node) {
      try {
        node = parseQuery(query);
      } catch (error) {
        return invalid(
          res,
          'query',
          `There were errors processing your request: ${(error as Error).message}`,
          rl,
        );
      }
      parsed.set(query, node);
    }
    const max = Number(params.get('max_results') ?? '10');
    if (!Number.isInteger(max) || max < 10 || max > 100) {
      return invalid(
        res,
        'max_results',
        `The \`max_results\` query parameter value [${params.get('max_results')}] is not between 10 and 100`,
        rl,
      );
    }
    for (const p of ['since_id', 'until_id']) {
      const v = params.get(p);
      if (v !== null && !/^\d{1,19}$/.test(v))
        return invalid(res, p, `The \`${p}\` query parameter value [${v}] is not valid`, rl);
    }
    const since = params.get('since_id');
    const until = params.get('until_id');
    const start = params.get('start_time') ? Date.parse(params.get('start_time') as string) : undefined;
    const tokenAt = params.get('next_token')
      ? Buffer.from(params.get('next_token') as string, 'base64url').toString()
      : undefined;
    if (tokenAt !== undefined && !/^\d+$/.test(tokenAt))
      return invalid(res, 'next_token', 'The `next_token` query parameter value is not valid', rl);

    const matching = tweets.filter(
      (t) =>
        (since === null || big(t.id) > big(since)) &&
        (until === null || big(t.id) < big(until)) &&
        (tokenAt === undefined || big(t.id) < big(tokenAt)) &&
        (start === undefined || Date.parse(t.created_at) >= start) &&
        matchesQuery(node, t as Parameters<typeof matchesQuery>[1]),
    );
    const page = matching.slice(0, max);
    const more = matching.length > max;
    if (page.length === 0) return json(res, 200, { meta: { result_count: 0 } }, rl);

    const tweetFields = [...DEFAULT_TWEET_FIELDS, ...(params.get('tweet.fields')?.split(',') ?? [])];
    const expandAuthors = params.get('expansions')?.split(',').includes('author_id') ?? false;
    const userFields = [...DEFAULT_USER_FIELDS, ...(params.get('user.fields')?.split(',') ?? [])];
    const data: Record<string, unknown>[] = page.map((t: WireTweet) =>
      pick(
        { ...t, edit_history_tweet_ids: [t.id] },
        expandAuthors ? [...tweetFields, 'author_id'] : tweetFields,
      ),
    );
    const authorIds = [...new Set(page.map((t) => t.author_id))];
    const body: Record<string, unknown> = {
      data,
      meta: {
        newest_id: page[0]?.id,
        oldest_id: page[page.length - 1]?.id,
        result_count: page.length,
        ...(more ? { next_token: Buffer.from(page[page.length - 1]?.id ?? '').toString('base64url') } : {}),
      },
    };
    if (expandAuthors) {
      body.includes = {
        users: authorIds.flatMap((id) =>
          users.has(id) ? [pick(users.get(id) as WireUser, userFields)] : [],
        ),
      };
    }
    if (fault === 'malformed-record' && data[1]) data[1].created_at = 'yesterday';
    if (fault === 'malformed-envelope') body.meta = { result_count: 'many' };
    return json(res, 200, body, rl);
  };

  const server = createServer(selfSignedCertificate(), handle);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
