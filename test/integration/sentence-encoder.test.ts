import { describe, expect, it } from 'vitest';
import {
  encoderInput,
  MAX_ENCODED_CHARS,
  useLiteEncoder,
} from '../../shared/adapters/intent/sentence-encoder.ts';
import { loadServingClassifier } from '../../shared/adapters/intent/serving-classifier.ts';

describe('the USE lite encoder and the shipped two-stage model on odd posts', () => {
  it('cuts long text before tokenising, never in half a surrogate pair, and gives blank text a space', () => {
    expect(encoderInput('x'.repeat(10_000))).toHaveLength(MAX_ENCODED_CHARS);
    const emoji = `${'a'.repeat(MAX_ENCODED_CHARS - 1)}😀`;
    expect(encoderInput(emoji)).toBe('a'.repeat(MAX_ENCODED_CHARS - 1));
    expect(encoderInput('')).toBe(' ');
    expect(encoderInput(' \n\t')).toBe(' ');
    expect(encoderInput('we need a CRM')).toBe('we need a CRM');
  });

  it('encodes empty, non-English and 10,000-character posts to 512 finite numbers', async () => {
    const encoder = useLiteEncoder();
    const vectors = await encoder.encode(['', 'Nous cherchons un CRM', 'crm vendor? '.repeat(850)]);
    for (const v of vectors) {
      expect(v).toHaveLength(512);
      expect(v.every(Number.isFinite)).toBe(true);
    }
  });

  it('gives every odd post a probability in [0, 1], the ones above the gate from the encoder stage', async () => {
    const { classifier, fallback } = await loadServingClassifier(undefined);
    const odd = [
      '',
      '   ',
      'Estamos evaluando un nuevo CRM para nuestro equipo de ventas, ¿alguna recomendación?',
      '我们正在为销售团队寻找新的CRM',
      `We are evaluating a new CRM for our sales team. ${'Our current tool is slow. '.repeat(400)}`,
    ];
    const p = await classifier.classify(odd);
    expect(p).toHaveLength(odd.length);
    for (const x of p) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    const long = odd.at(-1)!;
    expect(long.length).toBeGreaterThan(10_000);
    expect(p.at(-1)).not.toBe(fallback.probability(long)); // above the gate: stage 2 decided
  });
});
