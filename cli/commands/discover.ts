import { resolve } from 'node:path';
import type { Command } from 'commander';
import { localContext } from '../../local/runner/lambda-context.ts';
import { startLocalRuntime } from '../../local/runner/local-runtime.ts';
import type { CycleResult } from '../../shared/use-cases/run-discovery-cycle.ts';
import { projectRoot } from '../project-root.ts';

function report(result: CycleResult): void {
  for (const r of result.runs) {
    process.stderr.write(
      `${r.campaignId.padEnd(24)} ${r.source.padEnd(10)} pages ${String(r.pages).padStart(3)}  read ${String(r.postsRead).padStart(5)}  new ${String(r.postsNew).padStart(5)}  ${r.complete ? 'complete' : `stopped: ${r.stoppedBy}`}${r.error ? ` (${r.error})` : ''}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description('run one discovery cycle now (every active campaign, or --campaign), then qualify and draft')
    .option('--campaign <id...>', 'only these campaigns')
    .option('--replay', 'ignore saved cursors and read the window again', false)
    .action(async (opts: { campaign?: string[]; replay: boolean }, cmd: Command) => {
      const event = {
        source: 'prospector.cli',
        force: true,
        campaignIds: opts.campaign,
        replay: opts.replay,
      };
      if (process.env.TABLE_NAME) {
        // Configured for AWS (or any real table): the Lambda handler itself, with its environment.
        const { handler } = await import('../../functions/discover/handler.ts');
        report(await handler(event, localContext('discover', 14 * 60_000)));
        return;
      }
      const { dataDir } = cmd.optsWithGlobals() as { dataDir: string };
      const rt = await startLocalRuntime({
        root: projectRoot(),
        dataDir: resolve(process.cwd(), dataDir),
        fresh: false,
      });
      try {
        report(await rt.discover(event, localContext('discover', 14 * 60_000)));
      } finally {
        await rt.stop();
      }
    });
}
