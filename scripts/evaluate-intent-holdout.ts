/**
 * npm run eval:b2b — how the intent model does on B2B posts it never saw:
 *  1. hold out a stratified 20% of data/intent-corpus (seed 42), train on the other 80%, score the 20%;
 *  2. score the shipped model on the sample feed (written separately, by other hands), where only
 *     `buying_signal` posts count as intent and retweets are left out.
 * Last line: one JSON object with both results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { loadShippedModel } from '../shared/adapters/intent/shipped-model.ts';
import { loadWordVectors } from '../shared/adapters/intent/word-vectors-file.ts';
import { scoreWith } from '../shared/domain/intent/evaluate.ts';
import { splitFold, stratifiedFolds } from '../shared/domain/intent/folds.ts';
import type { BinaryMetrics } from '../shared/domain/intent/metrics.ts';
import { loadIntentModel } from '../shared/domain/intent/model.ts';
import { trainIntentModel } from '../shared/domain/intent/train.ts';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'data', 'intent-corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readLabelledJsonl(join(corpusDir, f)));
const { train, test } = splitFold(
  stratifiedFolds(
    corpus.map((r) => r.label),
    5,
    42,
  ),
  0,
);
const heldOutModel = loadIntentModel(
  trainIntentModel(
    train.map((i) => corpus[i]!),
    {},
    42,
    loadWordVectors(),
  ),
);
const heldOut = scoreWith(
  heldOutModel,
  test.map((i) => corpus[i]!),
);

const feed = JSON.parse(readFileSync(join(root, 'data', 'sample-feed', 'feed.json'), 'utf8')) as {
  tweets: { id: string; text: string }[];
};
const labels = JSON.parse(readFileSync(join(root, 'data', 'sample-feed', 'labels.json'), 'utf8')) as Record<
  string,
  { kind: string }
>;
const feedExamples = feed.tweets
  .filter((t) => labels[t.id] && labels[t.id]?.kind !== 'retweet')
  .map((t) => ({ text: t.text, label: labels[t.id]?.kind === 'buying_signal' }));
const sampleFeed = scoreWith(loadShippedModel().model, feedExamples);

const line = (name: string, m: BinaryMetrics) =>
  `${name.padEnd(34)} n ${String(m.n).padStart(5)}  precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}`;
console.error(line('B2B corpus, held-out 20%', heldOut));
console.error(line('sample feed (shipped model)', sampleFeed));
const round = (m: BinaryMetrics) => ({
  precision: +m.precision.toFixed(4),
  recall: +m.recall.toFixed(4),
  f1: +m.f1.toFixed(4),
  n: m.n,
});
console.log(JSON.stringify({ heldOut: round(heldOut), sampleFeed: round(sampleFeed) }));
