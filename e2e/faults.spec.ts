/**
 * Faults (issue 8), injected through the test hook: an exception inside the engine shows the error panel (what
 * happened, the last events, Restart); a worker that dies is replaced and the lab carries on with its scenario.
 * A requestAnimationFrame heartbeat in the page shows it never froze meanwhile.
 */
import { heartbeat } from './kit';
import { expect, test, type Page } from '@playwright/test';

const LONG = { timeout: 30_000 };

async function openLab(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
  await heartbeat(page);
  return errors;
}

const clock = (page: Page) => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? -1);
const gap = (page: Page) => page.evaluate(() => (window as unknown as { __gap: number }).__gap);

test('an exception inside the engine shows what happened, the last events and Restart', async ({ page }) => {
  const errors = await openLab(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('seed-2');
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await expect.poll(async () => (await page.getByTestId('event-log').textContent())?.split('\n').length ?? 0, LONG).toBeGreaterThan(5);
  await page.evaluate(() => window.__queueLab?.inject('engine-error'));

  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('The simulation stopped: Error: injected engine fault');
  // the stack, folded away under Technical details, with a Copy for a bug report
  await panel.getByText('Technical details', { exact: true }).click();
  await expect(panel.getByTestId('error-panel-details').locator('pre')).toContainText('injected engine fault (test hook)');
  await expect(panel.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  const last = (await page.getByTestId('error-panel-log').textContent()) ?? '';
  const lines = last.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(20);
  // the panel's lines are the log's newest ones
  // every line of the log ends with a newline
  const log = ((await page.getByTestId('event-log').textContent()) ?? '').split('\n').filter((l) => l.trim() !== '');
  expect(log.slice(-lines.length)).toEqual(lines);
  // the run stopped where it failed
  const stopped = await clock(page);
  await page.waitForTimeout(400);
  expect(await clock(page)).toBe(stopped);

  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(async () => (await page.evaluate(() => window.__queueLab?.snapshot() ?? null))?.presetId).toBe('seed-2');
  await expect.poll(() => clock(page), LONG).toBeGreaterThan(0);
  expect(await gap(page)).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(errors).toEqual([]);
});

test('a worker that dies is replaced, and the lab recovers its scenario', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const errors = await openLab(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('5');
  const before = await page.evaluate(() => window.__queueLab!.snapshot()!);
  await expect.poll(() => clock(page), LONG).toBeGreaterThan(0);
  expect(workers).toHaveLength(1);

  await page.evaluate(() => window.__queueLab?.inject('worker-crash'));
  await expect.poll(() => workers.length, LONG).toBe(2);
  // the same scenario runs again in the new worker, from t = 0, and moves on
  await expect
    .poll(async () => {
      const s = await page.evaluate(() => window.__queueLab?.snapshot() ?? null);
      return s !== null && s.run > before.run && s.t > 0 ? s : null;
    }, LONG)
    .not.toBeNull();
  const after = await page.evaluate(() => window.__queueLab!.snapshot()!);
  expect(after.presetId).toBe('mm2-blocking');
  expect(after.settings).toEqual(before.settings);
  expect(after.maxsize).toBe(5);
  expect(after.tasks.map((t) => t.name)).toEqual(expect.arrayContaining(before.tasks.map((t) => t.name)));
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
  // the controls still drive it
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await page.evaluate(() => window.__queueLab!.snapshot()!)).playing).toBe(false);
  expect(await gap(page)).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(errors).toEqual([]);
});
