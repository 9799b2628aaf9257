import * as z from 'zod';
import { CrmFormatSchema } from './domain/crm-row.ts';
import { LeadStateListSchema } from './domain/lead-state.ts';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const url = z.url();
/** Local SQS servers hand out queue URLs on hosts WHATWG URL parsing rejects (sqs.us-east-1.127.0.0.1). */
const queueUrl = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) queue URL');

/** Settings that only work as a pair (an id and its secret): both or neither, the second one named. */
function together<A extends string, B extends string>(
  a: A,
  b: B,
): [(c: Partial<Record<A | B, unknown>>) => boolean, { message: string; path: string[] }] {
  return [
    (c) => (c[a] === undefined) === (c[b] === undefined),
    { message: `${a} and ${b} go together`, path: [b] },
  ];
}

const common = z.object({
  AWS_REGION: z.string().min(1).default('us-east-1'),
  TABLE_NAME: z.string().min(1),
  /** Local DynamoDB only; unset in AWS. */
  DYNAMODB_ENDPOINT: url.optional(),
  /** How long posts and signals (personal data) are kept before DynamoDB's TTL removes them. */
  RETENTION_DAYS: int(180, 1),
});

const queue = z.object({
  ENGAGE_QUEUE_URL: queueUrl,
  /** Local SQS only; unset in AWS. */
  SQS_ENDPOINT: url.optional(),
});

/**
 * Where new MQLs are announced: a chat webhook URL (it is a credential). On AWS it lives in a
 * secret; locally and in tests it may be given directly.
 */
const notify = z.object({
  NOTIFY_WEBHOOK_URL: url.optional(),
  NOTIFY_WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
});

/**
 * The brand's X account in user context (OAuth 2.0 with PKCE, a public client): the app's client
 * id, and where the tokens live, Secrets Manager on AWS or an encrypted local folder. Without a
 * client id nothing user-context runs: no live replies, no mentions, no connect button.
 */
const xUser = z.object({
  X_CLIENT_ID: z.string().min(1).max(200).optional(),
  X_TOKEN_SECRET_ARN: z.string().min(1).optional(),
  X_TOKEN_VAULT_DIR: z.string().min(1).optional(),
  /** Local fake X server only. */
  X_API_BASE_URL: url.optional(),
  X_TLS_INSECURE: bool,
});
const xUserComplete: [(c: z.infer<typeof xUser>) => boolean, { message: string; path: string[] }] = [
  (c) => !c.X_CLIENT_ID || Boolean(c.X_TOKEN_SECRET_ARN || c.X_TOKEN_VAULT_DIR),
  {
    message: 'X_CLIENT_ID needs X_TOKEN_SECRET_ARN (AWS) or X_TOKEN_VAULT_DIR (local)',
    path: ['X_TOKEN_SECRET_ARN'],
  },
];

/**
 * The model registry: the `models/` prefix of the export bucket on AWS. Unset, the discover
 * function serves the shipped model and the CLI keeps versions under the data directory.
 */
const modelRegistry = z.object({
  MODEL_BUCKET: z.string().min(1).optional(),
  /** Laptop only: the registry folder `prospector model` writes (`<data dir>/models`). */
  MODEL_DIR: z.string().min(1).optional(),
  /** Local S3 (fauxqs) only; unset in AWS. */
  S3_ENDPOINT: url.optional(),
});

