/**
 * Bundles each Lambda exactly as the stack does (infra/constructs/bundling.ts) and reports its size
 * and cold-init time: the bundle is imported in a fresh `node` process with dummy local settings,
 * with outbound connections refused, median of 7 runs.
 *
 * Usage: npm run bundle:report [-- --strict]   (--strict exits 1 when a budget is exceeded)
 * The last line of output is one JSON object: {"functions":[{"name","bytes","initMs"}, ...]}.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE, toEsbuildOptions } from '../infra/constructs/bundling.ts';
import { FUNCTION_SPECS } from '../infra/function-specs.ts';

const BYTES_BUDGET = 500 * 1024;
const INIT_BUDGET_MS = 300;
const RUNS = 7;

// Inside the repo so the externalised @aws-sdk/* packages resolve from node_modules, as they do
// from the runtime's own copy on Lambda. `out/` is git-ignored.
const OUT = fileURLToPath(new URL('../out/bundle-report/', import.meta.url));

/** What each config schema needs, set to local dummies: init must not need AWS or X to be up. */
const DUMMY_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'dummy',
  AWS_SECRET_ACCESS_KEY: 'dummy',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: 'prospector-bundle-report',
  ENGAGE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/q',
  X_BEARER_TOKEN: 'dummy',
  EXPORT_BUCKET: 'prospector-bundle-report',
  // The key itself rather than a secret ARN: init must not call Secrets Manager here.
  CURSOR_KEY: 'bundle-report-cursor-key-0123456789abcdef',
  MODEL_BUCKET: 'prospector-bundle-report',
  ENGAGE_MODE: 'dry-run',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  NODE_OPTIONS: '--enable-source-maps',
};

/**
 * Runs in the child: refuse any socket connection (and count it), then time the import of the
 * bundle. Module evaluation includes top-level await, so this is the Lambda init phase's work.
 */
const PROBE = `
import net from 'node:net';
import { performance } from 'node:perf_hooks';
let attempts = 0;
net.Socket.prototype.connect = function () { attempts++; throw new Error('network call during init'); };
const t0 = performance.now();
let error;
try { await import(process.argv[1]); } catch (e) { error = String(e?.message ?? e); }
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, attempts, error }));
`;

interface Probe {
  ms: number;
  attempts: number;
  error?: string;
}

function probe(bundle: string): Probe {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', PROBE, pathToFileURL(bundle).href],
    {
      env: { PATH: process.env.PATH ?? '', ...DUMMY_ENV },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  if (child.status !== 0) throw new Error(`init probe failed for ${bundle}: ${child.stderr}`);
  return JSON.parse(child.stdout) as Probe;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

interface Row {
  name: string;
  bytes: number;
  mapBytes: number;
  initMs: number;
  problem?: string;
  /** Loads the intent model: exempt from the size budget, not from the init budget. */
  model?: boolean;
}

async function measure(name: string, entry: string): Promise<Row> {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build(toEsbuildOptions(entry, dir));
  const bundle = join(dir, BUNDLE.outputFile);
  const runs = Array.from({ length: RUNS }, () => probe(bundle));
  const failed = runs.find((r) => r.error || r.attempts > 0);
  return {
    name,
    bytes: statSync(bundle).size,
    mapBytes: statSync(`${bundle}.map`).size,
    initMs: Math.round(median(runs.map((r) => r.ms)) * 10) / 10,
    ...(failed ? { problem: failed.error ?? `${failed.attempts} network call(s) during init` } : {}),
  };
}

const rows: Row[] = [];
for (const spec of Object.values(FUNCTION_SPECS))
  rows.push({ ...(await measure(spec.name, spec.entry)), model: spec.loadsIntentModel });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ok = (yes: boolean) => (yes ? 'ok' : 'OVER');
const table = [
  [
    'function',
    'bundle',
    `≤ ${kb(BYTES_BUDGET)}`,
    'source map',
    `init (median of ${RUNS})`,
    `≤ ${INIT_BUDGET_MS} ms`,
  ],
  ...rows.map((r) => [
    r.name,
    kb(r.bytes),
    r.model ? 'model (exempt)' : ok(r.bytes <= BYTES_BUDGET),
    kb(r.mapBytes),
    `${r.initMs.toFixed(1)} ms`,
    ok(r.initMs <= INIT_BUDGET_MS),
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
console.log(`bundling: ESM ${BUNDLE.target}, minified, external ${BUNDLE.externalModules.join(' ')}`);
for (const r of rows) if (r.problem) console.log(`${r.name}: init problem: ${r.problem}`);

const over = rows.filter(
  (r) => (!r.model && r.bytes > BYTES_BUDGET) || r.initMs > INIT_BUDGET_MS || r.problem,
);
console.log(
  over.length === 0 ? 'all functions within budget' : `over budget: ${over.map((r) => r.name).join(', ')}`,
);
if (over.length > 0 && process.argv.includes('--strict')) process.exitCode = 1;

console.log(
  JSON.stringify({
    functions: rows.map(({ name, bytes, initMs, model }) => ({
      name,
      bytes,
      initMs,
      loadsIntentModel: model === true,
    })),
  }),
);
