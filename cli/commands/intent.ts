import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readLabelledJsonl } from '../../shared/adapters/intent/labelled-jsonl.ts';
import { useLiteEncoder } from '../../shared/adapters/intent/sentence-encoder.ts';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import {
  SHIPPED_TWO_STAGE_PATH,
  shippedTwoStageBody,
} from '../../shared/adapters/intent/shipped-two-stage.ts';
import { parseTwoStage } from '../../shared/adapters/intent/two-stage-file.ts';
import { loadWordVectors } from '../../shared/adapters/intent/word-vectors-file.ts';
import { crossValidate, scoreWith } from '../../shared/domain/intent/evaluate.ts';
import type { BinaryMetrics } from '../../shared/domain/intent/metrics.ts';
import { cachedEncoder } from '../../shared/domain/intent/two-stage.ts';
import { crossValidateTwoStage, scoreTwoStage } from '../../shared/domain/intent/two-stage-evaluate.ts';

const shippedTwoStage = () => parseTwoStage(shippedTwoStageBody(), SHIPPED_TWO_STAGE_PATH, useLiteEncoder());
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const seedList = (v: string) =>
  v.split(',').map((s) => {
    const n = Number.parseInt(s, 10);
    if (!Number.isInteger(n)) throw new Error(`--seeds: ${s} is not a whole number`);
    return n;
  });

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
    .option(
      '--seeds <list>',
      'with --cv: several shuffles (e.g. 42,1,2,...,9); prints each and their mean',
      seedList,
    )
    .option('--no-vectors', 'cross-validate without the pretrained word vectors (hashed n-grams only)')
    .option(
      '--fast-only',
      'the fast (hashed linear) learner or model alone, without the encoder stage',
      false,
    )
    .option('--json', 'print only the JSON line', false)
    .action(
      async (opts: {
        data: string;
        cv?: number;
        seed: number;
        seeds?: number[];
        vectors: boolean;
        fastOnly: boolean;
        json: boolean;
      }) => {
        const examples = readLabelledJsonl(resolve(process.cwd(), opts.data));
        if (opts.cv) {
          const vectors = opts.vectors ? loadWordVectors() : undefined;
          const seeds = opts.seeds ?? [opts.seed];
          // One cache across seeds: each post is encoded once however many shuffles are run.
          const encoder = cachedEncoder(useLiteEncoder());
          const f1s: number[] = [];
          for (const seed of seeds) {
            const started = performance.now();
            const seconds = () => Math.round((performance.now() - started) / 100) / 10;
            const title = `${opts.cv}-fold stratified cross-validation of the ${opts.fastOnly ? 'fast' : 'two-stage'} learner, seed ${seed}`;
            const common = { folds: opts.cv, seed, vectors: vectors?.source ?? null };
            if (opts.fastOnly) {
              const r = crossValidate(examples, { folds: opts.cv, seed, vectors });
              f1s.push(r.f1);
              print(r, title, opts.json, {
                ...common,
                model: 'fast',
                stages: 1,
                meanFoldF1: r4(r.meanFoldF1),
                seconds: seconds(),
              });
              continue;
            }
            const r = await crossValidateTwoStage(examples, { encoder, folds: opts.cv, seed, vectors });
            f1s.push(r.f1);
            print(r, title, opts.json, {
              ...common,
              model: 'two-stage',
              stages: 2,
              encoder: encoder.name,
              meanFoldF1: r4(r.meanFoldF1),
              gatedShare: r4(r.gatedShare),
              fastOnly: {
                f1: r4(r.fastOnly.f1),
                precision: r4(r.fastOnly.precision),
                recall: r4(r.fastOnly.recall),
              },
              perFold: r.perFold.map((f) => ({
                fold: f.fold,
                f1: r4(f.f1),
                C: f.C,
                threshold: r4(f.threshold),
              })),
              seconds: seconds(),
            });
          }
          if (seeds.length > 1)
            process.stdout.write(
              `${JSON.stringify({ seeds, meanF1: r4(f1s.reduce((a, b) => a + b, 0) / f1s.length), minF1: r4(Math.min(...f1s)), maxF1: r4(Math.max(...f1s)) })}\n`,
            );
          return;
        }
        if (opts.fastOnly) {
          const { model, scorer } = loadShippedModel();
          print(
            scoreWith(model, examples),
            `shipped fast model ${scorer.version} at its threshold ${model.threshold.toFixed(3)}`,
            opts.json,
            { model: scorer.version, stages: 1 },
          );
          return;
        }
        const { version, model } = shippedTwoStage();
        print(
          await scoreTwoStage(model, examples),
          `shipped two-stage model ${version} at its threshold ${model.threshold.toFixed(3)}`,
          opts.json,
          { model: version, stages: 2, threshold: r4(model.threshold), gate: model.gate },
        );
      },
    );

  program
    .command('classify <text>')
    .description(
      "the shipped model's probability of purchase intent for one post, and the features that pushed it",
    )
    .option('-k, --features <k>', 'how many features to show', (v) => Number.parseInt(v, 10), 8)
    .action(async (text: string, opts: { features: number }) => {
      const { model, scorer } = loadShippedModel();
      const { probability: fast, features } = model.explain(text, opts.features);
      const two = shippedTwoStage();
      const { gated, probability } = await two.model.explain(text);
      const intent = probability >= two.model.threshold;
      process.stdout.write(
        `stage 1 (fast ${scorer.version}): p = ${fast.toFixed(3)}, ${gated ? 'at or above' : 'below'} the gate ${two.model.gate}\n` +
          `stage 2 (two-stage ${two.version}): p(intent) = ${probability.toFixed(3)}  (${intent ? 'intent' : 'no intent'} at ${two.model.threshold.toFixed(3)}${gated ? '' : '; the fast probability, not encoded'})\n` +
          'features that moved the fast stage:\n',
      );
      for (const f of features)
        process.stdout.write(`  ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(3)}  ${f.feature}\n`);
      process.stdout.write(
        `${JSON.stringify({ probability, intent, model: two.version, stages: { fast: { probability: fast, model: scorer.version, threshold: model.threshold }, gated }, features })}\n`,
      );
    });
}
