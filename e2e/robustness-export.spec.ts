/**
 * Trace exports of a long run (issue 13 point 4): streamed with progress, the downloaded file one line per event of
 * the engine and equal to its trace byte for byte; Cancel stops an export; an export over the cap is refused with
 * a message before it starts. The File System Access API is replaced by a stand-in that holds each write until
 * the test lets it go (progress and Cancel are then seen for certain); elsewhere it is removed, so the export is a
 * download.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Simulation } from '../src/engine/simulation';
import { TraceEncoder } from '../src/engine/trace/traceBytes';
import { findPreset } from '../src/scenarios/registry';
import type { Scenario } from '../src/scenarios/types';
import { expect, LONG, test, type Lab } from './fixtures';

/** mm2-blocking made heavy: 16 producers, 64 consumers, short times; about a million events a second at 1000x. */
const HEAVY: Scenario = (() => {
  const s = structuredClone(findPreset('mm2-blocking')!.scenario);
  s.name = 'Heavy export';
  s.producers[0]!.count = 16;
  s.producers[0]!.interval = { dist: 'expo', mean: 0.001 };
  s.consumers[0]!.count = 64;
  s.consumers[0]!.service = { dist: 'expo', mean: 0.004 };
  return s;
})();

/** No File System Access API: the export is assembled as a Blob and downloaded. */
async function withoutPicker(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
}

/**
 * A stand-in for showSaveFilePicker: the first two writes of each file go through, the later ones wait until
 * `window.__release()`; it counts what it was given.
 */
async function heldPicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const held: (() => void)[] = [];
    const file = { writes: 0, opened: 0, closed: false, aborted: false };
    w.__file = file;
    w.__release = () => held.splice(0).forEach((go) => go());
    let mine = 0;
    const writable = () => ({
      write: () =>
        new Promise<void>((go) => {
          file.writes++;
          if (++mine <= 2) go();
          else held.push(go);
        }),
      close: async () => void (file.closed = true),
      abort: async () => void (file.aborted = true),
    });
    Object.defineProperty(window, 'showSaveFilePicker', {
      configurable: true,
      value: async () => ({
        createWritable: async () => {
          file.opened++;
          mine = 0;
          return writable();
        },
      }),
    });
  });
}

