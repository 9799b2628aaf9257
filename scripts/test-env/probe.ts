import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHROMIUM, JAVA_PACKAGES, parseJavaMajor, type TestEnvFacts } from './plan.ts';

/** The java the tests run: JAVA_HOME's when set, else the first on PATH. */
export function javaCommand(env: NodeJS.ProcessEnv): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

function succeeds(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: 'ignore' });
  return !run.error && run.status === 0;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Reads the facts `planTestEnv` decides from (runs `java -version`, `sudo -n true`, looks for apt-get). */
export function probeTestEnv(env: NodeJS.ProcessEnv = process.env): TestEnvFacts {
  const version = spawnSync(javaCommand(env), ['-version'], { encoding: 'utf8' });
  const chromium = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return {
    javaHome: env.JAVA_HOME || undefined,
    javaMajor: version.error ? undefined : parseJavaMajor(`${version.stderr}${version.stdout}`),
    chromiumPath: env.CHROMIUM_PATH || undefined,
    chromiumExists: executable(chromium),
    isRoot: process.getuid?.() === 0,
    passwordlessSudo: succeeds('sudo', ['-n', 'true']),
    aptGet: succeeds('sh', ['-c', 'command -v apt-get']),
  };
}

/** Java packages apt has an install candidate for (run after `apt-get update`). */
export function aptJavaCandidates(): string[] {
  const out = spawnSync('apt-cache', ['policy', ...JAVA_PACKAGES], { encoding: 'utf8' }).stdout ?? '';
  return JAVA_PACKAGES.filter((p) => {
    const section = out.split(new RegExp(`^${p}:`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
    const candidate = /Candidate:\s*(\S+)/.exec(section)?.[1];
    return candidate !== undefined && candidate !== '(none)';
  });
}
