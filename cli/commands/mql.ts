import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadServingClassifier } from '../../shared/adapters/intent/serving-classifier.ts';
import { diffDefinitions } from '../../shared/domain/definition-diff.ts';
import type { MqlDefinition } from '../../shared/domain/mql-definition.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { publishDefinition } from '../../shared/use-cases/publish-definition.ts';
import { rescoreStep } from '../../shared/use-cases/rescore-leads.ts';
import { servingModels } from '../serving-models.ts';
import { withStores } from '../store-context.ts';

const dataDir = (cmd: Command) =>
  resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);

function versionOf(all: MqlDefinition[], version: number | undefined): MqlDefinition {
  const found = version === undefined ? all.at(-1) : all.find((d) => d.version === version);
  if (!found)
    throw new Error(
      version === undefined ? 'no MQL definition is published yet' : `no MQL definition version ${version}`,
    );
  return found;
}

/** Re-scores until the job is done, reporting each bounded step. */
export async function rescoreToEnd(
  deps: Parameters<typeof rescoreStep>[0],
  out: (line: string) => void,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (
    let step = await rescoreStep(deps, 500);
    step;
    step = step.done ? undefined : await rescoreStep(deps, 500)
  ) {
    for (const t of step.transitions) moved[`${t.from}->${t.to}`] = (moved[`${t.from}->${t.to}`] ?? 0) + 1;
    out(`re-scored ${step.rescored} leads under v${step.version}${step.done ? ' (done)' : ' ...'}`);
  }
  return moved;
}

export function registerMql(program: Command): void {
  const mql = program
    .command('mql')
    .description('the MQL definition sales and marketing share: show, history, diff, publish');

  mql
    .command('show')
    .description('print a definition version (default: current) as JSON')
    .option('--version <n>', 'version to show', (v) => Number.parseInt(v, 10))
    .action(async (opts: { version?: number }, cmd: Command) => {
      await withStores(dataDir(cmd), async (s) => {
        process.stdout.write(
          `${JSON.stringify(versionOf(await s.definitions.listDefinitions(), opts.version), null, 2)}\n`,
        );
      });
    });

  mql
    .command('history')
    .description('list every published version with author, time and note')
    .action(async (_opts: unknown, cmd: Command) => {
      await withStores(dataDir(cmd), async (s) => {
        for (const d of await s.definitions.listDefinitions()) {
          process.stdout.write(`v${d.version}\t${d.publishedAt}\t${d.author}\t${d.note}\n`);
        }
      });
    });

  mql
    .command('diff [from] [to]')
    .description('what changed between two versions (default: the previous and the current)')
    .action(async (from: string | undefined, to: string | undefined, _opts: unknown, cmd: Command) => {
      await withStores(dataDir(cmd), async (s) => {
        const all = await s.definitions.listDefinitions();
        const b = versionOf(all, to === undefined ? undefined : Number(to));
        const a = versionOf(all, from === undefined ? b.version - 1 : Number(from));
        const lines = diffDefinitions(a, b);
        process.stdout.write(
          `v${a.version} -> v${b.version}\n${lines.length ? lines.join('\n') : '(no changes)'}\n`,
        );
      });
    });

  mql
    .command('publish <file>')
    .description('validate and publish a definition from a JSON file, then re-score open leads')
    .requiredOption('--author <name>', 'who publishes (recorded with the version)')
    .requiredOption('--note <text>', 'why this version (recorded with the version)')
    .option('--based-on <n>', 'the version you edited; refused if another was published since', (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (file: string, opts: { author: string; note: string; basedOn?: number }, cmd: Command) => {
      const document = JSON.parse(await readFile(resolve(process.cwd(), file), 'utf8')) as unknown;
      await withStores(dataDir(cmd), async (s) => {
        // Signals without a stored probability are scored by the serving model's fast stage, as in the cycle.
        const { fallback } = await loadServingClassifier(servingModels(dataDir(cmd)));
        const deps = { ...s, clock: systemClock, log: silentLog, intent: fallback };
        const { definition, diff } = await publishDefinition(deps, {
          document,
          author: opts.author,
          note: opts.note,
          basedOn: opts.basedOn,
        });
        process.stdout.write(`published v${definition.version}\n${diff.join('\n')}\n`);
        const moved = await rescoreToEnd(deps, (line) => process.stderr.write(`${line}\n`));
        process.stdout.write(
          `${JSON.stringify({ version: definition.version, changes: diff.length, moved })}\n`,
        );
      });
    });
}
