import { Agent } from 'node:https';
import type { Clock } from '../../ports/clock.ts';
import type { Log } from '../../ports/log.ts';
import type { Metrics } from '../../ports/metrics.ts';
import type { AccessTokens, TokenVault, XConnectionStore, XOAuth } from '../../ports/x-account.ts';
import { accessTokens } from '../../use-cases/x-access-token.ts';
import type { Table } from '../dynamodb/table.ts';
import { DynamoXConnectionStore } from '../dynamodb/x-connection-store.ts';
import { FileTokenVault } from '../secrets/file-token-vault.ts';
import { SecretsManagerTokenVault } from '../secrets/secrets-manager-vault.ts';
import { TwitterOAuth } from './x-oauth.ts';

export interface XUserSettings {
  X_CLIENT_ID?: string;
  X_TOKEN_SECRET_ARN?: string;
  X_TOKEN_VAULT_DIR?: string;
  X_API_BASE_URL?: string;
  X_TLS_INSECURE: boolean;
  AWS_REGION: string;
}

export interface XAccount {
  connections: XConnectionStore;
  vault: TokenVault;
  oauth: XOAuth;
  tokens: AccessTokens;
  /** How the X clients reach X (the local fake server's base URL and TLS agent). */
  client: { baseUrl?: string; httpAgent: Agent };
}

/**
 * The brand's X account in user context, when an X client id is configured: the connection
 * record, the token vault (Secrets Manager, or an encrypted local folder), OAuth, and the
 * refresh-under-lease token provider. Undefined without a client id.
 */
export function buildXAccount(
  config: XUserSettings,
  table: Table,
  deps: { clock: Clock; log: Log; metrics?: Metrics; owner: string },
): XAccount | undefined {
  if (!config.X_CLIENT_ID) return undefined;
  const vault = config.X_TOKEN_SECRET_ARN
    ? new SecretsManagerTokenVault(config.X_TOKEN_SECRET_ARN, config.AWS_REGION)
    : new FileTokenVault(config.X_TOKEN_VAULT_DIR as string);
  // Only the local fake server's self-signed certificate is ever accepted (config enforces it).
  const client = {
    baseUrl: config.X_API_BASE_URL,
    httpAgent: new Agent({
      keepAlive: true,
      ...(config.X_TLS_INSECURE ? { rejectUnauthorized: false } : {}),
    }),
  };
  const connections = new DynamoXConnectionStore(table);
  const oauth = new TwitterOAuth({ clientId: config.X_CLIENT_ID, ...client });
  const tokens = accessTokens(
    {
      connections,
      vault,
      oauth,
      clock: deps.clock,
      log: deps.log,
      metrics: deps.metrics,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    { owner: deps.owner },
  );
  return { connections, vault, oauth, tokens, client };
}
