import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './run-cli.ts';

describe('npm start -- --once on the bundled sample feed', () => {
  let dir: string;
  let first: Record<string, number | string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-e2e-'));
    const run = await runCli([
      'local',
      '--once',
      '--fresh',
      '--no-sales-sim',
      '--data-dir',
      dir,
      '--out-dir',
      dir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    first = lastJsonLine(run.stdout);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs the whole pipeline and prints the summary as its last line', () => {
    expect(first).toMatchObject({
      postsRead: expect.any(Number),
      postsNew: expect.any(Number),
      prospects: expect.any(Number),
      nurture: expect.any(Number),
      disqualified: expect.any(Number),
      tasksQueued: expect.any(Number),
      seconds: expect.any(Number),
    });
    expect(first.postsNew).toBeGreaterThanOrEqual(1500);
    expect(first.mql).toBeGreaterThanOrEqual(1);
    expect(first.review).toBeGreaterThanOrEqual(1);
    // The dry-run demo approves the drafted reply of every MQL; review drafts wait for a marketer.
    expect(first.tasksQueued).toBe(first.mql);
    // The default daily cap (50) holds the rest for tomorrow instead of failing them.
    expect(first.tasksExecuted).toBe(Math.min(Number(first.tasksQueued), 50));
    expect(Number(first.tasksExecuted) + Number(first.tasksDeferred)).toBe(first.tasksQueued);
  });

  it('writes the MQLs to a CRM CSV with formulas neutralised', async () => {
    const rows = parse(await readFile(join(dir, 'leads.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];

    expect(rows).toHaveLength(Number(first.mql));
    expect(rows.flatMap((r) => Object.values(r)).filter((v) => /^[=+\-@]/.test(v))).toEqual([]);
  });

  it('exports the same MQLs in Salesforce columns from the command line', async () => {
    const run = await runCli(['export', '--format', 'salesforce', '--data-dir', dir]);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];

    expect(run.code, run.stderr).toBe(0);
    expect(rows).toHaveLength(Number(first.mql));
    expect(rows.every((r) => r.LastName !== '' && r.Company === '[not provided]')).toBe(true);
    expect(JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}')).toEqual({ rows: first.mql });
  });

  it('stores nothing twice on the next run, polling from the saved cursor', async () => {
    const run = await runCli(['local', '--once', '--no-sales-sim', '--data-dir', dir, '--out-dir', dir]);
    const second = lastJsonLine(run.stdout);

    expect(run.code, run.stderr).toBe(0);
    expect(second).toMatchObject({
      postsNew: 0,
      prospects: first.prospects,
      mql: first.mql,
      tasksDrafted: 0,
      tasksQueued: 0,
    });
  });

  it('stores nothing twice when it reads the whole feed again', async () => {
    const run = await runCli([
      'local',
      '--once',
      '--replay',
      '--no-sales-sim',
      '--data-dir',
      dir,
      '--out-dir',
      dir,
    ]);
    const replay = lastJsonLine(run.stdout);

    expect(run.code, run.stderr).toBe(0);
    expect(replay.postsRead).toBe(first.postsRead);
    expect(replay).toMatchObject({
      postsNew: 0,
      prospects: first.prospects,
      mql: first.mql,
      review: first.review,
      tasksDrafted: 0,
    });
  });
  it('counts decisions made with prospector decide exactly once in the next funnel report', async () => {
    const funnel = async () => {
      const run = await runCli(['report', 'funnel', '--by', 'source', '--json', '--data-dir', dir]);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
        groups: {
          key: string;
          counts: Record<string, number>;
          rates: Record<string, { value: number | null; low: number; high: number }>;
          velocityDays: Record<string, { median: number | null; p75: number | null }>;
        }[];
      };
      return report.groups.find((g) => g.key === 'x');
    };
    const exported = await runCli(['export', '--state', 'mql', '--data-dir', dir]);
    const keys = (parse(exported.stdout, { columns: true }) as Record<string, string>[]).map(
      (r) => r.prospect_key ?? '',
    );
    const [a, b, c] = keys.map((k) => k.split('#') as [string, string]);
    const before = await funnel();
    const decide = (who: [string, string] | undefined, ...args: string[]) =>
      runCli(['decide', who?.[0] ?? '', who?.[1] ?? '', '--as', 'sales:maria', '--data-dir', dir, ...args]);

    const accepted = await decide(a, '--to', 'accepted', '--note', 'good call');
    const again = await decide(a, '--to', 'accepted');
    const rejected = await decide(b, '--to', 'rejected', '--code', 'timing', '--note', 'next quarter');
    const noCode = await decide(c, '--to', 'rejected');
    const badValue = await decide(c, '--to', 'won', '--value', '-5', '--currency', 'EUR');
    const after = await funnel();

    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect([accepted.code, rejected.code]).toEqual([0, 0]);
    expect(again.code).not.toBe(0);
    expect(noCode.stderr).toContain('code');
    expect(badValue.stderr).toContain('deal.value');
    expect(after?.counts.accepted).toBe((before?.counts.accepted ?? 0) + 1);
    expect(after?.counts.rejected).toBe((before?.counts.rejected ?? 0) + 1);
    expect(after?.counts.mql).toBe(before?.counts.mql);
    expect(after?.rates.mqlToAccepted).toMatchObject({
      value: expect.any(Number),
      low: expect.any(Number),
      high: expect.any(Number),
    });
    expect(after?.velocityDays.mqlToAccepted).toMatchObject({
      median: expect.any(Number),
      p75: expect.any(Number),
    });
  });
});
