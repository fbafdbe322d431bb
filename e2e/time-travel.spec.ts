/**
 * The proofs of issue 7 (time travel and sharing), on the production build. State is read through the read-only
 * hook `window.__queueLab.snapshot()`; the event log is read as the page shows it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { LabSnapshot } from '../src/ui/testHook';

const LONG = { timeout: 30_000 };

async function snap(page: Page): Promise<LabSnapshot> {
  const s = await page.evaluate(() => window.__queueLab?.snapshot() ?? null);
  if (s === null) throw new Error('no snapshot yet');
  return s;
}

/** The run's state without the scene's frame counters (they move with the display, not the run). */
async function state(page: Page): Promise<string> {
  // the run's state; the timeline's extent (how far the run has been) is not part of it
  const { scene: _scene, timeline, ...rest } = await snap(page);
  return JSON.stringify({ ...rest, t: rest.t, tick: timeline.tick });
}

async function openLab(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect.poll(async () => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
}

async function preset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
  await expect.poll(async () => (await snap(page)).presetId).toBe(id);
}

const logText = (page: Page) => page.getByTestId('event-log').innerText();

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}

/** Runs the current program to its end at the top speed. */
async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await snap(page)).status, LONG).not.toBe('running');
}

test('step back after five steps returns to the state before them', async ({ page }, info) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 3; i++) await step.click();
  await page.waitForTimeout(300);
  const before = await state(page);
  for (let i = 0; i < 5; i++) await step.click();
  await expect.poll(() => state(page)).not.toBe(before);
  const back = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < 5; i++) await back.click();
  await expect.poll(() => state(page)).toBe(before);
  await shot(page, info, 'step-back-1280');
});

test('dragging the timeline shows the moment chosen', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  // under load the last snapshots may still arrive after the click: wait until the clock has stopped
  await expect
    .poll(async () => {
      const a = (await snap(page)).t;
      await page.waitForTimeout(250);
      return (await snap(page)).t === a;
    }, LONG)
    .toBe(true);
  const end = (await snap(page)).t;
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
  await page.mouse.up();
  // the slider spans the run so far: the timeline's own end (the worker's clock), not the last snapshot's
  const span = (await snap(page)).timeline.max;
  const chosen = (Number(await slider.inputValue()) / 1000) * span;
  await expect.poll(async () => Math.abs((await snap(page)).t - chosen), LONG).toBeLessThan(end / 500 + 1e-6);
  const s = await snap(page);
  expect(s.playing).toBe(false);
  expect(s.t).toBeLessThan(end * 0.5);
  // the log ends at the moment chosen: no line after it (a seek clears the log at once and its lines follow in
  // the next log update, so until then the last line is the empty log's message, whose time is NaN)
  const lastTime = async (): Promise<number> => {
    const last = (await logText(page)).trim().split('\n').at(-1) ?? '';
    return Number(last.trim().split('s ')[0]);
  };
  await expect.poll(lastTime, LONG).toBeLessThanOrEqual(s.t + 1e-9);
  await shot(page, info, 'timeline-1280-en');
  // the keyboard moves it too
  await slider.press('Home');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeLessThan(end / 500 + 1e-6);
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await shot(page, info, 'timeline-1280-zh');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('slider', { name: '时间轴' }).scrollIntoViewIfNeeded();
  await shot(page, info, 'timeline-390-zh');
});

test('a copied link opened in a new page shows the same event log at the same time', async ({ page, context }, info) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Pause' }).click();
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < 40; i++) await slider.press('ArrowRight');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  const t = (await snap(page)).t;
  const log = await logText(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.url()).toMatch(/#v1=/);
  await expect(page.getByTestId('share-notice')).toBeVisible();
  const other = await context.newPage();
  await openLab(other, page.url());
  await expect.poll(async () => (await snap(other)).t, LONG).toBe(t);
  await expect.poll(() => logText(other), LONG).toBe(log);
  expect((await snap(other)).counters).toEqual((await snap(page)).counters);
  await shot(other, info, 'link-opened-1280');
});

test('a corrupted link shows the message and the default lab', async ({ page }, info) => {
  await openLab(page, '/#v1=AAAAAbrokenlink');
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toBeVisible();
  const s = await snap(page);
  expect(s.presetId).toBe('seed-1');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0.2);
  await shot(page, info, 'bad-link-1280-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, info, 'bad-link-390-en');
});

test('an exported scenario re-imported gives the same run', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-2');
  await runToEnd(page);
  const log = await logText(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const file = await (await download).path();
  await preset(page, 'seed-1');
  await page.getByTestId('import-scenario').setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await expect(page.getByTestId('share-notice')).toContainText('Imported');
  await runToEnd(page);
  await expect.poll(() => logText(page), LONG).toBe(log);
  await shot(page, info, 'imported-1280');
});

test('the page, the CLI and the same seed give the same event log (seed-2)', async ({ page }) => {
  await openLab(page);
  // at 1x, so that the log lists every event (at top speed it leaves some out, saying so)
  await preset(page, 'seed-2');
  await expect.poll(async () => (await snap(page)).status, LONG).toBe('completed');
  const cli = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--preset', 'seed-2', '--log'], { encoding: 'utf8' });
  const lines = (s: string) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const cliLines = lines(cli);
  await expect.poll(async () => lines(await logText(page)).slice(0, cliLines.length), LONG).toEqual(cliLines);
});
