/**
 * The proofs of issue 3, on the production build in Chromium. State is read through the read-only hook
 * `window.__queueLab.snapshot()`; timings are generous and runs use high speeds, so nothing hangs on the wall clock.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { LabSnapshot } from '../src/ui/testHook';

const LONG = { timeout: 30_000 };

async function snap(page: Page): Promise<LabSnapshot> {
  const s = await page.evaluate(() => window.__queueLab?.snapshot() ?? null);
  if (s === null) throw new Error('no snapshot yet');
  return s;
}

/** Opens the lab and collects console errors, page errors and failed requests. */
async function openLab(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  await page.goto('/');
  await expect.poll(async () => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
  return errors;
}

async function preset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
  await expect.poll(async () => (await snap(page)).presetId).toBe(id);
}

/** Speed to its top (1000x) or bottom (0.1x) with the keyboard, as a user would. */
async function speed(page: Page, key: 'End' | 'Home'): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).press(key);
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ path: info.outputPath(`${name}.png`) });
  await info.attach(name, { body, contentType: 'image/png' });
}

const liveConsumers = (s: LabSnapshot) =>
  s.tasks.filter((t) => t.role === 'consumer' && t.state !== 'cancelled' && t.state !== 'finished').length;

test('the lab loads and runs with no console error', async ({ page }, info) => {
  const errors = await openLab(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Queue Lab' })).toBeVisible();
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0.5);
  await shot(page, info, 'loaded-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await shot(page, info, 'loaded-390');
  expect(errors).toEqual([]);
});

test('seed-3 ends in the hang banner naming the consumer and Queue.get', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-3');
  await speed(page, 'End');
  const banner = page.getByTestId('hang-banner');
  await expect(banner).toBeVisible(LONG);
  await expect(banner).toContainText('consumer');
  await expect(banner).toContainText('Queue.get');
  const s = await snap(page);
  expect(s.status).toBe('hang');
  expect(s.end?.blocked).toContainEqual({ task: 'consumer', waiting_on: 'Queue.get' });
  await shot(page, info, 'seed-3-hang');
});

test('seed-2 finishes with 60 items consumed', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-2');
  await speed(page, 'End');
  await expect.poll(async () => (await snap(page)).status, LONG).toBe('completed');
  const s = await snap(page);
  expect(s.counters.consumed).toBe(60);
  await expect(page.getByText(/Finished at t = /)).toBeVisible();
  await expect(page.locator('[data-counter="Consumed"]')).toHaveText('60');
  await shot(page, info, 'seed-2-finished');
});

test('seed-1 shows polling consumers', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-1');
  await expect.poll(async () => (await snap(page)).tasks.some((t) => t.state === 'polling'), LONG).toBe(true);
  await expect.poll(async () => (await snap(page)).scene.consumers.some((c) => c.state === 'polling'), LONG).toBe(true);
  await shot(page, info, 'seed-1-polling');
});

test('moving Consumers from 3 to 8 shows 8 consumers, and the run goes on', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-1');
  await expect.poll(async () => liveConsumers(await snap(page))).toBe(3);
  const before = await snap(page);
  await page.getByRole('slider', { name: 'Consumers' }).fill('8');
  await expect.poll(async () => liveConsumers(await snap(page)), LONG).toBe(8);
  await expect.poll(async () => (await snap(page)).scene.consumers.length, LONG).toBe(8);
  const after = await snap(page);
  expect(after.run).toBe(before.run); // a live change, not a restart
  expect(after.t).toBeGreaterThanOrEqual(before.t);
  await shot(page, info, 'consumers-8');
});

test('fewer consumers while main gathers them ends the program as Python would, and the page says why', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'mm2-blocking');
  await expect.poll(async () => liveConsumers(await snap(page)), LONG).toBe(2);
  const before = await snap(page);
  await page.getByRole('slider', { name: 'Consumers' }).fill('1');
  // consumer-1.cancel(): asyncio.gather passes the cancellation on to main, and asyncio.run raises CancelledError
  await expect.poll(async () => (await snap(page)).status, LONG).toBe('error');
  expect((await snap(page)).run).toBe(before.run); // a live change, not a restart
  await expect(page.getByRole('alert').filter({ hasText: 'ended with an exception' })).toContainText('CancelledError');
  await expect(page.getByText('asyncio.gather and await pass a cancellation on')).toBeVisible();
  await shot(page, info, 'cancelled-main-en');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh');
  await expect(page.getByText('asyncio.gather 和 await 会把取消传给等待它的一方')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, info, 'cancelled-main-390-zh');
});

test('Pause stops the clock', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-1');
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(0.3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await snap(page)).playing).toBe(false);
  const t1 = (await snap(page)).t;
  const shown = await page.locator('[data-counter="Virtual time"]').textContent();
  await page.waitForTimeout(1500);
  expect((await snap(page)).t).toBe(t1);
  await expect(page.locator('[data-counter="Virtual time"]')).toHaveText(shown ?? '');
  await shot(page, info, 'paused');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await snap(page)).t, LONG).toBeGreaterThan(t1);
});

test('the scene never shows more items in the buffer than Buffer size', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-1');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('5');
  await page.getByRole('slider', { name: 'Production interval' }).fill('7'); // 0.1 s: far faster than 3 consumers
  await expect.poll(async () => (await snap(page)).maxsize).toBe(5);
  await page.getByRole('slider', { name: 'Speed' }).fill('9'); // 100x
  // sample every animation frame for three seconds, in the page
  const worst = await page.evaluate(
    () =>
      new Promise<{ frames: number; most: number; full: boolean }>((resolve) => {
        const end = performance.now() + 3000;
        let most = 0;
        let frames = 0;
        let full = false;
        const look = () => {
          const s = window.__queueLab!.snapshot()!;
          most = Math.max(most, s.bufferCount, s.buffer.length, s.scene.bufferCount, s.scene.bufferItems);
          full ||= s.scene.bufferCount === 5;
          frames++;
          if (performance.now() < end) requestAnimationFrame(look);
          else resolve({ frames, most, full });
        };
        requestAnimationFrame(look);
      }),
  );
  expect(worst.frames).toBeGreaterThan(5); // it did look at the scene, frame by frame (the count itself depends on the machine)
  expect(worst.full).toBe(true);
  expect(worst.most).toBeLessThanOrEqual(5);
  expect((await snap(page)).scene.maxBufferShown).toBeLessThanOrEqual(5);
  await shot(page, info, 'buffer-5');
});

test('a producer is shown blocked when the buffer is full', async ({ page }, info) => {
  await openLab(page);
  await preset(page, 'seed-3');
  await speed(page, 'Home'); // 0.1x: the producer fills maxsize 3 at t = 0 and waits in put()
  await expect
    .poll(async () => {
      const s = await snap(page);
      return s.bufferCount === s.maxsize && s.scene.producers.some((p) => p.state === 'blocked_put');
    }, LONG)
    .toBe(true);
  const s = await snap(page);
  expect(s.tasks.find((t) => t.name === 'producer')?.waitingOn).toBe('Queue.put');
  await shot(page, info, 'producer-blocked');
});
