/**
 * Faults (issue 8), injected through the test hook: an exception inside the engine shows the error panel (what
 * happened, the last events, Restart); a worker that dies is replaced and the lab carries on with its scenario.
 * A requestAnimationFrame heartbeat in the page shows it never froze meanwhile.
 */
import { expect, LONG, test, type Lab } from './fixtures';

/** The clock, or -1 while the lab has no snapshot (a worker being replaced). */
const clock = async (lab: Lab) => (await lab.peek())?.t ?? -1;

test('an exception inside the engine shows what happened, the last events and Restart', async ({ page, lab, problems }) => {
  await lab.open();
  await lab.heartbeat();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('seed-2');
  await lab.speed(10);
  await expect.poll(async () => (await page.getByTestId('event-log').textContent())?.split('\n').length ?? 0, LONG).toBeGreaterThan(5);
  await lab.inject('engine-error');

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
  const stopped = await clock(lab);
  await page.waitForTimeout(400);
  expect(await clock(lab)).toBe(stopped);

  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(async () => (await lab.peek())?.presetId).toBe('seed-2');
  await expect.poll(() => clock(lab), LONG).toBeGreaterThan(0);
  expect(await lab.gap()).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(problems.of('page')).toEqual([]);
});

test('a worker that dies is replaced, and the lab recovers its scenario', async ({ page, lab, problems }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await lab.open();
  await lab.heartbeat();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('5');
  const before = await lab.snapshot();
  await expect.poll(() => clock(lab), LONG).toBeGreaterThan(0);
  expect(workers).toHaveLength(1);

  await lab.inject('worker-crash');
  await expect.poll(() => workers.length, LONG).toBe(2);
  // the same scenario runs again in the new worker, from t = 0, and moves on
  await expect
    .poll(async () => {
      const s = await lab.peek();
      return s !== null && s.run > before.run && s.t > 0 ? s : null;
    }, LONG)
    .not.toBeNull();
  const after = await lab.snapshot();
  expect(after.presetId).toBe('mm2-blocking');
  expect(after.settings).toEqual(before.settings);
  expect(after.maxsize).toBe(5);
  expect(after.tasks.map((t) => t.name)).toEqual(expect.arrayContaining(before.tasks.map((t) => t.name)));
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
  // the controls still drive it
  await lab.pause();
  expect(await lab.gap()).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(problems.of('page')).toEqual([]);
});
