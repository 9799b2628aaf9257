import type { Command } from 'commander';
import { runLocal } from '../../local/runner/run-local.ts';
import { projectRoot } from '../project-root.ts';

export function registerLocal(program: Command): void {
  program
    .command('local')
    .description('run the whole pipeline on this machine (what `npm start` does)')
    .option('--once', 'run one cycle, print the summary and exit', false)
    .option('--fresh', 'start from an empty local database', false)
    .option(
      '--replay',
      'ignore saved cursors and read the sample feed again (nothing is stored twice)',
      false,
    )
    .option('--port <port>', 'port for the review UI and API', (v) => Number.parseInt(v, 10), 3000)
    .option(
      '--every <minutes>',
      'minutes between discovery cycles while serving',
      (v) => Number.parseInt(v, 10),
      15,
    )
    .action(async (opts: { once: boolean; fresh: boolean; replay: boolean; port: number; every: number }) => {
      const { summary, stop } = await runLocal({
        root: projectRoot(),
        once: opts.once,
        fresh: opts.fresh,
        replay: opts.replay,
        port: opts.port,
        everyMinutes: opts.every,
      });
      if (opts.once) {
        await stop();
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        return;
      }
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      const shutdown = () => void stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
