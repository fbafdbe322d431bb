/**
 * The proofs of issue 4's code panel, on the production build in Chromium: the program shown is the generator's
 * for the current settings; each task's mark sits on the line it waits on (seed-3's consumer on `get()` when the
 * hang banner appears); picking a task lights its line; Step moves the marks; live changes are flagged; Copy and
 * Download .py give exactly the panel's text. Screenshots at 1280x720 and 390 wide, in English and Chinese.
 */
import { readFile } from 'node:fs/promises';
import { expect, LONG, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { generateProgram } from '../src/python/generate';
import { PRESETS } from '../src/scenarios/presets';
import { applySettings, settingsOf } from '../src/scenarios/settings';

/** The program as the generator writes it for a preset with its own settings (what the panel must show). */
function expectedProgram(id: string): string {
  const p = PRESETS.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return generateProgram(applySettings(p.scenario, settingsOf(p.scenario))).code;
}

const code = (page: Page): Locator => page.getByTestId('code-text');

/** The panel's text: its lines' source, without line numbers or marks. */
async function panelText(page: Page): Promise<string> {
  return (await code(page).locator('.src').allTextContents()).join('\n');
}

/** The source line that carries a task's mark ('' when it has none). */
async function markedLine(page: Page, task: string): Promise<string> {
  const row = code(page).locator('.row', { has: page.locator(`.chip[data-task="${task}"]`) });
  if ((await row.count()) === 0) return '';
  return ((await row.locator('.src').textContent()) ?? '').trim();
}

/** Every mark as task@line (a stacked chip names several tasks), to see them move. */
const allMarks = (page: Page): Promise<string> =>
  code(page)
    .locator('.chip[data-task], .chip[data-tasks]')
    .evaluateAll((els) =>
      els
        .flatMap((e) => {
          const d = (e as HTMLElement).dataset;
          const line = (e.closest('.row') as HTMLElement).dataset.line;
          return (d.task ?? d.tasks ?? '').split(' ').map((t) => `${t}@${line}`);
        })
        .sort()
        .join(' '),
    );

const litLine = async (page: Page): Promise<string> => {
  const row = code(page).locator('.row.lit');
  return (await row.count()) === 0 ? '' : ((await row.locator('.src').textContent()) ?? '').trim();
};

test('the code panel shows the program for seed-2', async ({ page, lab, problems }) => {
  await lab.open();
  await lab.preset('seed-2');
  const panel = page.getByTestId('code-panel');
  await expect(panel.getByRole('heading', { name: 'The program in Python' })).toBeVisible();
  await expect(code(page)).toContainText('asyncio.Queue(maxsize=2)');
  await expect(code(page)).toContainText('async def consumer');
  await expect(code(page)).toContainText('asyncio.run(main())');
  expect(await panelText(page)).toBe(expectedProgram('seed-2'));
  // highlighted as Python
  await expect(code(page).locator('.t-kw', { hasText: /^async$/ }).first()).toBeVisible();
  await expect(code(page).locator('.t-com').first()).toBeAttached();
  await lab.shot('code-seed-2-1280');
  expect(problems.of('console', 'page')).toEqual([]);
});

test('seed-3: the consumer is marked on the get() line when the hang banner appears; a click on its card lights it', async ({ page, lab }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.open();
  await lab.preset('seed-3');
  await lab.speed('End');
  await expect(page.getByTestId('hang-banner')).toBeVisible(LONG);
  expect(await markedLine(page, 'consumer')).toBe('item = await q.get()');
  // main waits for the consumer; the producer has finished and is on no line
  expect(await markedLine(page, 'main')).toBe('await task');
  expect(await markedLine(page, 'producer')).toBe('');
  const chip = code(page).locator('.chip[data-task="consumer"]');
  await expect(chip).toHaveAttribute('data-state', 'waiting_get');

  // pick the consumer by clicking its card on the canvas
  const card = (await lab.snapshot()).scene.cards.find((c) => c.name === 'consumer');
  expect(card).toBeDefined();
  await page.getByTestId('scene').click({ position: { x: card!.x + card!.w / 2, y: card!.y + card!.h / 2 } });
  await expect.poll(() => litLine(page)).toBe('item = await q.get()');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(code(page).locator('.row.lit')).toBeInViewport();
  await lab.shot('code-seed-3-hang-1280');

  await lab.language('zh');
  await expect(page.getByTestId('code-panel').getByRole('heading', { name: 'Python 程序' })).toBeVisible();
  await expect(page.getByTestId('code-panel').getByRole('button', { name: '下载 .py' })).toBeVisible();
  expect(await markedLine(page, 'consumer')).toBe('item = await q.get()');
  await lab.shot('code-seed-3-hang-1280-zh');
});

test('picking a task in the log lights its line; Step moves the marks', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-2');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await lab.poll((s) => s.playing).toBe(false);
  // t = 0, nothing has run: main is about to start
  await expect.poll(() => markedLine(page, 'main')).toBe('async def main():');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await step.click();
  // main ran its first step: it created the tasks and now waits for them
  await expect.poll(() => markedLine(page, 'main')).not.toBe('async def main():');
  // each Step moves some mark (a few may leave every task where it was)
  for (let round = 0; round < 3; round++) {
    const before = await allMarks(page);
    for (let k = 0; k < 6 && (await allMarks(page)) === before; k++) {
      await step.click();
      await page.waitForTimeout(100);
    }
    expect(await allMarks(page)).not.toBe(before);
  }
  await expect.poll(() => markedLine(page, 'consumer-0')).not.toBe('');

  await page.getByRole('combobox', { name: 'Show task' }).selectOption('consumer-0');
  await expect.poll(() => litLine(page)).toBe(await markedLine(page, 'consumer-0'));
  await page.getByTestId('code-panel').getByRole('button', { name: 'Clear highlight' }).click();
  await expect.poll(() => litLine(page)).toBe('');
});

