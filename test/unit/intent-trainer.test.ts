import { describe, expect, it } from 'vitest';
import { intentTrainer } from '../../shared/adapters/intent/intent-trainer.ts';
import { SHIPPED_MODEL_FILE } from '../../shared/adapters/intent/shipped-model.ts';
import { fakeEncoder } from '../support/fake-encoder.ts';
import { tinyCorpus } from '../support/fake-trainer.ts';

describe("the registry's trainer", () => {
  it('trains a two-stage candidate whose stored body loads back to the same predictions', async () => {
    const trainer = intentTrainer(undefined, fakeEncoder());
    const { body, model } = await trainer.train(tinyCorpus(), 5);
    expect(JSON.parse(body).format).toBe('prospector-two-stage-model');
    const texts = ['we need a crm vendor quote soon', 'nice weather and football today'];
    const loaded = trainer.load(body, 'versions/x/model.json');
    expect(await loaded.predictAll(texts)).toEqual(await model.predictAll(texts));
    const [buy, chat] = await model.predictAll(texts);
    expect(buy!).toBeGreaterThan(model.threshold);
    expect(chat!).toBeLessThan(model.threshold);
  });

  it('still loads a version stored by the fast-only trainer, and names a corrupt file', async () => {
    const trainer = intentTrainer(undefined, fakeEncoder());
    const old = trainer.load(`${JSON.stringify(SHIPPED_MODEL_FILE)}\n`, 'versions/old/model.json');
    const [p] = await old.predictAll(['we are evaluating a new CRM, any recommendations?']);
    expect(p!).toBeGreaterThan(old.threshold);
    expect(() => trainer.load('{"format":"prospector-two-stage-model"', 'versions/bad/model.json')).toThrow(
      'versions/bad/model.json',
    );
  });
});
