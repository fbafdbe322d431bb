/**
 * Slider and setting extremes (issue 8) through the real controls: 1000x, 64 consumers, buffer 1000, the shortest
 * service time, a producer with no sleep, an unbounded queue with a fast producer. The main thread stays responsive
 * (a requestAnimationFrame heartbeat measured in the page, Pause taking effect promptly) and the page says when the
 * simulation cannot keep up with the chosen speed.
 */
import { expect, LONG, test, type Lab } from './fixtures';
/**
 * A freeze, not a slow frame: the page must never stop drawing for this long. The gaps themselves (far below 500 ms
 * on an idle machine, up to about a second on a shared 2-core one running two browsers) are measured and attached
 * as figures, not asserted: timing on these machines is noise. A frozen page (a step that never yields, a render
 * loop) stops for good and fails this bound whatever the load.
 */
const MAX_GAP_MS = Number(process.env.E2E_MAX_FRAME_GAP_MS ?? 5000);

/** The longest frame gap since the last call (the settling right after a control change is not counted). */
async function gapOver(lab: Lab, ms: number): Promise<number> {
  await lab.page.waitForTimeout(500);
  await lab.resetGap();
  await lab.page.waitForTimeout(ms);
  return lab.gap();
}

/** Pause, and how long (measured in the page, from the click) until the worker's stream says it stopped. */
async function pauseTakes(lab: Lab): Promise<number> {
  const page = lab.page;
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeEnabled();
  const took = await pause.evaluate(
    (button) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        (button as HTMLButtonElement).click();
        const poll = () => {
          if (window.__queueLab?.snapshot()?.playing === false) resolve(performance.now() - t0);
          else setTimeout(poll, 5);
        };
        poll();
      }),
  );
  const t = (await lab.snapshot()).t;
  await page.waitForTimeout(300);
  expect((await lab.snapshot()).t).toBe(t);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  return Math.round(took);
}

test('extremes never freeze the page, and the page says when it cannot keep up', async ({ page, lab, problems }, info) => {
  await lab.open();
  await lab.heartbeat();
  const figures: Record<string, number> = {};
  const check = async (name: string) => {
    const gap = await gapOver(lab, 1200);
    figures[`${name} gap ms`] = Math.round(gap);
    expect(gap, `frame gap at ${name}`).toBeLessThan(MAX_GAP_MS);
  };

  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mm2-blocking');
  await lab.speed('End');
  await lab.poll((s) => s.speed).toBe(1000);
  await check('1000x');
  await page.getByRole('slider', { name: 'Consumers' }).fill('64');
  await check('64 consumers');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('1000');
  await check('buffer 1000');
  await page.getByRole('slider', { name: 'Service time', exact: true }).press('Home');
  await check('shortest service');
  await page.getByRole('slider', { name: 'Production interval', exact: true }).press('Home');
  await check('producer with no sleep');
  await expect(page.getByText(/Cannot keep up: running at .*x, not 1,?000x\./)).toBeVisible(LONG);
  figures['pause ms'] = await pauseTakes(lab);
  expect(figures['pause ms']).toBeLessThan(MAX_GAP_MS); // a freeze bound, not a timing target

  // unbounded with a producer that never sleeps: the queue grows without end; the worker pauses it in time.
  // Consumers first: on a running program that is a live cancel of 63 tasks that main gathers, which ends the
  // program as it would end Python's (CancelledError); the buffer size then restarts it at t = 0 in any case.
  await page.getByRole('slider', { name: 'Consumers' }).fill('1');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('0');
  await page.getByRole('slider', { name: 'Service time', exact: true }).press('End');
  await check('unbounded, fast producer');
  await lab.poll((s) => s.bufferCount, LONG).toBeGreaterThan(1000);
  // past 200,000 items the worker pauses the run and the page says why
  await expect(page.getByTestId('notice')).toContainText('Paused:', LONG);
  expect((await lab.snapshot()).playing).toBe(false);
  await check('unbounded, later');
  const s = await lab.snapshot();
  figures['unbounded: items in buffer'] = s.bufferCount;

  info.annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  console.log(JSON.stringify(figures));
  expect(problems.of('page')).toEqual([]);
});
