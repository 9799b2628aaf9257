import { beforeAll, describe, expect, it } from 'vitest';
import { S3ModelStore } from '../../shared/adapters/models/s3-model-store.ts';
import { contentVersion } from '../../shared/domain/model-registry.ts';
import {
  listModelVersions,
  promoteModel,
  readModelVersion,
  saveModelVersion,
  servingModel,
} from '../../shared/use-cases/model-registry.ts';
import { freshBucket } from '../support/local-resources.ts';

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const figures = { f1: 0.8, precision: 0.8, recall: 0.8, n: 10 };
const record = {
  createdAt: clock.now().toISOString(),
  createdBy: 'ops',
  trainer: 'test',
  trainedOn: { corpus: 10, feedback: 0 },
  figures: { heldOut: { candidate: figures, current: figures, noise: 0, folds: 5 } },
};

describe('the model registry in the export bucket (local S3)', () => {
  let bucket: Awaited<ReturnType<typeof freshBucket>>;
  let models: S3ModelStore;

  beforeAll(async () => {
    bucket = await freshBucket();
    models = new S3ModelStore(bucket.s3, bucket.name);
  });

  it('keeps versions under models/, immutable, and serves the promoted one', async () => {
    const first = await saveModelVersion(models, 'model-one', record);
    const again = await saveModelVersion(models, 'model-one', { ...record, createdBy: 'eve' });
    await promoteModel({ models, clock }, { version: first.meta.version, by: 'ops' });

    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.meta.createdBy).toBe('ops');
    expect(await models.list('')).toEqual([
      'promoted.json',
      `versions/${contentVersion('model-one')}/meta.json`,
      `versions/${contentVersion('model-one')}/model.json`,
    ]);
    expect((await readModelVersion(models, first.meta.version)).body).toBe('model-one');
    expect((await listModelVersions(models)).serving).toBe(first.meta.version);
    expect(await servingModel(models, { version: 'shipped', body: 'x' })).toMatchObject({
      version: first.meta.version,
      promoted: true,
    });
  });

  it('never overwrites an existing version object', async () => {
    expect(await models.create('versions/x/model.json', 'a')).toBe(true);
    expect(await models.create('versions/x/model.json', 'b')).toBe(false);
    expect(await models.read('versions/x/model.json')).toBe('a');
    expect(await models.read('versions/none/model.json')).toBeUndefined();
  });
});
