/**
 * The proofs of issue 3, on the production build in Chromium. State is read through the read-only hook
 * `window.__queueLab.snapshot()`; timings are generous and runs use high speeds, so nothing hangs on the wall clock.
 */
import { expect, LONG, test } from './fixtures';
import type { LabSnapshot } from '../src/ui/testHook';

const liveConsumers = (s: LabSnapshot) =>
  s.tasks.filter((t) => t.role === 'consumer' && t.state !== 'cancelled' && t.state !== 'finished').length;

test('the lab loads and runs with no console error', async ({ page, lab, problems }) => {
  await lab.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue Lab' })).toBeVisible();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.5);
  await lab.shot('loaded-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await lab.shot('loaded-390');
  expect(problems.of('console', 'page', 'request')).toEqual([]);
});

test('seed-3 ends in the hang banner naming the consumer and Queue.get', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-3');
  await lab.speed('End');
  const banner = page.getByTestId('hang-banner');
  await expect(banner).toBeVisible(LONG);
  await expect(banner).toContainText('consumer');
  await expect(banner).toContainText('Queue.get');
  const s = await lab.snapshot();
  expect(s.status).toBe('hang');
  expect(s.end?.blocked).toContainEqual({ task: 'consumer', waiting_on: 'Queue.get' });
  await lab.shot('seed-3-hang');
});

test('seed-2 finishes with 60 items consumed', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-2');
  await lab.speed('End');
  await lab.poll((s) => s.status, LONG).toBe('completed');
  const s = await lab.snapshot();
  expect(s.counters.consumed).toBe(60);
  await expect(page.getByText(/Finished at t = /)).toBeVisible();
  await expect(page.locator('[data-counter="Consumed"]')).toHaveText('60');
  await lab.shot('seed-2-finished');
});

test('seed-1 shows polling consumers', async ({ lab }) => {
  await lab.open();
  await lab.preset('seed-1');
  await lab.poll((s) => s.tasks.some((t) => t.state === 'polling'), LONG).toBe(true);
  await lab.poll((s) => s.scene.consumers.some((c) => c.state === 'polling'), LONG).toBe(true);
  await lab.shot('seed-1-polling');
});

test('moving Consumers from 3 to 8 shows 8 consumers, and the run goes on', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-1');
  await lab.poll(liveConsumers).toBe(3);
  const before = await lab.snapshot();
  await page.getByRole('slider', { name: 'Consumers' }).fill('8');
  await lab.poll(liveConsumers, LONG).toBe(8);
  await lab.poll((s) => s.scene.consumers.length, LONG).toBe(8);
  const after = await lab.snapshot();
  expect(after.run).toBe(before.run); // a live change, not a restart
  expect(after.t).toBeGreaterThanOrEqual(before.t);
  await lab.shot('consumers-8');
});

test('fewer consumers while main gathers them ends the program as Python would, and the page says why', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('mm2-blocking');
  await lab.poll(liveConsumers, LONG).toBe(2);
  const before = await lab.snapshot();
  await page.getByRole('slider', { name: 'Consumers' }).fill('1');
  // consumer-1.cancel(): asyncio.gather passes the cancellation on to main, and asyncio.run raises CancelledError
  await lab.poll((s) => s.status, LONG).toBe('error');
  expect((await lab.snapshot()).run).toBe(before.run); // a live change, not a restart
  await expect(page.getByRole('alert').filter({ hasText: 'ended with an exception' })).toContainText('CancelledError');
  await expect(page.getByText('asyncio.gather and await pass a cancellation on')).toBeVisible();
  await lab.shot('cancelled-main-en');
  await lab.language('zh');
  await expect(page.getByText('asyncio.gather 和 await 会把取消传给等待它的一方')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.shot('cancelled-main-390-zh');
});

test('Pause stops the clock', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-1');
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(0.3);
  await lab.pause();
  const t1 = (await lab.snapshot()).t;
  const shown = await page.locator('[data-counter="Virtual time"]').textContent();
  await page.waitForTimeout(1500);
  expect((await lab.snapshot()).t).toBe(t1);
  await expect(page.locator('[data-counter="Virtual time"]')).toHaveText(shown ?? '');
  await lab.shot('paused');
  await page.getByRole('button', { name: 'Play' }).click();
  await lab.poll((s) => s.t, LONG).toBeGreaterThan(t1);
});

test('the scene never shows more items in the buffer than Buffer size', async ({ page, lab }) => {
  await lab.open();
  await lab.preset('seed-1');
  await page.getByRole('slider', { name: 'Buffer size' }).fill('5');
  await page.getByRole('slider', { name: 'Production interval' }).fill('7'); // 0.1 s: far faster than 3 consumers
  await lab.poll((s) => s.maxsize).toBe(5);
  await lab.speed(100);
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
  expect((await lab.snapshot()).scene.maxBufferShown).toBeLessThanOrEqual(5);
  await lab.shot('buffer-5');
});

test('a producer is shown blocked when the buffer is full', async ({ lab }) => {
  await lab.open();
  await lab.preset('seed-3');
  await lab.speed('Home'); // 0.01x: the producer fills maxsize 3 at t = 0 and waits in put()
  await expect
    .poll(async () => {
      const s = await lab.snapshot();
      return s.bufferCount === s.maxsize && s.scene.producers.some((p) => p.state === 'blocked_put');
    }, LONG)
    .toBe(true);
  const s = await lab.snapshot();
  expect(s.tasks.find((t) => t.name === 'producer')?.waitingOn).toBe('Queue.put');
  await lab.shot('producer-blocked');
});
