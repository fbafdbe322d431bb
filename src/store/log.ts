/** The log slice's feed: the worker's log lines into the ring, and a version bump at most every LOG_MS. */
import type { LogBatch } from '../worker/snapshot';
import type { Ctx } from './ctx';

const LOG_MS = 250;

export function logFeed(ctx: Ctx) {
  let timer: unknown = null;
  return {
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
