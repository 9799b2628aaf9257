import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../infra/settings.ts';

const settingsOf = (context: Record<string, unknown>) => readSettings(new App({ context }));

describe('deploy settings (CDK context)', () => {
  it('defaults to an hourly generic CRM export of MQLs', () => {
    expect(settingsOf({})).toMatchObject({
      crmExportSchedule: 'rate(1 hour)',
      crmExportFormat: 'generic',
      crmExportStates: 'mql',
    });
    expect(DEFAULT_SETTINGS.schedule).toBe('rate(15 minutes)');
  });

  it('takes a CRM export format, states and schedule from context', () => {
    const s = settingsOf({
      crmExportFormat: 'salesforce',
      crmExportStates: 'mql,disqualified',
      crmExportSchedule: 'cron(0 6 * * ? *)',
    });

    expect([s.crmExportFormat, s.crmExportStates, s.crmExportSchedule]).toEqual([
      'salesforce',
      'mql,disqualified',
      'cron(0 6 * * ? *)',
    ]);
  });

  it('runs the won digest on Mondays at 08:00 UTC unless context names another schedule', () => {
    expect(settingsOf({}).wonDigestSchedule).toBe('cron(0 8 ? * MON *)');
    expect(settingsOf({ wonDigestSchedule: 'cron(0 7 ? * FRI *)' }).wonDigestSchedule).toBe(
      'cron(0 7 ? * FRI *)',
    );
  });

  it.each([
    [{ wonDigestSchedule: 'weekly' }, /wonDigestSchedule: "weekly"/],
    [{ crmExportFormat: 'pipedrive' }, /crmExportFormat/],
    [{ crmExportStates: 'mql,hot' }, /crmExportStates: "mql,hot"/],
    [{ crmExportSchedule: 'hourly' }, /crmExportSchedule: "hourly"/],
    [{ schedule: 'every 5 minutes' }, /context schedule/],
    [{ engageDailyCap: 0 }, /engageDailyCap/],
  ])('refuses %j, naming the setting', (context, message) => {
    expect(() => settingsOf(context)).toThrow(message);
  });
});
