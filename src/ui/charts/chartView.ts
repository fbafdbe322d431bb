/**
 * The charts' view outside React: how wide the time window is, and what the charts last drew (read by the test
 * hook and the bench). Whether they are frozen is the store's (`frozen`).
 */
export interface ChartStats {
  run: number;
  /** Chart points held, and the virtual time of the first and last. */
  points: number;
  firstT: number | null;
  lastT: number | null;
  /** The time window drawn last. */
  xMin: number;
  xMax: number;
  /** Time-series redraws so far (they stop when nothing moves). */
  draws: number;
  /** Charts on screen now. */
  visible: number;
  /** Main-thread time spent drawing the charts (ms, summed) and the frames that drew anything. */
  drawMs: number;
  drawFrames: number;
}

/** The window shows at most this much wall time of the run at the current speed (at least MIN_WINDOW virtual s). */
export const WINDOW_WALL_S = 30;
export const MIN_WINDOW = 3;

export function windowFor(speed: number): number {
  return Math.max(MIN_WINDOW, WINDOW_WALL_S * speed);
}

export const chartStats: ChartStats = { run: -1, points: 0, firstT: null, lastT: null, xMin: 0, xMax: 0, draws: 0, visible: 0, drawMs: 0, drawFrames: 0 };
