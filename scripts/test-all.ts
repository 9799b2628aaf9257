/**
 * `npm run test:all`: the newcomer's and CI's one test command. Makes sure Java 17+ (DynamoDB Local)
 * and Chromium (the review UI test) are there, installing them from the system packages when this
 * user may and failing at once with the exact command otherwise, then runs every vitest project.
 * Extra arguments go to vitest.
 */
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { manualCommand, packagesFor, planTestEnv } from './test-env/plan.ts';
import { aptJavaCandidates, probeTestEnv } from './test-env/probe.ts';

function run(command: string[], sudo: boolean): void {
  const [cmd, ...args] = sudo ? ['sudo', '-n', ...command] : command;
  const result = spawnSync(cmd!, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`test:all: \`${command.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function fail(message: string): never {
  console.error(`test:all: ${message}`);
  process.exit(1);
}

let plan = planTestEnv(probeTestEnv());
if (plan.kind === 'fail') fail(plan.message);
if (plan.kind === 'install') {
  const { needs, sudo } = plan;
  run(['apt-get', 'update', '-qq'], sudo);
  const packages = packagesFor(needs, aptJavaCandidates());
  console.error(`test:all: installing ${packages.join(' ')}`);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages], sudo);
  plan = planTestEnv(probeTestEnv());
  if (plan.kind !== 'ready')
    fail(`still missing after the install; try by hand: ${manualCommand(packagesFor(needs))}`);
}

// DynamoDB Local is started as `java` from PATH: JAVA_HOME's java must come first.
const env = { ...process.env };
if (env.JAVA_HOME) env.PATH = `${join(env.JAVA_HOME, 'bin')}${delimiter}${env.PATH ?? ''}`;
const vitest = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(vitest.status ?? 1);
