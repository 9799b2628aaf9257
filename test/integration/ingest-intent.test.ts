import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import type { IntentClassifier } from '../../shared/ports/intent-classifier.ts';
import { CLASSIFY_BATCH } from '../../shared/use-cases/classify-texts.ts';
import { discoverPosts } from '../../shared/use-cases/discover-posts.ts';
import { crmCampaign, walkOptions, xDiscoveryDeps } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';
import { freshStores } from '../support/local-resources.ts';
import { storedPostIds } from '../support/stored.ts';

const feed = buildFeed({ posts: 250, authors: 60 });
const allIds = feed.tweets.map((t) => t.id).sort();
/** A distinct probability per post, so a probability stored on the wrong signal shows. */
const pOf = (text: string) => (Number(/(\d+)$/.exec(text)?.[1] ?? 0) % 100) / 100;

function classifier(batches: number[], fail = false): IntentClassifier {
  return {
    version: 'two-stage-test',
    classify: async (texts) => {
      if (fail) throw new Error('encoder out of memory');
      batches.push(texts.length);
      return texts.map(pOf);
    },
  };
}

describe('ingest classifies new posts and stores the probability with the signal', () => {
  let server: FakeXServer;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  // A fresh time per test: the budget's write tokens name it, and DynamoDB Local shares tokens across tables.
  let now = new Date();
  const clock = { now: () => now };

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(crmCampaign);
    server = await startFakeXServer({ feed });
  });
  afterEach(async () => server?.stop());

  it('stores each signal with its probability and model version, one bounded batch per page', async () => {
    const batches: number[] = [];
    const deps = { ...xDiscoveryDeps(stores, server.url, clock), classifier: classifier(batches) };

    const run = await discoverPosts(deps, walkOptions);

    expect(run.runs[0]).toMatchObject({ pages: 3, postsNew: 250 });
    // 100 + 100 + 50 posts: two calls for a full page, one for the last.
    expect(batches).toEqual([CLASSIFY_BATCH, 100 - CLASSIFY_BATCH, CLASSIFY_BATCH, 100 - CLASSIFY_BATCH, 50]);
    const stored = (await stores.signals.listSignalsNotClassifiedBy('none', 10_000, now)).items;
    expect(stored).toHaveLength(250);
    for (const s of stored) expect(s.intent).toEqual({ p: pOf(s.text), model: 'two-stage-test' });
  });

  it('a classifier failure fails the walk before the page is stored, and the next cycle stores it whole', async () => {
    const broken = { ...xDiscoveryDeps(stores, server.url, clock), classifier: classifier([], true) };

    await expect(discoverPosts(broken, walkOptions)).rejects.toThrow('encoder out of memory');
    expect(await storedPostIds(stores.table)).toEqual([]);

    const deps = { ...xDiscoveryDeps(stores, server.url, clock), classifier: classifier([]) };
    await discoverPosts(deps, walkOptions);
    expect(await storedPostIds(stores.table)).toEqual(allIds);
    expect((await stores.signals.listSignalsNotClassifiedBy('two-stage-test', 10_000, now)).items).toEqual(
      [],
    );
  });
});
