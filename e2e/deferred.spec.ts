/**
 * Code for what is not on the first screen is not part of the page's initial JavaScript (issue 14's budget): the
 * measure section, its charts' renderer (with uPlot) and figures table, the event log, the pitfall panel, the help
 * dialog, the Chinese words, the caption's sentence maker and the program's generator (the code panel's and the
 * caption's: their boxes are drawn at once) are fetched after the scene's first frame (so the page still makes no request after
 * it has loaded), or sooner where needed: Chinese chosen at the start. A part whose code cannot be fetched says so in
 * its place while the rest of the lab goes on.
 */
import type { Page } from '@playwright/test';
import { en } from '../src/ui/i18n/en';
import { zh } from '../src/ui/i18n/zh';
import { expect, LONG, test } from './fixtures';

/** The lazily loaded chunks (named after their modules by the build). */
const CHARTS = '**/assets/renderer-*.js';
const TABLE = '**/assets/FiguresTable-*.js';
const ZH = '**/assets/zh-*.js';
const NARRATE = '**/assets/narrate-*.js';
const GENERATE = '**/assets/generate-*.js';

/** Whether the page has fetched the chunk named `part`. */
const fetched = (page: Page, part: string) =>
  page.evaluate((p) => performance.getEntriesByType('resource').some((r) => r.name.includes(`/assets/${p}-`)), part);

// a short window keeps the charts below the first screen whatever the layout above them
test.use({ viewport: { width: 1280, height: 400 } });

test('the parts that load later are fetched after the first scene frame', async ({ page, lab }) => {
  await lab.open();
  const parts = ['Measure', 'renderer', 'FiguresTable', 'EventLog', 'Catalogue', 'Help', 'zh', 'narrate', 'generate'];
  await expect.poll(async () => (await Promise.all(parts.map((p) => fetched(page, p)))).every(Boolean), LONG).toBe(true);
  const order = await page.evaluate((ps) => {
    const first = performance.getEntriesByName('queue-lab:first-scene-frame')[0]?.startTime ?? null;
    const started = (part: string) => performance.getEntriesByType('resource').find((r) => r.name.includes(`/assets/${part}-`))?.startTime ?? null;
    return { first, parts: ps.map((p) => ({ part: p, at: started(p) })) };
  }, parts);
  expect(order.first).not.toBeNull();
  for (const { part, at } of order.parts) expect(at, part).toBeGreaterThan(order.first!);
  // once here, the charts draw as before
  await page.getByTestId('measure').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await lab.charts()).visible, LONG).toBeGreaterThan(0);
});

test('a part whose code cannot be fetched says so, and the lab goes on', async ({ page, lab }) => {
  await page.route(CHARTS, (r) => r.abort());
  await page.route(TABLE, (r) => r.abort());
  await lab.open();
  await page.getByTestId('measure').scrollIntoViewIfNeeded();
  const failed = page.getByTestId('load-failed');
  await expect(failed).toHaveCount(2, LONG);
  await expect(failed.first()).toContainText('could not be loaded');
  await expect(failed.first()).toContainText('Reload the page');
  // the chart cards keep their place; the run, the scene and the controls still work
  await expect(page.getByTestId('chart-queue')).toBeVisible();
  const t0 = (await lab.snapshot()).t;
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(t0);
  await lab.language('zh');
  await expect(failed.first()).toContainText('未能加载');
});

test('a caption whose words cannot be fetched: its box says so, a Step tries again, the lab goes on', async ({ page, lab }) => {
  await page.route(NARRATE, (r) => r.abort());
  await lab.open();
  const box = page.getByTestId('caption-box');
  await expect(box).toBeVisible();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(async () => (await lab.snapshot()).t, LONG).toBe(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(box.getByTestId('load-failed')).toContainText(`${en.narration.title} could not be loaded`, LONG);
  await expect.poll(async () => (await lab.snapshot()).timeline.tick, LONG).toBeGreaterThan(0);
  // the network is back: the next Step fetches the code and the caption says what the slice did
  await page.unroute(NARRATE);
  const tick = (await lab.snapshot()).timeline.tick;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await lab.snapshot()).timeline.tick, LONG).toBeGreaterThan(tick);
  await expect(box.getByTestId('load-failed')).toHaveCount(0, LONG);
  await expect(page.getByTestId('caption').locator('li')).not.toHaveCount(0);
});

test('a program generator that cannot be fetched: the code panel says so, the scene runs', async ({ page, lab }) => {
  await page.route(GENERATE, (r) => r.abort());
  await lab.open();
  const panel = page.getByTestId('code-panel');
  await expect(panel.getByTestId('load-failed')).toContainText(`${en.code.title} could not be loaded`, LONG);
  await expect(panel.getByRole('button', { name: en.code.copy, exact: true })).toBeDisabled();
  await expect(page.getByTestId('code-text').locator('.row')).toHaveCount(0);
  const t0 = (await lab.snapshot()).t;
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(t0);
});

test('Chinese words that cannot be fetched: a note says so, the page stays in English, choosing again retries', async ({ page, lab }) => {
  await page.route(ZH, (r) => r.abort());
  await lab.open();
  await lab.language('zh');
  const failed = page.getByTestId('load-failed');
  await expect(failed).toContainText('中文 could not be loaded');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.title);
  // the network is back: choosing Chinese again fetches it
  await page.unroute(ZH);
  await lab.language('en');
  await expect(failed).toHaveCount(0);
  await lab.language('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.title);
  await expect(failed).toHaveCount(0);
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('sees Chinese from the first render: the page waits for the words', async ({ page, lab }) => {
    // every text the heading ever had, from the moment the page is parsed
    await page.addInitScript(`
      window.__h1 = [];
      new MutationObserver(() => {
        const h = document.querySelector('h1');
        if (h !== null && window.__h1[window.__h1.length - 1] !== h.textContent) window.__h1.push(h.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    await lab.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.title);
    expect(await page.evaluate(() => (window as unknown as { __h1: string[] }).__h1)).toEqual([zh.title]);
  });
});

test('the pitfall panel and the help dialog open, and close as before', async ({ page, lab }) => {
  await lab.open();
  await page.getByRole('button', { name: en.teach.help, exact: true }).click();
  await expect(page.getByRole('dialog', { name: en.teach.helpTitle })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: en.teach.helpTitle })).toBeHidden();
  await expect(page.getByRole('button', { name: en.teach.help, exact: true })).toBeFocused();
  await page.getByRole('button', { name: en.teach.catalogue, exact: true }).click();
  await expect(page.getByTestId('catalogue')).toBeVisible();
  await page.getByRole('button', { name: en.teach.catalogue, exact: true }).click();
  await expect(page.getByTestId('catalogue')).toBeHidden();
});
