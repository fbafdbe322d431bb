/**
 * The proofs of issue 5 (live charts, figures and theory), on the production build in Chromium: the charts draw and
 * move while the run plays, hold still on Pause and on Freeze, and the figures table shows measured values with
 * their intervals beside the theory's prediction for an exponential preset, in English and Chinese, at desktop and
 * phone widths. State is read through the read-only hook `window.__queueLab.charts()`; pixels from the canvases.
 */
import { expect, LONG, test, type Lab } from './fixtures';
import type { Page } from '@playwright/test';

/** A fingerprint of each chart canvas's pixels. */
async function pixels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas'), (c) => {
      const s = c.toDataURL();
      let h = 0;
      for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
      return `${c.dataset.chart ?? ''}${s.length}:${h}`;
    }),
  );
}

/** Pixels of a chart drawn in a series colour (the line or bars are really there). */
async function inked(page: Page, chart: string, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    ([id, [r, g, b]]) => {
      const c = document.querySelector<HTMLCanvasElement>(`[data-chart="${id}"] canvas`);
      if (c === null) return -1;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - r) < 40 && Math.abs(d[i + 1]! - g) < 40 && Math.abs(d[i + 2]! - b) < 40) n++;
      return n;
    },
    [chart, rgb] as const,
  );
}

/** A screenshot with the section `testId` at the top of the window. */
async function shot(lab: Lab, name: string, testId = 'measure'): Promise<void> {
  await lab.page.getByTestId(testId).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await lab.page.waitForTimeout(100);
  await lab.shot(name);
}

async function runningCharts(lab: Lab): Promise<void> {
  await lab.preset('mm2-blocking');
  await lab.speed(10);
  await lab.page.getByTestId('measure').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await lab.charts()).points, LONG).toBeGreaterThan(10);
}

test('the charts draw and move during a run', async ({ page, lab, problems }) => {
  await lab.open();
  await runningCharts(lab);
  await expect.poll(async () => (await lab.charts()).visible, LONG).toBeGreaterThan(0);
  const a = await lab.charts();
  const px1 = await pixels(page);
  expect(px1).toHaveLength(7);
  expect(a.maxsize).toBe(5);
  expect(a.latest?.qsize).not.toBeNull();
  expect(await inked(page, 'queue', [0, 114, 178])).toBeGreaterThan(100); // the average queue length, in blue
  expect(await inked(page, 'queue', [213, 94, 0])).toBeGreaterThan(50); // the maxsize line
  expect(await inked(page, 'rates', [0, 158, 115])).toBeGreaterThan(50);
  await page.waitForTimeout(1500);
  const b = await lab.charts();
  const px2 = await pixels(page);
  expect(b.points).toBeGreaterThan(a.points);
  expect(b.lastT!).toBeGreaterThan(a.lastT!);
  expect(b.xMax).toBeGreaterThan(a.xMax);
  // redrawn as points arrive and as the window glides (a device pixel at a time), not at every frame
  expect(b.draws).toBeGreaterThan(a.draws + 10);
  // every time chart changed its pixels
  for (const k of [0, 1, 2, 3, 5]) expect(px2[k], `chart ${k}`).not.toBe(px1[k]);
  await shot(lab, 'charts-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(600);
  const narrow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    charts: Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'), (e) => e.getBoundingClientRect().right),
  }));
  expect(narrow.page).toBeLessThanOrEqual(390);
  for (const right of narrow.charts) expect(right).toBeLessThanOrEqual(390);
  await shot(lab, 'charts-390');
  expect(problems.of('console', 'page')).toEqual([]);
});

test('Pause holds the charts still; Play moves them again', async ({ page, lab }) => {
  await lab.open();
  await runningCharts(lab);
  await lab.pause();
  await page.waitForTimeout(400); // the last message of the run in flight
  const a = await lab.charts();
  const px1 = await pixels(page);
  await page.waitForTimeout(1500);
  const b = await lab.charts();
  expect({ points: b.points, lastT: b.lastT, xMin: b.xMin, xMax: b.xMax, draws: b.draws }).toEqual({
    points: a.points,
    lastT: a.lastT,
    xMin: a.xMin,
    xMax: a.xMax,
    draws: a.draws,
  });
  expect(await pixels(page)).toEqual(px1);
  await shot(lab, 'charts-paused');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await lab.charts()).xMax, LONG).toBeGreaterThan(a.xMax);
});

test('Freeze holds the window while the run goes on', async ({ page, lab }) => {
  await lab.open();
  await runningCharts(lab);
  const freeze = page.getByRole('button', { name: 'Freeze' });
  await freeze.click();
  await expect(freeze).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(100);
  const a = await lab.charts();
  expect(a.frozen).toBe(true);
  await page.waitForTimeout(1500);
  const b = await lab.charts();
  expect([b.xMin, b.xMax]).toEqual([a.xMin, a.xMax]);
  expect(b.lastT!).toBeGreaterThan(a.lastT!); // the run went on behind the frozen window
  await freeze.click();
  await expect.poll(async () => (await lab.charts()).xMax, LONG).toBeGreaterThan(b.lastT! - 1);
});

