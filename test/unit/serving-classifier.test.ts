import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServingClassifier } from '../../shared/adapters/intent/serving-classifier.ts';
import { shippedTwoStageBody } from '../../shared/adapters/intent/shipped-two-stage.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import { trainTwoStageModel } from '../../shared/domain/intent/two-stage.ts';
import { contentVersion } from '../../shared/domain/model-registry.ts';
import { promoteModel, saveModelVersion } from '../../shared/use-cases/model-registry.ts';
import { fakeEncoder } from '../support/fake-encoder.ts';
import { tinyCorpus } from '../support/fake-trainer.ts';

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const figures = { f1: 0.9, precision: 0.9, recall: 0.9, n: 10 };
const record = {
  createdAt: clock.now().toISOString(),
  createdBy: 'ops',
  trainer: 'test',
  trainedOn: { corpus: 10, feedback: 0 },
  figures: { heldOut: { candidate: figures, current: figures, noise: 0, folds: 5 } },
};

describe('the classifier ingest serves', () => {
  it('is the shipped two-stage model, named by its content hash, with its fast stage as fallback', async () => {
    const { classifier, fallback } = await loadServingClassifier(undefined);
    expect(classifier.version).toBe(contentVersion(shippedTwoStageBody()));
    expect(fallback.version).toBe(classifier.version);
    const p = fallback.probability('we are evaluating a new CRM, any recommendations?');
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('is the promoted two-stage version, classifying with its own encoder and weights', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-'));
    const models = new FolderModelStore(root);
    const encoder = fakeEncoder();
    const body = `${JSON.stringify(await trainTwoStageModel(tinyCorpus(), encoder, 3))}\n`;
    const { meta } = await saveModelVersion(models, body, record);
    await promoteModel({ models, clock }, { version: meta.version, by: 'ops' });

    const { classifier } = await loadServingClassifier(models, encoder);
    const [buy, chat] = await classifier.classify([
      'we need a crm vendor quote soon',
      'nice weather and football today',
    ]);

    expect(classifier.version).toBe(meta.version);
    expect(buy!).toBeGreaterThan(chat!);
  });

  it('fails loudly, naming the file, when the promoted file is corrupt', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-'));
    const models = new FolderModelStore(root);
    const { meta } = await saveModelVersion(models, '{"format":"prospector-two-stage-model"}\n', record);
    await promoteModel({ models, clock }, { version: meta.version, by: 'ops' });
    await expect(loadServingClassifier(models, fakeEncoder())).rejects.toThrow(
      `models/versions/${meta.version}/model.json`,
    );
    writeFileSync(join(root, 'versions', meta.version, 'model.json'), 'not json');
    await expect(loadServingClassifier(models, fakeEncoder())).rejects.toThrow(meta.version);
  });
});
