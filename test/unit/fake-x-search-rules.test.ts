import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../local/fake-x/query-parser.ts';
import { checkSearchParams, hasPositiveTerm } from '../../local/fake-x/search-rules.ts';
import { snowflakeAt } from '../support/feed-builder.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const DAY = 86_400_000;
const check = (extra: Record<string, string>) =>
  checkSearchParams(new URLSearchParams({ query: 'crm', ...extra }), NOW)?.parameter;

describe('the fake X refuses what recent search refuses', () => {
  it('accepts what our adapter sends', () => {
    expect(
      check({
        max_results: '100',
        expansions: 'author_id',
        'tweet.fields': 'created_at,lang,author_id,public_metrics,referenced_tweets,conversation_id',
        'user.fields': 'description,public_metrics,location,created_at,verified,url',
        since_id: snowflakeAt(NOW - 6 * DAY),
        until_id: snowflakeAt(NOW - DAY),
      }),
    ).toBeUndefined();
    expect(check({ start_time: new Date(NOW - 6 * DAY).toISOString() })).toBeUndefined();
  });

  it('refuses ids and start times older than 7 days', () => {
    expect(check({ since_id: snowflakeAt(NOW - 30 * DAY) })).toBe('since_id');
    expect(check({ until_id: snowflakeAt(NOW - 8 * DAY) })).toBe('until_id');
    expect(check({ start_time: new Date(NOW - 30 * DAY).toISOString() })).toBe('start_time');
  });

  it('refuses an id beside a time, and a start after the end', () => {
    const start_time = new Date(NOW - DAY).toISOString();
    expect(check({ since_id: snowflakeAt(NOW - 2 * DAY), start_time })).toBe('since_id');
    expect(check({ until_id: snowflakeAt(NOW - 2 * DAY), start_time })).toBe('until_id');
    expect(check({ start_time, end_time: new Date(NOW - 2 * DAY).toISOString() })).toBe('start_time');
    expect(check({ end_time: new Date(NOW).toISOString() })).toBe('end_time');
  });

  it('refuses unknown fields and expansions, out-of-range pages, long queries, unknown parameters', () => {
    expect(check({ 'tweet.fields': 'created_at,favourites' })).toBe('tweet.fields');
    expect(check({ 'user.fields': 'bio' })).toBe('user.fields');
    expect(check({ expansions: 'author' })).toBe('expansions');
    expect(check({ max_results: '9' })).toBe('max_results');
    expect(check({ max_results: '101' })).toBe('max_results');
    expect(check({ query: 'crm '.repeat(130) })).toBe('query');
    expect(check({ count: '10' })).toBe('count');
    expect(check({ since_id: '12345678901234567890' })).toBe('since_id');
  });

  it('refuses queries made only of negations', () => {
    expect(hasPositiveTerm(parseQuery('-giveaway -"free trial"'))).toBe(false);
    expect(hasPositiveTerm(parseQuery('crm OR -spam'))).toBe(false);
    expect(hasPositiveTerm(parseQuery('crm -giveaway'))).toBe(true);
    expect(hasPositiveTerm(parseQuery('(crm OR hubspot) -is:retweet'))).toBe(true);
  });
});
