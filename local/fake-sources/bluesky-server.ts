import type { ServerResponse } from 'node:http';
import type { BskyFixture, BskyWirePost } from './bluesky-fixture.ts';
import { FakeBlueskySessions } from './bluesky-session.ts';
import {
  type FakeServer,
  type FaultFor,
  listen,
  matchesTerms,
  RateWindow,
  sendJson,
  type TokenDesk,
} from './http-kit.ts';

export interface FakeBlueskyOptions {
  fixture: BskyFixture;
  /** Access token required as `Bearer`; Bluesky refuses unauthenticated post search. */
  token?: string;
  /** An account whose app password `com.atproto.server.createSession` accepts. */
  login?: { identifier: string; appPassword: string; tokenTtlSeconds?: number };
  /** Requests per window (PDS: 3,000 per 5 minutes per IP). */
  rateLimit?: number;
  windowMs?: number;
  /** Deepest offset the search cursor reaches (Bluesky's search service: 10,000). */
  offsetCap?: number;
  /**
   * Serve pages shorter than `limit` that still carry a cursor, as the AppView does when it drops
   * posts it could not hydrate or that moderation hides.
   */
  shortPages?: boolean;
  /** Make getProfiles fail with a 502, to rehearse a degraded AppView. */
  failProfiles?: boolean;
  faultFor?: FaultFor;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/** When a post sorts: the earlier of its claimed `createdAt` and when the AppView indexed it. */
function sortAt(p: BskyWirePost): number {
  return Math.min(Date.parse(p.record.createdAt), Date.parse(p.indexedAt));
}

/** Cursors are opaque to clients; this one hides an offset. */
const encodeCursor = (offset: number) => Buffer.from(`v1:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  const m = /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

function xrpcError(res: ServerResponse, status: number, error: string, message: string, headers = {}) {
  sendJson(res, status, { error, message }, headers);
}

/**
 * A local XRPC host for `app.bsky.feed.searchPosts` (`sort=latest`: newest `sortAt` first, the
 * earlier of `createdAt` and `indexedAt`, which `since` (inclusive) and `until` (exclusive) also
 * filter on; posts not yet indexed hidden; opaque cursors over an offset up to 10,000) and
 * `app.bsky.actor.getProfiles` (at most 25 actors), with `ratelimit-*` headers and 429s; with
 * `login`, also createSession and refreshSession (bluesky-session.ts).
 */
export async function startFakeBlueskyServer(
  options: FakeBlueskyOptions,
): Promise<FakeServer & { lookups: string[][]; tokens: TokenDesk; sessions?: FakeBlueskySessions }> {
  const token = options.token ?? 'local-token';
  const sessions = new FakeBlueskySessions(options.login ?? { identifier: '', appPassword: '' });
  const tokens = sessions.tokens;
  const window = new RateWindow(options.rateLimit ?? 3000, options.windowMs ?? 5 * 60_000);
  const cap = options.offsetCap ?? 10_000;
  const profiles = new Map(options.fixture.profiles.map((p) => [p.did, p]));
  const requests: URLSearchParams[] = [];
  const lookups: string[][] = [];

  const server = await listen((req, res, url) => {
    const method = url.pathname.replace(/^\/xrpc\//, '');
    if (options.login && sessions.handle(method, req, res)) return;
    if (method !== 'app.bsky.feed.searchPosts' && method !== 'app.bsky.actor.getProfiles')
      return xrpcError(res, 501, 'MethodNotImplemented', 'Method Not Implemented');
    if (!req.headers.authorization) return xrpcError(res, 401, 'AuthMissing', 'Authentication Required');
    const bearer = req.headers.authorization.replace(/^Bearer /, '');
    const minted = tokens.check(bearer.split('.')[2] ?? '');
    if (minted === 'expired') return xrpcError(res, 400, 'ExpiredToken', 'Token has expired');
    if (bearer !== token && minted !== 'ok') return xrpcError(res, 400, 'InvalidToken', 'Bad token');
    const params = url.searchParams;
    const search = method === 'app.bsky.feed.searchPosts';
    if (search) requests.push(params);
    const fault = search ? options.faultFor?.(requests.length, params) : undefined;
    const rate = window.take(fault === 'rate-limit');
    const headers = {
      'ratelimit-limit': String(window.limit),
      'ratelimit-remaining': String(rate.remaining),
      'ratelimit-reset': String(Math.ceil(rate.resetAtMs / 1000)),
      'ratelimit-policy': `${window.limit};w=${Math.round(window.windowMs / 1000)}`,
    };
    if (rate.limited) return xrpcError(res, 429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers);
    if (fault === 'server-error') return xrpcError(res, 502, 'UpstreamFailure', 'Upstream Failure', headers);

    if (!search) {
      const actors = params.getAll('actors');
      lookups.push(actors);
      if (actors.length === 0 || actors.length > 25)
        return xrpcError(
          res,
          400,
          'InvalidRequest',
          'Error: actors must not have more than 25 elements',
          headers,
        );
      if (options.failProfiles) return xrpcError(res, 502, 'UpstreamFailure', 'Upstream Failure', headers);
      return sendJson(res, 200, { profiles: actors.flatMap((a) => profiles.get(a) ?? []) }, headers);
    }

    const q = params.get('q');
    if (!q) return xrpcError(res, 400, 'InvalidRequest', 'Error: Params must have the property "q"', headers);
    const limit = Number(params.get('limit') ?? '25');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return xrpcError(res, 400, 'InvalidRequest', 'Error: limit must be between 1 and 100', headers);
    const cursor = params.get('cursor');
    const offset = cursor === null ? 0 : decodeCursor(cursor);
    if (offset === undefined || offset > cap)
      return xrpcError(res, 400, 'InvalidRequest', "invalid value for 'cursor'", headers);
    const bounds: Record<string, number> = {};
    for (const p of ['since', 'until']) {
      const v = params.get(p);
      if (v === null) continue;
      if (!DATETIME.test(v))
        return xrpcError(res, 400, 'BadRequest', `invalid Datetime for '${p}': ${v}`, headers);
      bounds[p] = Date.parse(v);
    }
    const now = Date.now();
    const matching = options.fixture.posts
      .filter((p: BskyWirePost) => {
        const at = sortAt(p);
        return (
          Date.parse(p.indexedAt) <= now &&
          (bounds.since === undefined || at >= bounds.since) &&
          (bounds.until === undefined || at < bounds.until) &&
          matchesTerms(q, p.record.text)
        );
      })
      .sort((a, b) => sortAt(b) - sortAt(a) || (a.uri < b.uri ? -1 : 1));
    // A short page: the AppView dropped a few posts after the search service chose them.
    const served = options.shortPages && limit > 3 ? limit - 3 : limit;
    const page: Record<string, unknown>[] = matching.slice(offset, offset + served).map((p) => ({
      ...p,
      record: { ...p.record },
    }));
    const body: Record<string, unknown> = { posts: page, hitsTotal: matching.length };
    if (page.length === served && offset + served < cap) body.cursor = encodeCursor(offset + served);
    if (fault === 'malformed-record' && page[1])
      (page[1].record as Record<string, unknown>).createdAt = 'yesterday';
    if (fault === 'malformed-envelope') body.posts = {};
    return sendJson(res, 200, body, headers);
  }, requests);
  return { ...server, lookups, tokens, ...(options.login ? { sessions } : {}) };
}
