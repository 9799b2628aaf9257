import { describe, expect, it } from 'vitest';
import { draftReply } from '../../shared/domain/engagement-task.ts';
import { asksToStop } from '../../shared/domain/opt-out-phrases.ts';
import { checkPostLength } from '../../shared/domain/post-length.ts';

describe("X's weighted post length", () => {
  it('counts Latin as 1, CJK as 2, any URL as 23 and an emoji sequence as 2', () => {
    expect(checkPostLength('a'.repeat(280))).toEqual({ weightedLength: 280, valid: true });
    expect(checkPostLength('a'.repeat(281)).valid).toBe(false);
    expect(checkPostLength('你'.repeat(140))).toEqual({ weightedLength: 280, valid: true });
    expect(checkPostLength(`see https://example.com/${'x'.repeat(200)}`).weightedLength).toBe(4 + 23);
    expect(checkPostLength('👍🏽').weightedLength).toBe(2);
    expect(checkPostLength('  ').valid).toBe(false);
  });
});

describe('reply templates', () => {
  it('fills first name, need, product and link, leaving no braces', () => {
    const text = draftReply('Hi {firstName}, about {need}: {product} helps. {link}', {
      name: 'Pat Lee',
      need: 'a new CRM',
      product: 'Acme',
      link: 'https://acme.example/guide',
    });
    expect(text).toBe('Hi Pat, about a new CRM: Acme helps. https://acme.example/guide');
    expect(draftReply(undefined, { name: '', product: 'Acme' })).not.toMatch(/[{}]/);
  });
});

describe('answers asking us to stop', () => {
  it('catches stop, unsubscribe and not interested as words, not inside others', () => {
    expect(asksToStop('Not interested, thanks')).toBe(true);
    expect(asksToStop('please STOP')).toBe(true);
    expect(asksToStop('unsubscribe me')).toBe(true);
    expect(asksToStop('we never stopped looking; tell me more')).toBe(false);
  });
});
