import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { HTTP_PROBE, listenersOf, ownNonLoopbackAddresses, probe } from '../support/listeners.ts';
import { ROOT } from './run-cli.ts';

/** The probes, run against `prospector local` (what `npm start` runs) while it serves. */
describe('probes against npm start', () => {
  let dir: string;
  let runner: ChildProcess;
  let base: string;
  let port: number;
  let token = '';
  let admin: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-probes-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const args = ['local', '--fresh', '--port', String(port), '--data-dir', dir, '--out-dir', dir];
    runner = spawn(process.execPath, [join(ROOT, 'bin', 'prospector.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
    });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      runner.stderr?.on('data', (d) => {
        stderr += d;
        token = /x-prospector-token: (\S+)/.exec(stderr)?.[1] ?? token;
        const signIn = /^(?:\[prospector\])?\s+admin\s+\S+#token=(\S+)$/m.exec(stderr)?.[1];
        if (signIn) {
          admin = { authorization: `Bearer ${signIn}` };
          resolve();
        }
      });
      runner.once('exit', (code) => reject(new Error(`runner exited ${code}\n${stderr}`)));
    });
  }, 900_000);

  afterAll(async () => {
    if (runner && runner.exitCode === null) {
      const exited = new Promise((r) => runner.once('exit', r));
      runner.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a write token, and refuses a cross-origin text/plain POST', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const res = await fetch(`${base}/api/leads/x/1/opt-out`, {
      method: 'POST',
      body: '{"optedOut":true}',
      headers: { origin: 'http://127.0.0.1:1', 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(403);
    const noToken = await fetch(`${base}/api/leads/x/1/opt-out`, {
      method: 'POST',
      body: '{"optedOut":true}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(noToken.status).toBe(403);
  });

  it('answers a bad cursor with a 400', async () => {
    const crafted = Buffer.from(JSON.stringify({ day: '0001-01-01' })).toString('base64url');
    expect((await fetch(`${base}/api/leads?state=review&cursor=${crafted}`, { headers: admin })).status).toBe(
      400,
    );
    expect((await fetch(`${base}/api/leads/changes.csv?cursor=${crafted}`, { headers: admin })).status).toBe(
      400,
    );
  });

  it('refuses a typo in a definition key with a 422 naming it', async () => {
    const current = (await (await fetch(`${base}/api/mql`, { headers: admin })).json()) as Record<
      string,
      unknown
    > & {
      version: number;
      thresholds: Record<string, unknown>;
    };
    const { version, author: _a, note: _n, publishedAt: _p, ...draft } = current;
    const { requireIntent, ...thresholds } = draft.thresholds;
    const res = await fetch(`${base}/api/mql`, {
      method: 'POST',
      body: JSON.stringify({
        definition: { ...draft, thresholds: { ...thresholds, requireIntnet: requireIntent } },
        note: 'typo',
        basedOn: version,
      }),
      headers: { 'content-type': 'application/json', 'x-prospector-token': token, ...admin },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('Unrecognized key: "requireIntnet"');
  });

  it('keeps the SQS emulator, the fake X API and the review UI on 127.0.0.1 only', async () => {
    const endpoints = JSON.parse(await readFile(join(dir, 'local-endpoints.json'), 'utf8')) as {
      sqs: string;
    };
    const listeners = listenersOf(runner.pid!);
    // the review UI, fauxqs and the fake X API: all of this process's servers
    expect(listeners.map((l) => l.port)).toEqual(
      expect.arrayContaining([port, Number(new URL(endpoints.sqs).port)]),
    );
    expect(listeners.length).toBeGreaterThanOrEqual(3);
    expect([...new Set(listeners.map((l) => l.address))]).toEqual(['127.0.0.1']);
    for (const address of ownNonLoopbackAddresses())
      for (const l of listeners) expect(await probe(address, l.port, HTTP_PROBE)).toBe('refused');
  });
});
