import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { silentLog } from '../../shared/ports/log.ts';
import type { TrainingRequest } from '../../shared/ports/training-launcher.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';

describe('POST /api/models/train', () => {
  const started: TrainingRequest[] = [];
  const launcher = {
    start: async (r: TrainingRequest) => {
      started.push(r);
      return { runId: 'run-1' };
    },
  };
  let base: Parameters<typeof createApp>[0];

  beforeAll(async () => {
    const stores = await freshStores();
    const { queue } = await freshQueue();
    base = { ...stores, queue, clock: { now: () => new Date() }, log: silentLog, identify: everyRole('ana') };
  });
  const post = (app: ReturnType<typeof createApp>, body: unknown) =>
    app.request('/api/models/train', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('starts one training run with the admin named, and answers 202 with its id', async () => {
    const app = createApp({ ...base, training: launcher });

    const response = await post(app, { withFeedback: true });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ runId: 'run-1', status: 'started' });
    expect(started).toEqual([{ requestedBy: 'admin:ana', withFeedback: true }]);
  });

  it('refuses unknown keys and a bad flag naming the field, starting nothing', async () => {
    const app = createApp({ ...base, training: launcher });
    const before = started.length;

    const extra = await post(app, { withFeedback: true, promote: true });
    const bad = await post(app, { withFeedback: 'yes' });

    expect([extra.status, bad.status]).toEqual([400, 400]);
    expect(await extra.text()).toContain('promote');
    expect(await bad.text()).toContain('withFeedback');
    expect(started).toHaveLength(before);
  });

  it('answers 503 where no trainer is configured', async () => {
    const response = await post(createApp(base), {});

    expect(response.status).toBe(503);
    expect(await response.text()).toContain('prospector model train');
  });
});
