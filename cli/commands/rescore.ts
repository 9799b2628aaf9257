import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadServingClassifier } from '../../shared/adapters/intent/serving-classifier.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { rescoreIntentStep } from '../../shared/use-cases/rescore-intent.ts';
import { startRescore } from '../../shared/use-cases/rescore-leads.ts';
import { servingModels } from '../serving-models.ts';
import { withStores } from '../store-context.ts';
import { rescoreToEnd } from './mql.ts';

const dataDirOf = (cmd: Command) =>
  resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description('re-score every open lead under the current MQL definition, in bounded batches')
    .action(async (_opts: unknown, cmd: Command) => {
      const dataDir = dataDirOf(cmd);
      // Signals without a stored probability are scored by the serving model's fast stage, as in the cycle.
      const { fallback } = await loadServingClassifier(servingModels(dataDir));
      await withStores(dataDir, async (s) => {
        const deps = { ...s, clock: systemClock, log: silentLog, intent: fallback };
        if (!(await s.definitions.getRescoreJob())) await startRescore(deps);
        const moved = await rescoreToEnd(deps, (line) => process.stderr.write(`${line}\n`));
        process.stdout.write(`${JSON.stringify({ moved })}\n`);
      });
    });

  program
    .command('rescore-intent')
    .description(
      're-classify stored posts (inside the retention window) with the serving model version, in resumable batches, and re-score their leads',
    )
    .option('--max <n>', 'stop after walking this many stored items (default: to the end)', (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (opts: { max?: number }, cmd: Command) => {
      const dataDir = dataDirOf(cmd);
      // A model that cannot load throws here, naming its file: nothing is written.
      const { classifier, fallback } = await loadServingClassifier(servingModels(dataDir));
      await withStores(dataDir, async (s) => {
        const deps = { ...s, clock: systemClock, log: silentLog, intent: fallback, classifier };
        const moved: Record<string, number> = {};
        let budget = opts.max ?? Number.POSITIVE_INFINITY;
        let last: Awaited<ReturnType<typeof rescoreIntentStep>>;
        for (;;) {
          const maxItems = Math.min(1_000, budget);
          if (maxItems <= 0) break;
          last = await rescoreIntentStep(deps, { maxItems });
          if (!last) break;
          budget -= maxItems;
          for (const t of last.transitions)
            moved[`${t.from}->${t.to}`] = (moved[`${t.from}->${t.to}`] ?? 0) + 1;
          process.stderr.write(
            `model ${last.model}: ${last.job.reclassified} posts re-classified${last.done ? ' (done)' : ' ...'}\n`,
          );
          if (last.done) break;
        }
        const job = await s.signals.getIntentRescoreJob();
        process.stdout.write(
          `${JSON.stringify({
            model: classifier.version,
            reclassified: job?.model === classifier.version ? job.reclassified : 0,
            done: job?.model === classifier.version && job.finishedAt !== undefined,
            moved,
          })}\n`,
        );
      });
    });
}
