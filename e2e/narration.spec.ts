/**
 * The proofs of issue 15's narration, on the production build in Chromium, in English and Chinese: after a few
 * Steps the caption (a status region named by its heading) says what the last task slice did, event by event, each
 * sentence naming the task and the statement of the program, exactly as the engine's own slice words it; the Step
 * picks that task (its code line lights); the test hook's snapshot carries the caption; the scene does not move when
 * the words change. Screenshots at 1280x800 and 390 wide.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, LONG, test } from './fixtures';
import { Simulation } from '../src/engine/simulation';
import { generateProgram } from '../src/python/generate';
import { PRESETS } from '../src/scenarios/presets';
import { applySettings, settingsOf } from '../src/scenarios/settings';
import type { TraceEvent } from '../src/scenarios/types';
import { captionLines } from '../src/ui/narration/narrate';
import { narrationEn } from '../src/ui/narration/words';
import { narrationZh } from '../src/ui/narration/words.zh';
import type { SliceEvent } from '../src/worker/slice';

const WORDS = {
  en: { w: narrationEn, preset: 'Preset', step: 'Step', reset: 'Reset', play: 'Play', pause: 'Pause' },
  zh: { w: narrationZh, preset: '预设', step: '单步', reset: '重置', play: '播放', pause: '暂停' },
} as const;

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}

/** What the caption must say after `steps` Steps from t = 0: the engine's own step, worded (one line a sentence). */
function expectedCaption(id: string, steps: number, lang: 'en' | 'zh'): { text: string; task: string; calls: string[] } {
  const p = PRESETS.find((x) => x.id === id)!;
  const scenario = applySettings(p.scenario, settingsOf(p.scenario));
  const sim = new Simulation(scenario, { horizon: null });
  let last: TraceEvent[] = [];
  for (let k = 0; k < steps; k++) {
    const rs = sim.step().filter((r): r is TraceEvent => r.event !== 'end');
    if (rs.length > 0) last = rs;
  }
  const view = sim.view().actors;
  const events = last.map((e, i): SliceEvent => {
    const a = view.find((v) => v.name === e.actor)!;
    const lastOfTask = last.findLastIndex((x) => x.actor === e.actor) === i;
    const ev: SliceEvent = { actor: e.actor, role: a.role, kind: a.kind, event: e.event, qsize: e.qsize, t: e.t, waitsOn: lastOfTask ? (a.waitingOn ?? null) : null };
    if (e.item !== undefined) ev.item = e.item;
    return ev;
  });
  const lines = captionLines(events, scenario.queue.maxsize, generateProgram(scenario), scenario.python, WORDS[lang].w);
  return { text: lines.map((l) => l.text).join('\n'), task: last.at(-1)!.actor, calls: lines.map((l) => l.call) };
}

const sceneTop = async (page: Page): Promise<number> => (await page.getByTestId('scene').boundingBox())!.y;

for (const [lang, id, steps] of [
  ['en', 'seed-3', 4],
  ['zh', 'seed-1', 3],
] as const) {
  test(`${lang}: a Step's caption names the task and the call (${id})`, async ({ page, lab, problems }, info) => {
    const t = WORDS[lang];
    await page.setViewportSize({ width: 1280, height: 800 });
    await lab.open();
    if (lang === 'zh') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.getByRole('combobox', { name: t.preset }).selectOption(id);
    await expect.poll(async () => (await lab.snapshot()).presetId, LONG).toBe(id);
    await page.getByRole('button', { name: t.reset, exact: true }).click();
    await expect.poll(async () => (await lab.snapshot()).t, LONG).toBe(0);

    // the status region is named by its visible heading; before anything runs it says so
    const status = page.getByRole('status', { name: t.w.title });
    await expect(status).toBeVisible();
    await expect(page.getByRole('heading', { name: t.w.title })).toBeVisible();
    await expect(status).toHaveText(t.w.empty);
    expect((await lab.snapshot()).caption).toBe(t.w.empty);
    const top = await sceneTop(page);
    await shot(page, info, `${lang}-1280-reset`);

    const step = page.getByRole('button', { name: t.step, exact: true });
    for (let k = 0; k < steps; k++) {
      await step.click();
      await expect.poll(async () => (await lab.snapshot()).timeline.tick, LONG).toBeGreaterThan(0);
    }
    const want = expectedCaption(id, steps, lang);
    await expect.poll(async () => (await lab.snapshot()).caption, LONG).toBe(want.text);
    // every sentence names a task of the run and the program's statement
    const names = (await lab.snapshot()).tasks.map((x) => x.name);
    for (const [i, line] of want.text.split('\n').entries()) {
      expect(names).toContain(line.split(t.w.afterTask)[0]);
      expect(line).toContain(want.calls[i]!);
    }
    await expect(status).toContainText(want.task);
    await expect(status.locator('code').first()).toHaveText(want.calls[0]!);
    // the Step picked the task: the code panel lights its line
    await expect(page.getByTestId('code-text').locator('.row.lit')).toHaveCount(1);
    // the words changed; the scene stayed where it was
    expect(await sceneTop(page)).toBe(top);
    // the latest log lines sit under the caption
    await expect(page.getByTestId('caption-log').locator('li').last()).toContainText(want.task);
    await shot(page, info, `${lang}-1280-step`);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await lab.snapshot()).caption).toBe(want.text);
    const narrowTop = await sceneTop(page);
    await page.getByTestId('caption-box').scrollIntoViewIfNeeded();
    await shot(page, info, `${lang}-390-step`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await step.click();
    await expect.poll(async () => (await lab.snapshot()).caption, LONG).not.toBe(want.text);
    expect(await sceneTop(page)).toBe(narrowTop);
    expect(problems.of('console', 'page')).toEqual([]);
  });
}

test('while it plays the caption follows the run; a pause shows the latest slice', async ({ page, lab, problems }, info) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await lab.open();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await expect.poll(async () => (await lab.snapshot()).presetId, LONG).toBe('mm2-blocking');
  const first = await page.evaluate(() => window.__queueLab!.snapshot()!.caption);
  await expect.poll(async () => (await lab.snapshot()).caption, LONG).not.toBe(first);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(async () => (await lab.snapshot()).playing, LONG).toBe(false);
  const s = await lab.snapshot();
  const names = s.tasks.map((x) => x.name);
  const lines = s.caption.split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(names).toContain(line.split(': ')[0]);
  await shot(page, info, 'en-1280-paused');
  expect(problems.of('console', 'page')).toEqual([]);
});
