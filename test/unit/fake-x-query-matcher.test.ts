import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../local/fake-x/query-matcher.ts';
import { parseQuery } from '../../local/fake-x/query-parser.ts';

const t = (
  text: string,
  extra: { lang?: string; referenced_tweets?: { type: string; id: string }[] } = {},
) => ({
  text,
  lang: 'en',
  ...extra,
});

describe('bare terms', () => {
  it('match whole words, case-insensitively', () => {
    expect(matchesQuery('crm', t('Looking for a new CRM.'))).toBe(true);
    expect(matchesQuery('CRM', t('looking for a new crm'))).toBe(true);
    expect(matchesQuery('crm', t('our CRMs are a mess'))).toBe(false);
    expect(matchesQuery('crm', t('xcrm is not a word match'))).toBe(false);
  });

  it('treat letters, digits and underscore as word characters', () => {
    expect(matchesQuery('crm', t('my_crm_export.csv'))).toBe(false);
    expect(matchesQuery('crm', t('crm2 beta'))).toBe(false);
    expect(matchesQuery('crm', t('crm/erp stack'))).toBe(true);
    expect(matchesQuery('crm', t('(crm)'))).toBe(true);
  });

  it('also match the hashtag and mention forms of the word', () => {
    expect(matchesQuery('revops', t('hiring! #RevOps'))).toBe(true);
    expect(matchesQuery('hubspot', t('hey @HubSpot any update?'))).toBe(true);
  });

  it('are ANDed when juxtaposed', () => {
    expect(matchesQuery('crm migration', t('CRM migration is done'))).toBe(true);
    expect(matchesQuery('crm migration', t('CRM is done'))).toBe(false);
    expect(matchesQuery('migration crm', t('crm then the migration'))).toBe(true);
  });

  it('handle non-ASCII letters', () => {
    expect(matchesQuery('größe', t('Die Größe des Teams', { lang: 'de' }))).toBe(true);
    expect(matchesQuery('entrepôt', t('notre entrepôt de données', { lang: 'fr' }))).toBe(true);
  });

  it('with separators match the word sequence', () => {
    expect(matchesQuery('on-call', t('my on call week was rough'))).toBe(true);
    expect(matchesQuery('on-call', t('ON-CALL again'))).toBe(true);
    expect(matchesQuery('on-call', t('call on me'))).toBe(false);
  });
});

describe('OR and grouping', () => {
  it('matches either side', () => {
    const q = 'crm OR hubspot';
    expect(matchesQuery(q, t('HubSpot is fine'))).toBe(true);
    expect(matchesQuery(q, t('our crm is fine'))).toBe(true);
    expect(matchesQuery(q, t('salesforce is fine'))).toBe(false);
  });

  it('lets AND bind tighter than OR', () => {
    const q = 'apple banana OR cherry';
    expect(matchesQuery(q, t('cherry'))).toBe(true);
    expect(matchesQuery(q, t('apple banana'))).toBe(true);
    expect(matchesQuery(q, t('apple cherry'))).toBe(true);
    expect(matchesQuery(q, t('apple'))).toBe(false);
    expect(parseQuery(q)).toEqual({
      type: 'or',
      children: [
        {
          type: 'and',
          children: [
            { type: 'term', value: 'apple', words: ['apple'] },
            { type: 'term', value: 'banana', words: ['banana'] },
          ],
        },
        { type: 'term', value: 'cherry', words: ['cherry'] },
      ],
    });
  });

  it('respects parentheses', () => {
    const q = 'apple (banana OR cherry)';
    expect(matchesQuery(q, t('apple cherry'))).toBe(true);
    expect(matchesQuery(q, t('cherry'))).toBe(false);
    expect(matchesQuery('((a OR b) (c OR d)) OR e', t('b c'))).toBe(true);
    expect(matchesQuery('((a OR b) (c OR d)) OR e', t('b'))).toBe(false);
  });

  it('treats lowercase "or" as a term', () => {
    expect(matchesQuery('this or that', t('this that'))).toBe(false);
    expect(matchesQuery('this or that', t('this or that'))).toBe(true);
  });
});

describe('phrases', () => {
  it('match a whole-word sequence', () => {
    expect(matchesQuery('"data warehouse"', t('Picking a Data Warehouse this quarter'))).toBe(true);
    expect(matchesQuery('"data warehouse"', t('warehouse data'))).toBe(false);
    expect(matchesQuery('"data warehouse"', t('bigdata warehouse'))).toBe(false);
    expect(matchesQuery('"data warehouse"', t('data warehouses'))).toBe(false);
  });

  it('ignore punctuation between words', () => {
    expect(matchesQuery('"sales pipeline"', t('our sales-pipeline report'))).toBe(true);
    expect(matchesQuery('"new relic"', t('moving off New Relic, finally'))).toBe(true);
  });
});

