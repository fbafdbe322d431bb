/**
 * The worker under links that ask too much, and the page's copy of its state (issue 13, points 2, 6, 14, 15): an
 * extreme but valid link is refused or lands on the run's end at once while every control stays live; a long seek
 * shows its progress and can be cancelled from the keyboard; the counters and a copied link follow the engine after
 * a Pause at top speed and after quick Steps; a worker that stops without a word is noticed, and Restart (or a crash)
 * says the program runs again from t = 0. A requestAnimationFrame heartbeat shows the page never froze.
 */
import type { Page } from '@playwright/test';
import { decodeLink, encodeLink } from '../src/share/link';
import { findPreset } from '../src/scenarios/registry';
import { expect, LONG, test, type Lab } from './fixtures';

/** A share link to a preset with the view's time fields as given. */
async function link(id: string, tick: number | null, t: number | null): Promise<string> {
  const r = await encodeLink({ scenario: findPreset(id)!.scenario, view: { lang: 'en', speed: 1, preset: id, tick, t } });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return `/${r.fragment}`;
}

/** Opens the lab at `url` (a fresh document: a hash change alone opens no link) and starts the frame heartbeat. */
async function openAt(lab: Lab, url: string): Promise<void> {
  await lab.open(url, { fresh: true });
  await lab.heartbeat();
}

/** The clock as the counters show it (the text after "Virtual time"). */
const shownClock = (page: Page) => page.locator('dt', { hasText: /^Virtual time$/ }).locator('xpath=following-sibling::dd[1]').textContent();
/** The engine's clock written as the counters write it. */
const asShown = (t: number) => `${new Intl.NumberFormat('en-US', { minimumFractionDigits: t < 100 ? 2 : 1, maximumFractionDigits: t < 100 ? 2 : 1 }).format(t)} s`;

/** Play still drives the run: the clock moves on. */
async function stillDriven(lab: Lab): Promise<void> {
  const page = lab.page;
  const before = (await lab.snapshot()).t;
  await page.getByRole('button', { name: 'Play' }).click();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('ten million seconds of mm2-blocking are refused at once, naming the moment and the limit', async ({ page, lab, problems }) => {
  await openAt(lab, await link('mm2-blocking', null, 1e7));
  const status = page.getByTestId('seek-status');
  await expect(status).toContainText('t = 10,000,000 s is out of reach', LONG);
  await expect(status).toContainText('a seek re-runs at most 50,000,000');
  await expect(page.getByRole('alert').filter({ hasText: 'out of reach' })).toBeVisible();
  expect((await lab.snapshot()).t).toBe(0);
  await lab.shot('seek-refused-1280-en');
  await lab.language('zh');
  await expect(status).toContainText('无法到达 t = 10,000,000 秒');
  await lab.shot('seek-refused-1280-zh');
  await lab.language('en');
  await stillDriven(lab);
  expect(await lab.gap()).toBeLessThan(5000); // no freeze (a bound far above the noise of a shared machine)
  expect(problems.of('page')).toEqual([]);
});

test('tick 2^53 - 1 and t = 1e7 on seed-2 land on the end, and the clock shows the end', async ({ page, lab, problems }) => {
  for (const [tick, t, what] of [
    [Number.MAX_SAFE_INTEGER, null, 'tick 9,007,199,254,740,991'],
    [null, 1e7, 't = 10,000,000 s'],
  ] as const) {
    await openAt(lab, await link('seed-2', tick, t));
    const status = page.getByTestId('seek-status');
    await expect(status).toContainText(`The run ends at t = 0.3 s, before ${what}: it is shown at its end.`, LONG);
    const s = await lab.snapshot();
    expect(s.end?.status).toBe('completed');
    expect(s.t).toBe(s.end!.t);
    expect(s.timeline.t).toBe(s.end!.t);
    await expect.poll(() => shownClock(page)).toBe('0.30 s');
    await expect(page.getByRole('status').filter({ hasText: 'Finished at t = 0.3 s' })).toBeVisible();
    expect(await lab.gap()).toBeLessThan(5000);
  }
  await lab.shot('seek-past-end-1280-en');
  await lab.language('zh');
  await expect(page.getByTestId('seek-status')).toContainText('运行在 t = 0.3 秒结束，早于 t = 10,000,000 秒');
  await lab.shot('seek-past-end-1280-zh');
  expect(problems.of('page')).toEqual([]);
});

test('a long seek shows its progress, the controls stay live, and Cancel (from the keyboard) stops it', async ({ page, lab, problems }) => {
  await openAt(lab, await link('mm2-blocking', null, 2e6));
  const status = page.getByTestId('seek-status');
  await expect(status).toContainText('Going to t = 2,000,000 s:', LONG);
  const bar = page.getByRole('progressbar', { name: 'Seek progress' });
  await expect(bar).toBeVisible();
  await lab.shot('seek-progress-1280-en');
  await lab.language('zh');
  await expect(status).toContainText('正在前往 t = 2,000,000 秒');
  await lab.shot('seek-progress-1280-zh');
  await lab.language('en');
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Going to t = 2,000,000 s was cancelled: the run stays where it was.');
  expect((await lab.snapshot()).t).toBe(0);
  await lab.shot('seek-cancelled-1280-en');
  await stillDriven(lab);
  await expect(page.getByTestId('worker-stalled')).toHaveCount(0);
  expect(await lab.gap()).toBeLessThan(5000);
  expect(problems.of('page')).toEqual([]);
});

test('after Pause at top speed the counters and a copied link show the engine’s moment', async ({ page, lab, problems }) => {
  await lab.open();
  await lab.speed('End');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Pause' }).click();
  await lab.poll((s) => s.playing, LONG).toBe(false);
  const engine = await lab.snapshot();
  // the last update after the stream went quiet arrives (the throttle's trailing edge)
  await expect.poll(() => shownClock(page), LONG).toBe(asShown(engine.t));
  await lab.poll((s) => s.timeline.t, LONG).toBe(engine.t);
  await page.getByRole('button', { name: 'Copy link' }).click();
  // the address already holds the program (address.ts); Copy link adds the moment once the worker has answered
  const moment = async (): Promise<number | null | 'bad'> => {
    const r = await decodeLink(new URL(page.url()).hash);
    return r.ok ? r.view.t : 'bad';
  };
  await expect.poll(moment, LONG).toBe(engine.t);
  expect(problems.of('console', 'page')).toEqual([]);
});

test('eight quick Steps show the engine’s time', async ({ page, lab, problems }) => {
  await lab.open();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await lab.poll((s) => s.t).toBe(0);
  await page.evaluate(() => {
    const step = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Step');
    for (let i = 0; i < 8; i++) step?.click();
  });
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0);
  await page.waitForTimeout(300); // the eight answers arrive in order; the poll below waits for the page to show them
  const engine = await lab.snapshot();
  await expect.poll(() => shownClock(page), LONG).toBe(asShown(engine.t));
  await lab.poll((s) => s.timeline.t, LONG).toBe(engine.t);
  expect(problems.of('console', 'page')).toEqual([]);
});

