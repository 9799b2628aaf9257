import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryLabelStore } from '../../shared/adapters/memory/memory-label-store.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import {
  type Comparison,
  contentVersion,
  foldNoise,
  type ModelVersionMeta,
  promotionVerdict,
  rollbackTarget,
} from '../../shared/domain/model-registry.ts';
import {
  CorruptRegistryError,
  listModelVersions,
  NothingToRollBackError,
  PromotionRefusedError,
  promoteModel,
  readModelVersion,
  registerShippedModel,
  rollbackModel,
  saveModelVersion,
  servingModel,
} from '../../shared/use-cases/model-registry.ts';
import { trainCandidate } from '../../shared/use-cases/train-model.ts';
import { fakeTrainer, tinyCorpus } from '../support/fake-trainer.ts';

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const figures = (f1: number) => ({ f1, precision: f1, recall: f1, n: 100 });
const comparison = (candidate: number, current: number, noise: number): Comparison => ({
  candidate: figures(candidate),
  current: figures(current),
  noise,
  folds: 5,
});
const record = (heldOut: Comparison, feedback?: Comparison): Omit<ModelVersionMeta, 'version'> => ({
  createdAt: clock.now().toISOString(),
  createdBy: 'ops',
  trainer: 'test',
  trainedOn: { corpus: 10, feedback: 2 },
  figures: { heldOut, ...(feedback ? { feedback } : {}) },
});

describe('the promotion guard', () => {
  it('allows a candidate no worse than the current model beyond the fold noise', () => {
    const meta = {
      version: 'a'.repeat(16),
      ...record(comparison(0.8, 0.82, 0.03), comparison(0.7, 0.6, 0.1)),
    };

    expect(promotionVerdict(meta)).toEqual({ promotable: true, reasons: [] });
  });

  it('refuses a candidate worse beyond the noise, saying on which posts and by how much', () => {
    const meta = {
      version: 'a'.repeat(16),
      ...record(comparison(0.8, 0.82, 0.03), comparison(0.5, 0.7, 0.05)),
    };

    expect(promotionVerdict(meta)).toEqual({
      promotable: false,
      reasons: [
        'feedback (cross-validated): F1 0.500 against the current 0.700 (-0.200), worse beyond the fold noise of 0.050 over 5 folds',
      ],
    });
  });

  it('refuses a version without figures (the shipped one was not trained under guard)', () => {
    const { figures: _f, ...bare } = record(comparison(1, 0, 0));

    expect(promotionVerdict({ version: 'b'.repeat(16), ...bare }).promotable).toBe(false);
  });

  it('measures noise as the spread of paired fold differences', () => {
    expect(foldNoise([0.8, 0.8, 0.8], [0.7, 0.7, 0.7])).toBe(0);
    expect(foldNoise([0.9, 0.7], [0.7, 0.7])).toBeCloseTo(Math.SQRT2 * 0.1, 10);
  });

  it('rolls back one promotion at a time, never back and forth', () => {
    const h = (version: string, action: 'promote' | 'rollback' = 'promote') => ({
      version: version.repeat(16),
      at: '2026-12-01T00:00:00.000Z',
      by: 'ops',
      action,
    });

    expect(rollbackTarget({ version: 'c'.repeat(16), history: [h('a'), h('b'), h('c')] })).toBe(
      'b'.repeat(16),
    );
    expect(
      rollbackTarget({ version: 'b'.repeat(16), history: [h('a'), h('b'), h('c'), h('b', 'rollback')] }),
    ).toBe('a'.repeat(16));
    expect(rollbackTarget({ version: 'a'.repeat(16), history: [h('a')] })).toBeUndefined();
  });
});

