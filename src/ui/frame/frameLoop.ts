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
  /**
   * Watches el: `shown` with whether it is on screen whenever that may have changed, `sized` whenever its box
   * changed size. Returns the function that stops watching.
   */
  watch(el: Element, shown: (on: boolean) => void, sized: () => void): () => void;
}

interface Entry {
  surface: Surface;
  on: boolean;
  unwatch: () => void;
}

export interface FrameLoop {
  /** Draws surface each frame while el is on screen; returns the function that unregisters it. */
  add(el: Element, surface: Surface): () => void;
  /** Whether a frame is asked for. */
  readonly running: boolean;
  /** Surfaces registered. */
  readonly size: number;
}

// a closure rather than a class: its names minify, and the loop is in the page's first JavaScript (a budget)
export function createFrameLoop(host: FrameHost): FrameLoop {
  const entries = new Set<Entry>();
  let pending = 0;
  let listening = false;
  const schedule = (): void => {
    if (pending === 0 && entries.size > 0 && !host.hidden()) pending = host.request(tick);
  };
  const halt = (): void => {
    if (pending !== 0) host.cancel(pending);
    pending = 0;
  };
  const tick = (now: number): void => {
    pending = 0;
    if (host.hidden()) return;
    const frame: Frame = { now, dpr: host.dpr() };
    // a surface may unregister another while drawing: walk a copy
    for (const e of [...entries]) {
      if (!entries.has(e)) continue;
      if (e.on) e.surface.draw(frame);
      else e.surface.offScreen?.(frame);
    }
    schedule();
  };
  return {
    add(el, surface) {
      const e: Entry = { surface, on: true, unwatch: () => {} };
      e.unwatch = host.watch(
        el,
        (on) => {
          if (on === e.on) return;
          e.on = on;
          surface.shown?.(on);
        },
        () => surface.resized?.(),
      );
      entries.add(e);
      if (!listening) {
        listening = true;
        host.onVisibilityChange(() => (host.hidden() ? halt() : schedule()));
      }
      schedule();
      return () => {
        if (!entries.delete(e)) return;
        e.unwatch();
        surface.dispose?.();
        if (entries.size === 0) halt();
      };
    },
    get running() {
      return pending !== 0;
    },
    get size() {
      return entries.size;
    },
  };
}
