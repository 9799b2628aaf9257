import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readLabelledJsonl } from '../../shared/adapters/intent/labelled-jsonl.ts';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import { loadWordVectors } from '../../shared/adapters/intent/word-vectors-file.ts';
import { crossValidate, scoreWith } from '../../shared/domain/intent/evaluate.ts';
import type { BinaryMetrics } from '../../shared/domain/intent/metrics.ts';

const pct = (x: number) => x.toFixed(3);

function print(
  metrics: BinaryMetrics,
  title: string,
  json: boolean,
  extra: Record<string, unknown> = {},
): void {
  const { tp, fp, tn, fn } = metrics.confusion;
  if (!json) {
    process.stdout.write(
      `${title}\n` +
        `precision ${pct(metrics.precision)}  recall ${pct(metrics.recall)}  F1 ${pct(metrics.f1)}  accuracy ${pct(metrics.accuracy)}  n ${metrics.n}\n` +
        `confusion     predicted+  predicted-\n` +
        `  actual+     ${String(tp).padStart(10)}  ${String(fn).padStart(10)}\n` +
        `  actual-     ${String(fp).padStart(10)}  ${String(tn).padStart(10)}\n`,
    );
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  process.stdout.write(
    `${JSON.stringify({ precision: round(metrics.precision), recall: round(metrics.recall), f1: round(metrics.f1), accuracy: round(metrics.accuracy), n: metrics.n, confusion: metrics.confusion, ...extra })}\n`,
  );
}

export function registerIntent(program: Command): void {
  program
    .command('eval')
    .description(
      'measure the intent model: score FILE with the shipped model, or cross-validate the learner on it (--cv K)',
    )
    .requiredOption('--data <file>', 'JSON Lines of {"text": ..., "label": true|false}')
    .option('--cv <k>', 'train and test the learner on K stratified folds of FILE', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--seed <n>', 'shuffle seed for the folds', (v) => Number.parseInt(v, 10), 42)
    .option('--no-vectors', 'cross-validate without the pretrained word vectors (hashed n-grams only)')
    .option('--json', 'print only the JSON line', false)
    .action((opts: { data: string; cv?: number; seed: number; vectors: boolean; json: boolean }) => {
      const examples = readLabelledJsonl(resolve(process.cwd(), opts.data));
      if (opts.cv) {
        const started = performance.now();
        const vectors = opts.vectors ? loadWordVectors() : undefined;
        const r = crossValidate(examples, { folds: opts.cv, seed: opts.seed, vectors });
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        print(r, `${opts.cv}-fold stratified cross-validation of the learner, seed ${opts.seed}`, opts.json, {
          folds: opts.cv,
          seed: opts.seed,
          vectors: vectors?.source ?? null,
          meanFoldF1: Math.round(r.meanFoldF1 * 10_000) / 10_000,
          seconds,
        });
        return;
      }
      const { model, scorer } = loadShippedModel();
      print(
        scoreWith(model, examples),
        `shipped model ${scorer.version} at its threshold ${model.threshold.toFixed(3)}`,
        opts.json,
        {
          model: scorer.version,
        },
      );
    });

  program
    .command('classify <text>')
    .description(
      "the shipped model's probability of purchase intent for one post, and the features that pushed it",
    )
    .option('-k, --features <k>', 'how many features to show', (v) => Number.parseInt(v, 10), 8)
    .action((text: string, opts: { features: number }) => {
      const { model, scorer } = loadShippedModel();
      const { probability, features } = model.explain(text, opts.features);
      process.stdout.write(
        `p(intent) = ${probability.toFixed(3)}  (${probability >= model.threshold ? 'intent' : 'no intent'} at ${model.threshold.toFixed(3)}, model ${scorer.version})\n`,
      );
      for (const f of features)
        process.stdout.write(`  ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(3)}  ${f.feature}\n`);
      process.stdout.write(
        `${JSON.stringify({ probability, intent: probability >= model.threshold, model: scorer.version, features })}\n`,
      );
    });
}
