import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { launchChromium } from './chromium.ts';
import { ROOT } from './run-cli.ts';

/** Starts `prospector local` (serving) and resolves once the review UI is listening, with its sign-in links per group. */
export async function startServing(
  dir: string,
  port: number,
): Promise<{ child: ChildProcess; links: Record<string, string> }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'prospector.mjs'),
      'local',
      '--fresh',
      '--port',
      String(port),
      '--data-dir',
      dir,
      '--out-dir',
      dir,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
    },
  );
  const links = await new Promise<Record<string, string>>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
      const found = Object.fromEntries(
        [...stderr.matchAll(/^\s+(marketer|sales|admin)\s+(http\S+#token=\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      if (found.marketer && found.sales && found.admin) resolve(found as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`runner exited ${code}\n${stderr}`)));
  });
  return { child, links };
}

/** The bearer header a sign-in link carries. */
export const bearerOf = (link: string) => ({
  authorization: `Bearer ${link.slice(link.indexOf('#token=') + 7)}`,
});

describe('the review UI in headless Chromium', () => {
  let dir: string;
  let runner: ChildProcess;
  let browser: Browser;
  let base: string;
  let links: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-ui-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child: runner, links } = await startServing(dir, port));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (runner && runner.exitCode === null) {
      const exited = new Promise((r) => runner.once('exit', r));
      runner.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the review queue with each score explained, and a marketer qualifies a prospect with a reason', async () => {
    const page = await browser.newPage();
    await page.goto(links.marketer ?? base);
    const first = page.locator('article.lead').first();
    await first.waitFor();
    const key = await first.getAttribute('data-key');
    const rules = await first.locator('.why code').allTextContents();
    await first.getByText('Posts and history').click();
    await first.locator('.posts li').first().waitFor();
    const posts = await first.locator('.posts li').count();

    await first.getByRole('button', { name: 'Qualify (MQL)' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Not saved');
    await first.getByLabel('reason').fill('asked for a demo in DMs');
    await first.getByRole('button', { name: 'Qualify (MQL)' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Moved to mql.');
    await mkdir(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'out', 'review-ui.png'), fullPage: false });

    expect(rules.length).toBeGreaterThan(0);
    expect(posts).toBeGreaterThan(0);
    const [source, authorId] = (key ?? '').split('#');
    const detail = (await (
      await fetch(`${base}/api/leads/${source}/${authorId}`, { headers: bearerOf(links.sales ?? '') })
    ).json()) as {
      lead: { state: string };
      events: { to: string; reason: string; actor: { type: string } }[];
    };
    expect(detail.lead.state).toBe('mql');
    expect(detail.events.at(-1)).toMatchObject({
      to: 'mql',
      reason: 'asked for a demo in DMs',
      actor: { type: 'marketer' },
    });
  });
});
