/**
 * At most one update every `ms`, and always the last one: an update that comes too soon is kept and applied when
 * the interval is over (the trailing edge), so the page never stays on a stale value after the stream goes quiet
 * (a Pause at 1000x, quick Steps).
 */
export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttle<T> {
  /** An update; `urgent` applies it at once (a new run, an end), dropping any kept one. */
  push(x: T, urgent?: boolean): void;
  /** Forgets a kept update (a new run makes it stale). */
  drop(): void;
}

export function throttle<T>(ms: number, apply: (x: T) => void, clock: Clock = realClock): Throttle<T> {
  let last = -Infinity;
  let kept: { x: T } | null = null;
  let timer: unknown = null;
  const fire = (x: T): void => {
    last = clock.now();
    apply(x);
  };
  const flush = (): void => {
    timer = null;
    const k = kept;
    kept = null;
    if (k !== null) fire(k.x);
  };
  return {
    push(x: T, urgent = false): void {
      if (urgent || clock.now() - last >= ms) {
        kept = null;
        if (timer !== null) clock.cancel(timer);
        timer = null;
        fire(x);
        return;
      }
      kept = { x };
      timer ??= clock.later(flush, Math.max(0, ms - (clock.now() - last)));
    },
    drop(): void {
      kept = null;
      if (timer !== null) clock.cancel(timer);
      timer = null;
    },
  };
}
