import { describe, expect, it } from 'vitest';
import { buildXQuery, type InvalidQueryError, validateXQuery } from '../../shared/domain/x-query.ts';

function problems(query: string): string[] {
  try {
    validateXQuery(query);
    return [];
  } catch (e) {
    return (e as InvalidQueryError).problems;
  }
}

describe('X query builder', () => {
  it('builds all/any/phrases/exclusions/language/retweet filters into valid syntax', () => {
    const q = buildXQuery({
      all: ['crm'],
      any: ['hubspot', 'salesforce'],
      phrases: ['sales pipeline'],
      exclude: ['giveaway', 'job offer'],
      lang: 'en',
      excludeRetweets: true,
    });

    expect(q).toBe(
      'crm (hubspot OR salesforce OR "sales pipeline") -giveaway -"job offer" lang:en -is:retweet',
    );
  });

  it('adds accounts as from:/to: operators', () => {
    expect(buildXQuery({ from: ['acme', 'globex'] })).toBe('(from:acme OR from:globex)');
  });

  it('refuses input with nothing to listen for', () => {
    expect(() => buildXQuery({ lang: 'en' })).toThrow(/at least one term/);
  });
});

describe('X query validation', () => {
  it('accepts realistic queries', () => {
    expect(problems('(crm OR hubspot OR "sales pipeline") -giveaway lang:en')).toEqual([]);
    expect(problems('#revops -is:retweet')).toEqual([]);
  });

  it('says to shorten a query over 512 characters', () => {
    expect(problems(`crm ${'x'.repeat(520)}`)).toEqual(['shorten it to 512 characters (it has 524)']);
  });

  it('says to negate terms one at a time', () => {
    expect(problems('crm -(jobs OR hiring)')).toContain(
      'negate terms one at a time (-a -b), not a group -(a OR b)',
    );
  });

  it('says that conjunction-required operators cannot stand alone', () => {
    expect(problems('lang:en -is:retweet')[0]).toMatch(/cannot stand alone/);
    expect(problems('-crm lang:en')[0]).toMatch(/cannot stand alone/);
  });

  it('catches unbalanced groups and quotes, and lowercase or', () => {
    expect(problems('(crm OR hubspot')).toContain('close every "(" with ")"');
    expect(problems('crm)')[0]).toMatch(/unmatched "\)"/);
    expect(problems('"sales pipeline crm')[0]).toMatch(/close the quote/);
    expect(problems('crm or hubspot')[0]).toMatch(/write OR in capitals/);
  });
});
