/**
 * The proofs of issue 15's "A pace you can follow", on the production build in Chromium, in English and Chinese:
 * choosing seed-2 sets the Speed slider to its default speed, at which seed-2 is still running 10 s after Play; Play
 * at the end replays the run from t = 0; "one step per beat" advances the run one task slice per beat, its caption
 * changing with each. Screenshots of the transport with the new controls at 1280x800 and 390 wide.
 */
import { DICTS, expect, LONG, test, type Lab, type Lang } from './fixtures';
import { paceOf } from '../src/scenarios/paces';

/** Opens the lab in `lang` with `id` chosen, and waits until its run is the one shown. */
async function openWith(lab: Lab, lang: Lang, id: string): Promise<void> {
  await lab.open();
  if (lang === 'zh') await lab.language('zh');
  await lab.preset(id);
}

for (const lang of ['en', 'zh'] as const) {
  const tx = DICTS[lang];

  test(`${lang}: choosing seed-2 sets the Speed slider to its default speed`, async ({ page, lab, problems }) => {
    await openWith(lab, lang, 'seed-2');
    const speed = page.getByRole('slider', { name: tx.speed, exact: true });
    await expect(speed).toHaveAttribute('aria-valuetext', tx.speedValue(String(paceOf('seed-2'))));
    await lab.poll((s) => s.speed, LONG).toBe(0.01);
    // another preset brings its own
    await lab.preset('seed-3');
    await expect(speed).toHaveAttribute('aria-valuetext', tx.speedValue(String(paceOf('seed-3'))));
    expect(problems.of('console', 'page')).toEqual([]);
  });

  test(`${lang}: one step per beat advances a slice per beat, the caption saying each`, async ({ page, lab, problems }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWith(lab, lang, 'seed-2');
    await page.getByRole('button', { name: tx.reset, exact: true }).click();
    await lab.poll((s) => s.t, LONG).toBe(0);
    await page.getByRole('slider', { name: tx.beat, exact: true }).press('Home');
    await expect(page.getByRole('slider', { name: tx.beat, exact: true })).toHaveAttribute('aria-valuetext', tx.seconds('0.25'));
    const beat = page.getByRole('checkbox', { name: tx.beatMode, exact: true });
    await beat.check();
    await expect(beat).toBeChecked();
    await page.getByRole('button', { name: tx.play, exact: true }).click();
    // several beats, each a new slice with its own words
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      await expect.poll(async () => (await lab.snapshot()).caption, LONG).not.toBe(seen.at(-1) ?? tx.narration.empty);
      seen.push((await lab.snapshot()).caption);
    }
    expect(new Set(seen).size).toBe(3);
    expect((await lab.snapshot()).end).toBeNull();
    await page.getByTestId('transport').screenshot({ path: info.outputPath(`${lang}-1280-transport.png`) });
    await lab.shot(`${lang}-1280-beat`);
    // Pause stops the beats; Step still runs one slice
    await lab.pause();
    const tick = (await lab.snapshot()).timeline.tick;
    const caption = (await lab.snapshot()).caption;
    await page.getByRole('button', { name: tx.step, exact: true }).click();
    await lab.poll((s) => s.timeline.tick, LONG).toBeGreaterThan(tick);
    await lab.poll((s) => s.caption, LONG).not.toBe(caption);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('transport').scrollIntoViewIfNeeded();
    await page.getByTestId('transport').screenshot({ path: info.outputPath(`${lang}-390-transport.png`) });
    expect(problems.of('console', 'page')).toEqual([]);
  });

  test(`${lang}: Play at the end replays the run from t = 0`, async ({ page, lab, problems }) => {
    await openWith(lab, lang, 'seed-3');
    await lab.speed('End');
    await lab.poll((s) => s.end?.status ?? null, LONG).toBe('hang');
    const ended = await lab.snapshot();
    await lab.speed('Home'); // slow, so the replay is seen near its start
    const replay = page.getByRole('button', { name: tx.replay, exact: true });
    await expect(replay).toBeVisible();
    await replay.click();
    await lab.poll((s) => s.run, LONG).toBeGreaterThan(ended.run);
    const again = await lab.snapshot();
    expect(again.end).toBeNull();
    expect(again.t).toBeLessThan(ended.t);
    expect(again.playing).toBe(true);
    // it runs: time moves on, and the button says Play again
    await lab.poll((s) => s.t, LONG).toBeGreaterThan(again.t);
    await expect(page.getByRole('button', { name: tx.play, exact: true })).toBeVisible();
    expect(problems.of('console', 'page')).toEqual([]);
  });
}

test('seed-2 at its default speed is still running 10 s after Play', async ({ page, lab, problems }) => {
  await openWith(lab, 'en', 'seed-2');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await lab.poll((s) => s.t, LONG).toBe(0);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0);
  await page.waitForTimeout(10_000);
  const s = await lab.snapshot();
  expect(s.end).toBeNull();
  expect(s.status).toBe('running');
  expect(s.speed).toBe(0.01);
  expect(problems.of('console', 'page')).toEqual([]);
});