export const discoverConfigSchema = common
  .extend(queue.shape)
  .extend(notify.shape)
  .extend(modelRegistry.shape)
  .extend({
    X_BEARER_TOKEN: z.string().min(1).optional(),
    X_SECRET_ARN: z.string().min(1).optional(),
    /** A secret holding the other sources' credentials as JSON (see `sourceCredentialsSchema`). */
    SOURCES_SECRET_ARN: z.string().min(1).optional(),
    /** Local fake X server only. */
    X_API_BASE_URL: url.optional(),
    X_TLS_INSECURE: bool,
    DISCOVERY_PAGE_SIZE: int(100, 10).pipe(z.number().max(100)),
    DISCOVERY_MAX_PAGES: int(20, 1),
    DISCOVERY_BACKFILL_DAYS: int(7, 1).pipe(z.number().max(7)),
    /** Posts the X account may read per month, all campaigns together (X's Basic plan: 15,000). */
    DISCOVERY_MONTHLY_POST_BUDGET: int(15_000, 10),
    /** Campaigns walked at once. */
    DISCOVERY_CONCURRENCY: int(3, 1),
    /**
     * Optional sources: each runs only when its credentials are set (Hacker News needs none).
     * Reddit: an app's id and secret (Prospector mints and refreshes the app-only token), or a
     * token minted elsewhere. Bluesky: a handle and app password (Prospector keeps the session
     * fresh), or an access token minted elsewhere.
     */
    REDDIT_CLIENT_ID: z.string().min(1).optional(),
    REDDIT_CLIENT_SECRET: z.string().min(1).optional(),
    REDDIT_TOKEN: z.string().min(1).optional(),
    BLUESKY_IDENTIFIER: z.string().min(1).optional(),
    BLUESKY_APP_PASSWORD: z.string().min(1).optional(),
    BLUESKY_TOKEN: z.string().min(1).optional(),
    HACKERNEWS_ENABLED: bool.default(true),
    /** Local fake servers for the other sources. */
    REDDIT_API_BASE_URL: url.optional(),
    REDDIT_AUTH_BASE_URL: url.optional(),
    BLUESKY_API_BASE_URL: url.optional(),
    HACKERNEWS_API_BASE_URL: url.optional(),
  })
  .extend({
    X_CLIENT_ID: xUser.shape.X_CLIENT_ID,
    X_TOKEN_SECRET_ARN: xUser.shape.X_TOKEN_SECRET_ARN,
    X_TOKEN_VAULT_DIR: xUser.shape.X_TOKEN_VAULT_DIR,
  })
  .refine(...xUserComplete)
  .refine((c) => c.X_BEARER_TOKEN || c.X_SECRET_ARN, {
    message: 'set X_BEARER_TOKEN or X_SECRET_ARN',
    path: ['X_BEARER_TOKEN'],
  })
  .refine(...together('REDDIT_CLIENT_ID', 'REDDIT_CLIENT_SECRET'))
  .refine(...together('BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD'))
  .refine((c) => !c.X_TLS_INSECURE || c.X_API_BASE_URL, {
    message: 'X_TLS_INSECURE is only allowed with a local X_API_BASE_URL',
    path: ['X_TLS_INSECURE'],
  });
export type DiscoverConfig = z.infer<typeof discoverConfigSchema>;

/**
 * The JSON object in the sources secret (`SOURCES_SECRET_ARN`): the same names as the environment
 * settings, so credentials can move from one to the other. Unknown keys are refused (a typo would
 * otherwise silently disable a source).
 */
export const sourceCredentialsSchema = z
  .strictObject({
    REDDIT_CLIENT_ID: z.string().min(1).optional(),
    REDDIT_CLIENT_SECRET: z.string().min(1).optional(),
    BLUESKY_IDENTIFIER: z.string().min(1).optional(),
    BLUESKY_APP_PASSWORD: z.string().min(1).optional(),
  })
  .refine(...together('REDDIT_CLIENT_ID', 'REDDIT_CLIENT_SECRET'))
  .refine(...together('BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD'));
export type SourceCredentials = z.infer<typeof sourceCredentialsSchema>;

/** Parses the sources secret's string; errors name the key, never a value. */
export function parseSourceCredentials(secret: string): SourceCredentials {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    throw new ConfigError(['SOURCES_SECRET_ARN: the secret is not a JSON object']);
  }
  const parsed = sourceCredentialsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => {
      const keys = i.code === 'unrecognized_keys' ? ` ${i.keys.join(', ')}` : '';
      return `SOURCES_SECRET_ARN ${i.path.join('.') || '(object)'}: ${i.message}${keys}`;
    }),
  );
}

export const engageConfigSchema = common
  .extend(queue.shape)
  .extend(xUser.shape)
  .extend({
    ENGAGE_MODE: z.enum(['dry-run', 'live']).default('dry-run'),
    ENGAGE_ACCOUNT: z.string().min(1).default('default'),
    ENGAGE_DAILY_CAP: int(50, 1),
    /** How long a claim on a task holds: above the function timeout, below the queue's visibility timeout. */
    ENGAGE_LEASE_MS: int(60_000, 1_000),
  })
  .refine(...xUserComplete)
  .refine((c) => c.ENGAGE_MODE !== 'live' || c.X_CLIENT_ID, {
    message: "ENGAGE_MODE=live needs X_CLIENT_ID (and the connected account's token secret)",
    path: ['X_CLIENT_ID'],
  })
  .refine((c) => !c.X_TLS_INSECURE || c.X_API_BASE_URL, {
    message: 'X_TLS_INSECURE is only allowed with a local X_API_BASE_URL',
    path: ['X_TLS_INSECURE'],
  });
export type EngageConfig = z.infer<typeof engageConfigSchema>;

/**
 * The review UI's sign-in on AWS: the Cognito hosted UI's base URL and the UI's app client. Both or
 * neither: without them (a laptop) the page calls the API without a token.
 */
/** `https://a.example,http://127.0.0.1:5173`: each must be a bare origin (scheme, host, port). */
const originList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.url({ protocol: /^https?$/ }).refine((o) => new URL(o).origin === o, {
        message: 'give bare origins such as https://crm.example.com (no path, no trailing slash)',
      }),
    ),
  );

