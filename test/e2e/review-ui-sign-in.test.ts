import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewUiCsp, reviewUiHtml } from '../../functions/review-api/ui.ts';
import { launchChromium } from './chromium.ts';

/**
 * The review page's sign-in as it runs on AWS, against a stand-in for the Cognito hosted UI that
 * speaks its OAuth endpoints (authorize, token with PKCE, logout), on its own origin. The page is
 * the real one; its API answers like API Gateway's JWT authorizer: 401 without the issued token.
 */
const CLIENT_ID = 'review-ui-client';

interface Grant {
  challenge: string;
  redirectUri: string;
}

class FakeHostedUi {
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly logoutRequests: URLSearchParams[] = [];
  readonly grants = new Map<string, Grant>();
  issued: string[] = [];
  tokenErrors: string[] = [];

  handle(req: IncomingMessage, res: ServerResponse, body: string, origin: string): void {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/oauth2/authorize') {
      const q = url.searchParams;
      this.authorizeRequests.push(q);
      const ok =
        q.get('response_type') === 'code' &&
        q.get('client_id') === CLIENT_ID &&
        q.get('code_challenge_method') === 'S256' &&
        (q.get('code_challenge') ?? '').length >= 43;
      if (!ok) return void res.writeHead(400).end('bad authorize request');
      const code = randomUUID();
      this.grants.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      const grant = this.grants.get(form.get('code') ?? '');
      this.grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const problem = !grant
        ? 'unknown or reused code'
        : form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== CLIENT_ID
          ? 'wrong grant or client'
          : form.get('redirect_uri') !== grant.redirectUri
            ? 'redirect_uri differs from the authorize request'
            : createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
              ? 'code_verifier does not match the challenge'
              : undefined;
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'content-type': 'application/json',
      };
      if (problem) {
        this.tokenErrors.push(problem);
        return void res.writeHead(400, cors).end(JSON.stringify({ error: 'invalid_grant' }));
      }
      const idToken = `id-token-${this.issued.length + 1}`;
      this.issued.push(idToken);
      return void res
        .writeHead(200, cors)
        .end(
          JSON.stringify({ id_token: idToken, access_token: 'a', expires_in: 3600, token_type: 'Bearer' }),
        );
    }
    if (url.pathname === '/logout') {
      this.logoutRequests.push(url.searchParams);
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>signed out</p>');
    }
    res.writeHead(404).end();
  }
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the review page signs in through the hosted UI (authorization code + PKCE)', () => {
  const idp = new FakeHostedUi();
  const apiCalls: (string | undefined)[] = [];
  let accepted = new Set<string>();
  let servers: Server[];
  let idpOrigin: string;
  let pageOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    const auth = await listen((req, res, body) => idp.handle(req, res, body, idpOrigin));
    idpOrigin = auth.origin;
    const page = await listen((req, res) => {
      const url = new URL(req.url ?? '/', pageOrigin);
      if (url.pathname === '/') {
        const signIn = { url: idpOrigin, clientId: CLIENT_ID };
        res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': reviewUiCsp(signIn) });
        return void res.end(reviewUiHtml(signIn));
      }
      if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
      apiCalls.push(req.headers.authorization);
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!accepted.has(token)) return void res.writeHead(401).end('{"message":"Unauthorized"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    });
    pageOrigin = page.origin;
    servers = [auth.server, page.server];
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers ?? []) s.close();
  });

  it('signs in, calls the API with the ID token, keeps the session on reload, and signs in again after a 401', async () => {
    accepted = new Set(['id-token-1']);
    const page = await browser.newPage();

    await page.goto(`${pageOrigin}/`);
    await page.getByText('Nothing here.').waitFor();

    expect(idp.tokenErrors).toEqual([]);
    expect(idp.authorizeRequests).toHaveLength(1);
    const authorize = idp.authorizeRequests[0]!;
    expect(authorize.get('redirect_uri')).toBe(`${pageOrigin}/`);
    expect(authorize.get('scope')).toBe('openid email');
    expect(authorize.get('state')).toBeTruthy();
    expect(idp.issued).toEqual(['id-token-1']);
    expect(apiCalls.at(-1)).toBe('Bearer id-token-1');
    expect(page.url()).toBe(`${pageOrigin}/`); // the code is not left in the address bar

    const callsBefore = apiCalls.length;
    await page.reload();
    await page.getByText('Nothing here.').waitFor();
    expect(idp.authorizeRequests).toHaveLength(1);
    // The queue, its counts and the X account status: all with the kept token, and no new sign-in.
    await expect.poll(() => apiCalls.length).toBe(callsBefore + 3);
    expect(apiCalls.slice(callsBefore)).toEqual([
      'Bearer id-token-1',
      'Bearer id-token-1',
      'Bearer id-token-1',
    ]);

    accepted = new Set(['id-token-2']); // the first token is no longer accepted
    await page.getByRole('button', { name: 'MQL', exact: true }).click();
    await expect.poll(() => idp.issued.length).toBe(2);
    await page.getByText('Nothing here.').waitFor();
    expect(idp.authorizeRequests).toHaveLength(2);
    expect(apiCalls.at(-1)).toBe('Bearer id-token-2');
    expect(idp.tokenErrors).toEqual([]);
  });

  it('refuses a sign-in answer this tab did not ask for (state mismatch), stops on a hosted-UI error, and signs out', async () => {
    const page = await browser.newPage();
    const issued = idp.issued.length;
    await page.goto(`${pageOrigin}/?code=forged&state=not-ours`);
    await expect
      .poll(() => page.locator('#status').textContent())
      .toContain('does not match this browser tab');
    expect(idp.issued).toHaveLength(issued);
    expect(idp.tokenErrors).toEqual([]); // the forged code never reached the token endpoint

    const authorizeBefore = idp.authorizeRequests.length;
    await page.goto(`${pageOrigin}/?error=access_denied&error_description=The+user+cancelled`);
    await expect
      .poll(() => page.locator('#status').textContent())
      .toContain('sign-in failed: The user cancelled');
    expect(idp.authorizeRequests).toHaveLength(authorizeBefore); // no redirect loop back to the hosted UI

    accepted = new Set(['id-token-3']);
    await page.goto(`${pageOrigin}/`);
    await page.getByText('Nothing here.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('signed out').waitFor();
    expect(idp.logoutRequests.at(-1)?.get('client_id')).toBe(CLIENT_ID);
    expect(idp.logoutRequests.at(-1)?.get('logout_uri')).toBe(`${pageOrigin}/`);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });
});
