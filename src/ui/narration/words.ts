/** The caption's English words (src/ui/i18n/en.ts takes them as `narration`); words.zh.ts has the same shape. */
import type { EventFacts, NarrationWords } from './facts';

/** How full the queue is: `2/2`, or the count of an unbounded one. */
const fill = (f: EventFacts): string => (f.maxsize > 0 ? `${f.qsize}/${f.maxsize}` : `${f.qsize}, no limit`);

export const narrationEn: NarrationWords = {
  title: 'What just happened',
  empty: 'Nothing has run yet. Step runs one task slice (one task, up to its next await) and says here what it did.',
  more: (n) => `… and ${n} more events in this slice (the event log has them all).`,
  recent: 'Latest log lines',
  itemClause: (item) => ` (item = ${item})`,
  tail: (itemClause, consequence) => `${itemClause}: ${consequence}.`,
  afterTask: ': ',
  then: (w) => (w === 'sleep' ? 'then it sleeps' : w.startsWith('task ') ? `then it waits for ${w}` : `then it waits in ${w}`),
  and: (consequence, then) => `${consequence}; ${then}`,
  events: {
    start: (f) => `${f.task} starts running its function`,
    put_wait: (f) => `the queue is full (${fill(f)}), so ${f.task} waits in put() until a consumer's get() frees a slot`,
    put: (f) =>
      f.none
        ? `${f.task} puts the sentinel None, which tells one consumer to stop; the queue holds ${fill(f)}`
        : `item ${f.item} goes into the queue, which now holds ${fill(f)}`,
    producer_done: (f) => `${f.task} has put all its items, so its loop ends`,
    join_wait: (f) => `${f.task} waits in join() until every item put has had its task_done()`,
    join_done: (f) => `every item put has had its task_done(), so join() returns and ${f.task} goes on`,
    get_wait: (f) => `the queue is empty, so ${f.task} waits in get() until a producer puts an item`,
    get: (f) =>
      f.none
        ? `${f.task} takes the sentinel None, its signal to stop; the queue holds ${fill(f)}`
        : `${f.task} takes item ${f.item} out of the queue, which now holds ${fill(f)}`,
    empty: (f) => `the queue is empty, so the get raises Empty: a wasted poll, and ${f.task} sleeps before it tries again`,
    done: (f) => `${f.task} has finished serving item ${f.item}`,
    task_done: (f) => `${f.task} marks item ${f.item} done: the queue's count of unfinished items goes down (join() waits for 0)`,
    error: (f) => `serving the item raised ${f.item}; the except clause catches it, so ${f.task} carries on`,
    exit: (f) => `${f.task} returns: its coroutine is finished`,
    cancelled: (f) => `${f.task} was cancelled: CancelledError reached the await it stood at, so it ends`,
    crashed: (f) => `${f.item} escaped ${f.task}, so the task ends with that exception`,
    shutdown_exc: (f) => `the queue is shut down, so get() raises QueueShutDown in ${f.task}`,
    cancel_consumers: (f) => `${f.task} has cancelled every consumer: each gets CancelledError at the await it stands at`,
    shutdown: (f) => `${f.task} shuts the queue down: from now on a get() on the empty queue raises QueueShutDown`,
    main_done: (f) => `${f.task} returns, so asyncio.run() ends the program`,
  },
};
