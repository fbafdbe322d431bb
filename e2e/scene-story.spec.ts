/**
 * Issue 15, "the whole program in the picture", on the production build in English and Chinese, at 1280x800 and
 * 390 wide: Reset shows every card at t = 0 (main's, and the workers main will create, not started yet); at
 * seed-3's hang main and the consumer are drawn as waiting forever and their lines are in view in the code panel;
 * in the blocking-sleep pitfall the sleeper's card is in the frozen state while the loop is frozen. Read through
 * `window.__queueLab.snapshot().scene`, what the renderer drew in its last frame; a screenshot of each moment.
 */
import type { Page } from '@playwright/test';
import { DICTS, expect, LOCALES, LONG, test, type Lang } from './fixtures';
import type { Lab } from './support/lab';

const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
];

type Card = { name: string; state: string; hung: boolean };
const cards = async (lab: Lab): Promise<Card[]> => ((await lab.snapshot()).scene.cards as Card[]).map(({ name, state, hung }) => ({ name, state, hung }));

async function choose(page: Page, lab: Lab, lang: Lang, id: string): Promise<void> {
  await page.getByRole('combobox', { name: DICTS[lang].preset, exact: true }).selectOption(id);
  await expect.poll(async () => (await lab.snapshot()).presetId, LONG).toBe(id);
}

/** Whether the code panel's row of `line` is inside the panel's visible scroll area. */
const lineInView = (page: Page, line: number): Promise<boolean> =>
  page.getByTestId('code-text').evaluate((text, n) => {
    const row = text.querySelector<HTMLElement>(`[data-line="${n}"]`);
    const box = text.closest('.code-scroll');
    if (row === null || box === null) return false;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  }, line);

/** The line a task's chip is on in the code panel. */
const chipLine = (page: Page, task: string): Promise<number> =>
  page
    .getByTestId('code-text')
    .locator(`.chip[data-task="${task}"]`)
    .evaluate((el) => Number((el.closest('.row') as HTMLElement).dataset.line));

for (const lang of Object.keys(DICTS) as Lang[]) {
  const tx = DICTS[lang];
  for (const vp of VIEWPORTS) {
    test.describe(`the whole program in the picture (${lang}, ${vp.name})`, () => {
      test.use({ locale: LOCALES[lang], viewport: { width: vp.width, height: vp.height } });

      test('Reset shows every card at t = 0, main included', async ({ page, lab, problems }) => {
        await lab.open();
        await choose(page, lab, lang, 'seed-2');
        await page.getByRole('button', { name: tx.reset, exact: true }).click();
        await expect.poll(async () => {
          const s = await lab.snapshot();
          return s.t === 0 && !s.playing && s.scene.cards.length > 1;
        }, LONG).toBe(true);
        const got = await cards(lab);
        const names = (await lab.snapshot()).tasks.map((t) => t.name);
        // every task of the program, each drawn once: main, and the workers main will create
        expect(got.map((c) => c.name).sort()).toEqual([...names].sort());
        expect(got.find((c) => c.name === 'main')).toEqual({ name: 'main', state: 'ready', hung: false });
        for (const c of got.filter((x) => x.name !== 'main')) expect(c.state).toBe('not_started');
        expect(got.length).toBeGreaterThanOrEqual(4);
        await page.getByTestId('scene').scrollIntoViewIfNeeded();
        await lab.shot(`t0-${lang}-${vp.name}`);
        expect(problems.of('console', 'page')).toEqual([]);
      });

      test("seed-3's hang: main and consumer wait forever, their lines in view", async ({ page, lab, problems }) => {
        await lab.open();
        await lab.speed('End');
        await choose(page, lab, lang, 'seed-3');
        await expect.poll(async () => (await lab.snapshot()).end?.status ?? null, LONG).toBe('hang');
        await expect.poll(async () => (await cards(lab)).filter((c) => c.hung).map((c) => c.name).sort(), LONG).toEqual(['consumer', 'main']);
        const got = await cards(lab);
        expect(got.find((c) => c.name === 'producer')?.hung).toBe(false);
        // the code panel marks both as waiting forever, and shows their lines
        const panel = page.getByTestId('code-text');
        for (const task of ['main', 'consumer']) {
          const chip = panel.locator(`.chip[data-task="${task}"]`);
          await expect(chip).toHaveAttribute('data-hung', 'true');
          await expect(chip).toContainText(tx.scene.forever);
        }
        const mainLine = await chipLine(page, 'main');
        const consumerLine = await chipLine(page, 'consumer');
        await expect.poll(() => lineInView(page, mainLine)).toBe(true);
        await expect.poll(() => lineInView(page, consumerLine)).toBe(true);
        await page.getByTestId('scene').scrollIntoViewIfNeeded();
        await lab.shot(`hang-scene-${lang}-${vp.name}`);
        await page.getByTestId('code-panel').scrollIntoViewIfNeeded();
        await lab.shot(`hang-code-${lang}-${vp.name}`);
        expect(problems.of('console', 'page')).toEqual([]);
      });

      test('blocking-sleep: the sleeper is drawn frozen while the loop is frozen', async ({ page, lab, problems }) => {
        await lab.open();
        await choose(page, lab, lang, 'blocking-sleep');
        // at 1x a time.sleep(1) freezes the loop for a second: a frame whose strip says frozen draws the sleeper so
        await expect
          .poll(async () => {
            const sc = (await lab.snapshot()).scene;
            return sc.frozenBy !== null && sc.cards.find((c) => c.name === sc.frozenBy)?.state === 'blocking';
          }, LONG)
          .toBe(true);
        await page.getByTestId('scene').scrollIntoViewIfNeeded();
        await lab.shot(`frozen-${lang}-${vp.name}`);
        // no frame draws the loop frozen with the sleeper in another state
        for (let k = 0; k < 20; k++) {
          const sc = (await lab.snapshot()).scene;
          if (sc.frozenBy !== null) expect(sc.cards.find((c) => c.name === sc.frozenBy)?.state).toBe('blocking');
        }
        expect(problems.of('console', 'page')).toEqual([]);
      });
    });
  }
}