describe('negation', () => {
  it('excludes terms', () => {
    expect(matchesQuery('crm -giveaway', t('crm giveaway!!'))).toBe(false);
    expect(matchesQuery('crm -giveaway', t('crm migration'))).toBe(true);
  });

  it('excludes phrases', () => {
    expect(matchesQuery('crm -"free trial"', t('crm free trial'))).toBe(false);
    expect(matchesQuery('crm -"free trial"', t('crm trial, not free'))).toBe(true);
  });

  it('excludes groups', () => {
    expect(matchesQuery('crm -(airdrop OR giveaway)', t('crm airdrop'))).toBe(false);
    expect(matchesQuery('crm -(airdrop OR giveaway)', t('crm demo'))).toBe(true);
  });

  it('excludes retweets with -is:retweet', () => {
    const rt = t('RT @acme: crm tips', { referenced_tweets: [{ type: 'retweeted', id: '1' }] });
    expect(matchesQuery('crm -is:retweet', rt)).toBe(false);
    expect(matchesQuery('crm -is:retweet', t('crm tips'))).toBe(true);
  });

  it('keeps a hyphen inside a word as part of the term', () => {
    expect(matchesQuery('e-mail', t('send an e-mail'))).toBe(true);
  });
});

describe('operators', () => {
  it('lang: matches the tweet language', () => {
    expect(matchesQuery('crm lang:en', t('crm'))).toBe(true);
    expect(matchesQuery('crm lang:en', t('crm', { lang: 'de' }))).toBe(false);
    expect(matchesQuery('crm (lang:en OR lang:de)', t('crm', { lang: 'de' }))).toBe(true);
    expect(matchesQuery('crm lang:en', { text: 'crm' })).toBe(false);
  });

  it('is:retweet / is:reply / is:quote look at referenced_tweets', () => {
    const rt = t('x', { referenced_tweets: [{ type: 'retweeted', id: '1' }] });
    const reply = t('x', { referenced_tweets: [{ type: 'replied_to', id: '1' }] });
    const quote = t('x', { referenced_tweets: [{ type: 'quoted', id: '1' }] });
    const plain = t('x');
    expect([rt, reply, quote, plain].map((tw) => matchesQuery('x is:retweet', tw))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([rt, reply, quote, plain].map((tw) => matchesQuery('x is:reply', tw))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect([rt, reply, quote, plain].map((tw) => matchesQuery('x is:quote', tw))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it('#hashtag matches only the hashtag', () => {
    expect(matchesQuery('#revops', t('big week for #RevOps'))).toBe(true);
    expect(matchesQuery('#revops', t('big week for revops'))).toBe(false);
    expect(matchesQuery('#revops', t('#revopsweek'))).toBe(false);
    expect(matchesQuery('#revops', t('abc#revops'))).toBe(false);
  });

  it('@mention matches only the mention', () => {
    expect(matchesQuery('@hubspot', t('@HubSpot help pls'))).toBe(true);
    expect(matchesQuery('@hubspot', t('hubspot help pls'))).toBe(false);
    expect(matchesQuery('@hubspot', t('me@hubspot.com'))).toBe(false);
  });

  it('evaluates a realistic campaign query', () => {
    const q = '(crm OR hubspot OR salesforce OR "sales pipeline" OR #revops) (lang:en OR lang:de) -giveaway';
    expect(matchesQuery(q, t('anyone moved from HubSpot to Pipedrive?'))).toBe(true);
    expect(matchesQuery(q, t('Wir suchen ein neues CRM', { lang: 'de' }))).toBe(true);
    expect(matchesQuery(q, t('Nous cherchons un CRM', { lang: 'fr' }))).toBe(false);
    expect(matchesQuery(q, t('crm giveaway, retweet to win'))).toBe(false);
    expect(matchesQuery(q, t('pipeline review day'))).toBe(false);
  });

  it('accepts a pre-parsed query', () => {
    const node = parseQuery('grafana OR datadog');
    expect(matchesQuery(node, t('datadog bill again'))).toBe(true);
  });
});

describe('errors', () => {
  it('names unbalanced parentheses', () => {
    expect(() => parseQuery('(crm OR hubspot')).toThrow(/Unbalanced parentheses/);
    expect(() => parseQuery('crm OR hubspot)')).toThrow(/Unbalanced parentheses/);
    expect(() => matchesQuery('((a)', t('a'))).toThrow(/Unbalanced parentheses/);
  });

  it('names unbalanced quotes', () => {
    expect(() => parseQuery('"data warehouse')).toThrow(/Unbalanced quotes/);
    expect(() => parseQuery('crm -"free trial')).toThrow(/Unbalanced quotes/);
  });

  it('rejects empty queries, empty groups and dangling OR', () => {
    expect(() => parseQuery('')).toThrow(/empty/);
    expect(() => parseQuery('()')).toThrow(/empty group/);
    expect(() => parseQuery('crm OR')).toThrow(/OR/);
    expect(() => parseQuery('OR crm')).toThrow(/OR/);
    expect(() => parseQuery('""')).toThrow(/empty phrase/);
  });

  it('rejects unsupported operators instead of silently not matching', () => {
    expect(() => parseQuery('crm from:someone')).toThrow(/Unsupported operator/);
    expect(() => parseQuery('crm is:verified')).toThrow(/Unsupported operator/);
  });
});
