import { Agent } from 'node:https';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import {
  type ApiConfig,
  ConfigError,
  type CrmExportConfig,
  type DiscoverConfig,
  parseCursorKeySecret,
  parseWebhookSecret,
  type SourceCredentials,
} from '../config.ts';
import type { Source } from '../domain/post.ts';
import type { Clock } from '../ports/clock.ts';
import type { SocialSource } from '../ports/social-source.ts';
import { BlueskySocialSource } from './bluesky/bluesky-source.ts';
import { blueskySessionToken } from './bluesky/session-token.ts';
import { DynamoBudgetStore } from './dynamodb/budget-store.ts';
import { DynamoCampaignStore } from './dynamodb/campaign-store.ts';
import { DynamoDefinitionStore } from './dynamodb/definition-store.ts';
import { DynamoDraftStore } from './dynamodb/draft-store.ts';
import { DynamoErasureStore } from './dynamodb/erasure-store.ts';
import { DynamoFeedbackCodeStore } from './dynamodb/feedback-code-store.ts';
import { DynamoFunnelStore } from './dynamodb/funnel-store.ts';
import { DynamoLabelStore } from './dynamodb/label-store.ts';
import { DynamoLeadStore } from './dynamodb/lead-store.ts';
import { DynamoOutbox } from './dynamodb/outbox-store.ts';
import { DynamoPostStore } from './dynamodb/post-store.ts';
import { DynamoRunStore } from './dynamodb/run-store.ts';
import { DynamoSignalIntentStore } from './dynamodb/signal-intent-store.ts';
import { openTable } from './dynamodb/table.ts';
import { DynamoTaskStore } from './dynamodb/task-store.ts';
import { HackerNewsSocialSource } from './hackernews/hackernews-source.ts';
import { redditAppToken } from './reddit/app-token.ts';
import { RedditSocialSource } from './reddit/reddit-source.ts';
import { openS3, S3ExportFiles } from './s3/export-bucket.ts';
import { SqsTaskQueue } from './sqs/task-queue.ts';
import { WebhookNotifier, type WebhookOptions } from './webhook/webhook-notifier.ts';
import { XSocialSource } from './x/x-source.ts';

type StoreConfig = Pick<ApiConfig, 'TABLE_NAME' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'RETENTION_DAYS'>;

