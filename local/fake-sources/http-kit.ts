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

/**
 * The tokens a fake token endpoint issued: which are still good, how many were minted, and a way
 * to revoke them all (a rotated secret, a revoked session) to rehearse a 401 mid-cycle.
 */
export class TokenDesk {
  private readonly live = new Map<string, number>();
  minted = 0;

  issue(ttlSeconds: number): { token: string; expiresAt: number } {
    this.minted++;
    const expiresAt = Date.now() + ttlSeconds * 1000;
    const token = `minted-${this.minted}-${Math.random().toString(36).slice(2, 10)}`;
    this.live.set(token, expiresAt);
    return { token, expiresAt };
  }

  /** 'ok', or why the token is not accepted. */
  check(token: string): 'ok' | 'expired' | 'unknown' {
    const expiresAt = this.live.get(token);
    if (expiresAt === undefined) return 'unknown';
    return expiresAt > Date.now() ? 'ok' : 'expired';
  }

  revokeAll(): void {
    this.live.clear();
  }

  revoke(token: string): void {
    this.live.delete(token);
  }
}

/** Reads a request body (for the fakes' token endpoints). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      body += d;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
