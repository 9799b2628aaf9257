import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test can make a search request do, to rehearse a source's failure modes. */
export type Fault = 'rate-limit' | 'malformed-record' | 'malformed-envelope' | 'server-error';

/** Called for each search request (1-based); returning a fault makes that response fail. */
export type FaultFor = (requestNumber: number, params: URLSearchParams) => Fault | undefined;

export interface FakeServer {
  /** Base URL to use in place of the real API host (no trailing slash). */
  url: string;
  /** Query parameters of every search request, in order. */
  requests: URLSearchParams[];
  stop(): Promise<void>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A fixed request budget per window, as real APIs count it; `take` spends one unless forced to fail. */
export class RateWindow {
  private start = Date.now();
  private used = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(forceLimited: boolean): { limited: boolean; used: number; remaining: number; resetAtMs: number } {
    if (Date.now() - this.start >= this.windowMs) {
      this.start = Date.now();
      this.used = 0;
    }
    if (!forceLimited) this.used++;
    const limited = forceLimited || this.used > this.limit;
    return {
      limited,
      used: this.used,
      remaining: limited ? 0 : Math.max(this.limit - this.used, 0),
      resetAtMs: this.start + this.windowMs,
    };
  }
}

/** Every whitespace-separated term of the query appears in the text (case-insensitive). */
export function matchesTerms(query: string, text: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => haystack.includes(term.replace(/^"|"$/g, '')));
}

/** Starts a plain-HTTP server on a free local port. */
export async function listen(
  handle: (req: IncomingMessage, res: ServerResponse, url: URL) => void,
  requests: URLSearchParams[],
): Promise<FakeServer> {
  const server = createServer((req, res) => {
    try {
      handle(req, res, new URL(req.url ?? '/', 'http://localhost'));
    } catch (error) {
      sendJson(res, 500, { error: 'InternalServerError', message: (error as Error).message });
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
