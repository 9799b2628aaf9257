import { afterEach, describe, expect, it } from 'vitest';
import { buildBskyFixture } from '../../../local/fake-sources/bluesky-fixture.ts';
import { startFakeBlueskyServer } from '../../../local/fake-sources/bluesky-server.ts';
import { buildRedditFixture } from '../../../local/fake-sources/reddit-fixture.ts';
import { startFakeRedditServer } from '../../../local/fake-sources/reddit-server.ts';
import { BlueskySocialSource } from '../../../shared/adapters/bluesky/bluesky-source.ts';
import { blueskySessionToken } from '../../../shared/adapters/bluesky/session-token.ts';
import { redditAppToken } from '../../../shared/adapters/reddit/app-token.ts';
import { RedditSocialSource } from '../../../shared/adapters/reddit/reddit-source.ts';
import { type SearchRequest, SourceUnavailableError } from '../../../shared/ports/social-source.ts';

let clock = new Date();
const now = () => clock;
const request = (): SearchRequest => ({
  query: 'crm',
  maxResults: 50,
  startTime: new Date(clock.getTime() - 7 * 86_400_000).toISOString(),
});
let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.map((s) => s()));
  stops = [];
  clock = new Date();
});

describe('Reddit app-only token (client_credentials), minted and refreshed by Prospector', () => {
  const fixture = buildRedditFixture({ posts: 60, authors: 10 });
  const app = { clientId: 'prospector-app', clientSecret: 's3cret-value', tokenTtlSeconds: 86_400 };

  async function start(clientSecret = app.clientSecret) {
    const server = await startFakeRedditServer({ fixture, app });
    stops.push(server.stop);
    const tokens = redditAppToken({ ...app, clientSecret, authBaseUrl: server.url, now });
    return { server, source: new RedditSocialSource({ baseUrl: server.url, tokens, now }) };
  }

  it('mints on first use, reuses the token, and mints again shortly before it expires', async () => {
    const { server, source } = await start();
    for (let i = 0; i < 3; i++) expect((await source.search(request())).posts.length).toBeGreaterThan(0);
    expect(server.tokens.minted).toBe(1);

    clock = new Date(clock.getTime() + (86_400 - 4 * 60) * 1000); // within the 5-minute margin
    await source.search(request());
    expect(server.tokens.minted).toBe(2);
  });

  it('mints a new token and retries once when Reddit refuses the current one (401)', async () => {
    const { server, source } = await start();
    await source.search(request());
    server.tokens.revokeAll(); // a rotated secret or a revoked token

    expect((await source.search(request())).posts.length).toBeGreaterThan(0);
    expect(server.tokens.minted).toBe(2);
  });

  it('reports refused credentials by status, never echoing the secret', async () => {
    const { server, source } = await start('wrong-secret-value');
    const error = await source.search(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/Reddit refused the app credentials: 401/);
    expect((error as Error).message).not.toContain('wrong-secret-value');
    expect(server.requests).toHaveLength(0); // no search was sent without a token
  });
});

describe('Bluesky session (createSession with an app password), minted and refreshed by Prospector', () => {
  const fixture = buildBskyFixture({ posts: 60, authors: 10 });
  const login = { identifier: 'prospector.example.com', appPassword: 'abcd-efgh-ijkl-mnop' };

  async function start(appPassword = login.appPassword) {
    const server = await startFakeBlueskyServer({ fixture, login: { ...login, tokenTtlSeconds: 7200 } });
    stops.push(server.stop);
    const tokens = blueskySessionToken({ ...login, appPassword, baseUrl: server.url, now });
    return { server, source: new BlueskySocialSource({ baseUrl: server.url, tokens, now }) };
  }

  it("mints on first use, reuses the session until shortly before the JWT's exp, then mints again", async () => {
    const { server, source } = await start();
    for (let i = 0; i < 2; i++) expect((await source.search(request())).posts.length).toBeGreaterThan(0);
    expect(server.tokens.minted).toBe(1);

    clock = new Date(clock.getTime() + (7200 - 4 * 60) * 1000);
    await source.search(request());
    expect(server.tokens.minted).toBe(2);
  });

  it('starts a new session and retries once when Bluesky refuses the token (400 InvalidToken)', async () => {
    const { server, source } = await start();
    await source.search(request());
    server.tokens.revokeAll();

    expect((await source.search(request())).posts.length).toBeGreaterThan(0);
    expect(server.tokens.minted).toBe(2);
  });

  it('renews the session with refreshSession, not another createSession', async () => {
    const { server, source } = await start();
    await source.search(request());

    clock = new Date(clock.getTime() + (7200 - 4 * 60) * 1000);
    await source.search(request());
    clock = new Date(clock.getTime() + (7200 - 4 * 60) * 1000);
    await source.search(request());

    expect([server.sessions?.created, server.sessions?.refreshed]).toEqual([1, 2]);
  });

  it('a cold start that finds the stored refresh JWT refreshes instead of creating a session', async () => {
    const { server } = await start();
    let stored: string | undefined;
    const sessionStore = {
      load: async () => stored,
      save: async (jwt: string) => {
        stored = jwt;
      },
    };
    const coldStart = () =>
      new BlueskySocialSource({
        baseUrl: server.url,
        tokens: blueskySessionToken({ ...login, baseUrl: server.url, now, sessionStore }),
        now,
      });

    for (let i = 0; i < 3; i++) expect((await coldStart().search(request())).posts.length).toBeGreaterThan(0);

    expect([server.sessions?.created, server.sessions?.refreshed]).toEqual([1, 2]);
  });

  it('falls back to createSession when the stored refresh JWT is refused', async () => {
    const { server } = await start();
    const sessionStore = { load: async () => 'a.b.not-a-live-refresh-token', save: async () => {} };
    const tokens = blueskySessionToken({ ...login, baseUrl: server.url, now, sessionStore });

    await new BlueskySocialSource({ baseUrl: server.url, tokens, now }).search(request());

    expect([server.sessions?.created, server.sessions?.refreshed]).toEqual([1, 0]);
  });

  it('the fake limits createSession to 30 per 5 minutes, as the PDS does', async () => {
    const { server } = await start();
    const login30 = () => blueskySessionToken({ ...login, baseUrl: server.url, now }).current();
    for (let i = 0; i < 30; i++) await login30();

    const error = await login30().catch((e: unknown) => e);

    expect((error as Error).message).toBe('Bluesky refused the login: 429 RateLimitExceeded');
    expect(server.sessions?.created).toBe(30);
  });

  it('reports a refused login by status and XRPC error, never echoing the app password', async () => {
    const { source } = await start('wrong-app-password');
    const error = await source.search(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/Bluesky refused the login: 401 AuthenticationRequired/);
    expect((error as Error).message).not.toContain('wrong-app-password');
  });
});
