import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './run-cli.ts';

describe('the local demo of the way back from sales', () => {
  let dir: string;
  let summary: Record<string, number | string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-sales-'));
    const run = await runCli(['local', '--once', '--fresh', '--data-dir', dir, '--out-dir', dir], 600_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('sales simulator (LOCAL DEMO');
    summary = lastJsonLine(run.stdout);
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const report = async (...args: string[]) => {
    const run = await runCli(['report', ...args, '--json', '--data-dir', dir]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  };

  it('adds the simulated sales decisions to the summary', () => {
    expect(summary).toMatchObject({
      accepted: expect.any(Number),
      rejected: expect.any(Number),
      won: expect.any(Number),
      lost: expect.any(Number),
    });
    for (const k of ['accepted', 'rejected', 'won', 'lost']) expect(Number(summary[k]), k).toBeGreaterThan(0);
  });

  it('reports the funnel per source with counts, rates and velocity', async () => {
    const funnel = (await report('funnel', '--by', 'source')) as {
      groups: { key: string; counts: Record<string, number> }[];
    };

    expect(funnel.groups[0]).toMatchObject({
      key: 'x',
      counts: {
        mql: expect.any(Number),
        accepted: Number(summary.accepted),
        rejected: Number(summary.rejected),
        won: Number(summary.won),
        lost: Number(summary.lost),
      },
      rates: {
        mqlToAccepted: { value: expect.any(Number), low: expect.any(Number), high: expect.any(Number) },
        acceptedToWon: { value: expect.any(Number) },
      },
      velocityDays: {
        mqlToAccepted: { median: expect.any(Number), p75: expect.any(Number) },
        acceptedToWon: { median: expect.any(Number) },
      },
    });
  });

  it('suggests nurturing the weak campaign longer, with evidence and a draft definition', async () => {
    const out = (await report('suggestions')) as {
      suggestions: {
        key: string;
        evidence: { summary: string };
        draft: { adjustments: { campaignId?: string; mqlDelta: number }[] };
      }[];
    };

    expect(out.suggestions.length).toBeGreaterThanOrEqual(1);
    const weak = out.suggestions[0];
    expect(weak?.evidence.summary).toContain('95% CI');
    expect(weak?.draft.adjustments).toContainEqual(
      expect.objectContaining({ campaignId: weak?.key, mqlDelta: expect.any(Number) }),
    );
  });

  it('lists objections and won customers, and writes the won digest', async () => {
    const objections = (await report('objections', '--by', 'campaign')) as { groups: { top: unknown[] }[] };
    const won = (await report('won')) as { customers: { deal: { value: number } }[] };
    const digest = await readFile(join(dir, 'won-digest.txt'), 'utf8');

    expect(objections.groups.length).toBeGreaterThan(0);
    expect(won.customers).toHaveLength(Number(summary.won));
    expect(digest).toContain('customers won');
    expect(Number(summary.wonDigest)).toBe(Number(summary.won));
  });
});
