/**
 * npm run bench — full qualification throughput on one core (every MQL rule + the breakdown) against
 * tokenising alone, two ways: with each post's stored intent probability (what rescoring after a
 * definition change reads: `storedPostsPerSecond`, `storedRatio`) and running the fast model per
 * post (a signal stored before the two-stage model: `postsPerSecond`, `ratio`); and the model's
 * load time. Rounds alternate between
 * the two so machine noise hits both alike; throughputs are medians, and the ratio is the median of
 * the per-round ratios (each round's two passes ran back to back, so a slow spell on a shared
 * machine slows both sides of one ratio rather than one side of the medians).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFeed } from '../local/fake-x/feed.ts';
import { SAMPLE_FEED } from '../local/stack.ts';
import { loadShippedModel, SHIPPED_MODEL_FILE } from '../shared/adapters/intent/shipped-model.ts';
import { normaliseSearchPage } from '../shared/adapters/x/normalise.ts';
import { tokenize } from '../shared/domain/intent/featurise.ts';
import { loadIntentModel } from '../shared/domain/intent/model.ts';
import { MqlDefinitionDraftSchema } from '../shared/domain/mql-definition.ts';
import { compileDefinition, scoreProspect } from '../shared/domain/scoring.ts';
import type { Signal } from '../shared/domain/signal.ts';

const ROUNDS = 9;
const TARGET_POSTS = 50_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const feed = loadFeed(SAMPLE_FEED);
const page = normaliseSearchPage({
  data: feed.tweets,
  includes: { users: feed.users },
  meta: { result_count: feed.tweets.length },
});
const base = page.posts.map((p) => ({
  profile: page.authors.get(p.authorId)!,
  signal: {
    postId: p.id,
    postKind: p.kind,
    campaignIds: ['bench'],
    at: p.createdAt,
    text: p.text,
    url: p.url,
  } satisfies Signal,
}));
const posts = Array.from({ length: Math.ceil(TARGET_POSTS / base.length) }, () => base).flat();
const draft = MqlDefinitionDraftSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'mql', 'v1.json'), 'utf8')),
);
const shipped = loadShippedModel();
const compiled = compileDefinition(
  { ...draft, version: 1, author: 'bench', note: '', publishedAt: new Date().toISOString() },
  shipped.scorer,
);
const now = new Date();

// What rescoring reads since ingest stores each post's probability: the same posts carrying a
// stored `intent {p, model}` (computed here once, outside the timing), so the model never runs.
const withStored = base.map((b) => ({
  profile: b.profile,
  signal: { ...b.signal, intent: { p: shipped.model.predict(b.signal.text), model: 'bench' } },
}));
const storedPosts = Array.from({ length: Math.ceil(TARGET_POSTS / base.length) }, () => withStored).flat();

let sink = 0;
function tokeniseAll(): number {
  const t = performance.now();
  for (const p of posts) sink += tokenize(p.signal.text).length;
  return performance.now() - t;
}
function qualifyAll(list = posts): number {
  const t = performance.now();
  for (const p of list) sink += scoreProspect(compiled, p.profile, [p.signal], now).breakdown.length;
  return performance.now() - t;
}

tokeniseAll();
qualifyAll(); // warm the JIT and the model's word caches
qualifyAll(storedPosts);
const tokeniseMs: number[] = [];
const qualifyMs: number[] = [];
const storedMs: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  tokeniseMs.push(tokeniseAll());
  qualifyMs.push(qualifyAll());
  storedMs.push(qualifyAll(storedPosts));
}
// The model alone, after the main rounds so it cannot disturb them: predict (what scoring calls)
// and explain(5) (what the CLI and the review UI call).
const { model } = shipped;
const passMs = { predict: [] as number[], explain: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  let t = performance.now();
  for (const p of posts) sink += model.predict(p.signal.text);
  passMs.predict.push(performance.now() - t);
  t = performance.now();
  for (const p of posts) sink += model.explain(p.signal.text, 5).features.length;
  passMs.explain.push(performance.now() - t);
}
const loads: number[] = [];
const json = JSON.stringify(SHIPPED_MODEL_FILE);
for (let r = 0; r < 7; r++) {
  const t = performance.now();
  loadIntentModel(JSON.parse(json));
  loads.push(performance.now() - t);
}
const postsPerSecond = Math.round(posts.length / (median(qualifyMs) / 1000));
const tokenizeOnlyPostsPerSecond = Math.round(posts.length / (median(tokeniseMs) / 1000));
const ratioOf = (ms: number[]) => Math.round(median(ms.map((q, r) => q / tokeniseMs[r]!)) * 100) / 100;
console.error(
  `${posts.length} posts x ${ROUNDS} rounds; stored probability ${median(storedMs).toFixed(1)} ms, model run per post ${median(qualifyMs).toFixed(1)} ms, tokenise only ${median(tokeniseMs).toFixed(1)} ms (medians) [${sink > 0 ? 'ok' : ''}]`,
);
console.log(
  JSON.stringify({
    posts: posts.length,
    rounds: ROUNDS,
    storedPostsPerSecond: Math.round(storedPosts.length / (median(storedMs) / 1000)),
    storedRatio: ratioOf(storedMs),
    postsPerSecond,
    tokenizeOnlyPostsPerSecond,
    ratio: ratioOf(qualifyMs),
    predictPostsPerSecond: Math.round(posts.length / (median(passMs.predict) / 1000)),
    explainPostsPerSecond: Math.round(posts.length / (median(passMs.explain) / 1000)),
    modelLoadMs: Math.round(median(loads) * 10) / 10,
    modelBytes: json.length,
  }),
);
