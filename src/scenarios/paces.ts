/**
 * The speed each built-in program is watched at by default (virtual seconds per wall-clock second), by preset id.
 * Chosen from the engine's run length (tests/paces.test.ts holds each to a watchable wall time): seed-2's
 * 0.3 s of virtual time takes 30 s, and a hang comes after several items have gone through. Runs without an end of
 * their own (seed-1, mm2-blocking) are measured to their scenario's horizon. Each is a step of the Speed slider.
 */
export const PACES: Readonly<Record<string, number>> = {
  'seed-1': 2,
  'seed-2': 0.01,
  'seed-3': 0.5,
  'mm2-blocking': 1,
  'busy-polling': 1,
  'busy-polling-fixed': 1,
  'sentinel-join': 0.01,
  'sentinel-join-missing': 0.01,
  'never-stops': 0.5,
  'never-stops-cancel': 0.5,
  'never-stops-sentinel': 0.5,
  'never-stops-shutdown': 0.5,
  'forgotten-task-done': 0.2,
  'forgotten-task-done-fixed': 0.2,
  'task-done-twice': 0.2,
  'task-done-twice-fixed': 0.2,
  'blocking-sleep': 0.5,
  'blocking-sleep-fixed': 0.5,
  'consumer-crash': 0.2,
  'consumer-crash-fixed': 0.2,
  'unbounded-growth': 1,
  'unbounded-growth-fixed': 1,
  'too-few-sentinels': 0.1,
  'too-few-sentinels-fixed': 0.1,
  'put-nowait-full': 0.05,
  'put-nowait-full-fixed': 0.5,
  'queue-kinds': 0.2,
  'queue-kinds-lifo': 0.2,
  'queue-kinds-priority': 0.2,
  'unkept-task': 0.2,
  'unkept-task-fixed': 0.2,
};

/** The speed a program not in the table (none today) plays at. */
export const DEFAULT_PACE = 1;

export function paceOf(id: string): number {
  return PACES[id] ?? DEFAULT_PACE;
}
