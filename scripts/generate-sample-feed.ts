/**
 * Generates the bundled sample feed for the local fake X API:
 *   data/sample-feed/campaigns.json  the three demo campaigns
 *   data/sample-feed/feed.json       { anchor, tweets, users } in X API v2 shapes
 *   data/sample-feed/labels.json     ground truth per tweet id (kind + matching campaigns), never served
 *
 * Deterministic: a fixed seed, no clock, no I/O besides writing the files. Run:
 *   npx tsx scripts/generate-sample-feed.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from './sample-feed/build-feed.ts';
import { CAMPAIGNS } from './sample-feed/campaigns.ts';
import { checkFeed, formatStats } from './sample-feed/report.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'sample-feed');

function write(name: string, value: unknown): void {
  const json = `${JSON.stringify(value, null, 2)}\n`;
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BYTES) throw new Error(`${name} would be ${bytes} bytes (limit ${MAX_BYTES})`);
  writeFileSync(join(outDir, name), json);
  console.log(`wrote data/sample-feed/${name} (${(bytes / 1024).toFixed(0)} KiB)`);
}

const built = buildFeed();
const { stats, problems } = checkFeed(built);
if (problems.length) {
  console.error(formatStats(stats));
  throw new Error(`sample feed is off target:\n  - ${problems.join('\n  - ')}`);
}
mkdirSync(outDir, { recursive: true });
write('campaigns.json', CAMPAIGNS);
write('feed.json', built.feed);
write('labels.json', built.labels);
console.log('');
console.log(formatStats(stats));
