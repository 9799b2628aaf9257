import type { XConnection } from '../domain/x-connection.ts';
import type { Clock } from '../ports/clock.ts';
import type { Log } from '../ports/log.ts';
import type { TokenVault, XConnectionStore, XOAuth } from '../ports/x-account.ts';

export interface ConnectDeps {
  connections: XConnectionStore;
  vault: TokenVault;
  oauth: XOAuth;
  clock: Clock;
  log: Log;
}

/** How long a started authorization may take: the admin signs in to X and consents. */
const PENDING_MS = 10 * 60_000;

export class AuthorizationStateError extends Error {
  constructor() {
    super('state: this authorization is unknown, used or expired; start the connection again');
    this.name = 'AuthorizationStateError';
  }
}

/** What the UI may see of the connection: never a token. */
export type ConnectionView =
  | { status: 'not-connected' }
  | Pick<
      XConnection,
      'status' | 'username' | 'userId' | 'connectedBy' | 'connectedAt' | 'reason' | 'changedAt'
    >;

export async function xConnectionStatus(deps: Pick<ConnectDeps, 'connections'>): Promise<ConnectionView> {
  const c = await deps.connections.get();
  if (!c) return { status: 'not-connected' };
  const { status, username, userId, connectedBy, connectedAt, reason, changedAt } = c;
  return { status, username, userId, connectedBy, connectedAt, reason, changedAt };
}

/**
 * An admin starts connecting the brand's account: a PKCE verifier and a state are kept for ten
 * minutes, and the browser goes to X's consent page.
 */
export async function startXConnect(
  deps: ConnectDeps,
  input: { redirectUri: string; admin: string },
): Promise<{ authorizeUrl: string }> {
  const link = deps.oauth.authorizeLink(input.redirectUri);
  await deps.connections.putPending({
    state: link.state,
    codeVerifier: link.codeVerifier,
    redirectUri: input.redirectUri,
    startedBy: input.admin,
    expiresAt: new Date(deps.clock.now().getTime() + PENDING_MS).toISOString(),
  });
  return { authorizeUrl: link.url };
}

/**
 * X's callback: the state is spent (once), the code exchanged with the verifier, the tokens go to
 * the vault and the connection becomes `connected` at a new version.
 */
export async function completeXConnect(
  deps: ConnectDeps,
  input: { state: string; code: string },
): Promise<ConnectionView> {
  const pending = await deps.connections.takePending(input.state);
  const now = deps.clock.now();
  if (!pending || Date.parse(pending.expiresAt) < now.getTime()) throw new AuthorizationStateError();
  const grant = await deps.oauth.exchangeCode({
    code: input.code,
    codeVerifier: pending.codeVerifier,
    redirectUri: pending.redirectUri,
  });
  const me = await deps.oauth.me(grant.accessToken);
  const previous = await deps.connections.get();
  const version = (previous?.version ?? 0) + 1;
  await deps.vault.put({
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000).toISOString(),
    version,
  });
  await deps.connections.put({
    status: 'connected',
    userId: me.id,
    username: me.username,
    connectedBy: pending.startedBy,
    connectedAt: now.toISOString(),
    changedAt: now.toISOString(),
    version,
    // The same account keeps its mentions cursor; another account starts afresh.
    ...(previous?.userId === me.id && previous.mentionsSinceId
      ? { mentionsSinceId: previous.mentionsSinceId }
      : {}),
  });
  deps.log.info('X account connected', { userId: me.id, by: pending.startedBy });
  return xConnectionStatus(deps);
}

/** An admin disconnects: X revokes the refresh token, the vault forgets the tokens. */
export async function disconnectX(deps: ConnectDeps, input: { admin: string }): Promise<ConnectionView> {
  const connection = await deps.connections.get();
  if (!connection) return { status: 'not-connected' };
  const tokens = await deps.vault.get();
  if (tokens) {
    // A broken connection's token may already be dead; revoking is best effort, forgetting is not.
    await deps.oauth.revoke(tokens.refreshToken, 'refresh_token').catch((error: Error) => {
      deps.log.warn('X token revoke failed', { error: error.name });
    });
  }
  await deps.vault.delete();
  const now = deps.clock.now().toISOString();
  await deps.connections.put({
    ...connection,
    status: 'disconnected',
    reason: `disconnected by ${input.admin}`,
    changedAt: now,
    version: connection.version + 1,
  });
  deps.log.info('X account disconnected', { by: input.admin });
  return xConnectionStatus(deps);
}
