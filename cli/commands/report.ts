import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { DimensionSchema } from '../../shared/domain/funnel.ts';
import type { FunnelGroup, Rate } from '../../shared/domain/funnel-report.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { reportFunnel } from '../../shared/use-cases/report-funnel.ts';
import { OBJECTION_GROUPINGS, reportObjections } from '../../shared/use-cases/report-objections.ts';
import { suggestNurture } from '../../shared/use-cases/suggest-nurture.ts';
import { listWonCustomers } from '../../shared/use-cases/won-customers.ts';
import { withStores } from '../store-context.ts';

const Options = z.object({
  by: z.string().optional(),
  since: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .transform((s) => new Date(s).toISOString())
    .optional(),
  json: z.boolean().default(false),
  drafts: z.string().optional(),
});

const pct = (r: Rate) =>
  r.value === null
    ? '   –'
    : `${String(Math.round(r.value * 100)).padStart(3)}% [${Math.round(r.low * 100)}–${Math.round(r.high * 100)}]`;
const days = (d: number | null) => (d === null ? '–' : `${d}d`);

function funnelTable(groups: FunnelGroup[]): string {
  const head =
    'group                      disc  rev  mql  acc  rej  won lost  mql→acc         acc→won         mql→acc days  acc→won days';
  const rows = groups.map((g) => {
    const c = g.counts;
    const n = (x: number) => String(x).padStart(4);
    return `${g.key.padEnd(25).slice(0, 25)} ${n(c.discovered)} ${n(c.review)} ${n(c.mql)} ${n(c.accepted)} ${n(c.rejected)} ${n(c.won)} ${n(c.lost)}  ${pct(g.rates.mqlToAccepted).padEnd(15)} ${pct(g.rates.acceptedToWon).padEnd(15)} ${`${days(g.velocityDays.mqlToAccepted.median)}/${days(g.velocityDays.mqlToAccepted.p75)}`.padEnd(13)} ${days(g.velocityDays.acceptedToWon.median)}/${days(g.velocityDays.acceptedToWon.p75)}`;
  });
  return [head, ...rows].join('\n');
}

/** Reports for both teams; with --json the last line of stdout is one JSON object. */
export function registerReport(program: Command): void {
  program
    .command('report <kind>')
    .description('funnel | objections | won | suggestions: the way back from sales')
    .option(
      '--by <dimension>',
      'funnel: source, campaign, definition or week; objections: campaign, product, month or source',
    )
    .option('--since <iso>', 'cohorts (funnel) or decisions since then; default a year back')
    .option('--json', 'print one JSON object as the last line', false)
    .option('--drafts <dir>', 'suggestions: write each proposed definition here, ready for `mql publish`')
    .action(async (kind: string, raw: Record<string, unknown>, cmd: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error).replaceAll('\n', ' '));
      const opts = parsed.data;
      const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
      const out = await withStores(dataDir, async (s) => {
        const deps = { ...s, clock: systemClock };
        switch (kind) {
          case 'funnel': {
            const by = DimensionSchema.safeParse(opts.by ?? 'source');
            if (!by.success)
              throw new Error(`--by: use source, campaign, definition or week, not ${opts.by}`);
            const report = await reportFunnel(deps, by.data, { since: opts.since });
            return {
              json: report,
              text: `${funnelTable(report.groups)}\n(${report.itemsRead} aggregate items read, weeks ${report.fromWeek}..${report.toWeek})`,
            };
          }
          case 'objections': {
            const by = z.enum(OBJECTION_GROUPINGS).safeParse(opts.by ?? 'campaign');
            if (!by.success) throw new Error(`--by: use ${OBJECTION_GROUPINGS.join(', ')}, not ${opts.by}`);
            const report = await reportObjections(deps, {
              by: by.data,
              since: opts.since,
              includeNotes: true,
            });
            const text = report.groups
              .map(
                (g) =>
                  `${g.key} (${g.decisions} decisions)\n${g.top.map((t) => `  ${String(t.count).padStart(4)}  ${t.kind.padEnd(9)} ${t.label}`).join('\n')}`,
              )
              .join('\n');
            return { json: report, text };
          }
          case 'won': {
            const report = await listWonCustomers(deps, { since: opts.since });
            const text = report.customers
              .map(
                (c) =>
                  `${c.at.slice(0, 10)}  ${c.name} (@${c.handle})${c.company ? ` ${c.company}` : ''}  ${c.deal.currency} ${c.deal.value}  ${c.cohort.source}/${c.cohort.campaign}  ${c.daysToWon ?? '–'} days`,
              )
              .join('\n');
            return { json: report, text: text || 'no customers won yet' };
          }
          case 'suggestions': {
            const report = await suggestNurture(deps, { since: opts.since });
            if (opts.drafts) {
              await mkdir(opts.drafts, { recursive: true });
              for (const sug of report.suggestions)
                await writeFile(
                  join(opts.drafts, `${sug.dimension}-${sug.key}.json`),
                  `${JSON.stringify(sug.draft, null, 2)}\n`,
                );
            }
            const text = [
              ...report.suggestions.map(
                (sug) =>
                  `${sug.dimension} ${sug.key}: raise the MQL bar ${sug.mqlThreshold.from} -> ${sug.mqlThreshold.to}; ${sug.openLeadsMoving} open MQLs would move back\n  ${sug.evidence.summary}`,
              ),
              ...report.tooSmall.map(
                (g) =>
                  `${g.dimension} ${g.key}: too small to judge (${g.decided} decided here, ${g.rest.trials} in the rest to compare with)`,
              ),
            ].join('\n');
            return { json: report, text: text || 'no source or campaign stands out' };
          }
          default:
            throw new Error(`report: use funnel, objections, won or suggestions, not ${kind}`);
        }
      });
      process.stdout.write(`${opts.json ? JSON.stringify(out.json) : out.text}\n`);
    });
}
