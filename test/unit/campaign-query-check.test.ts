import { describe, expect, it } from 'vitest';
import { checkCampaignQuery } from '../../shared/use-cases/manage-campaigns.ts';

describe('checkCampaignQuery', () => {
  it('passes a valid hand-written X query through unchanged', () => {
    expect(checkCampaignQuery({ source: 'x', query: '"looking for a crm" -is:retweet lang:en' })).toEqual({
      query: '"looking for a crm" -is:retweet lang:en',
      problems: [],
    });
  });

  it("returns the validator's messages for a query X would refuse", () => {
    const grouped = checkCampaignQuery({ source: 'x', query: 'crm -(hubspot OR salesforce)' });
    const alone = checkCampaignQuery({ source: 'x', query: '-crm is:retweet' });

    expect(grouped).toEqual({
      query: 'crm -(hubspot OR salesforce)',
      problems: ['negate terms one at a time (-a -b), not a group -(a OR b)'],
    });
    expect(alone.problems).toHaveLength(1);
    expect(alone.problems[0]).toMatch(/cannot stand alone/);
  });

  it("builds the query from the builder's fields, and names a bad field", () => {
    expect(
      checkCampaignQuery({
        source: 'x',
        builder: { any: ['crm', 'pipeline'], exclude: ['job'], lang: 'en', excludeRetweets: true },
      }),
    ).toEqual({ query: '(crm OR pipeline) -job lang:en -is:retweet', problems: [] });
    expect(checkCampaignQuery({ source: 'x', builder: { from: ['@bad handle'] } }).problems).toEqual([
      'from.0: an X handle without @',
    ]);
  });

  it('checks only emptiness and length for other sources', () => {
    expect(checkCampaignQuery({ source: 'reddit', query: 'crm OR (' }).problems).toEqual([]);
    expect(checkCampaignQuery({ source: 'reddit', query: '  ' }).problems).toEqual(['the query is empty']);
  });
});
