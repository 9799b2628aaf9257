import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** The header the local review page sends its write token in. */
export const WRITE_TOKEN_HEADER = 'x-prospector-token';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface LocalAccess {
  /** A fresh secret per run: printed by `npm start`, and given to the page it serves. */
  token: string;
  middleware: MiddlewareHandler;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who may talk to the review API on a laptop, where no API Gateway or JWT stands in front of it.
 * A web page on any other origin can still send requests to 127.0.0.1 (a `no-cors` POST, or a DNS
 * name rebound to 127.0.0.1); so the `Host` must be this server's loopback name and port, an
 * `Origin`, when sent, must be this server or one the user configured, and every write must carry
 * the run's token, which only the page served from here (and the terminal) knows.
 */
export function localAccess(options: { port: number; allowedOrigins?: readonly string[] }): LocalAccess {
  const token = randomBytes(24).toString('base64url');
  const hosts = ['127.0.0.1', 'localhost', '[::1]'].map((h) => `${h}:${options.port}`);
  const origins = new Set([...hosts.map((h) => `http://${h}`), ...(options.allowedOrigins ?? [])]);
  const middleware: MiddlewareHandler = async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!hosts.includes(host)) throw new HTTPException(403, { message: `foreign Host "${host}" refused` });
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin))
      throw new HTTPException(403, { message: `cross-origin request from "${origin}" refused` });
    if (WRITES.has(c.req.method) && !same(c.req.header(WRITE_TOKEN_HEADER) ?? '', token))
      throw new HTTPException(403, {
        message: `writes need the ${WRITE_TOKEN_HEADER} header that npm start printed`,
      });
    await next();
  };
  return { token, middleware };
}
