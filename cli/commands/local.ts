import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { runLocal } from '../../local/runner/run-local.ts';
import { projectRoot } from '../project-root.ts';

interface LocalFlags {
  once: boolean;
  fresh: boolean;
  replay: boolean;
  port: number;
  every: number;
  dataDir: string;
  outDir: string;
  salesSim: boolean;
  engage: 'dry-run' | 'live';
}

const int = (v: string) => Number.parseInt(v, 10);

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
    .option('--port <port>', 'port for the review UI and API', int, 3000)
    .option('--every <minutes>', 'minutes between discovery cycles while serving', int, 15)
    .option('--out-dir <dir>', 'where the CRM export is written', 'out')
    .option('--no-sales-sim', 'do not let the local demo simulate sales decisions')
    .addOption(
      new Option('--engage <mode>', 'dry-run says what it would send; live replies on the fake X server')
        .choices(['dry-run', 'live'])
        .default('dry-run'),
    )
    .action(async (_opts: unknown, cmd: Command) => {
      // --data-dir is a global option: every command that touches the local database shares it.
      const opts = cmd.optsWithGlobals() as LocalFlags;
      const root = projectRoot();
      const { summary, stop } = await runLocal({
        root,
        dataDir: resolve(process.cwd(), opts.dataDir),
        outDir: resolve(process.cwd(), opts.outDir),
        once: opts.once,
        fresh: opts.fresh,
        replay: opts.replay,
        port: opts.port,
        everyMinutes: opts.every,
        salesSim: opts.salesSim,
        engage: opts.engage,
      });
      if (opts.once) await stop();
      // Last line on stdout, machine-readable; progress went to stderr.
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      if (opts.once) return;
      const shutdown = () => void stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
