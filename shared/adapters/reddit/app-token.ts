import * as z from 'zod';
import { RefreshingToken, requestToken } from '../access-tokens.ts';

export interface RedditAppCredentials {
  clientId: string;
  clientSecret: string;
  /** https://www.reddit.com by default; the local fake server in tests. */
  authBaseUrl?: string;
  userAgent?: string;
  timeoutMs?: number;
  now?: () => Date;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

/**
 * Reddit's app-only OAuth token (`grant_type=client_credentials`, a "script" or "web" app's id and
 * secret), minted on first use and again before it expires (Reddit: 24 hours). The secret is sent
 * only to the token endpoint and never appears in an error message.
 */
export function redditAppToken(c: RedditAppCredentials): RefreshingToken {
  const base = (c.authBaseUrl ?? 'https://www.reddit.com').replace(/\/+$/, '');
  const mint = async () => {
    const answer = await requestToken(
      {
        url: `${base}/api/v1/access_token`,
        name: 'Reddit token endpoint',
        refused: 'Reddit refused the app credentials',
      },
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': c.userAgent ?? 'server:prospector:0.1.0',
        },
        body: 'grant_type=client_credentials',
        timeoutMs: c.timeoutMs,
      },
      TokenResponse,
    );
    return { token: answer.access_token, expiresInSeconds: answer.expires_in };
  };
  return new RefreshingToken(mint, c.now);
}
