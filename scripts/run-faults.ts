/**
 * `npm run faults [-- --only dynamo|x|kill] [--seeds N]`: every fault scenario on loopback, one line
 * each with its invariant result, then `{"scenarios":N,"passed":N}`; exits 1 if any failed.
 * In-process scenarios share one DynamoDB Local, fauxqs and a fake X server serving the newest
 * six hours of the sample feed; the kill -9 scenarios run the real `prospector local --once`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFeed } from '../local/fake-x/feed.ts';
import { startFakeXServer } from '../local/fake-x/server.ts';
import { killBaseline, killScenario } from '../local/faults/kill-runner.ts';
import { type FaultWorld, runScenario } from '../local/faults/scenario.ts';
import { SCENARIOS } from '../local/faults/scenarios.ts';
import { SAMPLE_FEED, startLocalStack } from '../local/stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { values } = parseArgs({
  options: { only: { type: 'string' }, seeds: { type: 'string', default: '3' } },
});
const root = join(import.meta.dirname, '..');
const results: boolean[] = [];
const report = (name: string, problems: string[], detail: string) => {
  results.push(problems.length === 0);
  const verdict = problems.length === 0 ? 'PASS' : `FAIL ${problems.join('; ')}`;
  console.log(`${name} | ${detail} | ${verdict}`);
};

if (values.only !== 'kill') {
  const feed = loadFeed(SAMPLE_FEED);
  const since = Date.now() - 6 * 3_600_000;
  const tweets = feed.tweets.filter((t) => Date.parse(t.created_at) > since);
  const [stack, x] = await Promise.all([startLocalStack(), startFakeXServer({ feed: { ...feed, tweets } })]);
  try {
    const world: FaultWorld = {
      dynamoEndpoint: stack.dynamoEndpoint,
      sqsEndpoint: stack.sqsEndpoint,
      xUrl: x.url,
      campaigns: JSON.parse(readFileSync(join(root, 'data', 'sample-feed', 'campaigns.json'), 'utf8')),
      definition: JSON.parse(readFileSync(join(root, 'data', 'mql', 'v1.json'), 'utf8')),
      pageSize: 20,
    };
    const clean = await runScenario(world, { name: 'fault-free reference' });
    const mql = [...clean.recount.leads.values()].filter((l) => l.state === 'mql').length;
    report(
      clean.name,
      clean.problems,
      `${clean.recount.posts.size} posts, ${clean.recount.leads.size} leads, ${mql} mql`,
    );
    const wanted = SCENARIOS.filter((s) => !values.only || (values.only === 'x' ? s.x : s.dynamo && !s.x));
    for (const spec of wanted) {
      const started = Date.now();
      const outcome = await runScenario(world, spec, clean.recount).catch((error: Error) => ({
        name: spec.name,
        problems: [`did not finish: ${error.message}`],
        injected: {},
        failedAttempts: {},
        cycles: 0,
      }));
      const detail = `injected ${JSON.stringify(outcome.injected)}, retried ${JSON.stringify(outcome.failedAttempts)}, ${outcome.cycles} cycles, ${Math.round((Date.now() - started) / 1000)} s`;
      report(outcome.name, outcome.problems, detail);
    }
  } finally {
    await Promise.all([stack.stop(), x.stop()]);
  }
}

if (!values.only || values.only === 'kill') {
  const baseline = await killBaseline();
  report(
    'kill-9 fault-free reference run',
    baseline.problems,
    `${baseline.recount.posts.size} posts, cycle ${(baseline.cycleMs / 1000).toFixed(1)} s`,
  );
  for (let seed = 1; seed <= Number(values.seeds); seed++) {
    const outcome = await killScenario(seed, baseline).catch((error: Error) => ({
      name: `kill-9 seed ${seed}`,
      problems: [`did not finish: ${error.message}`],
      detail: '',
    }));
    report(outcome.name, outcome.problems, outcome.detail);
  }
}

const passed = results.filter(Boolean).length;
console.log(JSON.stringify({ scenarios: results.length, passed }));
process.exit(passed === results.length ? 0 : 1);
