import { describe, expect, it } from 'vitest';
import {
  apiConfigSchema,
  ConfigError,
  crmExportConfigSchema,
  discoverConfigSchema,
  engageConfigSchema,
  loadConfig,
  parseSourceCredentials,
  parseWebhookSecret,
} from '../../shared/config.ts';

describe('configuration from the environment', () => {
  it('names every missing setting', () => {
    const error = (() => {
      try {
        loadConfig(discoverConfigSchema, {});
      } catch (e) {
        return e as ConfigError;
      }
    })();

    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual(
      expect.arrayContaining(['TABLE_NAME is required', 'ENGAGE_QUEUE_URL is required']),
    );
  });

  it('requires an X credential and refuses insecure TLS without a local base URL', () => {
    const base = { TABLE_NAME: 't', ENGAGE_QUEUE_URL: 'http://localhost/q' };

    expect(() => loadConfig(discoverConfigSchema, base)).toThrow(
      /X_BEARER_TOKEN: set X_BEARER_TOKEN or X_SECRET_ARN/,
    );
    expect(() =>
      loadConfig(discoverConfigSchema, { ...base, X_BEARER_TOKEN: 'x', X_TLS_INSECURE: 'true' }),
    ).toThrow(/X_TLS_INSECURE/);
  });

  it('applies safe defaults: dry-run engagement, 7-day backfill', () => {
    const engage = loadConfig(engageConfigSchema, {
      TABLE_NAME: 't',
      ENGAGE_QUEUE_URL: 'http://localhost/q',
    });
    const discover = loadConfig(discoverConfigSchema, {
      TABLE_NAME: 't',
      ENGAGE_QUEUE_URL: 'http://localhost/q',
      X_SECRET_ARN: 'arn',
    });

    expect(engage).toMatchObject({ ENGAGE_MODE: 'dry-run', ENGAGE_DAILY_CAP: 50 });
    expect(discover).toMatchObject({
      DISCOVERY_BACKFILL_DAYS: 7,
      DISCOVERY_PAGE_SIZE: 100,
      X_TLS_INSECURE: false,
    });
  });

  it('refuses out-of-range numbers with the setting name', () => {
    expect(() =>
      loadConfig(discoverConfigSchema, {
        TABLE_NAME: 't',
        ENGAGE_QUEUE_URL: 'http://l/q',
        X_SECRET_ARN: 'a',
        DISCOVERY_BACKFILL_DAYS: '30',
      }),
    ).toThrow(/DISCOVERY_BACKFILL_DAYS/);
  });

  it("takes the review page's sign-in as a pair of an https URL and a client id, or neither", () => {
    const base = { TABLE_NAME: 't', ENGAGE_QUEUE_URL: 'http://l/q' };
    const url = 'https://prospector-1.auth.eu-west-1.amazoncognito.com';

    expect(loadConfig(apiConfigSchema, base).SIGN_IN_URL).toBeUndefined();
    expect(
      loadConfig(apiConfigSchema, { ...base, SIGN_IN_URL: url, SIGN_IN_CLIENT_ID: 'abc' }),
    ).toMatchObject({
      SIGN_IN_URL: url,
      SIGN_IN_CLIENT_ID: 'abc',
    });
    expect(() => loadConfig(apiConfigSchema, { ...base, SIGN_IN_URL: url })).toThrow(
      /SIGN_IN_CLIENT_ID: SIGN_IN_URL and SIGN_IN_CLIENT_ID go together/,
    );
    expect(() =>
      loadConfig(apiConfigSchema, {
        ...base,
        SIGN_IN_URL: 'http://insecure.example',
        SIGN_IN_CLIENT_ID: 'a',
      }),
    ).toThrow(/SIGN_IN_URL/);
  });

  it('takes Reddit app credentials and a Bluesky login as pairs', () => {
    const base = { TABLE_NAME: 't', ENGAGE_QUEUE_URL: 'http://l/q', X_SECRET_ARN: 'a' };
    expect(
      loadConfig(discoverConfigSchema, { ...base, REDDIT_CLIENT_ID: 'id', REDDIT_CLIENT_SECRET: 's' }),
    ).toMatchObject({ REDDIT_CLIENT_ID: 'id', REDDIT_CLIENT_SECRET: 's' });
    expect(() => loadConfig(discoverConfigSchema, { ...base, REDDIT_CLIENT_ID: 'id' })).toThrow(
      /REDDIT_CLIENT_SECRET: REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET go together/,
    );
    expect(() => loadConfig(discoverConfigSchema, { ...base, BLUESKY_APP_PASSWORD: 'p' })).toThrow(
      /BLUESKY_APP_PASSWORD: BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD go together/,
    );
  });

  it('reads the sources secret as JSON with the setting names, naming bad keys but never values', () => {
    expect(parseSourceCredentials('{"REDDIT_CLIENT_ID":"id","REDDIT_CLIENT_SECRET":"s"}')).toEqual({
      REDDIT_CLIENT_ID: 'id',
      REDDIT_CLIENT_SECRET: 's',
    });
    expect(parseSourceCredentials('{}')).toEqual({});
    expect(() => parseSourceCredentials('not json')).toThrow(
      /SOURCES_SECRET_ARN: the secret is not a JSON object/,
    );
    const typo = (() => {
      try {
        parseSourceCredentials(
          '{"REDDIT_CLIENT_ID":"id","REDDIT_CLIENT_SECRET":"s","BLUESKY_PASSWORD":"hunter2"}',
        );
      } catch (e) {
        return (e as ConfigError).message;
      }
    })();
    expect(typo).toMatch(/BLUESKY_PASSWORD/);
    expect(typo).not.toContain('hunter2');
    expect(() => parseSourceCredentials('{"BLUESKY_IDENTIFIER":"me.bsky.social"}')).toThrow(
      /BLUESKY_APP_PASSWORD: BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD go together/,
    );
  });

  it('reads the CRM export settings: bucket required, states listed, format and first window checked', () => {
    const config = loadConfig(crmExportConfigSchema, {
      TABLE_NAME: 't',
      EXPORT_BUCKET: 'b',
      CRM_EXPORT_STATES: 'mql,disqualified',
    });

    expect(config).toMatchObject({
      CRM_EXPORT_FORMAT: 'generic',
      CRM_EXPORT_STATES: ['mql', 'disqualified'],
      CRM_EXPORT_FIRST_DAYS: 30,
    });
    expect(() => loadConfig(crmExportConfigSchema, { TABLE_NAME: 't' })).toThrow(/EXPORT_BUCKET is required/);
    expect(() =>
      loadConfig(crmExportConfigSchema, {
        TABLE_NAME: 't',
        EXPORT_BUCKET: 'b',
        CRM_EXPORT_STATES: 'mql,hot',
      }),
    ).toThrow(/CRM_EXPORT_STATES/);
    expect(() =>
      loadConfig(crmExportConfigSchema, { TABLE_NAME: 't', EXPORT_BUCKET: 'b', CRM_EXPORT_FORMAT: 'excel' }),
    ).toThrow(/CRM_EXPORT_FORMAT/);
  });

  it('reads the MQL webhook secret as an https URL or "none", never echoing a bad value', () => {
    expect(parseWebhookSecret(' https://hooks.slack.com/services/T/B/x \n')).toBe(
      'https://hooks.slack.com/services/T/B/x',
    );
    expect(parseWebhookSecret('none')).toBeUndefined();
    expect(() => parseWebhookSecret('http://hooks.example/leak-me')).toThrow(ConfigError);
    expect(() => parseWebhookSecret('http://hooks.example/leak-me')).not.toThrow(/leak-me/);
  });
});
