/**
 * The log slice: the worker's log lines into the ring (kept outside React), a version bump at most every LOG_MS
 * for the panels that show them, and the log's filter.
 */
import type { LogBatch } from '../worker/snapshot';
import type { Ctx } from './ctx';

const LOG_MS = 250;

export function logActions(ctx: Ctx) {
  let timer: unknown = null;
  return {
    setLogFilter(actor: string | null): void {
      // picking a task in the log selects it too; back to all tasks drops the selection the filter made
      ctx.set((s) => ({ logFilter: actor, selected: actor ?? (s.selected === s.logFilter ? null : s.selected) }));
    },

    onLog(b: LogBatch): void {
      if (b.run < ctx.loads) return;
      if (b.skipped > 0) ctx.logRing.push('', '', b.skipped);
      for (let i = 0; i < b.lines.length; i++) ctx.logRing.push(b.lines[i]!, b.actors[i]!);
      if (timer === null) {
        timer = ctx.clock.later(() => {
          timer = null;
          ctx.set((s) => ({ logVersion: s.logVersion + 1 }));
        }, LOG_MS);
      }
    },
  };
}
