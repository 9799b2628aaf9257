import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../../shared/adapters/intent/word-vectors-file.ts';
import { Featuriser } from '../../../shared/domain/intent/featurise.ts';
import { featurisePost } from '../../../shared/domain/intent/featurise-post.ts';
import { fitLinear, scoreFeatureSet } from '../../../shared/domain/intent/linear-fit.ts';
import { loadIntentModel } from '../../../shared/domain/intent/model.ts';
import { withDefaults } from '../../../shared/domain/intent/options.ts';
import { trainIntentModel } from '../../../shared/domain/intent/train.ts';
import { decodeWordVectors, encodeWordVectors } from '../../../shared/domain/intent/word-vectors.ts';

const fast = { C: [1, 10], innerFolds: 3 };

describe('word-vector file', () => {
  it('round-trips words and vectors within int8 rounding', () => {
    const words = ['buy', 'purchase', 'héllo'];
    const vectors = [
      [0.5, -1.27, 0],
      [2, 1, -0.001],
      [0, 0, 0],
    ];
    const v = decodeWordVectors(encodeWordVectors(words, vectors, 3, 'test vectors'));
    expect(v.words).toEqual(words);
    expect(v.source).toBe('test vectors');
    for (let r = 0; r < 3; r++) {
      const out = new Float64Array(3);
      v.addTo(r, out);
      const max = Math.max(...vectors[r]!.map(Math.abs));
      for (let d = 0; d < 3; d++)
        expect(Math.abs(out[d]! - vectors[r]![d]!)).toBeLessThanOrEqual(max / 254 + 1e-7);
    }
    expect(v.index.rowOf('purchase')).toBe(1);
    expect(v.index.rowOf('héllo')).toBe(2);
    expect(v.index.rowOf('sell')).toBe(-1);
  });

  it('refuses a file that is not one', () => {
    expect(() => decodeWordVectors(new Uint8Array(40))).toThrow(/bad magic/);
    const bytes = encodeWordVectors(['a'], [[1, 2]], 2, 's');
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(
      /expected 1 words of 2 dims/,
    );
  });
});

describe('learning with the shipped word vectors', () => {
  const vectors = loadWordVectors();
  // Buying posts say "buy"; the rest talk about a tool they have. No post says "purchase" or "acquire".
  const tools = ['crm', 'helpdesk', 'dialer', 'payroll tool', 'data warehouse'];
  const data = tools.flatMap((tool, i) => [
    { text: `we want to buy a ${tool} this quarter`, label: true },
    { text: `planning to buy a new ${tool} for the team`, label: true },
    { text: `our ${tool} works great, the team loves it`, label: false },
    { text: `shipped a big update to the ${tool} today ${i}`, label: false },
  ]);

  it('resolves common words, hashtags by their text, and nothing for punctuation or numbers', () => {
    const f = new Featuriser(withDefaults(), undefined, vectors.index);
    const mean = new Float64Array(vectors.dims);
    f.runWords('Need to BUY a CRM #sales ?! 42 https://x.y @bob');
    const rows = Array.from(
      { length: f.tokens.count },
      (_, t) => [f.tokens.textOf(t), f.vectorRow(t)] as const,
    );
    const found = rows.filter(([, r]) => r >= 0).map(([w]) => w);
    expect(found).toEqual(['need', 'to', 'buy', 'a', 'crm', 'sales']);
    expect(f.meanVector(vectors, mean)).toBe(6);
  });

  it('scores a post exactly as training featurised it, vectors included', () => {
    const options = withDefaults(fast);
    const f = new Featuriser(options, undefined, vectors.index);
    const posts = data.map((d) => featurisePost(f, d.text, options.binary, vectors));
    const scorer = fitLinear(
      posts,
      data.map((d) => d.label),
      options,
      3,
      3,
      42,
    );
    expect(scorer.vectorWeights).not.toBeNull();
    const file = trainIntentModel(data, { ...fast, C: 3 }, 42, vectors);
    const model = loadIntentModel(JSON.parse(JSON.stringify(file)));
    for (const text of [...data.map((d) => d.text), 'keen to purchase a dialer', 'sooo #buy!!', '']) {
      const expected = scoreFeatureSet(scorer, featurisePost(f, text, options.binary, vectors));
      expect(model.predict(text)).toBeCloseTo(expected, 5);
      expect(model.explain(text, 6).probability).toBeCloseTo(expected, 5);
    }
  });

  it('lets a word no labelled post used count like its neighbours', () => {
    const plain = loadIntentModel(trainIntentModel(data, fast, 42));
    const withVectors = loadIntentModel(trainIntentModel(data, fast, 42, vectors));
    const unseen = 'keen to purchase a dialer';
    const lift = (m: typeof plain) => m.predict(unseen) - m.predict('keen to see a dialer');
    // Without vectors "purchase" is as unknown as "see" (only a few shared character n-grams).
    expect(Math.abs(lift(plain))).toBeLessThan(0.001);
    expect(lift(withVectors)).toBeGreaterThan(0.01);
    const named = withVectors.explain(unseen, 60).features.find((x) => x.feature === 'v:purchase');
    expect(named?.weight).toBeGreaterThan(0);
  });

  it('folds vectorScale into the word scores (scoring unchanged); files without it read as 1', () => {
    const scores = (vectorScale: number) => {
      const file = trainIntentModel(data, { ...fast, C: 3, vectorScale }, 42, vectors);
      const model = loadIntentModel(JSON.parse(JSON.stringify(file)));
      return { file, model, p: model.predict('keen to purchase a dialer') };
    };
    const weak = scores(0.25);
    const strong = scores(2);
    // A bigger scale means a weaker L2 pull on the vector part, so "purchase" counts for more.
    expect(strong.p).toBeGreaterThan(weak.p);
    const { vectorScale: _omitted, ...older } = strong.file.options;
    const file = { ...strong.file, options: older as typeof strong.file.options };
    expect(loadIntentModel(file).options.vectorScale).toBe(1);
  });

  it('gives the same scores after its word caches are emptied', () => {
    const file = trainIntentModel(data, fast, 42, vectors);
    const roomy = loadIntentModel(file);
    const tight = loadIntentModel(file, { wordCacheEntries: 5 });
    for (let round = 0; round < 2; round++) {
      for (const { text } of [...data, { text: 'keen to purchase a dialer, sooo #buy' }]) {
        expect(tight.predict(text)).toBe(roomy.predict(text));
        expect(tight.explain(text, 4)).toEqual(roomy.explain(text, 4));
      }
    }
  });
});
