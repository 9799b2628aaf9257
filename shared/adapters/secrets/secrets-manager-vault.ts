import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { NO_TOKENS, type XTokens, XTokensSchema } from '../../domain/x-connection.ts';
import type { TokenVault } from '../../ports/x-account.ts';

/**
 * The X user tokens in Secrets Manager (KMS-encrypted at rest). Read without a cache: after a
 * refresh the next worker must see the new refresh token, not a cached spent one. A failure to
 * parse names the secret, never its value.
 */
export class SecretsManagerTokenVault implements TokenVault {
  private readonly client: SecretsManagerClient;

  constructor(
    private readonly secretArn: string,
    region: string,
  ) {
    this.client = new SecretsManagerClient({ region });
  }

  async get(): Promise<XTokens | undefined> {
    const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretArn }));
    if (!SecretString || SecretString.trim() === NO_TOKENS || SecretString.trim() === '{}') return undefined;
    const parsed = XTokensSchema.safeParse(JSON.parse(SecretString));
    if (!parsed.success) throw new Error('X_TOKEN_SECRET_ARN: the secret does not hold X tokens');
    return parsed.data;
  }

  async put(tokens: XTokens): Promise<void> {
    await this.client.send(
      new PutSecretValueCommand({
        SecretId: this.secretArn,
        SecretString: JSON.stringify(XTokensSchema.parse(tokens)),
      }),
    );
  }

  async delete(): Promise<void> {
    await this.client.send(new PutSecretValueCommand({ SecretId: this.secretArn, SecretString: NO_TOKENS }));
  }
}
