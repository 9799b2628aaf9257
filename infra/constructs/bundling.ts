import { dirname, join } from 'node:path';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How a handler becomes a Lambda bundle, said once. `toNodejsBundling` feeds NodejsFunction (which
 * runs the esbuild CLI) and `toEsbuildOptions` feeds the esbuild API in `scripts/bundle-report.ts`,
 * so the sizes the report prints are the sizes that deploy.
 *
 * The AWS SDK v3 is left out of the bundle: the nodejs24.x runtime ships it, and bundling it
 * measured +344 to +386 KB minified per function, which alone spends most of the 500 KB budget.
 * (Bundled, the SDK loads faster than from node_modules; the size budget decided it.)
 */
export const BUNDLE = {
  /** esbuild knows node24; it matches Runtime.NODEJS_24_X. */
  target: 'node24',
  minify: true,
  sourceMap: true,
  /** Stack traces need names and lines only; leaving the sources out keeps the map (and init) small. */
  sourcesContent: false,
  /** Prefer ESM entry points so esbuild can drop unused exports. */
  mainFields: ['module', 'main'],
  /** Some dependencies are CommonJS and call require() for Node built-ins. */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  /**
   * Provided by the Lambda Node.js runtime (SDK v3 and the Smithy packages it is built on), and the
   * sentence encoder, shipped as node_modules by the functions that load it (runtime-packages.ts).
   */
  externalModules: ['@aws-sdk/*', '@smithy/*', '@energetic-ai/*'],
  /** NodejsFunction names an ESM bundle index.mjs, so Lambda loads it as a module. */
  outputFile: 'index.mjs',
} as const;

/** The NodejsFunction `bundling` prop: local esbuild (a devDependency), never Docker. */
export function toNodejsBundling(copyFiles: readonly string[] = []): BundlingOptions {
  return {
    ...(copyFiles.length > 0
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            // Data the function reads at run time, copied beside index.mjs (same relative paths).
            afterBundling: (inputDir: string, outputDir: string) =>
              copyFiles.map(
                (f) =>
                  `mkdir -p "${outputDir}/${dirname(f)}" && cp -R "${inputDir}/${f}" "${outputDir}/${f}"`,
              ),
          },
        }
      : {}),
    format: OutputFormat.ESM,
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    sourceMap: BUNDLE.sourceMap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: BUNDLE.banner,
    externalModules: [...BUNDLE.externalModules],
    forceDockerBundling: false,
    logLevel: LogLevel.WARNING,
  };
}

/** The same bundle through esbuild's API, written to `outdir/index.mjs`. */
export function toEsbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE.target,
    outfile: join(outdir, BUNDLE.outputFile),
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourceMap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    external: [...BUNDLE.externalModules],
    logLevel: 'warning',
    metafile: true,
  };
}
