import type { IncomingMessage } from 'node:http';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '../fake-x/tls.ts';
import type { FaultSchedule } from './schedule.ts';

/** What the proxy can make an X API request do. */
export type XFault = 'rate-limit' | 'server-error' | 'truncated' | 'slow';

export interface XFaultProxy {
  /** Put this in place of the fake X server's URL. */
  url: string;
  /** Posts in complete 200 pages that reached the client: what X would bill. */
  postsServed(): number;
  stop(): Promise<void>;
}

const problem = (status: number, title: string) =>
  JSON.stringify({ title, detail: title, type: 'about:blank', status });

/**
 * A loopback HTTPS proxy in front of the fake X server, independent of its own fault hooks: a 429
 * with `x-rate-limit-remaining: 0` and a reset `rateLimitResetMs` away, a 503, a 200 whose JSON
 * stops half-way (what twitter-api-v2 reports as a partial response), or a page that comes late.
 */
export async function startXFaultProxy(options: {
  target: string;
  schedule: FaultSchedule<XFault>;
  slowMs?: number;
  rateLimitResetMs?: number;
}): Promise<XFaultProxy> {
  const target = new URL(options.target);
  let served = 0;
  const forward = (req: IncomingMessage) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          rejectUnauthorized: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end();
    });

  const server = createServer(selfSignedCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', 'https://localhost').pathname;
    const fault = options.schedule.next(path);
    const reset = String(Math.ceil((Date.now() + (options.rateLimitResetMs ?? 1_000)) / 1000));
    if (fault === 'rate-limit') {
      res.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'x-rate-limit-limit': '450',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': reset,
      });
      res.end(problem(429, 'Too Many Requests'));
      return;
    }
    if (fault === 'server-error') {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
      res.end(problem(503, 'Service Unavailable'));
      return;
    }
    void (async () => {
      if (fault === 'slow') await new Promise((r) => setTimeout(r, options.slowMs ?? 1_500));
      const answer = await forward(req);
      let body = answer.body;
      if (fault === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
      else if (answer.status === 200) {
        const parsed = JSON.parse(body.toString('utf8')) as { data?: unknown[] };
        served += parsed.data?.length ?? 0;
      }
      const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
      res.writeHead(answer.status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    })().catch(() => res.socket?.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    postsServed: () => served,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
