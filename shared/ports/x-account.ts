import type { PendingAuthorization, XConnection, XTokens } from '../domain/x-connection.ts';

/** The connection record and its refresh lease (DynamoDB on AWS and locally). */
export interface XConnectionStore {
  get(): Promise<XConnection | undefined>;
  put(connection: XConnection): Promise<void>;
  /**
   * Takes the refresh lease of `version` until `until`: a conditional write, so of two workers
   * holding the same refresh token only one gets to spend it. False when someone else holds it
   * or the version moved on.
   */
  takeRefreshLease(version: number, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Ends the lease and moves to `version + 1` (tokens refreshed). */
  completeRefresh(version: number, owner: string, now: Date): Promise<boolean>;
  /** Marks the connection broken (unless already disconnected), keeping why. */
  markBroken(reason: string, now: Date): Promise<void>;
  /** Keeps the PKCE verifier for a started authorization, for ten minutes at most. */
  putPending(pending: PendingAuthorization): Promise<void>;
  /** Returns and deletes a pending authorization: a state works once. */
  takePending(state: string): Promise<PendingAuthorization | undefined>;
  /** Advances the mentions cursor, only forwards. */
  saveMentionsCursor(sinceId: string): Promise<void>;
}

/** Where the tokens live, encrypted at rest (Secrets Manager on AWS; a local encrypted file). */
export interface TokenVault {
  get(): Promise<XTokens | undefined>;
  put(tokens: XTokens): Promise<void>;
  delete(): Promise<void>;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** X's OAuth 2.0 endpoints (authorization code with PKCE, refresh, revoke) and `users/me`. */
export interface XOAuth {
  authorizeLink(redirectUri: string): { url: string; state: string; codeVerifier: string };
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenGrant>;
  /** Spends a refresh token; X answers `invalid_grant` (RefreshRefusedError) when it was spent before. */
  refresh(refreshToken: string): Promise<TokenGrant>;
  revoke(token: string, kind: 'access_token' | 'refresh_token'): Promise<void>;
  me(accessToken: string): Promise<{ id: string; username: string }>;
}

export class RefreshRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`X refused the refresh token: ${reason}`);
    this.name = 'RefreshRefusedError';
  }
}

export class XNotConnectedError extends Error {
  constructor(status: string) {
    super(`the brand's X account is ${status}; an admin must connect it in the review UI`);
    this.name = 'XNotConnectedError';
  }
}

/** Hands out a working access token, refreshing it when it is about to expire. */
export interface AccessTokens {
  accessToken(): Promise<string>;
  userId(): Promise<string>;
}
