import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../shared/ports/clock.ts';
import { publishFeedbackCodes } from '../../shared/use-cases/publish-feedback-codes.ts';
import { codesInForce } from '../../shared/use-cases/record-sales-decision.ts';
import { withStores } from '../store-context.ts';

/** The reason and objection codes: see them, publish an edited list (admins). */
export function registerCodes(program: Command): void {
  const codes = program.command('codes').description('reason and objection codes sales picks from');
  const dataDirOf = (cmd: Command) =>
    resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
  codes
    .command('show')
    .description('the codes in force, as JSON (edit the `codes` list and publish it)')
    .action(async (_o: unknown, cmd: Command) => {
      const current = await withStores(dataDirOf(cmd), (s) => codesInForce(s.codes));
      process.stdout.write(`${JSON.stringify(current, null, 2)}\n`);
    });
  codes
    .command('publish <file>')
    .description('publish a new version of the codes from a JSON file with a `codes` list')
    .requiredOption('--author <name>', 'who publishes')
    .requiredOption('--note <text>', 'why')
    .option('--based-on <n>', 'the version you edited (0: the shipped seed); default the current one')
    .action(async (file: string, opts: { author: string; note: string; basedOn?: string }, cmd: Command) => {
      const document = JSON.parse(await readFile(file, 'utf8')) as { codes?: unknown };
      const published = await withStores(dataDirOf(cmd), async (s) => {
        const basedOn =
          opts.basedOn === undefined ? (await codesInForce(s.codes)).version : Number(opts.basedOn);
        return publishFeedbackCodes(
          { codes: s.codes, clock: systemClock },
          { document: { codes: document.codes }, author: opts.author, note: opts.note, basedOn },
        );
      });
      process.stdout.write(`published codes v${published.version} (${published.codes.length} codes)\n`);
    });
}
