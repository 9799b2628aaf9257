import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { startRescore } from '../../shared/use-cases/rescore-leads.ts';
import { withStores } from '../store-context.ts';
import { rescoreToEnd } from './mql.ts';

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description('re-score every open lead under the current MQL definition, in bounded batches')
    .action(async (_opts: unknown, cmd: Command) => {
      const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
      await withStores(dataDir, async (s) => {
        const deps = { ...s, clock: systemClock, log: silentLog, intent: loadShippedModel().scorer };
        if (!(await s.definitions.getRescoreJob())) await startRescore(deps);
        const moved = await rescoreToEnd(deps, (line) => process.stderr.write(`${line}\n`));
        process.stdout.write(`${JSON.stringify({ moved })}\n`);
      });
    });
}
