/**
 * The English words of the teaching features (catalogue, help, presenter and embed views, the spoken summary). The
 * Chinese ones (words.zh.ts) have the same shape; both hang under `teach` in the page's dictionaries (i18n/en.ts, zh.ts).
 */
export interface SummaryFacts {
  t: string;
  status: 'running' | 'paused' | 'completed' | 'hang' | 'horizon' | 'error';
  /** Counts already formatted for the language; maxsize null: unbounded. */
  buffer: string;
  maxsize: string | null;
  produced: string;
  consumed: string;
  /** "2 busy, 1 idle: await get()" per role, already worded. */
  producers: string;
  consumers: string;
  exception: string | null;
  blocked: string;
}

export const teachEn = {
  catalogue: 'Pitfalls',
  catalogueTitle: 'Pitfall catalogue',
  catalogueIntro: 'Each pitfall runs a broken program beside the fixed one: switch between them and watch what changes.',
  pitfall: 'Pitfall',
  choosePitfall: 'Choose a pitfall…',
  presetArticles: 'The three articles (Chinese blog posts on asyncio queues)',
  presetTheory: 'Queueing theory',
  articleN: (n: number) => `Article ${n}`,
  variants: 'Variants',
  role: { broken: 'broken', fixed: 'fixed', compare: 'compare' },
  watch: 'What to watch',
  why: 'Why it happens',
  fix: 'The fix',
  expected: 'Expected outcome',
  expectCompleted: 'it finishes: every task ends and asyncio.run() returns.',
  expectHorizon: 'it runs until the time limit.',
  expectHang: (waits: string) => `it hangs: ${waits}.`,
  expectError: (exc: string) => `it ends with ${exc}.`,
  waitsOn: (task: string, on: string) => `${task} waits in ${on}`,
  listJoin: ', ',
  close: 'Close',
  help: 'Help',
  tour: 'Tour',
  helpTitle: 'Keyboard shortcuts',
  helpIntro: 'Every control is reachable with Tab and works with Enter or Space. These keys work anywhere outside a text field:',
  keys: {
    playPause: 'Play or pause',
    step: 'Run one task slice: one task runs to its next await, and “What just happened” says what it did (pauses)',
    help: 'Open this help',
    close: 'Close this help or the catalogue',
  },
  keyOr: 'or',
  keyNames: { space: 'Space', esc: 'Esc' },
  notes: {
    interval: 'a new production interval from the next draw on',
    service: 'a new service time from the next draw on',
    tooMany: (n: string) => `the unbounded queue holds over ${n} items.`,
  },
  presenter: 'Presenter',
  presenterHint: 'Large type, the scene beside the code, the other panels hidden.',
  views: 'Views',
  sceneAlt: (summary: string) => `Live picture of the running program. ${summary}`,
  state: {
    running: 'running',
    paused: 'paused',
    completed: 'finished',
    hang: 'hung',
    horizon: 'stopped at the time limit',
    error: 'ended with an exception',
  },
  summary: (f: SummaryFacts): string => {
    const head = `t = ${f.t} s, ${teachEn.state[f.status]}${f.exception ? `: ${f.exception}` : ''}.`;
    const buf = f.maxsize !== null ? `Buffer ${f.buffer} of ${f.maxsize}.` : `Buffer ${f.buffer} (unbounded).`;
    const blocked = f.blocked ? ` Blocked: ${f.blocked}.` : '';
    return `${head} ${buf} Produced ${f.produced}, consumed ${f.consumed}. Producers: ${f.producers}. Consumers: ${f.consumers}.${blocked}`;
  },
  countOf: (n: string, what: string) => `${n} ${what}`,
  noTasks: 'none',
};

export type TeachWords = typeof teachEn;