test('a worker that stops without a word is noticed; Restart runs the program again from t = 0 and says so', async ({ page, lab, problems }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await lab.open();
  await lab.heartbeat();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.5);
  const before = await lab.snapshot();
  await lab.inject('worker-stop');
  const stalled = page.getByTestId('worker-stalled');
  await expect(stalled).toContainText('The simulation worker has stopped answering.', { timeout: 45_000 });
  await lab.shot('worker-stalled-1280-en');
  await lab.language('zh');
  await expect(stalled).toContainText('模拟工作线程已停止响应');
  await lab.shot('worker-stalled-1280-zh');
  await page.getByRole('button', { name: '重新启动', exact: true }).click();
  await expect(stalled).toHaveCount(0);
  const restarted = page.getByTestId('worker-restarted');
  await expect(restarted).toContainText('模拟工作线程在 t = ');
  await expect(restarted).toContainText('秒时停止响应；新的工作线程从 t = 0 重新运行此程序。');
  await lab.shot('worker-restarted-1280-zh');
  await lab.language('en');
  await expect(restarted).toContainText('The simulation worker stopped answering at t = ');
  await expect(restarted).toContainText('a fresh one runs the program again from t = 0.');
  await lab.shot('worker-restarted-1280-en');
  expect(workers).toHaveLength(2);
  await expect
    .poll(async () => {
      const s = await lab.snapshot();
      return s.run > before.run && s.t > 0 && s.presetId === before.presetId;
    }, LONG)
    .toBe(true);
  expect(await lab.gap()).toBeLessThan(5000);
  expect(problems.of('console', 'page')).toEqual([]);
});

test('a worker that crashes is replaced, and the page says the program runs again from t = 0', async ({ page, lab, problems }) => {
  await lab.open();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.5);
  await lab.inject('worker-crash');
  const restarted = page.getByTestId('worker-restarted');
  await expect(restarted).toContainText(/The simulation worker stopped at t = [\d.,]+ s; a fresh one runs the program again from t = 0\./, LONG);
  await lab.shot('worker-crashed-1280-en');
  await lab.language('zh');
  await expect(restarted).toContainText('新的工作线程从 t = 0 重新运行此程序');
  await lab.shot('worker-crashed-1280-zh');
  await page.getByRole('button', { name: '关闭' }).first().click();
  await expect(restarted).toHaveCount(0);
  expect(problems.of('console', 'page')).toEqual([]);
});