test('a live change of the consumers is flagged beside the code', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-1');
  await lab.poll((s) => s.tasks.filter((t) => t.role === 'consumer' && t.state !== 'finished').length, LONG).toBe(3);
  await page.getByRole('slider', { name: 'Consumers' }).fill('8');
  const flags = page.getByTestId('code-flags');
  await expect(flags).toContainText('consumers 3 → 8 (create_task); the script below starts with 8');
  await expect(code(page)).toContainText('for n in range(8)');
  await lab.shot('code-live-change-1280');
  // a restart (a new seed) starts a plain program again: nothing to flag
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Seed' }).press('Enter');
  await expect(flags).toHaveCount(0, LONG);
});

test('Download .py saves exactly the panel text, named after the scenario', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-2');
  const shown = await panelText(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('code-panel').getByRole('button', { name: 'Download .py', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9_]+\.py$/);
  const file = await readFile(await download.path(), 'utf8');
  expect(file).toBe(shown);
  expect(file).toBe(expectedProgram('seed-2'));
  await expect(page.getByTestId('code-panel').getByRole('status')).toContainText(download.suggestedFilename());
});

test('Copy puts the panel text on the clipboard', async ({ page, lab, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.open();
  await lab.preset('seed-2');
  const shown = await panelText(page);
  await page.getByTestId('code-panel').getByRole('button', { name: 'Copy', exact: true }).click();
  const status = page.getByTestId('code-panel').getByRole('status');
  await expect(status).toHaveText(/Copied to the clipboard|clipboard is not available/);
  if ((await status.textContent())?.startsWith('Copied')) {
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  } else {
    // the fallback: the code is selected for the reader to copy
    expect(await page.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(100);
  }
});

test('the code panel at 390 wide, in English and Chinese', async ({ page, lab, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open();
  await lab.preset('seed-3');
  await lab.speed('End');
  await expect(page.getByTestId('hang-banner')).toBeVisible(LONG);
  await code(page).locator('.chip[data-task="consumer"]').click();
  await expect.poll(() => litLine(page)).toBe('item = await q.get()');
  const panel = page.getByTestId('code-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('button', { name: 'Copy', exact: true })).toBeInViewport();
  const box = await panel.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await lab.shot('code-390');
  await lab.language('zh');
  await expect(panel.getByRole('heading', { name: 'Python 程序' })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await lab.shot('code-390-zh');
  expect(problems.of('console', 'page')).toEqual([]);
});
