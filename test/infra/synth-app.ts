import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createProspectorApp, type ProspectorApp } from '../../infra/prospector-app.ts';

/** Synthesis bundles three functions with esbuild; give beforeAll room on a busy machine. */
export const SYNTH_TIMEOUT_MS = 120_000;

/** The context `cdk synth` would use: cdk.json's feature flags and defaults, plus overrides. */
export function cdkJsonContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return { ...cdkJson.context, ...overrides };
}

export interface Synthesized extends ProspectorApp {
  assembly: CloudAssembly;
  statefulTemplate: Template;
  statelessTemplate: Template;
}

/**
 * Builds and synthesizes the real app once (esbuild bundling included) into a temp directory.
 * Templates are read from the assembly, so the app is synthesized (and cdk-nag run) only once.
 */
export function synthApp(context: Record<string, unknown> = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'prospector-cdk-'));
  const built = createProspectorApp({ outdir, context: cdkJsonContext(context) });
  const assembly = built.app.synth();
  const template = (name: string) => Template.fromJSON(assembly.getStackByName(name).template);
  return {
    ...built,
    assembly,
    statefulTemplate: template(built.stateful.stackName),
    statelessTemplate: template(built.stateless.stackName),
  };
}
