import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { prospectKey } from '../../shared/domain/prospect.ts';
import { RoleSchema } from '../../shared/domain/roles.ts';
import { SalesDecisionSchema } from '../../shared/domain/sales-decision.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { recordSalesDecision } from '../../shared/use-cases/record-sales-decision.ts';
import { withStores } from '../store-context.ts';

/** `sales:maria`: the group the person acts in and their name, as the events record them. */
const AsSchema = z
  .string()
  .regex(/^[a-z]+:.{1,120}$/, '--as: use GROUP:NAME, e.g. sales:maria')
  .transform((s) => ({ type: s.slice(0, s.indexOf(':')), id: s.slice(s.indexOf(':') + 1).trim() }))
  .pipe(z.object({ type: RoleSchema, id: z.string().min(1) }));

const num = (v: string | undefined) =>
  v === undefined ? undefined : v.trim() === '' ? Number.NaN : Number(v);

function issues(error: z.ZodError, prefix = ''): string {
  return error.issues.map((i) => `${prefix}${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
}

/** Sales' decision on one lead from the command line: the same use case, checks and single write as the API. */
export function registerDecide(program: Command): void {
  program
    .command('decide <source> <authorId>')
    .description(
      'record a sales decision: accepted, rejected (with --code), won (with --value and --currency) or lost (with --code)',
    )
    .requiredOption('--to <move>', 'accepted, rejected, won or lost')
    .requiredOption('--as <group:name>', 'who decides, e.g. sales:maria')
    .option('--code <code>', 'reason code (required for rejected and lost)')
    .option('--objection <code>', 'the objection the prospect raised')
    .option('--note <text>', 'what was said', '')
    .option('--value <n>', 'deal value (won)')
    .option('--currency <ISO>', 'deal currency, e.g. EUR (won)')
    .option('--close-date <date>', 'deal close date, YYYY-MM-DD (won; default today)')
    .option('--revision <n>', 'the lead revision you looked at; a newer one makes this a conflict')
    .action(
      async (source: string, authorId: string, raw: Record<string, string | undefined>, cmd: Command) => {
        const as = AsSchema.safeParse(raw.as);
        if (!as.success) throw new Error(issues(as.error, '--as '));
        if (as.data.type !== 'sales')
          throw new Error(`--as: only sales may record sales decisions, not ${as.data.type}`);
        const hasDeal = raw.value !== undefined || raw.currency !== undefined || raw.closeDate !== undefined;
        const decision = SalesDecisionSchema.safeParse({
          to: raw.to,
          code: raw.code,
          objection: raw.objection,
          note: raw.note ?? '',
          ...(hasDeal
            ? { deal: { value: num(raw.value), currency: raw.currency, closeDate: raw.closeDate } }
            : {}),
          ...(raw.revision !== undefined ? { revision: num(raw.revision) } : {}),
        });
        if (!decision.success) throw new Error(issues(decision.error));
        const dataDir = resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);
        const lead = await withStores(dataDir, (s) =>
          recordSalesDecision(
            { leads: s.leads, codes: s.codes, clock: systemClock },
            { key: prospectKey({ source, authorId }), decision: decision.data, actor: as.data },
          ),
        );
        process.stdout.write(
          `${JSON.stringify({ key: lead.key, state: lead.state, revision: lead.revision })}\n`,
        );
      },
    );
}
