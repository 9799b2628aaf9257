import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServingScorer } from '../../shared/adapters/intent/serving-model.ts';
import { loadShippedModel, SHIPPED_MODEL_FILE } from '../../shared/adapters/intent/shipped-model.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import { promoteModel, saveModelVersion } from '../../shared/use-cases/model-registry.ts';

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const figures = { f1: 0.9, precision: 0.9, recall: 0.9, n: 10 };
const record = {
  createdAt: clock.now().toISOString(),
  createdBy: 'ops',
  trainer: 'test',
  trainedOn: { corpus: 10, feedback: 0 },
  figures: { heldOut: { candidate: figures, current: figures, noise: 0, folds: 5 } },
};
const text = 'we are evaluating a new CRM, any recommendations?';

describe('the model discovery serves', () => {
  it('is the shipped model without a registry or without a promotion', async () => {
    const shipped = loadShippedModel().scorer;
    const empty = new FolderModelStore(mkdtempSync(join(tmpdir(), 'serve-')));

    expect((await loadServingScorer(undefined)).version).toBe(shipped.version);
    expect((await loadServingScorer(empty)).version).toBe(shipped.version);
  });

  it('is the promoted version, scoring with its own weights and recording its version', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-'));
    const models = new FolderModelStore(root);
    const shifted = `${JSON.stringify({ ...SHIPPED_MODEL_FILE, bias: SHIPPED_MODEL_FILE.bias.map((b) => b + 3) })}\n`;
    const { meta } = await saveModelVersion(models, shifted, record);
    await promoteModel({ models, clock }, { version: meta.version, by: 'ops' });

    const scorer = await loadServingScorer(models);

    expect(scorer.version).toBe(meta.version);
    expect(scorer.probability(text)).toBeGreaterThan(loadShippedModel().scorer.probability(text));
  });

  it('fails loudly, naming the file, when the promoted file is not a model', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-'));
    const models = new FolderModelStore(root);
    const { meta } = await saveModelVersion(models, '{"format":"something else"}\n', record);
    await promoteModel({ models, clock }, { version: meta.version, by: 'ops' });

    await expect(loadServingScorer(models)).rejects.toThrow(`models/versions/${meta.version}/model.json`);
    writeFileSync(join(root, 'versions', meta.version, 'model.json'), '');
    await expect(loadServingScorer(models)).rejects.toThrow(`versions/${meta.version}/model.json`);
  });
});
