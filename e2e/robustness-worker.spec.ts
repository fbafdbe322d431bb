/**
 * The worker under links that ask too much, and the page's copy of its state (issue 13, points 2, 6, 14, 15): an
 * extreme but valid link is refused or lands on the run's end at once while every control stays live; a long seek
 * shows its progress and can be cancelled from the keyboard; the counters and a copied link follow the engine after
 * a Pause at top speed and after quick Steps; a worker that stops without a word is noticed, and Restart (or a crash)
 * says the program runs again from t = 0. A requestAnimationFrame heartbeat shows the page never froze.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { decodeLink, encodeLink } from '../src/share/link';
import { findPreset } from '../src/scenarios/registry';
import { heartbeat, LONG, openLab, snap } from './kit';

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}

/** A share link to a preset with the view's time fields as given. */
async function link(id: string, tick: number | null, t: number | null): Promise<string> {
  const r = await encodeLink({ scenario: findPreset(id)!.scenario, view: { lang: 'en', speed: 1, preset: id, tick, t } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return `/${r.fragment}`;
}

/** Opens the lab at `url` (a fresh document: a hash change alone opens no link) and waits for its first snapshot. */
async function openAt(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto('about:blank');
  await page.goto(url);
  await expect.poll(async () => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
  await heartbeat(page);
  return errors;
}

const gap = (page: Page) => page.evaluate(() => (window as unknown as { __gap: number }).__gap);

/** The clock as the counters show it (the text after "Virtual time"). */
const shownClock = (page: Page) => page.locator('dt', { hasText: /^Virtual time$/ }).locator('xpath=following-sibling::dd[1]').textContent();
/** The engine's clock written as the counters write it. */
const asShown = (t: number) => `${new Intl.NumberFormat('en-US', { minimumFractionDigits: t < 100 ? 2 : 1, maximumFractionDigits: t < 100 ? 2 : 1 }).format(t)} s`;

/** Play still drives the run: the clock moves on. */
async function stillDriven(page: Page): Promise<void> {
  const before = (await snap(page)).t;
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('ten million seconds of mm2-blocking are refused at once, naming the moment and the limit', async ({ page }, info) => {
  const errors = await openAt(page, await link('mm2-blocking', null, 1e7));
  const status = page.getByTestId('seek-status');
  await expect(status).toContainText('t = 10,000,000 s is out of reach', LONG);
  await expect(status).toContainText('a seek re-runs at most 50,000,000');
  await expect(page.getByRole('alert').filter({ hasText: 'out of reach' })).toBeVisible();
  expect((await snap(page)).t).toBe(0);
  await shot(page, info, 'seek-refused-1280-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(status).toContainText('无法到达 t = 10,000,000 秒');
  await shot(page, info, 'seek-refused-1280-zh');
  await page.getByRole('combobox', { name: /语言/ }).selectOption('en');
  await stillDriven(page);
  expect(await gap(page)).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(errors).toEqual([]);
});

test('tick 2^53 - 1 and t = 1e7 on seed-2 land on the end, and the clock shows the end', async ({ page }, info) => {
  const errors: string[] = [];
  for (const [tick, t, what] of [
    [Number.MAX_SAFE_INTEGER, null, 'tick 9,007,199,254,740,991'],
    [null, 1e7, 't = 10,000,000 s'],
  ] as const) {
    errors.push(...(await openAt(page, await link('seed-2', tick, t))));
    const status = page.getByTestId('seek-status');
    await expect(status).toContainText(`The run ends at t = 0.3 s, before ${what}: it is shown at its end.`, LONG);
    const s = await snap(page);
    expect(s.end?.status).toBe('completed');
    expect(s.t).toBe(s.end!.t);
    expect(s.timeline.t).toBe(s.end!.t);
    await expect.poll(() => shownClock(page)).toBe('0.30 s');
    await expect(page.getByRole('status').filter({ hasText: 'Finished at t = 0.3 s' })).toBeVisible();
    expect(await gap(page)).toBeLessThan(5000);
  }
  await shot(page, info, 'seek-past-end-1280-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(page.getByTestId('seek-status')).toContainText('运行在 t = 0.3 秒结束，早于 t = 10,000,000 秒');
  await shot(page, info, 'seek-past-end-1280-zh');
  expect(errors).toEqual([]);
});

test('a long seek shows its progress, the controls stay live, and Cancel (from the keyboard) stops it', async ({ page }, info) => {
  const errors = await openAt(page, await link('mm2-blocking', null, 2e6));
  const status = page.getByTestId('seek-status');
  await expect(status).toContainText('Going to t = 2,000,000 s:', LONG);
  const bar = page.getByRole('progressbar', { name: 'Seek progress' });
  await expect(bar).toBeVisible();
  await shot(page, info, 'seek-progress-1280-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(status).toContainText('正在前往 t = 2,000,000 秒');
  await shot(page, info, 'seek-progress-1280-zh');
  await page.getByRole('combobox', { name: /语言/ }).selectOption('en');
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Going to t = 2,000,000 s was cancelled: the run stays where it was.');
  expect((await snap(page)).t).toBe(0);
  await shot(page, info, 'seek-cancelled-1280-en');
  await stillDriven(page);
  await expect(page.getByTestId('worker-stalled')).toHaveCount(0);
  expect(await gap(page)).toBeLessThan(5000);
  expect(errors).toEqual([]);
});

test('after Pause at top speed the counters and a copied link show the engine’s moment', async ({ page }) => {
  const errors = await openLab(page);
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await snap(page)).playing, LONG).toBe(false);
  const engine = await snap(page);
  // the last update after the stream went quiet arrives (the throttle's trailing edge)
  await expect.poll(() => shownClock(page), LONG).toBe(asShown(engine.t));
  await expect.poll(async () => (await snap(page)).timeline.t, LONG).toBe(engine.t);
  await page.getByRole('button', { name: 'Copy link' }).click();
  // the address already holds the program (address.ts); Copy link adds the moment once the worker has answered
  const moment = async (): Promise<number | null | 'bad'> => {
    const r = await decodeLink(new URL(page.url()).hash);
    return r.ok ? r.view.t : 'bad';
  };
  await expect.poll(moment, LONG).toBe(engine.t);
  expect(errors).toEqual([]);
});

test('eight quick Steps show the engine’s time', async ({ page }) => {
  const errors = await openLab(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await snap(page)).t).toBe(0);
  await page.evaluate(() => {
    const step = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Step');
    for (let i = 0; i < 8; i++) step?.click();
  });
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0);
  await page.waitForTimeout(300); // the eight answers arrive in order; the poll below waits for the page to show them
  const engine = await snap(page);
  await expect.poll(() => shownClock(page), LONG).toBe(asShown(engine.t));
  await expect.poll(async () => (await snap(page)).timeline.t, LONG).toBe(engine.t);
  expect(errors).toEqual([]);
});

test('a worker that stops without a word is noticed; Restart runs the program again from t = 0 and says so', async ({ page }, info) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const errors = await openLab(page);
  await heartbeat(page);
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0.5);
  const before = await snap(page);
  await page.evaluate(() => window.__queueLab?.inject('worker-stop'));
  const stalled = page.getByTestId('worker-stalled');
  await expect(stalled).toContainText('The simulation worker has stopped answering.', { timeout: 45_000 });
  await shot(page, info, 'worker-stalled-1280-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(stalled).toContainText('模拟工作线程已停止响应');
  await shot(page, info, 'worker-stalled-1280-zh');
  await page.getByRole('button', { name: '重新启动', exact: true }).click();
  await expect(stalled).toHaveCount(0);
  const restarted = page.getByTestId('worker-restarted');
  await expect(restarted).toContainText('模拟工作线程在 t = ');
  await expect(restarted).toContainText('秒时停止响应；新的工作线程从 t = 0 重新运行此程序。');
  await shot(page, info, 'worker-restarted-1280-zh');
  await page.getByRole('combobox', { name: /语言/ }).selectOption('en');
  await expect(restarted).toContainText('The simulation worker stopped answering at t = ');
  await expect(restarted).toContainText('a fresh one runs the program again from t = 0.');
  await shot(page, info, 'worker-restarted-1280-en');
  expect(workers).toHaveLength(2);
  await expect
    .poll(async () => {
      const s = await snap(page);
      return s.run > before.run && s.t > 0 && s.presetId === before.presetId;
    }, LONG)
    .toBe(true);
  expect(await gap(page)).toBeLessThan(5000);
  expect(errors).toEqual([]);
});

test('a worker that crashes is replaced, and the page says the program runs again from t = 0', async ({ page }, info) => {
  const errors = await openLab(page);
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0.5);
  await page.evaluate(() => window.__queueLab?.inject('worker-crash'));
  const restarted = page.getByTestId('worker-restarted');
  await expect(restarted).toContainText(/The simulation worker stopped at t = [\d.,]+ s; a fresh one runs the program again from t = 0\./, LONG);
  await shot(page, info, 'worker-crashed-1280-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(restarted).toContainText('新的工作线程从 t = 0 重新运行此程序');
  await shot(page, info, 'worker-crashed-1280-zh');
  await page.getByRole('button', { name: '关闭' }).first().click();
  await expect(restarted).toHaveCount(0);
  expect(errors).toEqual([]);
});
