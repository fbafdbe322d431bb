/**
 * The pitfall catalogue in both languages, on the production build: every entry is picked in the catalogue panel,
 * every variant is loaded with its own button and reaches its documented outcome (read through the test hook), the
 * broken/fixed switch changes the outcome, and a screenshot of each variant is kept. The browser's language picks
 * the page's; a switch with the picker is remembered.
 */
import { CATALOGUE } from '../src/scenarios/catalogue';
import { EXPLANATIONS } from '../src/scenarios/catalogue/explanations';
import { DICTS, expect, LOCALES, normal, test, type Lang } from './fixtures';

// no trace recording here: it doubles the time of each step on this busy page (56 variant runs)
test.use({ trace: 'off' });

for (const lang of Object.keys(DICTS) as Lang[]) {
  const tx = DICTS[lang];
  test.describe(`catalogue (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1280, height: 1100 } });

    CATALOGUE.forEach((entry, i) => {
      test(`${i + 1}. ${entry.id}`, async ({ page, lab, problems }) => {
        await lab.open();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(tx.title);
        await page.getByRole('button', { name: tx.teach.catalogue, exact: true }).click();
        const panel = page.getByTestId('catalogue');
        await expect(panel).toBeVisible();
        await panel.getByRole('combobox', { name: tx.teach.pitfall }).selectOption(entry.id);
        await expect(panel.getByRole('heading', { level: 3 })).toHaveText(entry.title[lang]);
        const words = (await panel.textContent()) ?? '';
        for (const t of [entry.watch, EXPLANATIONS[entry.id]!.why, EXPLANATIONS[entry.id]!.fix]) expect(words).toContain(t[lang]);
        const seen: { id: string; run: number; end: unknown }[] = [];
        for (const v of entry.variants) {
          const button = panel.getByRole('button', { name: v.label[lang] });
          if (seen.length > 0) await button.click(); // the first one is loaded by picking the entry
          await expect(button).toHaveAttribute('aria-pressed', 'true');
          // each program opens at its own watchable speed: to its end at the top one
          await lab.speed('End');
          const got = await lab.endOf(v.id);
          expect(got, `${v.id} (${lang})`).toEqual(normal(v.expect));
          const s = await lab.snapshot();
          seen.push({ id: v.id, run: s.run, end: got });
          // the figures follow the loaded program, and the banner says the outcome in this language
          expect(s.presetId).toBe(v.id);
          if (got.status === 'hang') {
            const banner = page.getByTestId('hang-banner');
            for (const w of got.waits) await expect(banner).toContainText(tx.hangEntry(w.task, w.waiting_on));
          }
          if (got.status === 'error') await expect(page.getByRole('alert').first()).toContainText(got.exception);
          await lab.shot(`${entry.id}--${v.id}--${lang}`);
        }
        // each switch loaded a new run; where the variants' documented outcomes differ, so did the runs'
        expect(new Set(seen.map((x) => x.run)).size).toBe(entry.variants.length);
        const documented = new Set(entry.variants.map((v) => JSON.stringify(normal(v.expect))));
        expect(new Set(seen.map((x) => JSON.stringify(x.end))).size).toBe(documented.size);
        expect(problems.of('console', 'page')).toEqual([]);
      });
    });
  });
}

test.describe('language', () => {
  test.use({ locale: 'zh-CN' });

  test('follows the browser, switches, and is remembered', async ({ page, lab }) => {
    await lab.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DICTS.zh.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await lab.language('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DICTS.en.title);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DICTS.en.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('numbers and the scene summary are worded in Chinese; Python names stay as Python writes them', async ({ page, lab }) => {
    await lab.open('/?preset=never-stops');
    await lab.speed('End');
    await lab.endOf('never-stops');
    const summary = page.getByTestId('scene-summary');
    await expect(summary).toContainText('已挂起');
    await expect(summary).toContainText('Queue.get');
    await expect(page.getByTestId('hang-banner')).toContainText('consumer 等待 Queue.get');
    await expect(page.getByTestId('catalogue')).toContainText('while True: await q.get()');
  });
});
