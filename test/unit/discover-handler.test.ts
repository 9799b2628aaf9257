import { describe, expect, it } from 'vitest';
import {
  createDiscoverHandler,
  type DiscoverHandlerDeps,
  loadOnce,
  withEncoderLoaded,
} from '../../functions/discover/create-handler.ts';
import { silentLog } from '../../shared/ports/log.ts';

const settings = {
  pageSize: 100,
  maxPagesPerCampaign: 1,
  backfillDays: 1,
  accountMonthlyBudget: 100,
  concurrency: 1,
};
const context = { getRemainingTimeInMillis: () => 60_000 };

describe('the discover handler and its intent model', () => {
  it('fails the invocation with the loader error naming the file, before reading any campaign', async () => {
    const errors: Record<string, unknown>[] = [];
    const counted: string[] = [];
    let touched = false;
    const campaigns = new Proxy(
      {},
      {
        get: () => {
          touched = true;
          return () => Promise.resolve([]);
        },
      },
    );
    const deps = {
      campaigns,
      log: { ...silentLog, error: (_m: string, extra?: Record<string, unknown>) => errors.push(extra ?? {}) },
      metrics: { count: (name: string) => counted.push(name) },
      loadIntent: loadOnce(() =>
        Promise.reject(new Error('intent model file models/abc123/model.json is not valid JSON')),
      ),
    } as unknown as DiscoverHandlerDeps;
    const handler = createDiscoverHandler(deps, settings);

    await expect(handler({}, context)).rejects.toThrow('models/abc123/model.json');
    expect(touched).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('model.json') })]);
    expect(counted).toEqual(['ModelLoadFailures']);
  });

  it('loads once per container while it works, and tries again after a failed load', async () => {
    let loads = 0;
    let broken = true;
    const load = loadOnce(async () => {
      loads++;
      if (broken) throw new Error('missing models/v2/model.json');
      return { version: `v${loads}` };
    });

    await expect(load()).rejects.toThrow('missing');
    broken = false;
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();

    expect(loads).toBe(2);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('loads the encoder with the model, and names its files when it cannot be read', async () => {
    const serving = {
      classifier: { version: 'v', classify: async (t: readonly string[]) => t.map(() => 0) },
      fallback: { version: 'v', probability: () => 0 },
    };
    let warmed = 0;

    expect(
      await withEncoderLoaded(
        async () => serving,
        async () => void warmed++,
      ),
    ).toBe(serving);
    expect(warmed).toBe(1);
    await expect(
      withEncoderLoaded(
        async () => serving,
        () => Promise.reject(new SyntaxError('Unexpected token \'g\', "garbage" is not valid JSON')),
      ),
    ).rejects.toThrow(/model-embeddings-en\/dist \(model\.json.*not a usable intent model.*garbage/);
  });
});
