import { request } from 'node:https';
import type { Hono } from 'hono';

/**
 * Plays the admin's browser on the fake X server's consent page: GETs the authorize URL and
 * returns where X redirects (the review API's callback with `code` and `state`). Local demo and
 * tests only: the fake's certificate is self-signed, so it is accepted here and nowhere else.
 */
export function followConsent(authorizeUrl: string): Promise<URL> {
  return new Promise((resolve, reject) => {
    const req = request(authorizeUrl, { method: 'GET', rejectUnauthorized: false }, (res) => {
      res.resume();
      const location = res.headers.location;
      if (res.statusCode !== 302 || !location) reject(new Error(`consent page answered ${res.statusCode}`));
      else resolve(new URL(location));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The local live demo's admin: connects the brand's account through the review API's own routes
 * (connect, the fake X consent page, the callback), exactly the path a person's browser takes.
 * `admin` is what the admin's browser sends: its sign-in (and, locally, Host and write token).
 * An account already connected is kept. Returns its handle.
 */
export async function connectDemoAccount(app: Hono, admin: Record<string, string>): Promise<string> {
  const status = (await (await app.request('/api/x-account', { headers: admin })).json()) as {
    status: string;
    username?: string;
  };
  if (status.status === 'connected') return status.username ?? '';
  const started = await app.request('/api/x-account/connect', {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!started.ok) throw new Error(`connect failed: ${started.status} ${await started.text()}`);
  const { authorizeUrl } = (await started.json()) as { authorizeUrl: string };
  const back = await followConsent(authorizeUrl);
  // X's redirect carries no sign-in: only what any browser sends (the Host, locally).
  const host = admin.host ? { host: admin.host } : undefined;
  const landed = await app.request(`${back.pathname}${back.search}`, host ? { headers: host } : {});
  const outcome = new URL(landed.headers.get('location') ?? '/', 'http://local').searchParams.get(
    'x-account',
  );
  if (outcome !== 'connected') throw new Error(`connecting the fake X account ended "${outcome}"`);
  const now = (await (await app.request('/api/x-account', { headers: admin })).json()) as {
    username?: string;
  };
  return now.username ?? '';
}
