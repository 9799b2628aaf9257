import { describe, expect, it } from 'vitest';
import {
  manualCommand,
  packagesFor,
  parseJavaMajor,
  planTestEnv,
  type TestEnvFacts,
} from '../../scripts/test-env/plan.ts';

const ready: TestEnvFacts = {
  javaMajor: 17,
  chromiumExists: true,
  isRoot: false,
  passwordlessSudo: false,
  aptGet: true,
};

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_292"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['bash: java: command not found', undefined],
  ])('%s -> %s', (text, major) => {
    expect(parseJavaMajor(text)).toBe(major);
  });
});

describe('planTestEnv', () => {
  it('is ready with Java 17+ and the Chromium present, whoever runs it', () => {
    expect(planTestEnv(ready)).toEqual({ kind: 'ready' });
    expect(planTestEnv({ ...ready, javaMajor: 21, aptGet: false })).toEqual({ kind: 'ready' });
  });

  it('installs what is missing as root, without sudo', () => {
    expect(planTestEnv({ ...ready, javaMajor: undefined, chromiumExists: false, isRoot: true })).toEqual({
      kind: 'install',
      needs: ['java', 'chromium'],
      sudo: false,
    });
  });

  it('installs an old Java away with passwordless sudo', () => {
    expect(planTestEnv({ ...ready, javaMajor: 11, passwordlessSudo: true })).toEqual({
      kind: 'install',
      needs: ['java'],
      sudo: true,
    });
  });

  it('fails at once with the exact apt command when this user may not install', () => {
    const plan = planTestEnv({ ...ready, javaMajor: 11, chromiumExists: false });
    expect(plan.kind).toBe('fail');
    if (plan.kind !== 'fail') return;
    expect(plan.message).toContain('Java 17+ (found 11) and Chromium (/usr/bin/chromium)');
    expect(plan.message).toContain(
      'Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium',
    );
  });

  it('without apt-get, fails naming what to install and the settings to use instead', () => {
    const plan = planTestEnv({ ...ready, chromiumExists: false, isRoot: true, aptGet: false });
    expect(plan).toMatchObject({ kind: 'fail' });
    if (plan.kind === 'fail') expect(plan.message).toMatch(/CHROMIUM_PATH/);
  });

  it('never installs over a CHROMIUM_PATH that points at nothing', () => {
    const plan = planTestEnv({
      ...ready,
      chromiumPath: '/opt/chrome/nope',
      chromiumExists: false,
      isRoot: true,
    });
    expect(plan).toMatchObject({ kind: 'fail' });
    if (plan.kind === 'fail') expect(plan.message).toContain('CHROMIUM_PATH=/opt/chrome/nope does not exist');
  });

  it('honours a CHROMIUM_PATH that exists', () => {
    expect(planTestEnv({ ...ready, chromiumPath: '/opt/chrome/chrome', chromiumExists: true })).toEqual({
      kind: 'ready',
    });
  });

  it('refuses a JAVA_HOME with an old or missing Java instead of installing beside it', () => {
    const old = planTestEnv({ ...ready, javaHome: '/opt/jdk8', javaMajor: 8, isRoot: true });
    expect(old).toMatchObject({ kind: 'fail' });
    if (old.kind === 'fail') expect(old.message).toContain('JAVA_HOME=/opt/jdk8 has Java 8');
    const none = planTestEnv({ ...ready, javaHome: '/opt/none', javaMajor: undefined, isRoot: true });
    if (none.kind === 'fail') expect(none.message).toContain('no runnable bin/java');
    expect(none.kind).toBe('fail');
  });

  it('accepts a JAVA_HOME with Java 17+ even when PATH has none', () => {
    expect(planTestEnv({ ...ready, javaHome: '/opt/jdk21', javaMajor: 21 })).toEqual({ kind: 'ready' });
  });
});

describe('packagesFor', () => {
  it('picks the first Java package apt can install', () => {
    expect(packagesFor(['java', 'chromium'], ['openjdk-21-jre-headless'])).toEqual([
      'openjdk-21-jre-headless',
      'chromium',
    ]);
    expect(packagesFor(['java'])).toEqual(['openjdk-17-jre-headless']);
  });

  it('spells the manual command', () => {
    expect(manualCommand(['chromium'])).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    );
  });
});
