// zod 4 copies a schema's methods onto it when it is made: @hono/zod-openapi must add .openapi()
// before any schema exists, so it is evaluated first (the review API's document names schemas).
import '@hono/zod-openapi';
import { Command } from 'commander';
import { registerCampaigns } from './commands/campaigns.ts';
import { registerCodes } from './commands/codes.ts';
import { registerDecide } from './commands/decide.ts';
import { registerDiscover } from './commands/discover.ts';
import { registerErase } from './commands/erase.ts';
import { registerExport } from './commands/export.ts';
import { registerIntent } from './commands/intent.ts';
import { registerLabels } from './commands/labels.ts';
import { registerLocal } from './commands/local.ts';
import { registerModel } from './commands/model.ts';
import { registerMql } from './commands/mql.ts';
import { registerReport } from './commands/report.ts';
import { registerRescore } from './commands/rescore.ts';
import { registerScore } from './commands/score.ts';

const program = new Command('prospector')
  .description('Find buying signals, qualify prospects, hand MQLs to sales.')
  .option('--data-dir <dir>', 'local database directory (ignored when TABLE_NAME points at AWS)', '.data');
registerLocal(program);
registerCampaigns(program);
registerDiscover(program);
registerIntent(program);
registerScore(program);
registerErase(program);
registerExport(program);
registerMql(program);
registerRescore(program);
registerDecide(program);
registerReport(program);
registerCodes(program);
registerLabels(program);
registerModel(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`prospector: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
