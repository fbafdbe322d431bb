/** What several e2e specs share: opening the lab, reading its test hook, choosing a preset. */
import { expect, type Page } from '@playwright/test';
import type { LabSnapshot } from '../src/ui/testHook';

export const LONG = { timeout: 30_000 };

/** The lab's state through the read-only hook `window.__queueLab.snapshot()`. */
export async function snap(page: Page): Promise<LabSnapshot> {
  const s = await page.evaluate(() => window.__queueLab?.snapshot() ?? null);
  if (s === null) throw new Error('no snapshot yet');
  return s;
}

/** Opens the lab, waits for its first snapshot, and collects console errors and page errors. */
export async function openLab(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await expect.poll(async () => page.evaluate(() => window.__queueLab?.snapshot()?.t ?? null), LONG).not.toBeNull();
  return errors;
}

/** Chooses a preset and waits until the lab runs it. */
export async function preset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
  await expect.poll(async () => (await snap(page)).presetId).toBe(id);
}

/** Starts a frame heartbeat in the page: `window.__gap` holds the longest time between two frames since. */
export async function heartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number };
    w.__gap = 0;
    let last = performance.now();
    const beat = (now: number) => {
      w.__gap = Math.max(w.__gap, now - last);
      last = now;
      requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
  });
}
