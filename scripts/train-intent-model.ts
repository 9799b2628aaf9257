/**
 * npm run train — trains the shipped intent model from data/intent-corpus/*.jsonl (never from the
 * public eval sets) and writes data/intent/model.json. Deterministic: same corpus, same file.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { loadWordVectors } from '../shared/adapters/intent/word-vectors-file.ts';
import { trainIntentModel } from '../shared/domain/intent/train.ts';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'data', 'intent-corpus');
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const examples = files.flatMap((f) => readLabelledJsonl(join(corpusDir, f)));
const started = performance.now();
const model = trainIntentModel(examples, {}, 42, loadWordVectors());
const out = join(root, 'data', 'intent', 'model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
const seconds = (performance.now() - started) / 1000;
console.error(
  `trained on ${examples.length} posts from ${files.length} files in ${seconds.toFixed(1)} s -> ${out}`,
);
console.log(
  JSON.stringify({
    examples: examples.length,
    positives: model.training?.positives,
    innerCvF1: model.training?.innerCvF1,
    threshold: model.threshold,
    weights: model.weights.count,
    seconds: Math.round(seconds * 10) / 10,
  }),
);
