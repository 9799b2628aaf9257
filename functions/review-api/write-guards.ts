import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write is JSON. Browsers send `text/plain`, form and multipart bodies cross-site without
 * asking (a "simple" request); `application/json` needs a CORS preflight, which we never grant.
 */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (WRITES.has(c.req.method)) {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      throw new HTTPException(415, { message: 'content-type: writes must be application/json' });
  }
  await next();
};

/** The largest body a route reads: a definition document may be big, everything else is small. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HTTPException(413, { message: `(body): larger than ${maxBytes} bytes` });
    },
  });
}
