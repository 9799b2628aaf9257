/**
 * npm run eval:b2b — how the two-stage intent model does on B2B posts it never saw:
 *  1. hold out a stratified 20% of data/intent-corpus (seed 42), train the two-stage learner on the
 *     other 80%, score the 20%;
 *  2. score the shipped two-stage model (data/intent/two-stage-model.json) on the sample feed (written separately, by other hands), where only
 *     `buying_signal` posts count as intent and retweets are left out.
 * It also prints the shipped model's fast stage alone on the feed, and the feed's false positives
 * by the feed's own kind (spam, how-to, ...): measured, never trained on.
 * Last line: one JSON object with all of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { useLiteEncoder } from '../shared/adapters/intent/sentence-encoder.ts';
import { SHIPPED_TWO_STAGE_PATH, shippedTwoStageBody } from '../shared/adapters/intent/shipped-two-stage.ts';
import { parseTwoStage } from '../shared/adapters/intent/two-stage-file.ts';
import { loadWordVectors } from '../shared/adapters/intent/word-vectors-file.ts';
import { scoreWith } from '../shared/domain/intent/evaluate.ts';
import { splitFold, stratifiedFolds } from '../shared/domain/intent/folds.ts';
import { type BinaryMetrics, confusionOf, metricsOf } from '../shared/domain/intent/metrics.ts';
import { cachedEncoder, loadTwoStageModel, trainTwoStageModel } from '../shared/domain/intent/two-stage.ts';
import { scoreTwoStage } from '../shared/domain/intent/two-stage-evaluate.ts';

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
const encoder = cachedEncoder(useLiteEncoder());
const heldOutModel = loadTwoStageModel(
  await trainTwoStageModel(
    train.map((i) => corpus[i]!),
    encoder,
    42,
    loadWordVectors(),
  ),
  encoder,
);
const heldOut = await scoreTwoStage(
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
const feedPosts = feed.tweets.filter((t) => labels[t.id] && labels[t.id]?.kind !== 'retweet');
const feedExamples = feedPosts.map((t) => ({ text: t.text, label: labels[t.id]?.kind === 'buying_signal' }));
const shipped = parseTwoStage(shippedTwoStageBody(), SHIPPED_TWO_STAGE_PATH, encoder);
// The feed is classified once: its figures and its false positives (by the feed's own kind: what
// kind of post the model mistakes for intent) come from the same predictions.
const feedPredicted = (await shipped.model.predictAll(feedExamples.map((e) => e.text))).map(
  (p) => p >= shipped.model.threshold,
);
const sampleFeed = metricsOf(
  confusionOf(
    feedPredicted,
    feedExamples.map((e) => e.label),
  ),
);
const fastAlone = scoreWith(shipped.model.fast, feedExamples);
const falsePositives: Record<string, number> = {};
feedPosts.forEach((t, i) => {
  if (feedExamples[i]!.label || !feedPredicted[i]) return;
  const kind = labels[t.id]!.kind;
  falsePositives[kind] = (falsePositives[kind] ?? 0) + 1;
});

const line = (name: string, m: BinaryMetrics) =>
  `${name.padEnd(34)} n ${String(m.n).padStart(5)}  precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}`;
console.error(line('B2B corpus, held-out 20%', heldOut));
console.error(line(`sample feed (shipped ${shipped.version})`, sampleFeed));
console.error(line('sample feed, its fast stage alone', fastAlone));
console.error(`sample feed false positives by kind: ${JSON.stringify(falsePositives)}`);
const round = (m: BinaryMetrics) => ({
  precision: +m.precision.toFixed(4),
  recall: +m.recall.toFixed(4),
  f1: +m.f1.toFixed(4),
  n: m.n,
});
console.log(
  JSON.stringify({
    model: shipped.version,
    heldOut: round(heldOut),
    sampleFeed: round(sampleFeed),
    sampleFeedFastStage: round(fastAlone),
    sampleFeedFalsePositives: falsePositives,
  }),
);
