/**
 * npm run bench:ingest — ingest throughput of the two-stage intent model on one core: the fast
 * stage, the gate, the sentence encoder on the posts above it, then the MQL score of each post
 * (data/mql/v1.json) from the stored probability, over the sample feed's texts (measured on, never
 * trained on). Also the encoder's time per encoded post, and the cold start: a fresh child process
 * that loads the shipped two-stage model and the encoder and classifies one post.
 * Prints one JSON line: {"postsPerSecond":..,"encoderMsPerPost":..,"coldStartMs":..}.
 * Run it pinned for a one-core figure: `taskset -c 0 npm run bench:ingest`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const started = performance.now();
if (process.argv.includes('--cold')) {
  const { loadServingClassifier } = await import('../shared/adapters/intent/serving-classifier.ts');
  const { classifier } = await loadServingClassifier(undefined);
  const [p] = await classifier.classify([
    'We are evaluating a new CRM for our sales team, any recommendations?',
  ]);
  if (!(p! >= 0 && p! <= 1)) throw new Error(`cold start: no probability (${p})`);
  process.stdout.write(`${JSON.stringify({ coldStartMs: Math.round(performance.now() - started) })}\n`);
  process.exit(0);
}

const { loadFeed } = await import('../local/fake-x/feed.ts');
const { SAMPLE_FEED } = await import('../local/stack.ts');
const { loadServingClassifier } = await import('../shared/adapters/intent/serving-classifier.ts');
const { useLiteEncoder } = await import('../shared/adapters/intent/sentence-encoder.ts');
const { normaliseSearchPage } = await import('../shared/adapters/x/normalise.ts');
const { MqlDefinitionDraftSchema } = await import('../shared/domain/mql-definition.ts');
const { compileDefinition, scoreProspect } = await import('../shared/domain/scoring.ts');

const cold = JSON.parse(
  execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--cold'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!,
) as { coldStartMs: number };

const feed = loadFeed(SAMPLE_FEED);
const page = normaliseSearchPage({
  data: feed.tweets,
  includes: { users: feed.users },
  meta: { result_count: feed.tweets.length },
});
const posts = page.posts.map((p) => ({
  profile: page.authors.get(p.authorId)!,
  signal: {
    postId: p.id,
    postKind: p.kind,
    campaignIds: ['bench'],
    at: p.createdAt,
    text: p.text,
    url: p.url,
  },
}));
const { classifier, fallback } = await loadServingClassifier(undefined);
const draft = MqlDefinitionDraftSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'mql', 'v1.json'), 'utf8')),
);
const compiled = compileDefinition(
  { ...draft, version: 1, author: 'bench', note: '', publishedAt: new Date().toISOString() },
  fallback,
);
const now = new Date();
const BATCH = 100; // one X search page
let sink = 0;

/** Ingests every post once, a search page at a time: classify, store the probability, score. */
async function ingestAll(): Promise<number> {
  const t = performance.now();
  for (let at = 0; at < posts.length; at += BATCH) {
    const page = posts.slice(at, at + BATCH);
    const p = await classifier.classify(page.map((x) => x.signal.text));
    page.forEach((x, i) => {
      const signal = { ...x.signal, intent: { p: p[i]!, model: classifier.version } };
      sink += scoreProspect(compiled, x.profile, [signal], now).breakdown.length;
    });
  }
  return performance.now() - t;
}

await classifier.classify([posts[0]!.signal.text]); // the encoder is loaded: not part of throughput
const rounds = [await ingestAll(), await ingestAll(), await ingestAll()];
const ms = [...rounds].sort((a, b) => a - b)[1]!;

const encoder = useLiteEncoder();
const texts = posts.map((p) => p.signal.text);
await encoder.encode(texts.slice(0, 8));
const te = performance.now();
await encoder.encode(texts);
const encoderMsPerPost = (performance.now() - te) / texts.length;

const result = {
  postsPerSecond: Math.round((posts.length / ms) * 1000),
  encoderMsPerPost: Math.round(encoderMsPerPost * 10) / 10,
  coldStartMs: cold.coldStartMs,
};
console.error(
  `${posts.length} posts a round, median of ${rounds.length} rounds ${Math.round(ms)} ms; encoder on all ${texts.length} posts ${Math.round(encoderMsPerPost * texts.length)} ms (sink ${sink})`,
);
console.log(JSON.stringify(result));
