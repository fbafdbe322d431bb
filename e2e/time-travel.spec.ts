/**
 * The proofs of issue 7 (time travel and sharing), on the production build. State is read through the read-only
 * hook `window.__queueLab.snapshot()`; the event log is read as the page shows it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, LONG, test, type Lab } from './fixtures';

/** The run's state without the scene's frame counters (they move with the display, not the run). */
async function state(lab: Lab): Promise<string> {
  // the run's state; the timeline's extent (how far the run has been) is not part of it
  const { scene: _scene, timeline, ...rest } = await lab.snapshot();
  return JSON.stringify({ ...rest, t: rest.t, tick: timeline.tick });
}

const logText = (page: Page) => page.getByTestId('event-log').innerText();

/** Runs the current program to its end at the top speed. */
async function runToEnd(lab: Lab): Promise<void> {
  await lab.speed('End');
  await lab.page.getByRole('button', { name: 'Play' }).click();
  await lab.poll((s) => s.status, LONG).not.toBe('running');
}

test('step back after five steps returns to the state before them', async ({ page, lab }) => {
  await lab.open();
  await page.getByRole('button', { name: 'Pause' }).click();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 3; i++) await step.click();
  await page.waitForTimeout(300);
  const before = await state(lab);
  for (let i = 0; i < 5; i++) await step.click();
  await expect.poll(() => state(lab)).not.toBe(before);
  const back = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < 5; i++) await back.click();
  await expect.poll(() => state(lab)).toBe(before);
  await lab.shot('step-back-1280');
});

test('dragging the timeline shows the moment chosen', async ({ page, lab }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.open();
  await lab.speed('End');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  // under load the last snapshots may still arrive after the click: wait until the clock has stopped
  await expect
    .poll(async () => {
      const a = (await lab.snapshot()).t;
      await page.waitForTimeout(250);
      return (await lab.snapshot()).t === a;
    }, LONG)
    .toBe(true);
  const end = (await lab.snapshot()).t;
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
  const span = (await lab.snapshot()).timeline.max;
  const chosen = (Number(await slider.inputValue()) / 1000) * span;
  await expect.poll(async () => Math.abs((await lab.snapshot()).t - chosen), LONG).toBeLessThan(end / 500 + 1e-6);
  const s = await lab.snapshot();
  expect(s.playing).toBe(false);
  expect(s.t).toBeLessThan(end * 0.5);
  // the log ends at the moment chosen: no line after it (a seek clears the log at once and its lines follow in
  // the next log update, so until then the last line is the empty log's message, whose time is NaN)
  const lastTime = async (): Promise<number> => {
    const last = (await logText(page)).trim().split('\n').at(-1) ?? '';
    return Number(last.trim().split('s ')[0]);
  };
  await expect.poll(lastTime, LONG).toBeLessThanOrEqual(s.t + 1e-9);
  await lab.shot('timeline-1280-en');
  // the keyboard moves it too
  await slider.press('Home');
  await lab.poll((s) => s.t, LONG).toBeLessThan(end / 500 + 1e-6);
  await lab.language('zh');
  await lab.shot('timeline-1280-zh');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('slider', { name: '时间轴' }).scrollIntoViewIfNeeded();
  await lab.shot('timeline-390-zh');
});

test('a copied link opened in a new page shows the same event log at the same time', async ({ page, lab, context }) => {
  await lab.open();
  await lab.speed('End');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Pause' }).click();
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < 40; i++) await slider.press('ArrowRight');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  const t = (await lab.snapshot()).t;
  const log = await logText(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.url()).toMatch(/#v1=/);
  await expect(page.getByTestId('share-notice')).toBeVisible();
  const other = lab.on(await context.newPage());
  await other.open(page.url());
  await other.poll((s) => s.t, LONG).toBe(t);
  await expect.poll(() => logText(other.page), LONG).toBe(log);
  expect((await other.snapshot()).counters).toEqual((await lab.snapshot()).counters);
  await other.shot('link-opened-1280');
});

test('a corrupted link shows the message and the default lab', async ({ page, lab }) => {
  await lab.open('/#v1=AAAAAbrokenlink');
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toBeVisible();
  const s = await lab.snapshot();
  expect(s.presetId).toBe('seed-1');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.2);
  await lab.shot('bad-link-1280-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.shot('bad-link-390-en');
});

test('an exported scenario re-imported gives the same run', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-2');
  await runToEnd(lab);
  const log = await logText(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const file = await (await download).path();
  await lab.preset('seed-1');
  await page.getByTestId('import-scenario').setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await expect(page.getByTestId('share-notice')).toContainText('Imported');
  await runToEnd(lab);
  await expect.poll(() => logText(page), LONG).toBe(log);
  await lab.shot('imported-1280');
});

test('the page, the CLI and the same seed give the same event log (seed-2)', async ({ page, lab }) => {
  await lab.open();
  // at 1x, so that the log lists every event (at top speed it leaves some out, saying so)
  await lab.preset('seed-2');
  await lab.speed(1);
  await lab.poll((s) => s.status, LONG).toBe('completed');
  const cli = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--preset', 'seed-2', '--log'], { encoding: 'utf8' });
  const lines = (s: string) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const cliLines = lines(cli);
  await expect.poll(async () => lines(await logText(page)).slice(0, cliLines.length), LONG).toEqual(cliLines);
});
