import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentClassifier } from '../../shared/ports/intent-classifier.ts';
import { silentLog } from '../../shared/ports/log.ts';
import type { SignalIntentStore } from '../../shared/ports/signal-intent-store.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { qualifyPending } from '../../shared/use-cases/qualify-prospects.ts';
import { rescoreIntentStep } from '../../shared/use-cases/rescore-intent.ts';
import { testDefinition } from '../support/definition.ts';
import { freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

const now = new Date();
const clock = { now: () => now };
const DAY = 86_400_000;
const {
  version: _v,
  author: _a,
  note: _n,
  publishedAt: _p,
  ...v1
} = testDefinition({
  intent: [
    {
      id: 'intent.model',
      kind: 'intent.model',
      bands: [
        { min: 0.5, points: 20 },
        { min: 0.8, points: 40 },
      ],
    },
  ],
});

/** The new version's probability for a post: high for posts whose text says "buying". */
const newP = (text: string) => (text.includes('buying') ? 0.9 : 0.05);

function classifier(version: string, calls: string[], failOnCall?: number): IntentClassifier {
  let n = 0;
  return {
    version,
    classify: async (texts) => {
      n++;
      if (n === failOnCall) throw new Error('encoder crashed');
      calls.push(...texts);
      return texts.map(newP);
    },
  };
}

/** The store, counting every write that landed, per post. */
function counting(store: SignalIntentStore, writes: Map<string, number>): SignalIntentStore {
  return Object.assign(Object.create(store) as SignalIntentStore, {
    setSignalIntent: async (...args: Parameters<SignalIntentStore['setSignalIntent']>) => {
      const ok = await store.setSignalIntent(...args);
      if (ok) writes.set(args[1], (writes.get(args[1]) ?? 0) + 1);
      return ok;
    },
  });
}

describe('re-classifying stored posts after a new model version', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  /** Live signals the walk must re-classify (not already by v2). */
  const needing = new Set<string>();

  beforeAll(async () => {
    stores = await freshStores();
    await publishDefinition({ ...stores, clock, log: silentLog }, { document: v1, author: 'm', note: 'v1' });
    for (let i = 0; i < 23; i++) {
      const postId = String(1000 + i);
      const text = i % 3 === 0 ? `we are buying a CRM ${i}` : `lunch was nice ${i}`;
      // Some stored by the old version, some before probabilities were kept, some already by v2.
      const intent =
        i % 4 === 0 ? undefined : i % 4 === 3 ? { p: newP(text), model: 'v2' } : { p: 0.1, model: 'v1' };
      await seedPost(stores.posts, { authorId: String(i % 9), postId, text, intent }, now);
      if (intent?.model !== 'v2') needing.add(postId);
    }
    // Past the 30-day retention: expired, so not evidence and not re-classified.
    await seedPost(
      stores.posts,
      { authorId: '0', postId: '999', text: 'buying long ago', intent: { p: 0.1, model: 'v1' } },
      new Date(now.getTime() - 40 * DAY),
    );
    await qualifyPending(
      { ...stores, clock, log: silentLog, intent: { version: 'v1', probability: () => 0.1 } },
      { batchSize: 50, maxBatches: 10 },
    );
    expect((await stores.leads.listPending(50)).items).toEqual([]);
  });

  it('resumes after an interrupted step, writes each signal once, and a recount matches', async () => {
    const writes = new Map<string, number>();
    const signals = counting(stores.signals, writes);
    const fallback = { version: 'v1', probability: () => 0.1 };
    const deps = (c: IntentClassifier) => ({
      ...stores,
      signals,
      clock,
      log: silentLog,
      intent: fallback,
      classifier: c,
    });

    const first = await rescoreIntentStep(deps(classifier('v2', [])), { maxItems: 10, pageSize: 5 });
    expect(first?.done).toBe(false);
    // The next step dies on its second page: the first page's progress is kept, the second's is not.
    await expect(
      rescoreIntentStep(deps(classifier('v2', [], 2)), { maxItems: 1_000, pageSize: 5 }),
    ).rejects.toThrow('encoder crashed');
    const steps = [];
    for (let i = 0; i < 20; i++) {
      const step = await rescoreIntentStep(deps(classifier('v2', [])), { maxItems: 10, pageSize: 5 });
      if (!step) break;
      steps.push(step);
      if (step.done) break;
    }

    expect(steps.at(-1)?.done).toBe(true);
    expect([...writes.keys()].sort()).toEqual([...needing].sort());
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
    expect(steps.at(-1)?.job.reclassified).toBe(needing.size);
    // Recount from the store: every live signal names v2 with its probability; the expired one is untouched.
    const all = await Promise.all(
      Array.from({ length: 9 }, (_, i) => stores.leads.listSignals(`x#${i}`, now)),
    );
    const live = all.flat();
    expect(live).toHaveLength(23);
    expect(live.every((s) => s.intent?.model === 'v2' && s.intent.p === newP(s.text))).toBe(true);
    const left = await stores.signals.listSignalsNotClassifiedBy('v2', 1_000, now);
    expect(left.items).toEqual([]);
    // Nothing more to do for v2.
    expect(await rescoreIntentStep(deps(classifier('v2', [])), { maxItems: 10 })).toBeUndefined();
  });

  it('re-scores the leads whose probabilities changed, naming the new version', async () => {
    const lead = await stores.leads.getLead('x#0');
    const buying = lead?.breakdown.find((b) => b.ruleId === 'intent.model');

    expect(buying?.evidence).toBe('p=0.90 (model v2)');
    expect((await stores.leads.listPending(50)).items).toEqual([]);
  });

  it('never overwrites a probability another writer stored meanwhile', async () => {
    const [signal] = await stores.leads.listSignals('x#1', now);
    const stale = { p: 0.1, model: 'v1' };

    expect(signal?.intent?.model).toBe('v2');
    expect(
      await stores.signals.setSignalIntent('x#1', signal?.postId ?? '', { p: 0.5, model: 'v3' }, stale, now),
    ).toBe(false);
    expect((await stores.leads.listSignals('x#1', now))[0]?.intent).toEqual(signal?.intent);
  });
});
