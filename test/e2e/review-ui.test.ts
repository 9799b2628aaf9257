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

interface Detail {
  lead: { state: string };
  events: { to: string; reason?: string; actor: { type: string } }[];
}

describe('the review queue in headless Chromium', () => {
  let dir: string;
  let runner: ChildProcess;
  let browser: Browser;
  let base: string;
  let links: Record<string, string>;

  const shot = async (page: Page, name: string) => {
    await mkdir(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'out', name), fullPage: false });
  };
  const detail = async (key: string): Promise<Detail> => {
    const [source, authorId] = key.split('#');
    const res = await fetch(`${base}/api/leads/${source}/${authorId}`, {
      headers: bearerOf(links.sales ?? ''),
    });
    return (await res.json()) as Detail;
  };

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

  it('clear five cards with the keyboard only (one undone and redone), each decision with its reason', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(links.marketer ?? base);
    const selected = page.locator('article.lead.selected');
    await selected.waitFor();
    const firstPost = await selected.locator('blockquote.post p').textContent();
    const whys = await selected.locator('.why li').allTextContents();
    await page.keyboard.press('?');
    const help = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent();
    await page.keyboard.press('Escape');

    const plan: { key: 'm' | 'n' | 'd'; to: string; edit?: string }[] = [
      { key: 'm', to: 'mql' },
      { key: 'n', to: 'nurture', edit: ' (asked about pricing)' },
      { key: 'd', to: 'disqualified' },
      { key: 'n', to: 'nurture' },
      { key: 'm', to: 'mql' },
    ];
    const decided: { key: string; to: string; reason: string }[] = [];
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    for (const [i, step] of plan.entries()) {
      const key = (await selected.getAttribute('data-key')) ?? '';
      await page.keyboard.press(step.key);
      const reason = page.getByLabel('reason');
      await reason.waitFor();
      if (step.edit) {
        await page.keyboard.press('End');
        await page.keyboard.type(step.edit);
      }
      const text = await reason.inputValue();
      await page.keyboard.press('Enter');
      await page.locator(`article.lead[data-key="${key}"]`).waitFor({ state: 'detached' });
      if (i === 2) {
        // Undo brings the card back in place; the same three keys decide it again.
        await page.keyboard.press('u');
        await page.locator(`article.lead.selected[data-key="${key}"]`).waitFor();
        await page.keyboard.press(step.key);
        await reason.waitFor();
        await page.keyboard.press('Enter');
        await page.locator(`article.lead[data-key="${key}"]`).waitFor({ state: 'detached' });
      }
      decided.push({ key, to: step.to, reason: text });
    }
    await shot(page, 'review-keyboard.png');

    expect(firstPost?.length).toBeGreaterThan(0);
    expect(whys.length).toBeGreaterThan(0);
    expect(whys.join(' ')).toMatch(/[+-]\d/);
    expect(help).toContain('disqualify');
    expect(decided[1]?.reason).toMatch(/\(asked about pricing\)$/);
    for (const d of decided) {
      // Sent after the 5 s undo window.
      await expect.poll(async () => (await detail(d.key)).lead.state, { timeout: 20_000 }).toBe(d.to);
      const last = (await detail(d.key)).events.at(-1);
      expect(last).toMatchObject({ to: d.to, reason: d.reason, actor: { type: 'marketer' } });
    }
    expect((await detail(decided[2]!.key)).events.filter((e) => e.to === 'disqualified')).toHaveLength(1);
    await expect.poll(() => page.locator('#status').textContent()).toContain('Saved');
    await page.close();
  });

  it('sends the filters to the documented list route and asks for the counts per state', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/leads')) asked.push(new URL(r.url()).pathname + new URL(r.url()).search);
    });
    await page.goto(links.marketer ?? base);
    await page.locator('article.lead').first().waitFor();
    await page.getByLabel('campaign').fill('crm-switchers');
    await page.getByLabel('score from').fill('10');
    await page.getByLabel('to', { exact: true }).fill('90');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByLabel('source').selectOption('x');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('source=x');
    await page.locator('article.lead, .empty').first().waitFor();

    await expect
      .poll(() => page.locator('fieldset.tabs button').first().textContent())
      .toMatch(/In review \(\d+\)/);
    const lists = asked.filter((u) => u.startsWith('/api/leads?'));
    const last = new URLSearchParams(lists.at(-1)?.split('?')[1]);
    expect(Object.fromEntries(last)).toMatchObject({
      state: 'review',
      campaign: 'crm-switchers',
      minScore: '10',
      maxScore: '90',
      source: 'x',
      sort: 'score',
    });
    expect(asked).toContain('/api/leads/counts');
    await page.close();
  });

  it('approve an edited draft with the keyboard (the count follows the text), and skip another', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(links.marketer ?? base);
    await page.locator('article.lead').first().waitFor();
    await page.getByRole('link', { name: 'Approvals' }).click();
    const card = page.locator('article.task.selected');
    await card.waitFor();
    const taskId = (await card.getAttribute('data-task')) ?? '';
    const edited =
      'Thanks for asking! Happy to share how teams like yours moved off spreadsheets 🙂 https://example.com/guide';

    await page.keyboard.press('e');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(edited);
    const count = await card.locator('.count').textContent();
    await page.keyboard.press('Escape');
    await shot(page, 'approvals-edited.png');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('#status').textContent()).toContain('Approved');
    const skipped =
      (await page
        .locator('article.task.selected')
        .getAttribute('data-task')
        .catch(() => null)) ?? '';
    if (skipped) {
      await page.keyboard.press('s');
      await expect.poll(() => page.locator('#status').textContent()).toContain('Skipped');
    }

    // 23 for the link, 2 for the emoji, 1 for each other character.
    const expected = edited.length - 'https://example.com/guide'.length + 23 - '🙂'.length + 2;
    expect(count).toBe(`${expected} / 280`);
    const tasks = async (status: string) =>
      (
        (await (
          await fetch(`${base}/api/tasks?status=${status}&limit=100`, {
            headers: bearerOf(links.marketer ?? ''),
          })
        ).json()) as { items: { id: string; draft: string; approvedBy?: string }[] }
      ).items;
    const approved = [
      ...(await tasks('approved')),
      ...(await tasks('executing')),
      ...(await tasks('done')),
    ].find((t) => t.id === taskId);
    expect(approved).toMatchObject({ draft: edited });
    if (skipped) expect((await tasks('skipped')).map((t) => t.id)).toContain(skipped);
    await page.close();
  });

  it("shows a lead's timeline from its card, with what is not stored", async () => {
    const page = await browser.newPage();
    await page.goto(links.marketer ?? base);
    const first = page.locator('article.lead.selected');
    await first.waitFor();
    const key = (await first.getAttribute('data-key')) ?? '';
    await page.keyboard.press('o');
    await page.locator('ol.timeline li').first().waitFor();
    await shot(page, 'lead-timeline.png');

    expect(page.url()).toContain(`#/lead/${key.replace('#', '/')}`);
    expect(await page.locator('ol.timeline li[data-kind="post"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.not-stored li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('has no serious or critical accessibility violation on any page', async () => {
    const context = await axeContext(browser);
    const page = await context.newPage();
    await page.goto(links.admin ?? base);
    const lead = page.locator('article.lead').first();
    await lead.waitFor();
    const key = (await lead.getAttribute('data-key')) ?? '';
    const found: Record<string, string[]> = {};
    const pages: [string, string][] = [
      ['approvals', 'article.task, .empty'],
      ['sales', 'article.sale, .empty'],
      ['funnel', 'section.card, .empty'],
      ['objections', 'section.card, .empty'],
      ['won', 'table.card, .empty'],
      [`lead/${key.replace('#', '/')}`, 'ol.timeline'],
    ];
    for (const [hash, ready] of pages) {
      await page.goto(`${base}/#/${hash}`);
      await page.locator(ready).first().waitFor({ timeout: 90_000 });
      found[hash.split('/')[0]!] = await seriousViolations(page);
    }
    await context.close();

    expect(found).toEqual({ approvals: [], sales: [], funnel: [], objections: [], won: [], lead: [] });
  });

  it('has no serious or critical accessibility violation on the queue, with the picker and the keys open', async () => {
    const context = await axeContext(browser);
    const page = await context.newPage();
    await page.goto(links.marketer ?? base);
    await page.locator('article.lead.selected').waitFor();
    const queue = await seriousViolations(page);
    await page.keyboard.press('m');
    await page.getByLabel('reason').waitFor();
    const picker = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = await seriousViolations(page);
    await context.close();

    expect({ queue, picker, help }).toEqual({ queue: [], picker: [], help: [] });
  });
});
