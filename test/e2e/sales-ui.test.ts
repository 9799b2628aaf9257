import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { launchChromium } from './chromium.ts';
import { ROOT } from './run-cli.ts';
import { bearerOf } from './serve-local.ts';

/** The serving runner without the sales simulator, so MQLs wait for a person in the inbox. */
async function startWithoutSalesSim(dir: string, port: number) {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'prospector.mjs'),
      'local',
      '--fresh',
      '--no-sales-sim',
      '--port',
      String(port),
      '--data-dir',
      dir,
      '--out-dir',
      dir,
    ],
    { cwd: ROOT, env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' } },
  );
  const links = await new Promise<Record<string, string>>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
      const found = Object.fromEntries(
        [...stderr.matchAll(/^(?:\[prospector\])?\s+(marketer|sales|admin)\s+(http\S+#token=\S+)$/gm)].map(
          (m) => [m[1], m[2]],
        ),
      );
      if (found.marketer && found.sales && found.admin) resolve(found as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`runner exited ${code}\n${stderr}`)));
  });
  return { child, links };
}

describe('the sales pages in headless Chromium', () => {
  let dir: string;
  let runner: ChildProcess;
  let browser: Browser;
  let base: string;
  let links: Record<string, string>;
  let page: Page;
  const decided: Record<string, string> = {};

  const shot = async (name: string) => {
    await mkdir(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'out', name), fullPage: true });
  };
  const apiLead = async (key: string) => {
    const [source, authorId] = key.split('#');
    const res = await fetch(`${base}/api/leads/${source}/${authorId}`, {
      headers: bearerOf(links.sales ?? ''),
    });
    return (await res.json()) as {
      lead: { state: string };
      events: { to: string; note?: string; code?: string; objection?: string; actor: { type: string } }[];
    };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-sales-ui-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child: runner, links } = await startWithoutSalesSim(dir, port));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(links.sales ?? base);
    await page.waitForFunction('!location.hash.includes("token")');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (runner && runner.exitCode === null) {
      const exited = new Promise((r) => runner.once('exit', r));
      runner.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('sales accepts one MQL and rejects another with a reason code from the picker', async () => {
    await page.getByRole('link', { name: 'Sales inbox' }).click();
    const cards = page.locator('article.sale');
    await cards.nth(1).waitFor();
    const accepted = (await cards.nth(0).getAttribute('data-key')) ?? '';
    const rejected = (await cards.nth(1).getAttribute('data-key')) ?? '';
    // By key, not position: the accepted card leaves the inbox and the others move up.
    const first = page.locator(`article.sale[data-key="${accepted}"]`);
    const second = page.locator(`article.sale[data-key="${rejected}"]`);
    const reasons = await second.locator('select[data-code] option').allTextContents();
    const whys = await first.locator('.why code').count();

    await first.getByLabel('note').fill('booked a call for <Tuesday>');
    await first.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Marked accepted.');
    await second.locator('select[data-code]').selectOption('no-budget');
    await second.locator('select[data-objection]').selectOption('timing');
    await second.getByLabel('note').fill('budget frozen until Q3');
    await second.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Marked rejected.');
    await shot('sales-inbox.png');
    decided.accepted = accepted;

    expect(whys).toBeGreaterThan(0);
    expect(reasons).toContain('No budget');
    const a = await apiLead(accepted);
    expect(a.lead.state).toBe('accepted');
    expect(a.events.at(-1)).toMatchObject({ to: 'accepted', actor: { type: 'sales' } });
    const r = await apiLead(rejected);
    const rejection = r.events.find((e) => e.to === 'rejected');
    expect(rejection).toMatchObject({ actor: { type: 'sales' } });
    expect(JSON.stringify(rejection)).toContain('no-budget');
    expect(r.lead.state).not.toBe('mql');
  });

  it('a reject without a code is refused with the field named, and the lead stays', async () => {
    const card = page.locator('article.sale').first();
    const key = (await card.getAttribute('data-key')) ?? '';

    await card.getByRole('button', { name: 'Reject' }).click();

    await expect.poll(() => page.locator('#status').textContent()).toContain('Not saved');
    expect(await page.locator('#status').textContent()).toContain('code');
    expect((await apiLead(key)).lead.state).toBe('mql');
  });

  it('sales marks the accepted lead won with a deal, and the won page lists it', async () => {
    await page.goto(`${base}/#/sales?state=accepted`);
    const card = page.locator(`article.sale[data-key="${decided.accepted}"]`);
    await card.waitFor();
    await card.getByLabel('deal value').fill('12500');
    await card.getByRole('button', { name: 'Won' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Marked won.');

    await page.getByRole('link', { name: 'Won', exact: true }).click();
    await page.locator('tr.won').first().waitFor();
    await shot('won.png');

    expect((await apiLead(decided.accepted ?? '')).lead.state).toBe('won');
    expect(await page.locator('tr.won').count()).toBeGreaterThan(0);
    expect(await page.locator('tr.won').first().textContent()).toContain('12,500 EUR');
  });

  it('the funnel page draws stage bars, velocity and conversion whiskers per source', async () => {
    await page.getByRole('link', { name: 'Funnel' }).click();
    await page.locator('svg.interval').first().waitFor();
    await shot('funnel.png');

    const groups = await page.locator('section.group').count();
    expect(groups).toBeGreaterThan(0);
    expect(await page.locator('svg.funnel rect.bar').count()).toBe(7 * (groups + 1));
    expect(await page.locator('svg.velocity g.velocity').count()).toBe(3 * groups);
    expect(await page.locator('svg.interval line.whisker').count()).toBeGreaterThan(0);
    const mqlToAccepted = page.locator('svg.interval').nth(1);
    expect(await mqlToAccepted.locator('line.whisker').count()).toBe(groups);

    await page.getByRole('link', { name: 'campaign', exact: true }).click();
    await expect.poll(() => page.evaluate('location.hash')).toBe('#/funnel?by=campaign');
    await page.locator('section.group').first().waitFor();
    expect(await page.locator('section.group h3').first().textContent()).toContain('campaign');
  });

  it('the objections page shows the top codes with the notes behind them', async () => {
    await page.getByRole('link', { name: 'Objections' }).click();
    await page.locator('section.objection-group').first().waitFor();
    await shot('objections.png');

    expect(await page.locator('section.objection-group svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('.notes').first().textContent()).toContain('budget frozen until Q3');
  });
});
