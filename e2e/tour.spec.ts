/**
 * The first-visit tour (issue 15): it starts by itself on a first visit after the scene's first frame, walks through
 * the preset, Play, Step, Step back, the scene, the caption, the code panel and the timeline with every target on screen, in
 * English and Chinese, at 1280x800 and 390 px; Skip or Done is remembered, the Tour button replays it; Esc skips,
 * the arrows move, focus goes into the popover and back; axe finds nothing serious while it is open; it never starts
 * by itself in embed mode or over a link to a moment; where storage throws it still runs, unremembered.
 */
import { audit } from './support/axe';
import type { Page } from '@playwright/test';
import { findPreset } from '../src/scenarios/registry';
import { encodeLink } from '../src/share/link';
import { TOUR_KEY, TOUR_VERSION } from '../src/ui/tour/remember';
import { tourWords, type TourWords } from '../src/ui/tour/words';
import { DICTS, expect, LONG, test, type Lab } from './fixtures';

// a first visit: nothing remembered (the fixture marks the tour seen for every other spec)
test.use({ tourSeen: false });

const titles = (w: TourWords): string[] => [w.preset, w.play, w.step, w.stepBack, w.scene(false), w.caption, w.code, w.timeline].map((s) => s.title);

/** Why the tour did or did not start by itself (start.ts writes it on <html data-tour>). */
const decision = (page: Page) => page.evaluate(() => document.documentElement.dataset.tour ?? null);

const popover = (page: Page) => page.locator('#driver-popover-content');

/** Waits until the step titled `title` has settled (driver.js ignores keys while it moves): its Next has focus. */
async function settled(page: Page, title: string, next: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible(LONG);
  await expect(dialog.getByRole('button', { name: next, exact: true })).toBeFocused();
}

/** Every CSP violation in the page from its start (the tour's code and CSS come later, under the same policy). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}

/** What is off screen: the popover not wholly in the window, or the highlighted target not mostly (none: []). */
async function offScreen(page: Page): Promise<string[]> {
  const view = page.viewportSize()!;
  const target = await page.locator('.driver-active-element').boundingBox().catch((e: Error) => e);
  const box = await popover(page).boundingBox().catch((e: Error) => e);
  if (target instanceof Error || box instanceof Error) return [String(target), String(box)];
  if (target === null || box === null) return ['no target or popover yet'];
  const off: string[] = [];
  const seen = Math.min(target.y + target.height, view.height) - Math.max(target.y, 0);
  if (seen < Math.min(target.height, view.height) * 0.5) off.push(`target: ${JSON.stringify(target)}`);
  if (target.x < 0 || target.x + target.width > view.width + 0.5) off.push(`target: ${JSON.stringify(target)}`);
  if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) off.push(`popover: ${JSON.stringify(box)}`);
  return off;
}

/** Walks the whole tour with its Next (and at the end Done) button, checking each step; shots of the steps in `shots`. */
async function walk(lab: Lab, w: TourWords, name: string, shots: number[]): Promise<void> {
  const page = lab.page;
  const all = titles(w);
  for (const [i, title] of all.entries()) {
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await expect(popover(page)).toContainText(`${i + 1}`);
    // polled: driver.js scrolls the target into view, then places the popover beside it
    await expect.poll(() => offScreen(page), { message: title }).toEqual([]);
    for (const label of [w.skip, i === all.length - 1 ? w.done : w.next]) {
      await expect(popover(page).getByRole('button', { name: label, exact: true })).toBeVisible();
    }
    if (i > 0) await expect(popover(page).getByRole('button', { name: w.back, exact: true })).toBeVisible();
    if (shots.includes(i)) await lab.shot(`${name}-step-${i + 1}`);
    await popover(page)
      .getByRole('button', { name: i === all.length - 1 ? w.done : w.next, exact: true })
      .click();
  }
  await expect(popover(page)).toHaveCount(0);
}

