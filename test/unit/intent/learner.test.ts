import { describe, expect, it } from 'vitest';
import { crossValidate, predictHeldOut, scoreWith } from '../../../shared/domain/intent/evaluate.ts';
import { Featuriser } from '../../../shared/domain/intent/featurise.ts';
import { featurisePost } from '../../../shared/domain/intent/featurise-post.ts';
import { splitFold, stratifiedFolds } from '../../../shared/domain/intent/folds.ts';
import { fitLinear, scoreFeatureSet } from '../../../shared/domain/intent/linear-fit.ts';
import { loadIntentModel } from '../../../shared/domain/intent/model.ts';
import { encodeWeights } from '../../../shared/domain/intent/model-file.ts';
import { withDefaults } from '../../../shared/domain/intent/options.ts';
import { seededRng } from '../../../shared/domain/intent/prng.ts';
import { f1OptimalThreshold } from '../../../shared/domain/intent/threshold.ts';
import { trainIntentModel } from '../../../shared/domain/intent/train.ts';

/** A small synthetic corpus: buying questions vs announcements/chatter, with shared filler words. */
function corpus(n: number, seed: number): { text: string; label: boolean }[] {
  const rng = seededRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const tools = ['crm', 'helpdesk', 'payroll tool', 'data warehouse', 'e-sign tool', 'dialer'];
  const team = ['for a 12 person team', 'for our startup', 'for a small agency', 'at ~40 seats'];
  const out: { text: string; label: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) {
      out.push({
        text: `${pick(['any recs for a', 'looking for a', 'need a', 'what is the best'])} ${pick(tools)} ${pick(team)}? ${pick(['budget is tight', 'lmk', 'thanks!', ''])}`,
        label: true,
      });
    } else {
      out.push({
        text: `${pick(['we just shipped a new', 'great webinar about our', 'happy with our', 'hiring an engineer for our'])} ${pick(tools)} ${pick(team)}. ${pick(['link in bio', 'so proud', '#launch', ''])}`,
        label: false,
      });
    }
  }
  return out;
}

const fast = { C: [1, 10], innerFolds: 3 };

describe('stratifiedFolds', () => {
  it('keeps the positive rate in every fold and is seeded', () => {
    const labels = Array.from({ length: 1060 }, (_, i) => i % 12 < 7); // 58% positive, like the PI set
    const fold = stratifiedFolds(labels, 5, 42);
    for (let k = 0; k < 5; k++) {
      const { test } = splitFold(fold, k);
      const pos = test.filter((i) => labels[i]).length;
      expect(Math.abs(test.length - 212)).toBeLessThanOrEqual(1);
      expect(Math.abs(pos - (619 / 1060) * test.length)).toBeLessThanOrEqual(1.5);
    }
    expect(stratifiedFolds(labels, 5, 42)).toEqual(fold);
    expect(stratifiedFolds(labels, 5, 7)).not.toEqual(fold);
  });
});

describe('f1OptimalThreshold', () => {
  it('cuts between the scores that maximise F1', () => {
    const { threshold, f1 } = f1OptimalThreshold(
      [0.9, 0.8, 0.7, 0.4, 0.3, 0.2],
      [true, true, true, false, true, false],
    );
    expect(f1).toBeCloseTo(1 / (1 + 1 / 8), 6); // tp=4, fp=1, fn=0 -> 8/9
    expect(threshold).toBeCloseTo(0.25, 6);
  });
});

