import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CrmLead, neutraliseCell, toCsv } from '../../shared/domain/crm-row.ts';

const lead = (name: string, bio = 'VP Sales', overrides: Partial<CrmLead> = {}): CrmLead => ({
  key: 'x#1',
  profile: {
    source: 'x',
    authorId: '1',
    handle: 'ana',
    name,
    bio,
    followers: 10,
    following: 1,
    postsCount: 1,
    verified: false,
  },
  state: 'mql',
  score: 72.5,
  breakdown: [{ ruleId: 'intent.shop', kind: 'intent.phrase', points: 30, evidence: 'evaluating' }],
  definitionVersion: 3,
  campaignIds: ['crm', 'dw'],
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});
const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe('CRM CSV export', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])(
    'neutralises a cell starting with %j',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Ana = great')).toBe('Ana = great');
  });

  it.each(['-12', '-0.5', '42', '3.25'])('leaves the plain number %j a number (no quote)', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it.each(['-1+1', '-12 ', '-1e5', '-0x1F', '-.5', '--1'])('still neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('keeps a formula-injection attempt as inert text through a CSV round trip', () => {
    const csv = toCsv([lead('=HYPERLINK("http://evil.example","click")', 'line one\nline "two", and more')]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];

    expect(row?.name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row?.bio).toBe('line one\nline "two", and more');
    expect(row?.why).toBe('intent.shop +30');
    expect(row?.campaigns).toBe('crm dw');
    expect(csv.split('\r\n')[0]).toBe(
      'prospect_key,source,handle,name,bio,location,website,followers,state,score,definition_version,campaigns,why,profile_url,updated_at,fit_grade',
    );
  });

  it('writes HubSpot contact-import columns: split name, X handle, lifecycle stage from the state', () => {
    const csv = toCsv(
      [
        lead('Ana María López'),
        lead('Bo', 'CTO', {
          key: 'reddit#2',
          state: 'won',
          profile: { ...lead('Bo').profile, source: 'reddit', handle: 'bo' },
        }),
      ],
      'hubspot',
    );
    const [ana, bo] = rows(csv);

    expect(ana).toMatchObject({
      'First Name': 'Ana María',
      'Last Name': 'López',
      'Twitter Username': 'ana',
      'Lifecycle Stage': 'Marketing Qualified Lead',
      'Prospector Key': 'x#1',
      'Prospector Why': 'intent.shop +30',
    });
    expect(bo).toMatchObject({
      'First Name': '',
      'Last Name': 'Bo',
      'Twitter Username': '',
      'Lifecycle Stage': 'Customer',
    });
  });

  it('writes Salesforce Lead fields with the required LastName and Company, neutralising derived cells', () => {
    const [nameless, sneaky] = rows(toCsv([lead(''), lead('Ana =1+1')], 'salesforce'));

    expect(nameless).toMatchObject({
      FirstName: '',
      LastName: 'ana',
      Company: '[not provided]',
      LeadSource: 'Prospector (x)',
    });
    expect(sneaky).toMatchObject({
      FirstName: 'Ana',
      LastName: "'=1+1",
      Prospector_Key__c: 'x#1',
      Prospector_Score__c: '72.5',
    });
  });

  it('adds the fit grade as the last column of every map, so existing columns keep their positions', () => {
    const graded = lead('Ana', 'VP Sales', { fitGrade: 'B' });
    const headers = (format: 'generic' | 'hubspot' | 'salesforce') =>
      (toCsv([graded], format).split('\r\n')[0] ?? '').split(',');

    expect(headers('generic').at(-1)).toBe('fit_grade');
    expect(headers('generic').indexOf('updated_at')).toBe(14);
    expect(headers('hubspot').at(-1)).toBe('Prospector Fit Grade');
    expect(headers('hubspot').indexOf('Prospector Campaigns')).toBe(10);
    expect(headers('salesforce').at(-1)).toBe('Prospector_Fit_Grade__c');
    expect(headers('salesforce').indexOf('Prospector_Profile_URL__c')).toBe(10);
    expect(rows(toCsv([graded]))[0]?.fit_grade).toBe('B');
    expect(rows(toCsv([graded], 'hubspot'))[0]?.['Prospector Fit Grade']).toBe('B');
    expect(rows(toCsv([lead('Bo')], 'salesforce'))[0]?.Prospector_Fit_Grade__c).toBe('');
  });
});
