import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAccountEndpoints } from './account-endpoints.ts';
import { FakeXAccount } from './account-state.ts';
import { answerFault, type Fault } from './faults.ts';
import type { Feed } from './feed.ts';
import { json } from './responses.ts';
import { createSearchEndpoint } from './search-endpoint.ts';
import { selfSignedCertificate } from './tls.ts';

/** What a test can make the next request do, to rehearse X's failure modes (faults.ts lists them). */
export type { Fault } from './faults.ts';

export interface FakeXOptions {
  feed: Feed;
  bearerToken?: string;
  /** Requests allowed per 15-minute window (X: 450 per app token). */
  rateLimit?: number;
  windowMs?: number;
  /** Called for each search request (1-based); returning a fault makes that response fail. */
  faultFor?: (requestNumber: number, params: URLSearchParams) => Fault | undefined;
  /** X's clock, for its 7-day window (tests move it to rehearse a long pause). */
  now?: () => number;
  /** How long a `slow` fault holds its answer. */
  slowMs?: number;
}

export interface FakeXServer {
  /** Base URL to put in place of https://api.x.com/ */
  url: string;
  requests: URLSearchParams[];
  /** The brand's account: OAuth tokens, the posts X accepted (count them here), mentions to serve. */
  account: FakeXAccount;
  stop(): Promise<void>;
}

/**
 * A local X API v2 over HTTPS: a small router in front of one handler per endpoint, with bearer
 * auth, `x-rate-limit-*` headers and 429s. Endpoints live in files of their own.
 */
export async function startFakeXServer(options: FakeXOptions): Promise<FakeXServer> {
  const token = options.bearerToken ?? 'local-token';
  const limit = options.rateLimit ?? 450;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const search = createSearchEndpoint(options.feed, options.now);
  const requests: URLSearchParams[] = [];
  const account = new FakeXAccount(options.feed);
  const accountEndpoints = createAccountEndpoints(account);
  let windowStart = Date.now();
  let used = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    // Everything but search (OAuth, users/me, posts, mentions) is the brand account's, user context.
    if (url.pathname !== '/2/tweets/search/recent') {
      void accountEndpoints(req, res, url).then((served) => {
        if (!served) json(res, 404, { title: 'Not Found Error', status: 404 });
      });
      return;
    }
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
    if (fault && answerFault(res, fault, rl)) return;
    if (fault === 'slow') {
      setTimeout(() => search(res, params, rl, fault), options.slowMs ?? 2_000);
      return;
    }
    return search(res, params, rl, fault);
  };

  const server = createServer(selfSignedCertificate(), handle);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    requests,
    account,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
