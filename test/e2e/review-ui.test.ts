import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { launchChromium } from './chromium.ts';
import { ROOT } from './run-cli.ts';
import { bearerOf, startServing } from './serve-local.ts';

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
