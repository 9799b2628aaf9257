import { resolve } from 'node:path';
import type { Command } from 'commander';
import { allLabels } from '../../shared/ports/label-store.ts';
import { withStores } from '../store-context.ts';

/** Post text can be long and is the person's words: the listing shows the start, on one line. */
const preview = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

export function registerLabels(program: Command): void {
  const labels = program
    .command('labels')
    .description('post-level feedback people gave (the training labels)');
  labels
    .command('list')
    .description('every live label, newest first: when, who, the label, the lead and post, and the text')
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 1_000)
    .option('--json', 'one JSON object per line (with the full text)', false)
    .action(async (opts: { limit: number; json: boolean }, cmd: Command) => {
      if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > 100_000)
        throw new Error('--limit: expected a whole number from 1 to 100000');
      const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
      await withStores(dataDir, async (s) => {
        const list = await allLabels(s.labels, opts.limit);
        for (const l of list)
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(l)}\n`
              : `${l.at}  ${l.by}  ${l.label.padEnd(10)}  ${l.key} ${l.postId}  ${JSON.stringify(preview(l.text))}\n`,
          );
        process.stderr.write(`${JSON.stringify({ labels: list.length })}\n`);
      });
    });
}
