import type { Clock } from '../ports/clock.ts';
import type { Log } from '../ports/log.ts';
import type { Metrics } from '../ports/metrics.ts';
import {
  type AccessTokens,
  RefreshRefusedError,
  type TokenVault,
  type XConnectionStore,
  XNotConnectedError,
  type XOAuth,
} from '../ports/x-account.ts';

export interface AccessTokenDeps {
  connections: XConnectionStore;
  vault: TokenVault;
  oauth: Pick<XOAuth, 'refresh'>;
  clock: Clock;
  log: Log;
  metrics?: Metrics;
  sleep: (ms: number) => Promise<void>;
}

export interface AccessTokenOptions {
  /** Names this worker in the lease (a Lambda request id, a process id). */
  owner: string;
  /** Refresh this long before the access token expires. */
  marginMs?: number;
  /** How long a refresh lease holds: longer than one refresh call. */
  leaseMs?: number;
  /** How long to wait for another worker's refresh before giving up (the message is retried). */
  waitMs?: number;
}

export class TokenRefreshBusyError extends Error {
  constructor() {
    super('another worker is refreshing the X token; try again shortly');
    this.name = 'TokenRefreshBusyError';
  }
}

/**
 * A working access token for the brand's account. X's refresh tokens are single-use: two workers
 * spending the same one lock the account out. So a refresh happens only under a conditional
 * lease on the connection's version; the other workers wait and read the new tokens. A refused
 * refresh marks the connection broken (the UI shows it; `XConnectionBroken` raises the alarm).
 */
export function accessTokens(deps: AccessTokenDeps, options: AccessTokenOptions): AccessTokens {
  const marginMs = options.marginMs ?? 60_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 10_000;

  const connected = async () => {
    const connection = await deps.connections.get();
    if (connection?.status !== 'connected')
      throw new XNotConnectedError(connection?.status ?? 'not connected');
    return connection;
  };

  const accessToken = async (): Promise<string> => {
    const started = deps.clock.now().getTime();
    for (;;) {
      const connection = await connected();
      const now = deps.clock.now();
      const tokens = await deps.vault.get();
      if (!tokens) throw new XNotConnectedError('missing its tokens');
      if (Date.parse(tokens.expiresAt) - marginMs > now.getTime()) return tokens.accessToken;
      const leased = await deps.connections.takeRefreshLease(
        connection.version,
        options.owner,
        now,
        new Date(now.getTime() + leaseMs),
      );
      if (leased) return refreshUnderLease(connection.version);
      if (now.getTime() - started > waitMs) throw new TokenRefreshBusyError();
      await deps.sleep(200);
    }
  };

  const refreshUnderLease = async (version: number): Promise<string> => {
    // Read again under the lease: a worker that refreshed and then died may have left new tokens.
    const tokens = await deps.vault.get();
    if (!tokens) throw new XNotConnectedError('missing its tokens');
    const now = deps.clock.now();
    if (tokens.version > version || Date.parse(tokens.expiresAt) - marginMs > now.getTime()) {
      await deps.connections.completeRefresh(version, options.owner, now);
      return tokens.accessToken;
    }
    try {
      const grant = await deps.oauth.refresh(tokens.refreshToken);
      await deps.vault.put({
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000).toISOString(),
        version: version + 1,
      });
      await deps.connections.completeRefresh(version, options.owner, deps.clock.now());
      deps.log.info('X token refreshed', { version: version + 1 });
      return grant.accessToken;
    } catch (error) {
      if (error instanceof RefreshRefusedError) {
        await deps.connections.markBroken(`X refused the token refresh (${error.reason})`, deps.clock.now());
        deps.metrics?.count('XConnectionBroken', 1);
        deps.log.error('X connection broken: refresh refused', { reason: error.reason });
      }
      throw error;
    }
  };

  return {
    accessToken,
    userId: async () => (await connected()).userId,
  };
}
