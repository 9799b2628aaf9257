import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { type LocalAccess, localAccess } from '../../functions/review-api/local-access.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { testDefinition } from '../support/definition.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const PORT = 3000;
const HOST = `127.0.0.1:${PORT}`;
const OPT_OUT = 'http://localhost/api/leads/x/42/opt-out';

describe('the local review API refuses requests from other sites', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let local: ReturnType<typeof createApp>;
  let aws: ReturnType<typeof createApp>;
  let access: LocalAccess;
  const clock = { now: () => new Date() };
  const optedOut = async () => (await stores.leads.getLead('x#42'))?.optedOut;

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    const { version: _v, author: _a, note: _n, publishedAt: _p, ...v1 } = testDefinition();
    await stores.definitions.publishDefinition(
      { draft: v1, author: 'ops', note: 'v1', basedOn: undefined },
      new Date(),
    );
    await seedPost(stores.posts, { authorId: '42', postId: '500', text: 'thinking about our CRM' });
    await qualifyPending({ ...stores, clock, log: silentLog }, { batchSize: 10, maxBatches: 2 });
    const deps = { ...stores, queue, clock, log: silentLog, identify: everyRole('local') };
    access = localAccess({ port: PORT, allowedOrigins: ['https://crm.example.com'] });
    local = createApp(deps, { localAccess: access });
    aws = createApp({ ...deps, identify: everyRole('jwt-user') });
  });

  it('refuses a cross-origin text/plain no-cors POST from a page on another local port, and writes nothing', async () => {
    const res = await local.request(OPT_OUT, {
      method: 'POST',
      body: '{"optedOut":true}',
      headers: { host: HOST, origin: 'http://127.0.0.1:4000', 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain('http://127.0.0.1:4000');
    expect(await optedOut()).toBe(false);
  });

  it('refuses a foreign Host (DNS rebinding), even for reads', async () => {
    const res = await local.request('http://localhost/api/leads?state=review', {
      headers: { host: 'evil.example' },
    });
    expect(res.status).toBe(403);
    const page = await local.request('http://localhost/', { headers: { host: `evil.example:${PORT}` } });
    expect(page.status).toBe(403);
  });

  it('answers its own host names on its own port, and configured origins', async () => {
    for (const host of [HOST, `localhost:${PORT}`, `[::1]:${PORT}`])
      expect((await local.request('http://localhost/health', { headers: { host } })).status).toBe(200);
    const wrongPort = await local.request('http://localhost/health', { headers: { host: '127.0.0.1:3001' } });
    expect(wrongPort.status).toBe(403);
    const configured = await local.request('http://localhost/api/leads?state=review', {
      headers: { host: HOST, origin: 'https://crm.example.com' },
    });
    expect(configured.status).toBe(200);
  });

  it('needs the run token on writes: without it 403, with it the write happens', async () => {
    const body = JSON.stringify({ optedOut: true });
    const headers = { host: HOST, origin: `http://${HOST}`, 'content-type': 'application/json' };
    const without = await local.request(OPT_OUT, { method: 'POST', body, headers });
    const wrong = await local.request(OPT_OUT, {
      method: 'POST',
      body,
      headers: { ...headers, 'x-prospector-token': `${access.token}x` },
    });
    expect([without.status, wrong.status]).toEqual([403, 403]);
    expect(await optedOut()).toBe(false);
    const right = await local.request(OPT_OUT, {
      method: 'POST',
      body,
      headers: { ...headers, 'x-prospector-token': access.token },
    });
    expect(right.status).toBe(200);
    expect(await optedOut()).toBe(true);
  });

  it('gives the token only to the page it serves; the AWS page carries none', async () => {
    const page = await (await local.request('http://localhost/', { headers: { host: HOST } })).text();
    expect(page).toContain(`<meta name="prospector-write-token" content="${access.token}">`);
    expect(await (await aws.request('http://localhost/')).text()).not.toContain(
      '<meta name="prospector-write-token"',
    );
    expect(localAccess({ port: PORT }).token).not.toBe(access.token); // a new one per run
  });

  it('on AWS too, a write that is not JSON gets a 415 (no token needed there: the JWT is)', async () => {
    const res = await aws.request(OPT_OUT, {
      method: 'POST',
      body: '{"optedOut":false}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(await optedOut()).toBe(true);
    const json = await aws.request(OPT_OUT, {
      method: 'POST',
      body: '{"optedOut":false}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(200);
  });
});