export const apiConfigSchema = common
  .extend(queue.shape)
  .extend(notify.shape)
  .extend({
    SIGN_IN_URL: z.url({ protocol: /^https$/ }).optional(),
    SIGN_IN_CLIENT_ID: z.string().min(1).optional(),
    /** Laptop only: web origins besides the served page that may call the local API. */
    LOCAL_ALLOWED_ORIGINS: originList.default([]),
    /**
     * The key that signs page cursors: a secret (AWS, set by the CDK stack) or the key itself
     * (at least 32 characters). `npm start` makes a random one per run.
     */
    CURSOR_KEY_SECRET_ARN: z.string().min(1).optional(),
    CURSOR_KEY: z.string().min(32).optional(),
    /** Approved replies wait a random 0..this in SQS (per-message delay, at most 900 s): spacing, no sleeping. */
    ENGAGE_MAX_JITTER_MS: int(30_000).pipe(z.number().max(900_000)),
    /** Where X sends the admin back (registered in the X app); default: this API's own callback URL. */
    X_OAUTH_REDIRECT_URI: z.url().optional(),
    /** The model trainer function POST /api/models/train starts; unset, that route answers 503. */
    TRAINER_FUNCTION_NAME: z.string().min(1).max(140).optional(),
  })
  .extend(xUser.shape)
  .refine(...xUserComplete)
  .refine(...together('SIGN_IN_URL', 'SIGN_IN_CLIENT_ID'))
  .refine((c) => !(c.CURSOR_KEY && c.CURSOR_KEY_SECRET_ARN), {
    message: 'set CURSOR_KEY or CURSOR_KEY_SECRET_ARN, not both',
    path: ['CURSOR_KEY'],
  });
export type ApiConfig = z.infer<typeof apiConfigSchema>;

/** The CLI's `model` commands: the bucket when set (AWS), else the data directory. */
export const modelCliConfigSchema = modelRegistry.extend({
  AWS_REGION: z.string().min(1).default('us-east-1'),
});

/** The trainer function: labels from the table, versions into the bucket's `models/` prefix. */
export const trainerConfigSchema = common.extend({
  MODEL_BUCKET: z.string().min(1),
  S3_ENDPOINT: url.optional(),
});

/** The scheduled CRM export: which leads, in which CRM's columns, into which bucket. */
export const crmExportConfigSchema = common.extend({
  EXPORT_BUCKET: z.string().min(1),
  /** Local S3 (fauxqs) only; unset in AWS. */
  S3_ENDPOINT: url.optional(),
  CRM_EXPORT_FORMAT: CrmFormatSchema.default('generic'),
  /** Comma-separated lead states; add `disqualified` for the CRM to hear about opt-outs. */
  CRM_EXPORT_STATES: LeadStateListSchema.default(['mql']),
  CRM_EXPORT_FIRST_DAYS: int(30, 1).pipe(z.number().max(366)),
});
export type CrmExportConfig = z.infer<typeof crmExportConfigSchema>;

/**
 * The weekly won-customers digest: reads won records and its watermark from the table, and posts
 * through the same webhook that announces MQLs. The first run (no watermark yet) looks back
 * `WON_DIGEST_FIRST_DAYS`.
 */
export const wonDigestConfigSchema = common.extend(notify.shape).extend({
  WON_DIGEST_FIRST_DAYS: int(7, 1).pipe(z.number().max(366)),
});
export type WonDigestConfig = z.infer<typeof wonDigestConfigSchema>;

/** What the webhook secret holds until the operator puts a URL there: announce nothing. */
export const NO_WEBHOOK = 'none';

/**
 * The webhook secret's string: an https URL, or `none`. Anything else fails at start (a typo would
 * otherwise silence sales' notices); the error never repeats the value, which is a credential.
 */
export function parseWebhookSecret(secret: string): string | undefined {
  const value = secret.trim();
  if (value === NO_WEBHOOK) return undefined;
  const parsed = z.url({ protocol: /^https$/ }).safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError([
    `NOTIFY_WEBHOOK_SECRET_ARN: the secret is neither an https URL nor "${NO_WEBHOOK}"`,
  ]);
}

/** The cursor key's secret string: long enough to be a key; the error never repeats it. */
export function parseCursorKeySecret(secret: string): string {
  const value = secret.trim();
  if (value.length >= 32) return value;
  throw new ConfigError(['CURSOR_KEY_SECRET_ARN: the secret is shorter than 32 characters']);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start; a missing or bad setting fails with its name. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => {
      const name = i.path.join('.') || '(environment)';
      return i.code === 'invalid_type' && i.input === undefined
        ? `${name} is required`
        : `${name}: ${i.message}`;
    }),
  );
}
