import * as z from 'zod';
import { RefreshingToken, requestToken } from '../access-tokens.ts';

export interface BlueskyLogin {
  /** Handle or email of the account that searches. */
  identifier: string;
  /** An app password (Settings → App passwords), never the account password. */
  appPassword: string;
  /** The PDS entryway (https://bsky.social) by default; the local fake server in tests. */
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
  /**
   * Where the refresh JWT outlives this process (a Lambda's cold start), so a new instance
   * refreshes the session instead of spending one of createSession's 30 per 5 minutes / 300 a day.
   */
  sessionStore?: SessionStore;
}

/** Keeps the latest refresh JWT; each refresh rotates it, so only the newest one works. */
export interface SessionStore {
  load(): Promise<string | undefined>;
  save(refreshJwt: string): Promise<void>;
}

const Session = z.object({
  accessJwt: z.string().min(1).max(8192),
  refreshJwt: z.string().min(1).max(8192),
  did: z.string(),
});

/**
 * How long the access JWT lasts (Bluesky: about two hours): `exp - iat`, which no clock skew
 * between us and Bluesky can distort; else `exp` against our clock; 1 hour if unreadable.
 */
function secondsLeft(jwt: string, now: Date): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
      iat?: unknown;
    };
    if (typeof payload.exp === 'number' && typeof payload.iat === 'number')
      return Math.max(payload.exp - payload.iat, 0);
    if (typeof payload.exp === 'number') return Math.max(payload.exp - now.getTime() / 1000, 0);
  } catch {
    // not a JWT we can read: fall through
  }
  return 3600;
}

/**
 * A Bluesky session access token. The first comes from `com.atproto.server.createSession` with an
 * app password (rate limited: 30 per 5 minutes, 300 a day); after that, and on a cold start that
 * finds a stored refresh JWT, `com.atproto.server.refreshSession` renews it shortly before it
 * expires or when Bluesky refuses it, falling back to createSession only when the refresh JWT is
 * refused. The app password is sent only to createSession and never appears in an error message.
 */
export function blueskySessionToken(login: BlueskyLogin): RefreshingToken {
  const base = (login.baseUrl ?? 'https://bsky.social').replace(/\/+$/, '');
  const now = login.now ?? (() => new Date());
  let refreshJwt: string | undefined;
  const refresh = (jwt: string) =>
    requestToken(
      {
        url: `${base}/xrpc/com.atproto.server.refreshSession`,
        name: 'Bluesky refreshSession',
        refused: 'Bluesky refused the session refresh',
      },
      {
        headers: { authorization: `Bearer ${jwt}`, accept: 'application/json' },
        body: '',
        timeoutMs: login.timeoutMs,
      },
      Session,
    );
  const create = () =>
    requestToken(
      {
        url: `${base}/xrpc/com.atproto.server.createSession`,
        name: 'Bluesky createSession',
        refused: 'Bluesky refused the login',
      },
      {
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ identifier: login.identifier, password: login.appPassword }),
        timeoutMs: login.timeoutMs,
      },
      Session,
    );
  const mint = async () => {
    refreshJwt ??= await login.sessionStore?.load();
    let session: z.infer<typeof Session> | undefined;
    if (refreshJwt) session = await refresh(refreshJwt).catch(() => undefined);
    session ??= await create();
    refreshJwt = session.refreshJwt;
    await login.sessionStore?.save(session.refreshJwt);
    return { token: session.accessJwt, expiresInSeconds: secondsLeft(session.accessJwt, now()) };
  };
  return new RefreshingToken(mint, now);
}
