import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import { checkInvariants } from '../../local/faults/invariants.ts';
import type { Recount } from '../../local/faults/recount.ts';
import { type FaultWorld, runScenario } from '../../local/faults/scenario.ts';
import { testDefinition } from '../support/definition.ts';
import { crmCampaign } from '../support/discovery.ts';
import { buildFeed } from '../support/feed-builder.ts';

/**
 * The pipeline through the fault proxies (DynamoDB's own error bodies, X's 429/503): whatever
 * fails is retried the way the scheduler or a person would, and the table must end up as after a
 * fault-free run. `npm run faults` runs the full list, with the kill -9 scenarios.
 */
describe('the pipeline under injected faults', () => {
  let x: FakeXServer;
  let world: FaultWorld;
  let baseline: Recount;

  beforeAll(async () => {
    x = await startFakeXServer({ feed: buildFeed({ posts: 60, authors: 60 }) });
    const { version: _v, author: _a, note: _n, publishedAt: _p, ...definition } = testDefinition();
    world = {
      dynamoEndpoint: inject('dynamoEndpoint'),
      sqsEndpoint: inject('sqsEndpoint'),
      xUrl: x.url,
      campaigns: [crmCampaign],
      definition,
      pageSize: 20,
    };
    const clean = await runScenario(world, { name: 'fault-free' });
    expect(clean.problems).toEqual([]);
    baseline = clean.recount;
  });
  afterAll(() => x?.stop());

  it('the fault-free run is a meaningful reference', () => {
    expect(baseline.posts.size).toBe(60);
    const states = [...baseline.leads.values()].map((l) => l.state);
    expect(states).toContain('mql');
    expect(states).toContain('review');
  });

  it('the invariant check catches a lost post, a repeated event, a lost draft and a duplicate notice', () => {
    const mql = [...baseline.leads].find(([, l]) => l.state === 'mql')?.[0] as string;
    const broken: Recount = {
      ...baseline,
      posts: new Map([...baseline.posts].slice(1)),
      events: new Map(baseline.events).set(mql, [
        ...(baseline.events.get(mql) ?? []),
        ...(baseline.events.get(mql) ?? []),
      ]),
      tasks: new Map([...baseline.tasks].filter(([k]) => k !== mql)),
    };
    const problems = checkInvariants(broken, baseline, { notices: new Map([[mql, 2]]) });
    expect(problems.join('\n')).toMatch(/posts missing/);
    expect(problems.join('\n')).toMatch(/duplicate events/);
    expect(problems.join('\n')).toMatch(/no draft/);
    expect(problems.join('\n')).toMatch(/duplicate MQL notices/);
  });

  it('keeps every invariant through throttling and transaction conflicts in qualification and decisions', async () => {
    const outcome = await runScenario(
      world,
      {
        name: 'throttling+conflict',
        seed: 7,
        phases: ['cycle', 'decisions'],
        dynamo: [
          { fault: 'transaction-conflict', operation: 'TransactWriteItems', requests: [3, 20, 45, 61, 64] },
          { fault: 'throttling', probability: 0.05 },
          { fault: 'provisioned-throughput', operation: 'UpdateItem', probability: 0.1 },
        ],
      },
      baseline,
    );
    expect(outcome.injected['dynamo:transaction-conflict']).toBeGreaterThan(0);
    expect(outcome.injected['dynamo:throttling']).toBeGreaterThan(0);
    expect(outcome.problems).toEqual([]);
  });

  it('keeps every invariant through X 429s, 503s and slow pages and DynamoDB 500s', async () => {
    const outcome = await runScenario(
      world,
      {
        name: 'x-outage+dynamo-500',
        seed: 11,
        x: [
          { fault: 'rate-limit', requests: [2] },
          { fault: 'server-error', requests: [4] },
          { fault: 'slow', requests: [5] },
        ],
        dynamo: [{ fault: 'server-error', probability: 0.04 }],
      },
      baseline,
    );
    expect(outcome.injected['x:rate-limit']).toBe(1);
    expect(outcome.injected['x:server-error']).toBe(1);
    expect(outcome.injected['dynamo:server-error']).toBeGreaterThan(0);
    expect(outcome.problems).toEqual([]);
  });
});
