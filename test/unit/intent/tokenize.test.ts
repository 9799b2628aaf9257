import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/domain/intent/featurise.ts';

describe('tokenize (tweet normalisation)', () => {
  it('lower-cases and marks negation scope until clause punctuation', () => {
    expect(tokenize("We DON'T want another CRM, but need a dialer")).toEqual([
      'we',
      "don't",
      'not_want',
      'not_another',
      'not_crm',
      ',',
      'but',
      'need',
      'a',
      'dialer',
    ]);
    expect(tokenize('not happy. Looking for options')).toEqual([
      'not',
      'not_happy',
      '.',
      'looking',
      'for',
      'options',
    ]);
    expect(tokenize('never again!')).toEqual(['never', 'not_again', '!']);
  });

  it('straightens curly apostrophes and treats them like straight ones', () => {
    expect(tokenize('I can’t stand it')).toEqual(['i', "can't", 'not_stand', 'not_it']);
  });

  it('replaces URLs, mentions and numbers with placeholders', () => {
    expect(tokenize('@HubSpot see https://t.co/abc?x=1 and www.example.com for 1,500 seats')).toEqual([
      '<user>',
      'see',
      '<url>',
      'and',
      '<url>',
      'for',
      '<num>',
      'seats',
    ]);
  });

  it('splits hashtags into the tag and the word', () => {
    expect(tokenize('#CRM migration #help')).toEqual(['#crm', 'crm', 'migration', '#help', 'help']);
  });

  it('squeezes elongations, keeps emoji and question marks as tokens', () => {
    expect(tokenize('sooooo slow 😩😩 anyone???')).toEqual(['soo', 'slow', '😩', '😩', 'anyone', '?']);
  });

  it('handles empty and symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
    expect(tokenize('--- ...')).toEqual(['.']);
  });
});
