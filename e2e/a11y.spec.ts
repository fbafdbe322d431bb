/**
 * Accessibility on the production build: axe-core finds no serious or critical violation in any view (default,
 * catalogue open, help open, presenter, embed, Chinese); the lab works from the keyboard alone (Tab to a control,
 * Space presses it, the shortcuts play, pause and step); the scene has a text alternative and a polite live
 * summary; prefers-reduced-motion stops the flying items while the picture still changes.
 */
import { audit } from './support/axe';
import { DICTS, expect, LONG, test } from './fixtures';

const tx = DICTS.en;

test.describe('axe: no serious or critical violation', () => {
  test('default view', async ({ page, lab }) => {
    await lab.open();
    await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.2);
    await lab.pause(); // an idle page audits several times faster
    await audit(page, 'default');
    await lab.shot('a11y-default');
  });

  test('catalogue open, a hang explained', async ({ page, lab }) => {
    await lab.open();
    await lab.speed('End');
    await page.getByRole('button', { name: tx.teach.catalogue, exact: true }).click();
    await page.getByRole('combobox', { name: tx.teach.pitfall }).selectOption('forgotten-task-done');
    await expect(page.getByTestId('hang-banner')).toBeVisible(LONG);
    await audit(page, 'catalogue');
    await lab.shot('a11y-catalogue');
  });

  test('help open', async ({ page, lab }) => {
    await lab.open();
    await lab.pause();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: tx.teach.helpTitle })).toBeVisible();
    await audit(page, 'help');
    await lab.shot('a11y-help');
  });

  test('presenter', async ({ page, lab }) => {
    await page.setViewportSize({ width: 1920, height: 1080 }); // a projector
    await lab.open('/?mode=presenter');
    await expect(page.getByRole('button', { name: tx.teach.presenter })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('slider', { name: tx.producers })).toBeHidden();
    await expect(page.getByTestId('event-log')).toBeHidden();
    // the scene and the code side by side, the scene drawn larger
    const scene = (await page.getByTestId('scene').boundingBox())!;
    const code = (await page.getByTestId('code-panel').boundingBox())!;
    expect(code.x).toBeGreaterThan(scene.x + scene.width - 1);
    expect(Math.abs(code.y - scene.y)).toBeLessThan(40);
    await lab.poll((s) => s.scene.width, LONG).toBeLessThan(scene.width - 100);
    await lab.pause();
    await audit(page, 'presenter');
    await lab.shot('a11y-presenter');
  });

  test('embed', async ({ page, lab }) => {
    await lab.open('/?embed=1&preset=seed-3');
    for (const name of [tx.play, tx.pause, tx.step, tx.reset]) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: tx.preset })).toBeVisible();
    await expect(page.getByTestId('scene')).toBeVisible();
    await lab.pause();
    for (const hidden of [page.getByRole('heading', { level: 1 }), page.getByRole('slider', { name: tx.speed }), page.getByTestId('event-log')]) {
      await expect(hidden).toBeHidden();
    }
    await audit(page, 'embed');
    await lab.shot('a11y-embed');
  });

  test.describe('Chinese', () => {
    test.use({ locale: 'zh-CN' });
    test('zh, catalogue open', async ({ page, lab }) => {
      await lab.open('/?preset=task-done-twice');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(DICTS.zh.title);
      await expect(page.getByTestId('catalogue')).toBeVisible();
      await audit(page, 'zh');
      await lab.shot('a11y-zh');
    });
  });
});

test('keyboard only: Tab to a control, Space presses it, the shortcuts play, pause and step', async ({ page, lab }) => {
  await lab.open('/?preset=seed-1');
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  // Tab to Pause and press Space: the clock stops
  for (let i = 0; i < 40 && (await focusedName()) !== tx.pause; i++) await page.keyboard.press('Tab');
  expect(await focusedName()).toBe(tx.pause);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none'); // the focus is visible
  await page.keyboard.press('Space');
  await lab.poll((s) => s.playing).toBe(false);
  const t0 = (await lab.snapshot()).t;
  await page.waitForTimeout(600);
  expect((await lab.snapshot()).t).toBe(t0);
  // back to Play and press Space: the clock moves
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe(tx.play);
  await page.keyboard.press('Space');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(t0);
  // K pauses, . and → step one event each, K plays again
  await page.keyboard.press('k');
  await lab.poll((s) => s.playing).toBe(false);
  const before = await page.evaluate(() => window.__queueLab!.stats()!.messages);
  const log0 = await page.getByTestId('event-log').textContent();
  await page.keyboard.press('.');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => page.getByTestId('event-log').textContent(), LONG).not.toBe(log0);
  expect(await page.evaluate(() => window.__queueLab!.stats()!.messages)).toBeGreaterThan(before);
  expect((await lab.snapshot()).playing).toBe(false);
  const t1 = (await lab.snapshot()).t;
  await page.keyboard.press('k');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(t1);
  // ? opens the help, Escape closes it
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: tx.teach.helpTitle });
  await expect(help).toBeVisible();
  await expect(help).toContainText(tx.teach.keys.playPause);
  await lab.shot('keyboard-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the scene has a text alternative and a polite live summary that follows the run', async ({ page, lab }) => {
  await lab.open('/?preset=seed-1');
  const canvas = page.getByTestId('scene');
  await expect(canvas).toHaveAttribute('role', 'img');
  await expect(canvas).toHaveAccessibleName(tx.scene.label);
  const summary = page.getByTestId('scene-summary');
  await expect(summary).toHaveAttribute('aria-live', 'polite');
  await expect(canvas).toHaveAccessibleDescription(/t = .* s/);
  const first = await summary.textContent();
  await expect.poll(async () => summary.textContent(), LONG).not.toBe(first);
  await page.getByRole('combobox', { name: tx.preset }).selectOption('seed-2');
  await lab.speed('End');
  await expect(summary).toContainText(tx.teach.state.completed, LONG);
  await expect(summary).toContainText('consumed 60');
});

test.describe('prefers-reduced-motion', () => {
  test.use({ colorScheme: 'light' });
  test('no item flies, yet the picture changes', async ({ page, lab }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await lab.open('/?preset=seed-1');
    await lab.speed(5); // slow enough that items would fly
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const s = await lab.snapshot();
      seen.add(JSON.stringify(s.scene.consumers) + s.scene.bufferCount);
      await page.waitForTimeout(150);
    }
    const s = await lab.snapshot();
    expect(s.scene.reducedMotion).toBe(true);
    expect(s.scene.flights).toBe(0);
    expect(seen.size).toBeGreaterThan(1);
  });

  test('without it, items fly', async ({ lab }) => {
    await lab.open('/?preset=seed-1');
    await lab.speed(5);
    await lab.poll((s) => s.scene.flights, LONG).toBeGreaterThan(0);
    expect((await lab.snapshot()).scene.reducedMotion).toBe(false);
  });
});
