import type { App } from 'aws-cdk-lib';
import { type CrmFormat, CrmFormatSchema } from '../shared/domain/crm-row.ts';
import { LeadStateListSchema } from '../shared/domain/lead-state.ts';

/** Deploy-time choices an operator makes with `-c key=value` or in cdk.json; everything else is code. */
export interface ProspectorSettings {
  /** EventBridge Scheduler expression for the discovery cycle. */
  schedule: string;
  /** EventBridge Scheduler expression for the CRM export. */
  crmExportSchedule: string;
  /** EventBridge Scheduler expression (UTC) for the weekly won-customers digest. */
  wonDigestSchedule: string;
  /** Column map of the scheduled CRM export files (generic, hubspot, salesforce). */
  crmExportFormat: CrmFormat;
  /** Lead states the scheduled CRM export hands over, comma-separated. */
  crmExportStates: string;
  /** Secrets Manager name of the X bearer token secret. */
  xSecretName: string;
  /**
   * Secrets Manager name of a secret for the Reddit and Bluesky credentials (a JSON object with
   * REDDIT_CLIENT_ID/REDDIT_CLIENT_SECRET, BLUESKY_IDENTIFIER/BLUESKY_APP_PASSWORD); unset, no secret.
   */
  sourcesSecretName?: string;
  /**
   * Secrets Manager name of a secret for the chat webhook that announces new MQLs (its URL, or
   * `none`); unset, no secret and no announcements.
   */
  notifyWebhookSecretName?: string;
  /** Where alarm notifications go; no subscription when unset. */
  alarmEmail?: string;
  /** Browser origins allowed to call the review API; no CORS when empty. */
  allowedOrigins: string[];
  /** Secrets Manager name of the brand account's X user tokens (written by the app, never by hand). */
  xTokenSecretName: string;
  /**
   * The X app's OAuth 2.0 client id (public client, PKCE): enables connecting the brand's account,
   * live replies and reading mentions. Unset, none of them run.
   */
  xClientId?: string;
  /** `dry-run` records what would be done; `live` posts approved replies (needs `xClientId`). */
  engageMode: 'dry-run' | 'live';
  /** Engagement actions per X account per day. */
  engageDailyCap: number;
  /**
   * Prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`), unique
   * per region across AWS; unset means `prospector-<account id>`.
   */
  signInDomainPrefix?: string;
}

export const DEFAULT_SETTINGS: ProspectorSettings = {
  schedule: 'rate(15 minutes)',
  crmExportSchedule: 'rate(1 hour)',
  wonDigestSchedule: 'cron(0 8 ? * MON *)',
  crmExportFormat: 'generic',
  crmExportStates: 'mql',
  xSecretName: 'prospector/x-api',
  xTokenSecretName: 'prospector/x-user-tokens',
  allowedOrigins: [],
  engageMode: 'dry-run',
  engageDailyCap: 50,
};

const SCHEDULE = /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(.+\)|at\(.+\))$/;

/**
 * Reads and checks the context once, so a typo fails `cdk synth` with the setting's name instead of
 * deploying a schedule or origin list CloudFormation rejects halfway through.
 */
export function readSettings(app: App): ProspectorSettings {
  const get = (key: string): unknown => app.node.tryGetContext(key);
  const text = (key: keyof ProspectorSettings, fallback: string): string => {
    const v = get(key);
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v !== 'string') throw new Error(`context ${key} must be a string`);
    return v.trim();
  };

  const schedule = text('schedule', DEFAULT_SETTINGS.schedule);
  if (!SCHEDULE.test(schedule))
    throw new Error(`context schedule: "${schedule}" is not rate(), cron() or at()`);

  const crmExportSchedule = text('crmExportSchedule', DEFAULT_SETTINGS.crmExportSchedule);
  if (!SCHEDULE.test(crmExportSchedule))
    throw new Error(`context crmExportSchedule: "${crmExportSchedule}" is not rate(), cron() or at()`);
  const wonDigestSchedule = text('wonDigestSchedule', DEFAULT_SETTINGS.wonDigestSchedule);
  if (!SCHEDULE.test(wonDigestSchedule))
    throw new Error(`context wonDigestSchedule: "${wonDigestSchedule}" is not rate(), cron() or at()`);
  const crmExportFormat = CrmFormatSchema.safeParse(
    text('crmExportFormat', DEFAULT_SETTINGS.crmExportFormat),
  );
  if (!crmExportFormat.success) throw new Error('context crmExportFormat: generic, hubspot or salesforce');
  const crmExportStates = text('crmExportStates', DEFAULT_SETTINGS.crmExportStates);
  if (!LeadStateListSchema.safeParse(crmExportStates).success)
    throw new Error(
      `context crmExportStates: "${crmExportStates}" is not a comma-separated list of lead states`,
    );

  const engageMode = text('engageMode', DEFAULT_SETTINGS.engageMode);
  if (engageMode !== 'dry-run' && engageMode !== 'live')
    throw new Error('context engageMode: dry-run or live');

  const alarmEmail = text('alarmEmail', '');
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`context alarmEmail: "${alarmEmail}" is not an email address`);
  }

  const signInDomainPrefix = text('signInDomainPrefix', '');
  if (
    signInDomainPrefix &&
    (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(signInDomainPrefix) ||
      /aws|amazon|cognito/.test(signInDomainPrefix))
  ) {
    throw new Error(
      `context signInDomainPrefix: "${signInDomainPrefix}" must be lowercase letters, digits and hyphens, without aws, amazon or cognito`,
    );
  }

  const xClientId = text('xClientId', '');
  if (engageMode === 'live' && !xClientId)
    throw new Error("context engageMode=live needs context xClientId (the X app's OAuth 2.0 client id)");

  const cap = Number(get('engageDailyCap') ?? DEFAULT_SETTINGS.engageDailyCap);
  if (!Number.isInteger(cap) || cap < 1) throw new Error('context engageDailyCap: a positive integer');

  return {
    schedule,
    crmExportSchedule,
    wonDigestSchedule,
    crmExportFormat: crmExportFormat.data,
    crmExportStates,
    xSecretName: text('xSecretName', DEFAULT_SETTINGS.xSecretName),
    xTokenSecretName: text('xTokenSecretName', DEFAULT_SETTINGS.xTokenSecretName),
    ...(xClientId ? { xClientId } : {}),
    ...(text('sourcesSecretName', '') ? { sourcesSecretName: text('sourcesSecretName', '') } : {}),
    ...(text('notifyWebhookSecretName', '')
      ? { notifyWebhookSecretName: text('notifyWebhookSecretName', '') }
      : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    allowedOrigins: parseOrigins(get('allowedOrigins')),
    engageMode,
    engageDailyCap: cap,
    ...(signInDomainPrefix ? { signInDomainPrefix } : {}),
  };
}

/** `-c allowedOrigins=https://a,https://b` arrives as a string; cdk.json may hold a JSON array. */
function parseOrigins(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  let list: unknown = raw;
  if (typeof raw === 'string') list = raw.trim().startsWith('[') ? JSON.parse(raw) : raw.split(',');
  if (!Array.isArray(list)) throw new Error('context allowedOrigins: a list of origins');
  return list.map((o) => {
    const origin = String(o).trim();
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(`context allowedOrigins: "${origin}" is not an origin like https://example.com`);
    }
    return origin;
  });
}
