/**
 * One frame loop for the whole page: a single requestAnimationFrame that draws every registered surface (the scene,
 * each chart) while it is on screen, lets it keep its facts fresh while it is not, tells it when its box was
 * resized, and stops while the tab is hidden. Each surface decides for itself whether anything changed since it last
 * drew. The browser's parts (animation frames, observers, the page's visibility) come through a host, so the loop's
 * logic is tested with fakes.
 */

/** A frame: its time (ms, the animation frame's) and the device pixels per CSS pixel it is drawn at. */
export interface Frame {
  now: number;
  dpr: number;
}

/** Something the loop draws. */
export interface Surface {
  /** Once a frame while its element is on screen. */
  draw(frame: Frame): void;
  /** Once a frame instead of draw while its element is off screen. */
  offScreen?(frame: Frame): void;
  /** The element came on screen or left it. */
  shown?(on: boolean): void;
  /** The element's box changed size; the next draw sees it. */
  resized?(): void;
  /** Unregistered: let go of what it holds. */
  dispose?(): void;
}

/** What the loop needs of the browser. */
export interface FrameHost {
  request(fn: (now: number) => void): number;
  cancel(id: number): void;
  hidden(): boolean;
  /** Device pixels per CSS pixel now (it changes with the browser's zoom and the screen). */
  dpr(): number;
  onVisibilityChange(fn: () => void): void;
  /** Calls fn with whether el is on screen, whenever that changes; returns a function that stops it. */
  watchOnScreen(el: Element, fn: (on: boolean) => void): () => void;
  /** Calls fn whenever el's box changes size; returns a function that stops it. */
  watchSize(el: Element, fn: () => void): () => void;
}

interface Entry {
  surface: Surface;
  on: boolean;
  unwatch: () => void;
}

export class FrameLoop {
  private readonly entries = new Set<Entry>();
  private pending = 0;
  private listening = false;
  /** Frames run so far (for tests and benches). */
  frames = 0;

  constructor(private readonly host: FrameHost) {}

  /** Draws surface each frame while el is on screen; returns the function that unregisters it. */
  add(el: Element, surface: Surface): () => void {
    const e: Entry = { surface, on: true, unwatch: () => {} };
    const a = this.host.watchOnScreen(el, (on) => {
      if (on === e.on) return;
      e.on = on;
      surface.shown?.(on);
    });
    const b = this.host.watchSize(el, () => surface.resized?.());
    e.unwatch = () => {
      a();
      b();
    };
    this.entries.add(e);
    if (!this.listening) {
      this.listening = true;
      this.host.onVisibilityChange(() => (this.host.hidden() ? this.halt() : this.schedule()));
    }
    this.schedule();
    return () => {
      if (!this.entries.delete(e)) return;
      e.unwatch();
      surface.dispose?.();
      if (this.entries.size === 0) this.halt();
    };
  }

  /** Whether a frame is asked for. */
  get running(): boolean {
    return this.pending !== 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private schedule(): void {
    if (this.pending === 0 && this.entries.size > 0 && !this.host.hidden()) this.pending = this.host.request(this.tick);
  }

  private halt(): void {
    if (this.pending !== 0) this.host.cancel(this.pending);
    this.pending = 0;
  }

  private readonly tick = (now: number): void => {
    this.pending = 0;
    if (this.host.hidden()) return;
    this.frames++;
    const frame: Frame = { now, dpr: this.host.dpr() };
    // a surface may unregister another while drawing: walk a copy
    for (const e of [...this.entries]) {
      if (!this.entries.has(e)) continue;
      if (e.on) e.surface.draw(frame);
      else e.surface.offScreen?.(frame);
    }
    this.schedule();
  };
}
