/**
 * What `npm run test:all` must do before the tests can run, decided from facts about this machine
 * (gathered by `probe.ts`). Pure, so every branch is unit-tested without touching the system.
 */

/** Oldest Java that runs DynamoDB Local 3.x. */
export const MIN_JAVA = 17;
/** The Chromium that test/e2e/chromium.ts launches when CHROMIUM_PATH is unset. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Debian/Ubuntu Java packages, preferred first; the first one apt has a candidate for is installed. */
export const JAVA_PACKAGES = [
  'openjdk-17-jre-headless',
  'openjdk-21-jre-headless',
  'openjdk-25-jre-headless',
];

export interface TestEnvFacts {
  /** JAVA_HOME, when set: its bin/java is the one the tests run. */
  javaHome?: string;
  /** Major version of the java the tests would run (JAVA_HOME's, else the one on PATH); undefined when none. */
  javaMajor?: number;
  /** CHROMIUM_PATH, when set. */
  chromiumPath?: string;
  /** Whether the Chromium the e2e test would launch exists. */
  chromiumExists: boolean;
  isRoot: boolean;
  passwordlessSudo: boolean;
  aptGet: boolean;
}

export type TestEnvPlan =
  | { kind: 'ready' }
  | { kind: 'install'; needs: Need[]; sudo: boolean }
  | { kind: 'fail'; message: string };

export type Need = 'java' | 'chromium';

/** `java -version` prints `openjdk version "17.0.15"` or, before Java 9, `java version "1.8.0_292"`. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The exact command a person without root or passwordless sudo runs on a Debian/Ubuntu machine. */
export function manualCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Package names for the needs, given which Java packages apt can install (first preferred). */
export function packagesFor(needs: Need[], javaCandidates: string[] = JAVA_PACKAGES): string[] {
  const java = JAVA_PACKAGES.find((p) => javaCandidates.includes(p)) ?? JAVA_PACKAGES[0]!;
  return needs.map((n) => (n === 'java' ? java : 'chromium'));
}

/**
 * Ready when a Java ≥ 17 and the Chromium are there; otherwise install what is missing from the
 * system packages when this user may (root, or sudo without a password, and apt-get); otherwise
 * fail at once with the command to run. A setting the user made (JAVA_HOME, CHROMIUM_PATH) that
 * points at nothing usable is never papered over by an install: it fails naming the setting.
 */
export function planTestEnv(facts: TestEnvFacts): TestEnvPlan {
  const javaOk = facts.javaMajor !== undefined && facts.javaMajor >= MIN_JAVA;
  if (facts.javaHome && !javaOk) {
    const found = facts.javaMajor === undefined ? 'no runnable bin/java' : `Java ${facts.javaMajor}`;
    return {
      kind: 'fail',
      message: `JAVA_HOME=${facts.javaHome} has ${found}; the tests need Java ${MIN_JAVA}+. Point JAVA_HOME at a Java ${MIN_JAVA}+ or unset it.`,
    };
  }
  if (facts.chromiumPath && !facts.chromiumExists) {
    return {
      kind: 'fail',
      message: `CHROMIUM_PATH=${facts.chromiumPath} does not exist. Point it at a Chromium or unset it to use ${DEFAULT_CHROMIUM}.`,
    };
  }
  const needs: Need[] = [];
  if (!javaOk) needs.push('java');
  if (!facts.chromiumExists) needs.push('chromium');
  if (needs.length === 0) return { kind: 'ready' };
  const missing = needs
    .map((n) =>
      n === 'chromium'
        ? `Chromium (${DEFAULT_CHROMIUM})`
        : facts.javaMajor === undefined
          ? `Java ${MIN_JAVA}+`
          : `Java ${MIN_JAVA}+ (found ${facts.javaMajor})`,
    )
    .join(' and ');
  if (facts.aptGet && (facts.isRoot || facts.passwordlessSudo))
    return { kind: 'install', needs, sudo: !facts.isRoot };
  const how = facts.aptGet
    ? `Run: ${manualCommand(packagesFor(needs))}`
    : `Install them (macOS: brew install openjdk@17 and brew install --cask chromium, then set CHROMIUM_PATH to its binary), or set JAVA_HOME / CHROMIUM_PATH to ones you have.`;
  return { kind: 'fail', message: `The tests need ${missing}, which this user cannot install. ${how}` };
}
