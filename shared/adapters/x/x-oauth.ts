import type { Agent } from 'node:https';
import { ApiResponseError, type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import { X_SCOPES } from '../../domain/x-connection.ts';
import { RefreshRefusedError, type TokenGrant, type XOAuth } from '../../ports/x-account.ts';

export interface XClientSettings {
  /** The X app's OAuth 2.0 client id (a public client: PKCE, no client secret). */
  clientId: string;
  /** Only for the local fake server: twitter-api-v2 hard-codes https://api.x.com/ and https://x.com/. */
  baseUrl?: string;
  httpAgent?: Agent;
}

/** Sends twitter-api-v2's requests to the local fake server instead of api.x.com. */
export function rebaseX(baseUrl: string | undefined): ITwitterApiClientPlugin[] {
  if (!baseUrl) return [];
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return [
    {
      onBeforeRequestConfig({ params }) {
        params.url = params.url.replace('https://api.x.com/', base);
      },
    },
  ];
}

/** Client settings shared by every twitter-api-v2 instance we make for the user context. */
export function xClientSettings(settings: Omit<XClientSettings, 'clientId'>) {
  return {
    plugins: rebaseX(settings.baseUrl),
    ...(settings.httpAgent ? { httpAgent: settings.httpAgent } : {}),
  };
}

/** X's OAuth 2.0 (authorization code with PKCE) through twitter-api-v2. */
export class TwitterOAuth implements XOAuth {
  private readonly app: TwitterApi;

  constructor(private readonly settings: XClientSettings) {
    this.app = new TwitterApi({ clientId: settings.clientId }, xClientSettings(settings));
  }

  authorizeLink(redirectUri: string) {
    const link = this.app.generateOAuth2AuthLink(redirectUri, { scope: [...X_SCOPES] });
    const url = this.settings.baseUrl
      ? link.url.replace(
          'https://x.com/',
          this.settings.baseUrl.endsWith('/') ? this.settings.baseUrl : `${this.settings.baseUrl}/`,
        )
      : link.url;
    return { url, state: link.state, codeVerifier: link.codeVerifier };
  }

  async exchangeCode(input: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
  }): Promise<TokenGrant> {
    const r = await this.app.loginWithOAuth2(input);
    return grant(r);
  }

  async refresh(refreshToken: string): Promise<TokenGrant> {
    try {
      return grant(await this.app.refreshOAuth2Token(refreshToken));
    } catch (error) {
      // X answers a spent or revoked refresh token with 400 (invalid_grant / invalid_request).
      if (error instanceof ApiResponseError && (error.code === 400 || error.code === 401)) {
        const data = error.data as { error?: string };
        throw new RefreshRefusedError(data.error ?? `HTTP ${error.code}`);
      }
      throw error;
    }
  }

  async revoke(token: string, kind: 'access_token' | 'refresh_token'): Promise<void> {
    await this.app.revokeOAuth2Token(token, kind);
  }

  async me(accessToken: string): Promise<{ id: string; username: string }> {
    const client = new TwitterApi(accessToken, xClientSettings(this.settings));
    const { data } = await client.v2.me();
    return { id: data.id, username: data.username };
  }
}

function grant(r: { accessToken: string; refreshToken?: string; expiresIn: number }): TokenGrant {
  if (!r.refreshToken) throw new Error('X returned no refresh token: the offline.access scope is missing');
  return { accessToken: r.accessToken, refreshToken: r.refreshToken, expiresInSeconds: r.expiresIn };
}
