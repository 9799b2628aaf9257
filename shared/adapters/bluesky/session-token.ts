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
}

const Session = z.object({ accessJwt: z.string().min(1), did: z.string() });

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
 * A Bluesky session access token (`com.atproto.server.createSession` with an app password),
 * minted on first use and again shortly before it expires or when Bluesky refuses it. The app
 * password is sent only to createSession and never appears in an error message.
 */
export function blueskySessionToken(login: BlueskyLogin): RefreshingToken {
  const base = (login.baseUrl ?? 'https://bsky.social').replace(/\/+$/, '');
  const now = login.now ?? (() => new Date());
  const mint = async () => {
    const session = await requestToken(
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
    return { token: session.accessJwt, expiresInSeconds: secondsLeft(session.accessJwt, now()) };
  };
  return new RefreshingToken(mint, now);
}