test('the figures table shows measured values with intervals beside the exact prediction', async ({ page, lab, problems }) => {
  await lab.open();
  await lab.preset('mm2-blocking');
  await lab.speed(100); // long enough for intervals within seconds
  await expect.poll(async () => (await lab.charts()).ciReady, LONG).toBe(true);
  const c = await lab.charts();
  expect(c.model).toEqual({ name: 'M/M/c/K with blocking producers (exact)', kind: 'exact', status: 'ok' });
  const row = (k: string) => c.rows.find((r) => r.key === k)!;
  for (const k of ['arrival', 'service', 'rho', 'Lq', 'L', 'Wq', 'W', 'throughput', 'blocked']) {
    const r = row(k);
    expect(r.measured, k).not.toBeNull();
    expect(r.predicted, k).not.toBeNull();
    expect(r.ci, k).not.toBeNull();
    // a long run of the exact model: the measurement is near the prediction
    expect(Math.abs(r.measured! - r.predicted!), k).toBeLessThan(0.3 * r.predicted! + 0.02);
  }
  expect(row('consumers').predicted).toBe(2);
  expect(row('buffer').predicted).toBe(5);
  expect(row('rho').predicted!).toBeCloseTo(0.927, 2);

  const table = page.getByTestId('figures');
  await table.scrollIntoViewIfNeeded(); // the table follows the run while it is on screen
  await expect(page.getByTestId('figures-model')).toContainText('exact');
  const cells = (k: string) => table.locator(`tr[data-row="${k}"] td`);
  for (const k of ['arrival', 'rho', 'Wq', 'throughput', 'blocked']) {
    await expect(cells(k).nth(0), k).toContainText(/\d/);
    await expect(cells(k).nth(0), k).toContainText('95%');
    await expect(cells(k).nth(1), k).toContainText(/\d/);
  }
  await expect(cells('rho').nth(1)).toContainText('93%');
  await expect(cells('little').nth(0)).toContainText('λW =');
  await expect(page.getByTestId('figures-reading')).toContainText(/Consumers are busy \d+% of the time/);
  await expect(page.getByTestId('figures-reading')).toContainText("Little's law");
  await shot(lab, 'figures-1280', 'figures');

  await lab.language('zh');
  await expect(page.getByTestId('figures-model')).toContainText('精确');
  await expect(table.locator('thead')).toContainText('理论');
  await expect(page.getByTestId('figures-reading')).toContainText('消费者');
  await shot(lab, 'figures-zh-1280', 'figures');
  await shot(lab, 'charts-zh-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(lab, 'figures-zh-390', 'figures');
  await shot(lab, 'charts-zh-390');
  await lab.language('en');
  await shot(lab, 'figures-390', 'figures');
  expect(problems.of('console', 'page')).toEqual([]);
});

test('an unbounded buffer past rho = 1 says there is no steady state; a finite program is simulation only', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('mm2-blocking');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('0'); // unbounded: 5/s into 2 x 2.22/s
  await page.getByTestId('figures').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('figures-model')).toHaveAttribute('data-kind', 'unstable');
  await expect(page.getByTestId('figures-model')).toContainText('no steady state: ρ ≥ 1 — the queue grows');
  await expect(page.getByTestId('figures').locator('tr[data-row="Lq"] td').nth(1)).toHaveText('grows');
  await shot(lab, 'figures-unstable', 'figures');
  await lab.preset('seed-2');
  await expect(page.getByTestId('figures-model')).toHaveAttribute('data-kind', 'none');
  await expect(page.getByTestId('figures-model')).toContainText('simulation only');
  await expect(page.getByTestId('figures-notes').locator('li[data-note="stops"]')).toContainText('producer stops after 60 items');
});

test("the figures table notes the prediction's caveats (a finite run, an approximation, polling), in English and Chinese", async ({ page, lab, problems }) => {
  await lab.open(); // seed-1: consumers that poll, uniform intervals (Allen-Cunneen)
  const notes = page.getByTestId('figures-notes');
  await page.getByTestId('figures').scrollIntoViewIfNeeded();
  await expect(notes).toContainText('About this prediction');
  await expect(notes.locator('li[data-note="polling"]')).toContainText('Consumers poll every 1 s');
  await expect(notes.locator('li[data-note="allenCunneen"]')).toContainText('An approximation');
  await lab.preset('mm2-blocking'); // the exact chain, for ever: nothing to add
  await expect(page.getByTestId('figures-model')).toHaveAttribute('data-kind', 'exact');
  await expect(notes).toHaveCount(0);
  await lab.preset('seed-2'); // 60 items, then join
  await expect(notes.locator('li')).toHaveCount(1);
  await expect(notes.locator('li[data-note="stops"]')).toHaveText(
    'producer stops after 60 items: the prediction is the steady state while the producers run; the measurement also holds the start, and the end once they stop.',
  );
  await shot(lab, 'notes-1280', 'figures');
  await lab.language('zh');
  await expect(notes).toContainText('关于这个预测');
  await expect(notes.locator('li[data-note="stops"]')).toContainText('producer 放入 60 个元素后停止');
  await shot(lab, 'notes-zh-1280', 'figures');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(lab, 'notes-zh-390', 'figures');
  await lab.language('en');
  await lab.preset('seed-1');
  await expect(notes.locator('li')).toHaveCount(2);
  await shot(lab, 'notes-390', 'figures');
  expect(problems.of('console', 'page')).toEqual([]);
});