describe('trainIntentModel', () => {
  const data = corpus(90, 1);

  it('is deterministic: same data, options and seed give an identical file', () => {
    const a = trainIntentModel(data, fast, 42);
    const b = trainIntentModel(data, fast, 42);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.createdAt).toBeUndefined();
  });

  it('separates a separable set perfectly (CV F1 = 1)', () => {
    const cv = crossValidate(data, { folds: 3, seed: 42, options: fast });
    expect(cv.f1).toBe(1);
    expect(cv.confusion.fp + cv.confusion.fn).toBe(0);
    expect(cv.n).toBe(90);
    expect(cv.perFold).toHaveLength(3);
  });

  it('round-trips through JSON and explains with readable feature names', () => {
    const file = JSON.parse(JSON.stringify(trainIntentModel(data, fast, 42)));
    const model = loadIntentModel(file);
    expect(scoreWith(model, data).f1).toBe(1);
    const text = 'Looking for a CRM for our startup, any recs?';
    const e = model.explain(text, 5);
    expect(e.probability).toBeCloseTo(model.predict(text), 12);
    expect(e.probability).toBeGreaterThan(model.threshold);
    expect(e.features.length).toBe(5);
    for (const f of e.features) expect(f.feature).toMatch(/^(w|c):/);
    const weights = e.features.map((f) => Math.abs(f.weight));
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
    const all = model.explain(text, 60).features;
    expect(all.find((f) => f.feature === 'w:look_for')?.weight).toBeGreaterThan(0);
    expect(all.map((f) => f.feature)).toContain('w:^_look'); // begin-of-post bigram
    expect(all.some((f) => f.feature.startsWith('c:'))).toBe(true);
  });

  it('scores a post exactly as training featurised it (fast path = training path)', () => {
    const options = withDefaults(fast);
    const f = new Featuriser(options);
    const docs = data.map((d) => featurisePost(f, d.text, options.binary));
    const scorer = fitLinear(
      docs,
      data.map((d) => d.label),
      options,
      3,
      3,
      42,
    );
    const model = loadIntentModel({
      format: 'prospector-intent-model',
      version: 1,
      options,
      bias: scorer.bias,
      threshold: 0.5,
      weights: encodeWeights(scorer.table, 0),
    });
    const probe = [
      ...data.map((d) => d.text),
      'sooo need a crm!!! #help https://x.y @a',
      'not looking, we love our dialer',
      '',
    ];
    for (const text of probe) {
      expect(model.predict(text)).toBeCloseTo(
        scoreFeatureSet(scorer, featurisePost(f, text, options.binary)),
        6,
      );
    }
  });

  it('folds charScale into the weights (scoring unchanged); files without it read as 1', () => {
    const labels = data.map((d) => d.label);
    const fitWith = (charScale: number) => {
      const options = withDefaults({ ...fast, charScale });
      const f = new Featuriser(options);
      const docs = data.map((d) => featurisePost(f, d.text, options.binary));
      return { options, f, scorer: fitLinear(docs, labels, options, 3, 3, 42) };
    };
    const a = fitWith(1);
    const b = fitWith(0.5);
    expect(Array.from(b.scorer.table)).not.toEqual(Array.from(a.scorer.table));
    const model = loadIntentModel({
      format: 'prospector-intent-model',
      version: 1,
      options: b.options,
      bias: b.scorer.bias,
      threshold: 0.5,
      weights: encodeWeights(b.scorer.table, 0),
    });
    for (const text of [...data.map((d) => d.text), 'need a crm, any recs?', '']) {
      expect(model.predict(text)).toBeCloseTo(
        scoreFeatureSet(b.scorer, featurisePost(b.f, text, b.options.binary)),
        6,
      );
    }
    const { charScale: _omitted, ...older } = trainIntentModel(data, fast, 42).options;
    const file = { ...trainIntentModel(data, fast, 42), options: older as typeof b.options };
    expect(loadIntentModel(file).options.charScale).toBe(1);
  });

  it('gives the same scores after its word caches are emptied (bounded memory)', () => {
    const file = trainIntentModel(data, fast, 42);
    const roomy = loadIntentModel(file);
    const tight = loadIntentModel(file, { wordCacheEntries: 7 });
    const texts = [...data.map((d) => d.text), 'Need a new CRM, sooo tired of spreadsheets #help', ''];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        expect(tight.predict(text)).toBe(roomy.predict(text));
        expect(tight.explain(text, 4)).toEqual(roomy.explain(text, 4));
      }
    }
  });
});

describe('threshold selection uses training data only', () => {
  const data = corpus(120, 2).map((d, i) => (i % 10 === 0 ? { ...d, label: !d.label } : d)); // some label noise

  it("a CV fold's threshold and predictions are those of a model trained on that fold's training part", () => {
    const cv = crossValidate(data, { folds: 4, seed: 42, options: fast });
    const fold = stratifiedFolds(
      data.map((d) => d.label),
      4,
      42,
    );
    for (let k = 0; k < 4; k++) {
      const { train, test } = splitFold(fold, k);
      const model = loadIntentModel(
        trainIntentModel(
          train.map((i) => data[i]!),
          fast,
          42,
        ),
      );
      expect(model.threshold).toBe(cv.perFold[k]!.selection.threshold);
      const m = scoreWith(
        model,
        test.map((i) => data[i]!),
      );
      expect(m.confusion).toEqual(cv.perFold[k]!.confusion);
    }
  });

  it('held-out predictions do not depend on the held-out labels (they are never passed in)', () => {
    const options = withDefaults(fast);
    const f = new Featuriser(options);
    const docs = data.map((d) => featurisePost(f, d.text, options.binary));
    const labels = data.map((d) => d.label);
    const trainIdx = docs.map((_, i) => i).filter((i) => i % 5 !== 0);
    const testIdx = docs.map((_, i) => i).filter((i) => i % 5 === 0);
    const run = () =>
      predictHeldOut(
        trainIdx.map((i) => docs[i]!),
        trainIdx.map((i) => labels[i]!),
        testIdx.map((i) => docs[i]!),
        options,
        42,
      );
    const a = run();
    for (const i of testIdx) labels[i] = !labels[i]; // corrupt every test label
    const b = run();
    expect(b).toEqual(a);
  });
});