/** Imports the heavy scenario, plays it at 1000x until it has run `ticks` ticks, and pauses. */
async function longRun(lab: Lab, ticks: number): Promise<void> {
  const page = lab.page;
  await page.getByTestId('import-scenario').setInputFiles({ name: 'heavy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(HEAVY)) });
  await expect(page.getByTestId('share-notice')).toContainText('Imported');
  await lab.speed('End');
  await page.getByRole('button', { name: 'Play' }).click();
  await lab.poll((s) => s.speed).toBe(1000);
  await lab.poll((s) => s.timeline.tick, { timeout: 120_000 }).toBeGreaterThan(ticks);
  await lab.pause();
}

/** The engine's trace of `s` as JSON Lines up to its record `n - 1` (the first n records), run in Node. */
function engineTrace(s: Scenario, n: number): Buffer {
  const sim = new Simulation(s, { horizon: null });
  const enc = new TraceEncoder();
  const parts: Buffer[] = [];
  let have = 0;
  while (have < n && sim.end === null) {
    const r = sim.runToTick(sim.ticks + 5000);
    const take = r.slice(0, n - have);
    parts.push(Buffer.from(enc.encode(take)));
    have += take.length;
  }
  return Buffer.concat(parts);
}

const exportButton = (page: Page, name = 'Export trace (JSON Lines)') => page.getByRole('button', { name, exact: true });

test('a long run exports with progress; the file has one line per engine event, equal to its trace', async ({ page, lab, problems }) => {
  test.setTimeout(240_000);
  await withoutPicker(page);
  await lab.open();
  await longRun(lab, 400_000);
  // what the progress showed, watched from inside the page (it comes and goes faster than polling)
  await page.evaluate(() => {
    const w = window as unknown as { __seen: { value: number; max: number; text: string }[] };
    w.__seen = [];
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="export-progress"] progress');
      const text = document.querySelector('[data-testid="export-progress"] .export-detail')?.textContent ?? '';
      if (bar !== null) w.__seen.push({ value: bar.hasAttribute('value') ? bar.value : -1, max: bar.max, text });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const download = page.waitForEvent('download', { timeout: 180_000 });
  await exportButton(page).click();
  const file = readFileSync(await (await download).path());
  await expect(page.getByTestId('export-outcome')).toContainText('Saved heavy-export.trace.jsonl', LONG);
  const outcome = await page.getByTestId('export-outcome').innerText();
  const events = Number(/: ([\d,]+) events/.exec(outcome)![1]!.replace(/,/g, ''));
  let lines = 0;
  for (const b of file) if (b === 10) lines++;
  expect(lines).toBe(events);
  expect(events).toBeGreaterThan(400_000);
  // the engine's own trace of the same scenario, byte for byte
  expect(file.equals(engineTrace(HEAVY, events))).toBe(true);
  const seen = await page.evaluate(() => (window as unknown as { __seen: { value: number; max: number; text: string }[] }).__seen);
  expect(seen.some((s) => s.value > 0 && s.value < s.max && s.max === events)).toBe(true);
  expect(seen.some((s) => s.text.includes(`of ${events.toLocaleString('en-US')} events`))).toBe(true);
  await lab.shot('export-saved-1280-en');
  expect(problems.of('console', 'page')).toEqual([]);
});

test('progress and Cancel (en and zh): Cancel stops the export and drops the file', async ({ page, lab, problems }) => {
  test.setTimeout(180_000);
  await heldPicker(page);
  await lab.open();
  await longRun(lab, 150_000);
  for (const lang of ['en', 'zh'] as const) {
    await lab.language(lang);
    const button = lang === 'en' ? exportButton(page, 'Export trace (CSV)') : page.getByRole('button', { name: '导出轨迹（CSV）' });
    await button.focus();
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('export-progress');
    // the writes are held: the export waits at its first chunks, its progress on screen
    await expect(progress.getByRole('progressbar')).toHaveAttribute('value', /^[1-9]/, LONG);
    await expect(progress).toContainText(lang === 'en' ? 'events' : '个事件');
    await expect(progress).toContainText(lang === 'en' ? 'Written straight to the file you chose.' : '直接写入你选择的文件。');
    const cancel = progress.getByRole('button', { name: lang === 'en' ? 'Cancel export' : '取消导出' });
    // the keyboard went from the export button to Cancel
    await expect(cancel).toBeFocused();
    await lab.shot(`export-progress-1280-${lang}`);
    const axe = await new AxeBuilder({ page }).include('[data-testid="export-progress"]').withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    const written = await page.evaluate(() => (window as unknown as { __file: { writes: number } }).__file.writes);
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('export-outcome');
    await expect(outcome).toContainText(lang === 'en' ? 'Export cancelled: nothing was saved.' : '导出已取消：没有保存任何内容。');
    await expect(outcome.getByRole('button')).toBeFocused();
    await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
    const file = await page.evaluate(() => (window as unknown as { __file: { writes: number; aborted: boolean; closed: boolean } }).__file);
    // nothing more was written after Cancel, and the file was dropped, not closed
    expect(file.writes).toBe(written);
    expect(file.aborted).toBe(true);
    expect(file.closed).toBe(false);
    await lab.shot(`export-cancelled-1280-${lang}`);
    await page.keyboard.press('Enter');
    await expect(outcome).toBeHidden();
    await page.evaluate(() => {
      const f = (window as unknown as { __file: { aborted: boolean } }).__file;
      f.aborted = false;
    });
  }
  expect(problems.of('console', 'page')).toEqual([]);
});

test('an export over the cap is refused with a message before it starts (en and zh)', async ({ page, lab, problems }) => {
  test.setTimeout(180_000);
  await withoutPicker(page);
  await lab.open();
  await longRun(lab, 100_000);
  // a cap of 1 MiB stands for the 2 GiB a Blob can hold: the same refusal without a run of gigabytes
  await lab.exportCap(1 << 20);
  let downloads = 0;
  page.on('download', () => downloads++);
  await exportButton(page).click();
  const alert = page.getByTestId('export-outcome');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('Not exported: this trace would be about');
  await expect(alert).toContainText('more than the 1 MiB a download can hold in this browser. Nothing was written.');
  await lab.shot('export-refused-1280-en');
  const axe = await new AxeBuilder({ page }).include('[data-testid="export-outcome"]').withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await lab.language('zh');
  await expect(alert).toContainText('未导出：此轨迹约为');
  await expect(alert).toContainText('超过此浏览器下载所能容纳的 1 MiB');
  await lab.shot('export-refused-1280-zh');
  await page.setViewportSize({ width: 390, height: 844 });
  await alert.scrollIntoViewIfNeeded();
  await lab.shot('export-refused-390-zh');
  expect(downloads).toBe(0);
  expect(problems.of('console', 'page')).toEqual([]);
});
