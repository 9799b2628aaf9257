import { resolve } from 'node:path';
import type { Command } from 'commander';
import { prospectKey } from '../../shared/domain/prospect.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { erasePerson } from '../../shared/use-cases/erase-person.ts';
import { withStores } from '../store-context.ts';

export function registerErase(program: Command): void {
  program
    .command('erase <source> <authorId>')
    .description('erase everything about one person (privacy request) and check that it is gone')
    .requiredOption('--by <name>', 'who carries out the request (recorded on the tombstone)')
    .requiredOption(
      '--reason <ref>',
      'the request it answers, as a ticket reference (kept in the audit trail)',
    )
    .action(async (source: string, authorId: string, opts: { by: string; reason: string }, cmd: Command) => {
      const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
      await withStores(dataDir, async (s) => {
        const report = await erasePerson(
          { erasure: s.erasure, clock: systemClock },
          prospectKey({ source, authorId }),
          { requestedBy: opts.by, reason: opts.reason },
        );
        process.stdout.write(`${JSON.stringify(report)}\n`);
      });
    });
}
