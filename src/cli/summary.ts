import type { RunEnd } from './run';

/** The one-paragraph human summary the CLI writes to stderr. */
export function summarize(name: string, end: RunEnd, produced: number, consumed: number, events: number): string {
  const t = `t=${fmt(end.t)} s`;
  const counts = `${produced} items produced, ${consumed} consumed, ${events} events`;
  switch (end.status) {
    case 'limit':
      return `${name}: STOPPED at ${t} after ${end.iterations} loop iterations (--max-iterations), without reaching an end or the horizon; ${counts}.`;
    case 'completed':
      return `${name}: completed at ${t}; ${counts}.`;
    case 'horizon':
      return `${name}: reached the horizon at ${t} (the program was still running); ${counts}.`;
    case 'error':
      return `${name}: an exception escaped main at ${t}: ${end.exception ?? '?'}${end.message ? `: ${end.message}` : ''}; ${counts}.`;
    case 'hang': {
      const waits = end.blocked.map((b) => ('task' in b ? `${b.task} waits ${b.waiting_on.startsWith('task ') ? 'for' : 'in'} ${b.waiting_on}` : `thread ${b.thread} sleeps`));
      return `${name}: HANG at ${t}: the program will never exit. Blocked: ${waits.join('; ')}. ${counts}.`;
    }
  }
}

function fmt(t: number): string {
  return Number.isInteger(t) ? String(t) : t.toFixed(3);
}
