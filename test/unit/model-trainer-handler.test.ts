import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTrainerHandler } from '../../functions/model-trainer/create-handler.ts';
import { MemoryLabelStore } from '../../shared/adapters/memory/memory-label-store.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import { contentVersion } from '../../shared/domain/model-registry.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { listModelVersions } from '../../shared/use-cases/model-registry.ts';
import { fakeTrainer, tinyCorpus } from '../support/fake-trainer.ts';

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const shippedBody = `${JSON.stringify({ format: 'fake', words: ['need'] })}\n`;

function setup() {
  const models = new FolderModelStore(mkdtempSync(join(tmpdir(), 'trainer-')));
  const labels = new MemoryLabelStore();
  const handler = createTrainerHandler({
    models,
    labels,
    noLabels: new MemoryLabelStore(),
    trainer: fakeTrainer(),
    clock,
    log: silentLog,
    corpus: tinyCorpus,
    shipped: () => ({ version: contentVersion(shippedBody), body: shippedBody }),
  });
  return { models, labels, handler };
}

describe('the model-trainer function', () => {
  it('trains a candidate into the registry beside the shipped model, and promotes nothing', async () => {
    const { models, labels, handler } = setup();
    for (const [i, label] of (['buying', 'not-buying', 'buying', 'not-buying'] as const).entries())
      await labels.putLabel({
        key: `x#${i}`,
        postId: `${i}`,
        label,
        by: 'sales:sam',
        at: clock.now().toISOString(),
        text: label === 'buying' ? 'we need a crm vendor quote' : 'nice weather for football',
      });

    const out = await handler({
      source: 'prospector.model-train',
      requestedBy: 'admin:ana',
      withFeedback: true,
    });

    const { versions, serving } = await listModelVersions(models);
    expect(versions.map((v) => v.version).sort()).toEqual([contentVersion(shippedBody), out.version].sort());
    expect(versions.find((v) => v.version === out.version)).toMatchObject({
      createdBy: 'admin:ana',
      trainedOn: { feedback: 4 },
    });
    expect(serving).toBeUndefined();
  });

  it('refuses an event that is not a training request, before any work', async () => {
    const { models, handler } = setup();

    await expect(handler({ source: 'prospector.schedule' })).rejects.toThrow();
    await expect(
      handler({ source: 'prospector.model-train', requestedBy: 'a', withFeedback: true, extra: 1 }),
    ).rejects.toThrow();
    expect((await listModelVersions(models)).versions).toEqual([]);
  });
});