test('a first visit walks through every part (en, 1280x800); Done is remembered', async ({ page, lab, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await watchCsp(page);
  await lab.open();
  await expect.poll(() => decision(page), LONG).toBe('shown');
  await walk(lab, tourWords.en, 'tour-en-1280', [0, 2, 4]);
  expect(await page.evaluate((k) => localStorage.getItem(k), TOUR_KEY)).toBe(TOUR_VERSION);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(problems.of('console', 'page')).toEqual([]);
  await page.reload();
  await expect.poll(() => decision(page), LONG).toBe('seen');
  await expect(popover(page)).toHaveCount(0);
});

test('Skip is remembered; the Tour button replays it; keys move it and focus comes back', async ({ page, lab }) => {
  const w = tourWords.en;
  await lab.open();
  // focus is in the popover, on Next
  await settled(page, w.preset.title, w.next);
  await popover(page).getByRole('button', { name: w.skip, exact: true }).click();
  await expect(popover(page)).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), TOUR_KEY)).toBe(TOUR_VERSION);

  await page.reload();
  await expect.poll(() => decision(page), LONG).toBe('seen');
  await expect(popover(page)).toHaveCount(0);
  const button = page.getByRole('button', { name: DICTS.en.teach.tour, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  // focus is in the popover, on Next
  await settled(page, w.preset.title, w.next);
  await page.keyboard.press('ArrowRight');
  await settled(page, w.play.title, w.next);
  await page.keyboard.press('ArrowRight');
  await settled(page, w.step.title, w.next);
  await page.keyboard.press('ArrowLeft');
  await settled(page, w.play.title, w.next);
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('in Chinese at 390 px the popover stays on screen (zh)', async ({ page, lab }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open('/?lang=zh');
  await expect.poll(() => decision(page), LONG).toBe('shown');
  await expect(page.getByRole('button', { name: DICTS.zh.teach.tour, exact: true })).toBeVisible();
  await walk(lab, tourWords.zh, 'tour-zh-390', [0, 4, 6]);
});

test('in English at 390 px the popover stays on screen (en)', async ({ page, lab }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open();
  await expect.poll(() => decision(page), LONG).toBe('shown');
  await walk(lab, tourWords.en, 'tour-en-390', [1, 4, 5]);
});

for (const lang of ['en', 'zh'] as const) {
  test(`axe finds nothing serious while the tour is open (${lang})`, async ({ page, lab }) => {
    // two full axe audits: slow on a loaded machine
    test.setTimeout(120_000);
    const w = tourWords[lang];
    const tx = DICTS[lang];
    // paused first (an idle page audits several times faster), then the tour from its button
    await page.addInitScript((kv) => localStorage.setItem(kv.k, kv.v), { k: TOUR_KEY, v: TOUR_VERSION });
    await lab.open(`/?lang=${lang}`);
    await page.getByRole('button', { name: tx.pause, exact: true }).click();
    await page.getByRole('button', { name: tx.teach.tour, exact: true }).click();
    await settled(page, w.preset.title, w.next);
    await audit(page, `${lang} preset step`);
    for (const s of [w.play, w.step, w.stepBack, w.scene(false)]) {
      await page.keyboard.press('ArrowRight');
      await settled(page, s.title, w.next);
    }
    await audit(page, `${lang} scene step`);
  });
}

test('embed mode shows no tour by itself', async ({ page, lab }) => {
  await lab.open('/?embed=1');
  await expect.poll(() => decision(page), LONG).toBe('embed');
  await expect(popover(page)).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), TOUR_KEY)).toBeNull();
});

test('a link to a moment of a run is not covered; a link to its start is', async ({ page, lab }) => {
  const scenario = findPreset('seed-2')!.scenario;
  const link = async (tick: number | null) => {
    const r = await encodeLink({ scenario, view: { lang: 'en', speed: 1, preset: 'seed-2', tick, t: null } });
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r.fragment;
  };
  await lab.open(`/${await link(40)}`);
  await expect.poll(() => decision(page), LONG).toBe('moment');
  await expect(popover(page)).toHaveCount(0);
  // nothing remembered: the next plain visit still gets its tour
  expect(await page.evaluate((k) => localStorage.getItem(k), TOUR_KEY)).toBeNull();
  await lab.open(`/${await link(null)}`, { fresh: true });
  await expect.poll(() => decision(page), LONG).toBe('shown');
  await expect(page.getByRole('dialog', { name: tourWords.en.preset.title })).toBeVisible();
});

test('where storage throws the tour still runs, and runs again next time', async ({ page, lab, problems }) => {
  await page.addInitScript(() => {
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  const w = tourWords.en;
  await lab.open();
  await expect(page.getByRole('dialog', { name: w.preset.title })).toBeVisible(LONG);
  await popover(page).getByRole('button', { name: w.skip, exact: true }).click();
  await expect(popover(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('dialog', { name: w.preset.title })).toBeVisible(LONG);
  expect(problems.of('console', 'page')).toEqual([]);
});
