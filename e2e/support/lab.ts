/**
 * The lab as a typed page object: its read-only test hook `window.__queueLab` (snapshots, charts, stream stats, the
 * faults it can inject), the controls every spec reaches for, a frame heartbeat, and named screenshots.
 */
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Expect } from '../../src/scenarios/catalogue';
import type { LabSnapshot, QueueLabHook } from '../../src/ui/testHook';
import { SPEEDS } from '../../src/ui/controls/scales';
import { outcome } from './outcome';
import { named } from './words';

/** Patience for what a busy shared machine may take a while to show. */
export const LONG = { timeout: 30_000 };

export type Charts = ReturnType<QueueLabHook['charts']>;
export type StreamStats = NonNullable<ReturnType<QueueLabHook['stats']>>;
export type Fault = Parameters<QueueLabHook['inject']>[0];
type PollOptions = { timeout?: number; message?: string };

export class Lab {
  constructor(
    readonly page: Page,
    private readonly info: TestInfo,
  ) {}

  /** The same lab object over another page of the test (a second tab). */
  on(page: Page): Lab {
    return new Lab(page, this.info);
  }

  // --- opening ---

  /**
   * Opens `url` and waits for the lab's first snapshot. `fresh` starts from a blank document, so a link that differs
   * from the current address only in its fragment is opened, not just scrolled to.
   */
  async open(url = '/', { fresh = false }: { fresh?: boolean } = {}): Promise<void> {
    if (fresh) await this.page.goto('about:blank');
    await this.page.goto(url);
    await this.ready();
  }

  /** Waits for the lab's first snapshot (the worker has answered). */
  async ready(): Promise<void> {
    await expect.poll(async () => (await this.peek())?.t ?? null, LONG).not.toBeNull();
  }

  // --- the test hook ---

  /** The lab's state, or null before the worker's first snapshot (or before the hook is installed). */
  peek(): Promise<LabSnapshot | null> {
    return this.page.evaluate(() => window.__queueLab?.snapshot() ?? null);
  }

  /** The lab's state; throws while it has none yet. */
  async snapshot(): Promise<LabSnapshot> {
    const s = await this.peek();
    if (s === null) throw new Error('no snapshot yet');
    return s;
  }

  /** Polls a reading of the state: `await lab.poll((s) => s.t, LONG).toBeGreaterThan(0)`. */
  poll<T>(read: (s: LabSnapshot) => T, options?: PollOptions) {
    return expect.poll(async () => read(await this.snapshot()), options);
  }

  /** The live charts and the figures table (read-only copies). */
  charts(): Promise<Charts> {
    return this.page.evaluate(() => window.__queueLab!.charts());
  }

  /** The worker stream's counters since the last reset. */
  stats(): Promise<StreamStats> {
    return this.page.evaluate(() => window.__queueLab!.stats()!);
  }

  /** Makes the worker fail as `fault` says (the faults the page must recover from). */
  async inject(fault: Fault): Promise<void> {
    await this.page.evaluate((f) => window.__queueLab?.inject(f), fault);
  }

  /** Lowers the cap a trace export may reach (bytes; null: the real cap), to see a refusal. */
  async exportCap(bytes: number | null): Promise<void> {
    await this.page.evaluate((b) => window.__queueLab!.exportCap(b), bytes);
  }

  /** Waits for the run of `presetId` to end and returns its outcome in the catalogue's terms. */
  async endOf(presetId: string): Promise<Expect> {
    await this.poll((s) => s.presetId === presetId && s.end !== null, LONG).toBe(true);
    return outcome((await this.snapshot()).end)!;
  }

  // --- controls (named in either language) ---

  /** Chooses a preset and waits until the lab runs it. */
  async preset(id: string): Promise<void> {
    await this.page.getByRole('combobox', { name: named('preset', false) }).selectOption(id);
    await this.poll((s) => s.presetId).toBe(id);
  }

  /** The speed slider: 'End' (1000x) or 'Home' (0.01x) with the keyboard, or a speed on its scale (10 is 10x). */
  async speed(to: 'End' | 'Home' | number): Promise<void> {
    const slider = this.page.getByRole('slider', { name: named('speed', true) });
    const step = typeof to === 'number' ? SPEEDS.indexOf(to as (typeof SPEEDS)[number]) : 0;
    if (step < 0) throw new Error(`${to}x is not a step of the Speed slider`);
    if (typeof to === 'number') await slider.fill(String(step));
    else await slider.press(to);
  }

  /** Clicks Pause and waits until the run has stopped. */
  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: named('pause', true) }).click();
    await this.poll((s) => s.playing).toBe(false);
  }

  /** Chooses the page's language with its picker. */
  async language(lang: 'en' | 'zh'): Promise<void> {
    await this.page.getByRole('combobox', { name: named('language', false) }).selectOption(lang);
  }

  // --- a frame heartbeat ---

  /** Starts a frame heartbeat in the page: `gap()` is then the longest time between two frames since. */
  async heartbeat(): Promise<void> {
    await this.page.evaluate(() => {
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

  /** The longest time between two frames (ms) since the heartbeat started or `resetGap()`. */
  gap(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __gap: number }).__gap);
  }

  async resetGap(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { __gap: number }).__gap = 0));
  }

  // --- screenshots ---

  /** A screenshot named `name`.png in the test's results folder, attached to its report. */
  async shot(name: string, { fullPage = false }: { fullPage?: boolean } = {}): Promise<void> {
    const body = await this.page.screenshot({ path: this.info.outputPath(`${name}.png`), fullPage });
    await this.info.attach(name, { body, contentType: 'image/png' });
  }
}
