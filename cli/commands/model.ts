import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { intentTrainer } from '../../shared/adapters/intent/intent-trainer.ts';
import { readShippedCorpus, shippedModelEntry } from '../../shared/adapters/intent/training-data.ts';
import { MemoryLabelStore } from '../../shared/adapters/memory/memory-label-store.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import { S3ModelStore } from '../../shared/adapters/models/s3-model-store.ts';
import { openS3 } from '../../shared/adapters/s3/export-bucket.ts';
import { loadConfig, modelCliConfigSchema } from '../../shared/config.ts';
import type { Comparison, ModelVersionMeta } from '../../shared/domain/model-registry.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { LabelStore } from '../../shared/ports/label-store.ts';
import type { ModelStore } from '../../shared/ports/model-store.ts';
import {
  listModelVersions,
  PromotionRefusedError,
  promoteModel,
  registerShippedModel,
  rollbackModel,
} from '../../shared/use-cases/model-registry.ts';
import { trainCandidate } from '../../shared/use-cases/train-model.ts';
import { projectRoot } from '../project-root.ts';
import { withStores } from '../store-context.ts';

/** The registry: the bucket's `models/` prefix when MODEL_BUCKET is set (AWS), else `<data dir>/models`. */
function openModels(dataDir: string): ModelStore {
  const config = loadConfig(modelCliConfigSchema);
  if (config.MODEL_BUCKET)
    return new S3ModelStore(
      openS3({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
      config.MODEL_BUCKET,
    );
  return new FolderModelStore(join(dataDir, 'models'));
}

const dataDirOf = (cmd: Command) =>
  resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
const f3 = (x: number) => x.toFixed(3);

function comparisonLines(name: string, c: Comparison | undefined): string[] {
  if (!c) return [`  ${name.padEnd(26)} (too few labels of each kind to cross-validate)`];
  const delta = c.candidate.f1 - c.current.f1;
  return [
    `  ${name.padEnd(26)} candidate F1 ${f3(c.candidate.f1)} (P ${f3(c.candidate.precision)} R ${f3(c.candidate.recall)})` +
      `  current F1 ${f3(c.current.f1)} (P ${f3(c.current.precision)} R ${f3(c.current.recall)})` +
      `  delta ${delta >= 0 ? '+' : ''}${f3(delta)}  noise ${f3(c.noise)} over ${c.folds} folds  n ${c.candidate.n}`,
    ...(c.servingAsIs
      ? [
          `  ${''.padEnd(26)} (current = the shipped recipe retrained without these posts; the shipped file itself, which saw them, F1 ${f3(c.servingAsIs.f1)})`,
        ]
      : []),
  ];
}

function describeVersion(meta: ModelVersionMeta, serving: string | undefined): string {
  const mark = meta.version === serving ? '*' : ' ';
  const head =
    `${mark} ${meta.version}  ${meta.createdAt}  by ${meta.createdBy}  ${meta.trainer}` +
    `  trained on ${meta.trainedOn.corpus} corpus + ${meta.trainedOn.feedback} labelled posts` +
    (meta.basedOn ? `  (measured against ${meta.basedOn})` : '');
  if (!meta.figures) return `${head}\n    no figures (not trained under guard)\n`;
  return [
    head,
    ...comparisonLines('held-out corpus', meta.figures.heldOut),
    ...comparisonLines('feedback (cross-validated)', meta.figures.feedback),
    '',
  ].join('\n');
}

export function registerModel(program: Command): void {
  const model = program
    .command('model')
    .description('the intent model registry: train a candidate under guard, list, promote, roll back');

  model
    .command('train')
    .description(
      'train a candidate on the shipped corpus (less its frozen held-out fifth) and, with --with-feedback, the stored labels',
    )
    .option('--with-feedback', 'add the labels people gave on posts (prospector labels list)', false)
    .option('--by <name>', 'who trains it (recorded with the version)', 'cli')
    .option('--folds <k>', 'folds for the feedback cross-validation', (v) => Number.parseInt(v, 10), 5)
    .option('--seed <n>', 'seed for training and folds', (v) => Number.parseInt(v, 10), 42)
    .option('--json', 'print only the JSON line', false)
    .action(
      async (
        opts: { withFeedback: boolean; by: string; folds: number; seed: number; json: boolean },
        cmd: Command,
      ) => {
        if (!Number.isInteger(opts.folds) || opts.folds < 2 || opts.folds > 20)
          throw new Error('--folds: expected a whole number from 2 to 20');
        const dataDir = dataDirOf(cmd);
        const models = openModels(dataDir);
        const shipped = shippedModelEntry();
        const corpus = readShippedCorpus(join(projectRoot(), 'data', 'intent-corpus'));
        const run = async (labels: LabelStore) =>
          trainCandidate(
            { models, labels, trainer: intentTrainer(), clock: systemClock },
            { corpus, shipped, by: opts.by, folds: opts.folds, seed: opts.seed },
          );
        await registerShippedModel({ models, clock: systemClock }, shipped.body);
        const report = opts.withFeedback
          ? await withStores(dataDir, (s) => run(s.labels))
          : await run(new MemoryLabelStore());
        if (!opts.json) {
          process.stdout.write(describeVersion(report.meta, undefined));
          process.stdout.write(
            report.verdict.promotable
              ? `promotable: prospector model promote ${report.meta.version}\n`
              : `not promotable:\n${report.verdict.reasons.map((r) => `  - ${r}`).join('\n')}\n`,
          );
        }
        process.stdout.write(
          `${JSON.stringify({ ...report.meta, created: report.created, ...report.verdict })}\n`,
        );
      },
    );

  model
    .command('list')
    .description('every model version with its figures; * marks the one serving')
    .option('--json', 'one JSON object per version', false)
    .action(async (opts: { json: boolean }, cmd: Command) => {
      const { versions, serving } = await listModelVersions(openModels(dataDirOf(cmd)));
      const shipped = shippedModelEntry().version;
      for (const v of versions)
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ ...v, serving: v.version === (serving ?? shipped) })}\n`
            : describeVersion(v, serving ?? shipped),
        );
      if (!opts.json && versions.length === 0)
        process.stdout.write(`no versions yet; serving the shipped model ${shipped}\n`);
    });

  model
    .command('promote <version>')
    .description('serve VERSION from the next cycle on; refused when it measured worse beyond the fold noise')
    .requiredOption('--by <name>', 'the person promoting it (recorded)')
    .action(async (version: string, opts: { by: string }, cmd: Command) => {
      const models = openModels(dataDirOf(cmd));
      const shipped = shippedModelEntry();
      await registerShippedModel({ models, clock: systemClock }, shipped.body);
      try {
        const pointer = await promoteModel(
          { models, clock: systemClock },
          { version, by: opts.by, baseline: shipped.version },
        );
        process.stdout.write(`${JSON.stringify({ serving: pointer.version, promotedBy: opts.by })}\n`);
      } catch (error) {
        if (!(error instanceof PromotionRefusedError)) throw error;
        process.stderr.write(
          `refused to promote ${version}:\n${error.reasons.map((r) => `  - ${r}`).join('\n')}\n`,
        );
        process.exitCode = 2;
      }
    });

  model
    .command('rollback')
    .description('serve the version that served before the current one')
    .requiredOption('--by <name>', 'the person rolling back (recorded)')
    .action(async (opts: { by: string }, cmd: Command) => {
      const pointer = await rollbackModel({ models: openModels(dataDirOf(cmd)), clock: systemClock }, opts);
      process.stdout.write(`${JSON.stringify({ serving: pointer.version, rolledBackBy: opts.by })}\n`);
    });
}