/** All stores over one table client: built once per runtime, shared by its use cases. */
export function buildStores(config: StoreConfig) {
  const table = openTable({
    tableName: config.TABLE_NAME,
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  return {
    table,
    posts: new DynamoPostStore(table, config.RETENTION_DAYS),
    leads: new DynamoLeadStore(table),
    campaigns: new DynamoCampaignStore(table),
    definitions: new DynamoDefinitionStore(table),
    drafts: new DynamoDraftStore(table),
    tasks: new DynamoTaskStore(table),
    runs: new DynamoRunStore(table),
    budgets: new DynamoBudgetStore(table),
    erasure: new DynamoErasureStore(table),
    labels: new DynamoLabelStore(table),
    codes: new DynamoFeedbackCodeStore(table),
    funnel: new DynamoFunnelStore(table),
    outbox: new DynamoOutbox(table),
    signals: new DynamoSignalIntentStore(table),
  };
}
export type Stores = ReturnType<typeof buildStores>;

export function buildTaskQueue(config: Pick<ApiConfig, 'ENGAGE_QUEUE_URL' | 'SQS_ENDPOINT' | 'AWS_REGION'>) {
  return new SqsTaskQueue({
    queueUrl: config.ENGAGE_QUEUE_URL,
    region: config.AWS_REGION,
    endpoint: config.SQS_ENDPOINT,
  });
}

/**
 * Every source whose credentials are configured (in the environment, or in the sources secret's
 * `credentials`; the environment wins key by key); campaigns on a missing one stop with `no-source`.
 */
export function buildSources(
  env: Pick<
    DiscoverConfig,
    | 'X_API_BASE_URL'
    | 'X_TLS_INSECURE'
    | 'REDDIT_CLIENT_ID'
    | 'REDDIT_CLIENT_SECRET'
    | 'REDDIT_TOKEN'
    | 'REDDIT_API_BASE_URL'
    | 'REDDIT_AUTH_BASE_URL'
    | 'BLUESKY_IDENTIFIER'
    | 'BLUESKY_APP_PASSWORD'
    | 'BLUESKY_TOKEN'
    | 'BLUESKY_API_BASE_URL'
    | 'HACKERNEWS_ENABLED'
    | 'HACKERNEWS_API_BASE_URL'
  >,
  xBearerToken: string,
  clock: Clock,
  credentials: SourceCredentials = {},
): Partial<Record<Source, SocialSource>> {
  const now = () => clock.now();
  const config = {
    ...env,
    REDDIT_CLIENT_ID: env.REDDIT_CLIENT_ID ?? credentials.REDDIT_CLIENT_ID,
    REDDIT_CLIENT_SECRET: env.REDDIT_CLIENT_SECRET ?? credentials.REDDIT_CLIENT_SECRET,
    BLUESKY_IDENTIFIER: env.BLUESKY_IDENTIFIER ?? credentials.BLUESKY_IDENTIFIER,
    BLUESKY_APP_PASSWORD: env.BLUESKY_APP_PASSWORD ?? credentials.BLUESKY_APP_PASSWORD,
  };
  return {
    x: buildXSource(config, xBearerToken),
    ...(config.HACKERNEWS_ENABLED
      ? { hackernews: new HackerNewsSocialSource({ baseUrl: config.HACKERNEWS_API_BASE_URL, now }) }
      : {}),
    ...(config.REDDIT_CLIENT_ID || config.REDDIT_TOKEN
      ? {
          reddit: new RedditSocialSource({
            baseUrl: config.REDDIT_API_BASE_URL,
            token: config.REDDIT_TOKEN,
            ...(config.REDDIT_CLIENT_ID && config.REDDIT_CLIENT_SECRET
              ? {
                  tokens: redditAppToken({
                    clientId: config.REDDIT_CLIENT_ID,
                    clientSecret: config.REDDIT_CLIENT_SECRET,
                    authBaseUrl: config.REDDIT_AUTH_BASE_URL,
                    now,
                  }),
                }
              : {}),
            now,
          }),
        }
      : {}),
    ...(config.BLUESKY_IDENTIFIER || config.BLUESKY_TOKEN
      ? {
          bluesky: new BlueskySocialSource({
            baseUrl: config.BLUESKY_API_BASE_URL,
            token: config.BLUESKY_TOKEN,
            ...(config.BLUESKY_IDENTIFIER && config.BLUESKY_APP_PASSWORD
              ? {
                  tokens: blueskySessionToken({
                    identifier: config.BLUESKY_IDENTIFIER,
                    appPassword: config.BLUESKY_APP_PASSWORD,
                    baseUrl: config.BLUESKY_API_BASE_URL,
                    now,
                  }),
                }
              : {}),
            now,
          }),
        }
      : {}),
  };
}

export function buildXSource(
  config: Pick<DiscoverConfig, 'X_API_BASE_URL' | 'X_TLS_INSECURE'>,
  bearerToken: string,
) {
  return new XSocialSource({
    bearerToken,
    baseUrl: config.X_API_BASE_URL,
    // Only the local fake server's self-signed certificate is ever accepted (config enforces it).
    httpAgent: config.X_TLS_INSECURE
      ? new Agent({ rejectUnauthorized: false, keepAlive: true })
      : new Agent({ keepAlive: true }),
  });
}

export function buildExportFiles(
  config: Pick<CrmExportConfig, 'EXPORT_BUCKET' | 'AWS_REGION' | 'S3_ENDPOINT'>,
) {
  return new S3ExportFiles(
    openS3({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
    config.EXPORT_BUCKET,
  );
}

/**
 * The MQL notifier when a webhook is configured (its URL directly, or the secret holding it);
 * undefined means "tell no one". Reads the secret once, at start.
 */
export async function buildNotifier(
  config: Pick<ApiConfig, 'NOTIFY_WEBHOOK_URL' | 'NOTIFY_WEBHOOK_SECRET_ARN'>,
  delivery: Omit<WebhookOptions, 'url'> = {},
): Promise<WebhookNotifier | undefined> {
  const url =
    config.NOTIFY_WEBHOOK_URL ??
    (config.NOTIFY_WEBHOOK_SECRET_ARN
      ? parseWebhookSecret(String(await getSecret(config.NOTIFY_WEBHOOK_SECRET_ARN)))
      : undefined);
  return url ? new WebhookNotifier({ url, ...delivery }) : undefined;
}

/**
 * The review API's page-cursor key: the deployment's secret on AWS, or `CURSOR_KEY`. One of them
 * must be set where this is called (the Lambda): a key made up per instance would reject the
 * cursors another instance issued.
 */
export async function buildCursorKey(
  config: Pick<ApiConfig, 'CURSOR_KEY' | 'CURSOR_KEY_SECRET_ARN'>,
): Promise<string> {
  if (config.CURSOR_KEY) return config.CURSOR_KEY;
  if (config.CURSOR_KEY_SECRET_ARN)
    return parseCursorKeySecret(String(await getSecret(config.CURSOR_KEY_SECRET_ARN)));
  throw new ConfigError(['CURSOR_KEY_SECRET_ARN is required']);
}
