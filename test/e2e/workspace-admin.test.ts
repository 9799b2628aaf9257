import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { axeContext, seriousViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { ROOT } from './run-cli.ts';
import { bearerOf, startServing } from './serve-local.ts';

/**
 * The campaigns and MQL definition pages (issue 13 items 4 and 5) in headless Chromium against
 * `prospector local`: its first cycle leaves campaigns with runs and open leads to preview on.
 */
describe('the campaigns and MQL definition pages in headless Chromium', () => {
  let dir: string;
  let runner: ChildProcess;
  let browser: Browser;
  let base: string;
  let links: Record<string, string>;
  let page: Page;

  const shot = async (name: string) => {
    await mkdir(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'out', name), fullPage: true });
  };
  const apiGet = async <T>(path: string, role = 'admin'): Promise<T> =>
    (await (await fetch(`${base}${path}`, { headers: bearerOf(links[role] ?? '') })).json()) as T;
  const status = () => page.locator('#status').textContent();
  /** axe-core in its own context (it needs the CSP bypassed), signed in as admin, on `hash`. */
  const axeOn = async (hash: string, ready: (p: Page) => Promise<void>) => {
    const context = await axeContext(browser);
    try {
      const p = await context.newPage();
      await p.goto(links.admin ?? base);
      await p.waitForFunction('!location.hash.includes("token")');
      await p.goto(`${base}/${hash}`);
      await ready(p);
      return await seriousViolations(p);
    } finally {
      await context.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-admin-ui-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child: runner, links } = await startServing(dir, port));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // An admin both runs campaigns and publishes definitions.
    await page.goto(links.admin ?? base);
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

  it('add a campaign whose query the validator first refuses', async () => {
    await page.goto(`${base}/#/campaigns`);
    await page.locator('table.campaigns tbody tr').first().waitFor();
    const runsShown = await page.locator('ul.runs li').count();
    await page.getByRole('button', { name: 'Add a campaign' }).click();
    const form = page.getByRole('form', { name: 'Add a campaign' });
    await form.getByLabel('Id (lowercase, dashes)').fill('crm-leavers');
    await form.getByLabel('Name').fill('CRM leavers');
    await form.getByLabel('Product it sells').fill('Pipeline');
    await form.getByLabel('Write it').check();
    await form.getByLabel('Query as X writes it').fill('crm -(hubspot OR salesforce)');

    await expect
      .poll(() => form.locator('#query-check').textContent())
      .toContain('negate terms one at a time');
    const refusedSave = await form.getByRole('button', { name: 'Add campaign' }).isDisabled();
    await shot('campaign-query-refused.png');
    await form.getByLabel('Query as X writes it').fill('crm -hubspot -salesforce lang:en');
    await expect.poll(() => form.locator('#query-check').textContent()).toContain('Valid query');
    await form.getByRole('button', { name: 'Add campaign' }).click();
    await expect.poll(status).toBe('Added campaign crm-leavers');
    const row = page.locator('tr[data-campaign="crm-leavers"]');
    await row.waitFor();
    await row.getByRole('button', { name: 'Pause CRM leavers' }).click();
    await expect.poll(() => row.locator('td.state').textContent()).toContain('paused');
    await shot('campaigns.png');
    const axe = await axeOn('#/campaigns', async (p) => {
      await p.locator('table.campaigns tbody tr').first().waitFor();
      await p.getByRole('button', { name: 'Add a campaign' }).click();
      await p.getByLabel('Write it').check();
      await p.getByLabel('Query as X writes it').fill('crm -(a OR b)');
      await p.locator('ul.problems li').first().waitFor();
    });

    expect(runsShown).toBeGreaterThan(0);
    expect(refusedSave).toBe(true);
    const stored =
      await apiGet<{ campaign: { id: string; query: string; active: boolean } }[]>('/api/campaigns');
    expect(stored.find((c) => c.campaign.id === 'crm-leavers')?.campaign).toMatchObject({
      query: 'crm -hubspot -salesforce lang:en',
      active: false,
    });
    expect(axe).toEqual([]);
  });

  it('edit and publish a definition after previewing its impact', async () => {
    await page.goto(`${base}/#/definition`);
    await page.getByRole('region', { name: 'Version 1 in words' }).waitFor();
    const editor = page.locator('textarea[name="definition"]');
    const doc = JSON.parse(await editor.inputValue()) as { thresholds: { mql: number } };
    doc.thresholds.mql += 15;

    await editor.fill(JSON.stringify(doc, null, 2));
    await page.getByRole('button', { name: 'Preview impact' }).click();
    await page.locator('#impact').waitFor();
    const impactText = (await page.locator('#impact').textContent()) ?? '';
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(status).toContain('Draft saved (based on v1)');
    const versionsBeforePublish = await apiGet<unknown[]>('/api/mql/versions');
    await page.getByLabel('Note for the history').fill('a higher bar after the impact preview');
    await page.getByRole('button', { name: 'Publish (admin)' }).click();
    await expect.poll(status).toContain('Published version 2');
    await page.getByRole('region', { name: 'Version 2 in words' }).waitFor();
    await page.getByRole('combobox', { name: 'Diff from version' }).selectOption('1');
    await page.getByRole('combobox', { name: 'Diff to version' }).selectOption('2');
    await page.getByRole('button', { name: 'Show the diff' }).click();
    await page.locator('ul.diff li').first().waitFor();
    await shot('definition-published.png');
    const axe = await axeOn('#/definition', async (p) => {
      await p.getByRole('region', { name: 'Version 2 in words' }).waitFor();
      await p.getByRole('button', { name: 'Preview impact' }).click();
      await p.locator('#impact').waitFor();
    });

    expect(impactText).toMatch(/open leads re-scored in memory, nothing stored/);
    expect(versionsBeforePublish).toHaveLength(1);
    expect(await page.getByRole('region', { name: 'Version 2 in words' }).textContent()).toContain(
      `MQL at ${doc.thresholds.mql} points`,
    );
    expect(await page.locator('ul.diff').textContent()).toContain(
      `thresholds.mql ${doc.thresholds.mql - 15} -> ${doc.thresholds.mql}`,
    );
    const current = await apiGet<{ version: number; note: string }>('/api/mql');
    expect(current).toMatchObject({ version: 2, note: 'a higher bar after the impact preview' });
    expect(axe).toEqual([]);
  });
});
