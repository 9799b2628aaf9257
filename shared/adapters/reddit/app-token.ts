import * as z from 'zod';
import { SourceUnavailableError } from '../../ports/social-source.ts';
import { RefreshingToken } from '../access-tokens.ts';

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
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1/access_token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': c.userAgent ?? 'server:prospector:0.1.0',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(c.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new SourceUnavailableError(`Reddit token endpoint unreachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = await response.json().catch(() => undefined);
    const parsed = TokenResponse.safeParse(body);
    if (response.status !== 200 || !parsed.success) {
      const reason = (body as { error?: unknown } | undefined)?.error;
      throw new SourceUnavailableError(
        `Reddit refused the app credentials: ${response.status}${reason ? ` ${String(reason)}` : ''}`,
      );
    }
    return { token: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  };
  return new RefreshingToken(mint, c.now);
}
