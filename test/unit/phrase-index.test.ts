import { describe, expect, it } from 'vitest';
import { MultiPhraseIndex, wordTokens } from '../../shared/domain/phrase-index.ts';

function match(terms: string[], text: string): string | undefined {
  const index = new MultiPhraseIndex();
  const slot = index.add(terms);
  return index.matchAll(text)[slot];
}

describe('phrase matching on words', () => {
  it('matches whole words only, case-insensitively, returning the original span', () => {
    expect(match(['cto'], 'Director of Sales')).toBeUndefined();
    expect(match(['CTO'], 'ex-CTO at Acme')).toBe('CTO');
    expect(match(['head of'], 'Head  of Data')).toBe('Head  of');
  });

  it('prefers the longest phrase at the leftmost position', () => {
    expect(match(['looking', 'looking for'], 'we are looking for a CRM')).toBe('looking for');
    expect(match(['crm', 'looking for'], 'looking for a CRM')).toBe('looking for');
  });

  it('keeps hashtags, mentions and per cent signs as words', () => {
    expect(match(['#OpenToWork'], 'Data engineer #opentowork')).toBe('#opentowork');
    expect(match(['opentowork'], 'Data engineer #opentowork')).toBeUndefined();
    expect(match(['@hubspot'], 'AE @HubSpot')).toBe('@HubSpot');
    expect(match(['% off'], 'get 30% off today')).toBe('% off');
  });

  it('treats punctuation and emoji as separators and keeps accented letters in words', () => {
    expect(match(['co founder'], 'Co-founder 🚀 at Acme')).toBe('Co-founder');
    expect(match(['vs'], 'Snowflake vs. BigQuery?')).toBe('vs');
    expect(match(['évaluation'], "en pleine évaluation d'outils")).toBe('évaluation');
    expect(match(["we're hiring"], "We're hiring!")).toBe("We're hiring");
  });

  it('gives each rule its own first match in one pass', () => {
    const index = new MultiPhraseIndex();
    const shopping = index.add(['looking for', 'evaluating']);
    const rivals = index.add(['HubSpot', 'Salesforce']);
    const hiring = index.add(['we are hiring']);

    expect(index.matchAll('Evaluating HubSpot vs Salesforce, looking for advice')).toEqual([
      'Evaluating',
      'HubSpot',
      undefined,
    ]);
    expect([shopping, rivals, hiring]).toEqual([0, 1, 2]);
  });

  it('tokenises with offsets into the original text', () => {
    expect(wordTokens('Hi, @Ana!')).toEqual([
      { word: 'hi', start: 0, end: 2 },
      { word: '@ana', start: 4, end: 8 },
    ]);
  });
});