describe('the model registry on a folder', () => {
  let root: string;
  let models: FolderModelStore;
  const shippedBody = `${JSON.stringify({ format: 'fake', words: ['need'] })}\n`;
  const shipped = { version: contentVersion(shippedBody), body: shippedBody };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'models-'));
    models = new FolderModelStore(root);
  });

  it('keeps a version immutable: the same bytes give the same version and keep their first record', async () => {
    const first = await saveModelVersion(models, 'model-bytes', record(comparison(0.8, 0.8, 0)));
    const again = await saveModelVersion(models, 'model-bytes', {
      ...record(comparison(0.1, 0.9, 0)),
      createdBy: 'eve',
    });

    expect(first.created).toBe(true);
    expect(again).toEqual({ meta: first.meta, created: false });
    expect(first.meta.version).toBe(contentVersion('model-bytes'));
    expect((await readModelVersion(models, first.meta.version)).body).toBe('model-bytes');
  });

  it('refuses a changed model file by name instead of serving it', async () => {
    const { meta } = await saveModelVersion(models, 'model-bytes', record(comparison(0.8, 0.8, 0)));
    writeFileSync(join(root, 'versions', meta.version, 'model.json'), 'model-bytez');

    await expect(readModelVersion(models, meta.version)).rejects.toThrow(
      `versions/${meta.version}/model.json: its content does not match its version hash`,
    );
    await expect(readModelVersion(models, 'f'.repeat(16))).rejects.toThrow(/no model version f{16}/);
  });

  it('trains a candidate on the corpus and the feedback, and measures it beside the current model', async () => {
    const trainer = fakeTrainer();
    const labels = new MemoryLabelStore();
    const posts = [
      ['switching our invoicing tool, need quotes', 'buying'],
      ['invoicing tool renewal, pricing please', 'buying'],
      ['need invoicing quotes before renewal', 'buying'],
      ['best running shoes for my marathon', 'not-buying'],
      ['someday when we are bigger we need a crm', 'not-buying'],
      ['running shoes pricing for my kid', 'not-buying'],
    ] as const;
    for (const [i, [text, label]] of posts.entries())
      await labels.putLabel({
        key: `x#${i}`,
        postId: `${i}`,
        label,
        by: 'marketer:mia',
        at: clock.now().toISOString(),
        text,
      });

    const report = await trainCandidate(
      { models, labels, trainer, clock },
      { corpus: tinyCorpus(), shipped, by: 'ops', folds: 3 },
    );

    // Three feedback folds, the candidate, and the shipped recipe retrained without the held-out part.
    expect(trainer.trainings).toBe(5);
    expect(report.created).toBe(true);
    expect(report.meta).toMatchObject({
      createdBy: 'ops',
      basedOn: shipped.version,
      trainer: 'fake word learner',
      trainedOn: { corpus: 64, feedback: 6 },
    });
    expect(report.meta.figures?.heldOut.candidate.n).toBe(16);
    expect(report.meta.figures?.heldOut.current.n).toBe(16);
    expect(report.meta.figures?.heldOut.servingAsIs?.n).toBe(16);
    expect(report.meta.figures?.feedback).toMatchObject({ folds: 3, candidate: { n: 6 }, current: { n: 6 } });
    expect(report.verdict).toEqual(promotionVerdict(report.meta));
    expect((await listModelVersions(models)).versions.map((v) => v.version)).toEqual([report.meta.version]);
  });

  it('skips the feedback figures when there are too few labels of one kind to fold', async () => {
    const report = await trainCandidate(
      { models, labels: new MemoryLabelStore(), trainer: fakeTrainer(), clock },
      { corpus: tinyCorpus(), shipped, by: 'ops' },
    );

    expect(report.meta.figures?.feedback).toBeUndefined();
    expect(report.meta.trainedOn.feedback).toBe(0);
  });

  it('promotes only under guard, serves the promoted version, and rolls back to the shipped model in one step', async () => {
    await registerShippedModel({ models, clock }, shippedBody);
    const worse = await saveModelVersion(models, 'worse', record(comparison(0.6, 0.8, 0.05)));
    const better = await saveModelVersion(models, 'better', record(comparison(0.85, 0.8, 0.05)));

    await expect(
      promoteModel({ models, clock }, { version: worse.meta.version, by: 'ops', baseline: shipped.version }),
    ).rejects.toBeInstanceOf(PromotionRefusedError);
    expect(await servingModel(models, shipped)).toMatchObject({ version: shipped.version, promoted: false });

    await promoteModel(
      { models, clock },
      { version: better.meta.version, by: 'ops', baseline: shipped.version },
    );
    expect(await servingModel(models, shipped)).toEqual({
      version: better.meta.version,
      body: 'better',
      promoted: true,
    });
    expect((await listModelVersions(models)).serving).toBe(better.meta.version);

    const back = await rollbackModel({ models, clock }, { by: 'ops' });
    expect(back.version).toBe(shipped.version);
    expect(await servingModel(models, shipped)).toMatchObject({ version: shipped.version, promoted: false });
    await expect(rollbackModel({ models, clock }, { by: 'ops' })).rejects.toBeInstanceOf(
      NothingToRollBackError,
    );
  });

  it('fails loudly, naming the file, when the promoted version is corrupt', async () => {
    const better = await saveModelVersion(models, 'better', record(comparison(0.85, 0.8, 0.05)));
    await promoteModel({ models, clock }, { version: better.meta.version, by: 'ops' });
    writeFileSync(join(root, 'versions', better.meta.version, 'model.json'), '');

    await expect(servingModel(models, shipped)).rejects.toBeInstanceOf(CorruptRegistryError);
    await expect(servingModel(models, shipped)).rejects.toThrow(`versions/${better.meta.version}/model.json`);
  });
});
