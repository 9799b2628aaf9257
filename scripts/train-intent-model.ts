/**
 * npm run train — trains the shipped intent models from data/intent-corpus/*.jsonl (never from the
 * public eval sets): the two-stage model (data/intent/two-stage-model.json, what ingest serves)
 * and its fast stage on its own (data/intent/model.json, the same fast model, for the rule preview
 * and signals stored without a probability). Deterministic: same corpus, same files.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { useLiteEncoder } from '../shared/adapters/intent/sentence-encoder.ts';
import { loadWordVectors } from '../shared/adapters/intent/word-vectors-file.ts';
import { trainTwoStageModel } from '../shared/domain/intent/two-stage.ts';
import { contentVersion } from '../shared/domain/model-registry.ts';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'data', 'intent-corpus');
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const examples = files.flatMap((f) => readLabelledJsonl(join(corpusDir, f)));
const started = performance.now();
const model = await trainTwoStageModel(examples, useLiteEncoder(), 42, loadWordVectors());
const fastOut = join(root, 'data', 'intent', 'model.json');
const out = join(root, 'data', 'intent', 'two-stage-model.json');
writeFileSync(fastOut, `${JSON.stringify(model.fast)}\n`);
const body = `${JSON.stringify(model)}\n`;
writeFileSync(out, body);
const seconds = (performance.now() - started) / 1000;
console.error(
  `trained on ${examples.length} posts from ${files.length} files in ${seconds.toFixed(1)} s -> ${out}, ${fastOut}`,
);
console.log(
  JSON.stringify({
    version: contentVersion(body),
    examples: examples.length,
    positives: model.training.positives,
    gated: model.training.gated,
    innerCvF1: model.training.innerCvF1,
    fastInnerCvF1: model.fast.training?.innerCvF1,
    threshold: model.threshold,
    C: model.options.C,
    seconds: Math.round(seconds * 10) / 10,
  }),
);
