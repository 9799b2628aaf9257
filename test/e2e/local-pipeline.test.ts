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
    const run = await runCli(['local', '--once', '--fresh', '--data-dir', dir, '--out-dir', dir]);
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
    const run = await runCli(['local', '--once', '--data-dir', dir, '--out-dir', dir]);
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
    const run = await runCli(['local', '--once', '--replay', '--data-dir', dir, '--out-dir', dir]);
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
});
