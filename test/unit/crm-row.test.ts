import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CrmLead, neutraliseCell, toCsv } from '../../shared/domain/crm-row.ts';

const lead = (name: string, bio = 'VP Sales'): CrmLead => ({
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
});

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

  it('keeps a formula-injection attempt as inert text through a CSV round trip', () => {
    const csv = toCsv([lead('=HYPERLINK("http://evil.example","click")', 'line one\nline "two", and more')]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];

    expect(row?.name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row?.bio).toBe('line one\nline "two", and more');
    expect(row?.why).toBe('intent.shop +30');
    expect(row?.campaigns).toBe('crm dw');
    expect(csv.split('\r\n')[0]).toBe(
      'prospect_key,source,handle,name,bio,location,website,followers,state,score,definition_version,campaigns,why,profile_url,updated_at',
    );
  });
});
