import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Campaign, CampaignSchema } from '../../shared/domain/campaign.ts';
import { describeIssues } from '../../shared/domain/mql-definition.ts';
import { buildXQuery } from '../../shared/domain/x-query.ts';
import { withStores } from '../store-context.ts';

const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];
const dataDir = (cmd: Command) =>
  resolve(process.cwd(), (cmd.optsWithGlobals() as { dataDir: string }).dataDir);

interface AddFlags {
  id: string;
  name: string;
  product: string;
  source: string;
  owner: string;
  cadence: string;
  budget?: string;
  query?: string;
  all?: string[];
  any?: string[];
  phrase?: string[];
  exclude?: string[];
  lang?: string;
  retweets: boolean;
  replies: boolean;
  from?: string[];
}

function queryFrom(flags: AddFlags): string {
  if (flags.query) return flags.query;
  if (flags.source !== 'x') throw new Error('give --query for sources other than x');
  return buildXQuery({
    all: flags.all,
    any: flags.any,
    phrases: flags.phrase,
    exclude: flags.exclude,
    lang: flags.lang,
    excludeRetweets: !flags.retweets,
    excludeReplies: !flags.replies,
    from: flags.from,
  });
}

async function setActive(cmd: Command, id: string, active: boolean): Promise<void> {
  await withStores(dataDir(cmd), async (s) => {
    const campaign = await s.campaigns.getCampaign(id);
    if (!campaign) throw new Error(`no campaign ${id}`);
    await s.campaigns.putCampaign({ ...campaign, active });
    process.stdout.write(`${id} ${active ? 'resumed' : 'paused'}\n`);
  });
}

export function registerCampaigns(program: Command): void {
  const campaigns = program
    .command('campaigns')
    .description('what Prospector listens for: add, list, show, pause, resume');

  campaigns
    .command('add')
    .description(
      'add or replace a campaign; a hand-written --query is validated, or build one from --all/--any/--phrase/--exclude',
    )
    .requiredOption('--id <id>', 'lowercase id, e.g. crm-switchers')
    .requiredOption('--name <name>', 'a name people recognise')
    .requiredOption('--product <product>', 'the product this campaign sells')
    .requiredOption('--owner <owner>', 'who owns it')
    .option('--source <source>', 'x | reddit | hackernews | bluesky', 'x')
    .option('--cadence <minutes>', 'minutes between runs', '15')
    .option('--budget <posts>', 'posts it may read per month')
    .option('--query <query>', 'the search query as the source writes it')
    .option('--all <terms>', 'terms that must all appear (comma-separated)', list)
    .option('--any <terms>', 'terms of which one must appear', list)
    .option('--phrase <phrase>', 'an exact phrase (repeatable)', (v, p: string[] = []) => [...p, v])
    .option('--exclude <terms>', 'terms that must not appear', list)
    .option('--lang <code>', 'two-letter language')
    .option('--retweets', 'include retweets', false)
    .option('--no-replies', 'leave replies out')
    .option('--from <handles>', 'only posts from these accounts', list)
    .action(async (flags: AddFlags, cmd: Command) => {
      const parsed = CampaignSchema.safeParse({
        id: flags.id,
        source: flags.source,
        name: flags.name,
        product: flags.product,
        owner: flags.owner,
        query: queryFrom(flags),
        cadenceMinutes: Number(flags.cadence),
        active: true,
        ...(flags.budget ? { monthlyPostBudget: Number(flags.budget) } : {}),
      });
      if (!parsed.success) throw new Error(describeIssues(parsed.error));
      await withStores(dataDir(cmd), (s) => s.campaigns.putCampaign(parsed.data));
      process.stdout.write(`${JSON.stringify(parsed.data)}\n`);
    });

  campaigns
    .command('list')
    .description('every campaign with its state and cursor')
    .action(async (_o: unknown, cmd: Command) => {
      await withStores(dataDir(cmd), async (s) => {
        for (const c of await s.campaigns.listCampaigns()) {
          const cursor = await s.campaigns.getCursor(c.id);
          process.stdout.write(
            `${c.id.padEnd(24)} ${c.source.padEnd(10)} ${c.active ? 'active' : 'paused'}  every ${c.cadenceMinutes} min  last run ${cursor.lastRunAt ?? 'never'}  ${c.query}\n`,
          );
        }
      });
    });

  campaigns
    .command('show <id>')
    .description('a campaign, its cursor and its last runs, as JSON')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withStores(dataDir(cmd), async (s) => {
        const campaign: Campaign | undefined = await s.campaigns.getCampaign(id);
        if (!campaign) throw new Error(`no campaign ${id}`);
        const [cursor, runs] = await Promise.all([s.campaigns.getCursor(id), s.runs.listRuns(id, 5)]);
        process.stdout.write(`${JSON.stringify({ campaign, cursor, runs }, null, 2)}\n`);
      });
    });

  campaigns
    .command('pause <id>')
    .description('stop discovering for a campaign')
    .action((id: string, _o: unknown, cmd: Command) => setActive(cmd, id, false));
  campaigns
    .command('resume <id>')
    .description('discover again for a campaign')
    .action((id: string, _o: unknown, cmd: Command) => setActive(cmd, id, true));
}
