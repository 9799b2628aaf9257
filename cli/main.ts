import { Command } from 'commander';
import { registerLocal } from './commands/local.ts';

const program = new Command('prospector').description(
  'Find buying signals, qualify prospects, hand MQLs to sales.',
);
registerLocal(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`prospector: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
