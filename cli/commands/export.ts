import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { CrmFormatSchema } from '../../shared/domain/crm-row.ts';
import { LeadStateListSchema, LeadStateSchema } from '../../shared/domain/lead-state.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { exportChangedLeads, exportLeads } from '../../shared/use-cases/export-leads.ts';
import { withStores } from '../store-context.ts';

const Options = z.object({
  state: LeadStateSchema.default('mql'),
  states: LeadStateListSchema.default(['mql']),
  format: CrmFormatSchema.default('generic'),
  since: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s).toISOString())
    .optional(),
  out: z.string().optional(),
});

/** The CSV goes to stdout (or --out); what was exported, and the next watermark, to stderr. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('CRM CSV: every lead in a state, or with --since the leads that changed since a watermark')
    .option('--state <state>', 'lead state to export in full', 'mql')
    .option('--since <iso>', 'export leads changed since this time instead (incremental)')
    .option('--states <list>', 'with --since: comma-separated lead states', 'mql')
    .option('--format <format>', 'column map: generic, hubspot or salesforce', 'generic')
    .option('--out <file>', 'write the CSV here instead of stdout')
    .action(async (raw: Record<string, string>, cmd: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error).replaceAll('\n', ' '));
      const opts = parsed.data;
      const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
      const { csv, summary } = await withStores(dataDir, async (s) => {
        if (!opts.since) {
          const full = await exportLeads(s, opts.state, opts.format);
          return { csv: full.csv, summary: { rows: full.count } };
        }
        const changed = await exportChangedLeads(
          { leads: s.leads, clock: systemClock },
          { since: opts.since, states: opts.states, format: opts.format, maxRows: Number.MAX_SAFE_INTEGER },
        );
        return { csv: changed.csv, summary: { rows: changed.count, nextSince: changed.next.since } };
      });
      if (opts.out) await writeFile(opts.out, csv);
      else process.stdout.write(csv);
      process.stderr.write(`${JSON.stringify(summary)}\n`);
    });
}
