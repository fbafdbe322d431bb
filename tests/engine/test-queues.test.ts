/**
 * CPython's Lib/test/test_asyncio/test_queues.py (3.11.7 and 3.13.0), ported case by case onto the engine, then the
 * asyncio semantics of /work/shared/reference/asyncio-semantics.md, each pinned as a trace and checked against a
 * real CPython running the same program.
 *
 * Port conventions: `await x` is `yield* x` (a task or future: `yield* t.wait()`); `asyncio.sleep(0)` is
 * `yield* sleep(h.loop, 0)`; `async with TaskGroup()` is `taskGroup(h, tasks)`; `assertRaises(X)` is `raises`/
 * `raisesNow`; `wait_for(aw, t)` is a task cancelled after `sleep(t)` (the engine has no wait_for).
 *
 * Not ported: test_repr, test_str and both mixins' test_format (the engine has no repr/_format), test_generic_alias
 * (Python typing). Every other case of 3.11.7 and 3.13.0 is here, for each queue class its mixin runs on.
 */
import { describe, expect, it } from 'vitest';
import { AioEvent, gather, sleep, waitAll } from '../../src/engine/asyncio/aio';
import { PyException } from '../../src/engine/asyncio/errors';
import { Future, type Coro } from '../../src/engine/asyncio/future';
import type { AioQueue, AioQueueKind } from '../../src/engine/asyncio/queue';
import type { Task } from '../../src/engine/asyncio/task';
import type { Item } from '../../src/scenarios/types';
import { Harness, pythonTrace, raises, raisesNow, requirePython, run, runPython } from './harness';

const KINDS: AioQueueKind[] = ['Queue', 'LifoQueue', 'PriorityQueue'];

const isPy = (e: unknown, name: string): e is PyException => e instanceof PyException && e.pyName === name;

/** `async with asyncio.TaskGroup()` exit: waits for every task; a failed child fails the group. */
function* taskGroup(h: Harness, tasks: Task<unknown>[]): Coro<void> {
  yield* waitAll(h.loop, tasks);
  for (const t of tasks) {
    if (t.cancelled()) continue;
    const exc = t.exception();
    if (exc !== null) throw exc;
  }
}

/** Python's `str(bool)`. */
const pyBool = (b: boolean): string => (b ? 'True' : 'False');

// =================================================================================================================
// Part 1: the CPython test cases
// =================================================================================================================

describe('QueueBasicTests', () => {
  // test_repr, test_str: skipped, the engine has no repr/str of a queue. test_generic_alias: Python typing only.

  it('test_empty', () => {
    run(function* (h) {
      const q = h.queue();
      expect(q.empty()).toBe(true);
      yield* q.put(1);
      expect(q.empty()).toBe(false);
      expect(yield* q.get()).toBe(1);
      expect(q.empty()).toBe(true);
    });
  });

  it('test_full', () => {
    run(function* (h) {
      let q = h.queue();
      expect(q.full()).toBe(false);
      q = h.queue(1);
      yield* q.put(1);
      expect(q.full()).toBe(true);
    });
  });

  it('test_order', () => {
    run(function* (h) {
      const q = h.queue();
      for (const i of [1, 3, 2]) yield* q.put(i);
      const items: Item[] = [];
      for (let i = 0; i < 3; i++) items.push(yield* q.get());
      expect(items).toEqual([1, 3, 2]);
    });
  });

  it('test_maxsize', () => {
    run(function* (h) {
      const q = h.queue(2);
      expect(q.maxsize).toBe(2);
      const haveBeenPut: number[] = [];
      function* putter(): Coro<boolean> {
        for (let i = 0; i < 3; i++) {
          yield* q.put(i);
          haveBeenPut.push(i);
        }
        return true;
      }
      const t = h.createTask(putter());
      for (let i = 0; i < 2; i++) yield* sleep(h.loop, 0);
      // The putter is blocked after putting two items.
      expect(haveBeenPut).toEqual([0, 1]);
      expect(yield* q.get()).toBe(0);
      // Let the putter resume and put last item.
      yield* sleep(h.loop, 0);
      expect(haveBeenPut).toEqual([0, 1, 2]);
      expect(yield* q.get()).toBe(1);
      expect(yield* q.get()).toBe(2);
      expect(t.done()).toBe(true);
      expect(t.result()).toBe(true);
    });
  });
});

describe('QueueGetTests', () => {
  it('test_blocking_get', () => {
    run(function* (h) {
      const q = h.queue();
      q.putNowait(1);
      expect(yield* q.get()).toBe(1);
    });
  });

  it('test_get_with_putters', () => {
    run(function* (h) {
      const q = h.queue(1);
      yield* q.put(1);
      const waiter = new Future<null>(h.loop);
      q.putters.push(waiter);
      expect(yield* q.get()).toBe(1);
      expect(waiter.done()).toBe(true);
      expect(waiter.result()).toBeNull();
    });
  });

  it('test_blocking_get_wait', () => {
    const { h } = run(function* (h) {
      const q = h.queue();
      const started = new AioEvent(h.loop, 'started');
      let finished = false;
      function* queueGet(): Coro<Item> {
        started.set();
        const res = yield* q.get();
        finished = true;
        return res;
      }
      const queueGetTask = h.createTask(queueGet());
      yield* started.wait();
      expect(finished).toBe(false);
      h.loop.callLater(0.01, () => q.putNowait(1));
      const res = yield* queueGetTask.wait();
      expect(finished).toBe(true);
      expect(res).toBe(1);
    });
    expect(h.loop.now).toBeCloseTo(0.01, 12); // the virtual clock jumped straight to the call_later
  });

  it('test_nonblocking_get', () => {
    const q = new Harness().queue();
    q.putNowait(1);
    expect(q.getNowait()).toBe(1);
  });

  it('test_nonblocking_get_exception', () => {
    const q = new Harness().queue();
    raisesNow('QueueEmpty', () => q.getNowait());
  });

  it('test_get_cancelled_race', () => {
    run(function* (h) {
      const q = h.queue();
      const t1 = h.createTask(q.get());
      const t2 = h.createTask(q.get());
      yield* sleep(h.loop, 0);
      t1.cancel();
      yield* sleep(h.loop, 0);
      expect(t1.done()).toBe(true);
      yield* q.put('a');
      yield* sleep(h.loop, 0);
      expect(yield* t2.wait()).toBe('a');
    });
  });

  it('test_get_with_waiting_putters', () => {
    run(function* (h) {
      const q = h.queue(1);
      h.createTask(q.put('a'));
      h.createTask(q.put('b'));
      expect(yield* q.get()).toBe('a');
      expect(yield* q.get()).toBe('b');
    });
  });

  it('test_why_are_getters_waiting', () => {
    run(function* (h) {
      function* consumer(queue: AioQueue, numExpected: number): Coro<void> {
        for (let i = 0; i < numExpected; i++) yield* queue.get();
      }
      function* producer(queue: AioQueue, numItems: number): Coro<void> {
        for (let i = 0; i < numItems; i++) yield* queue.put(i);
      }
      const producerNumItems = 5;
      const q = h.queue(1);
      yield* taskGroup(h, [h.createTask(producer(q, producerNumItems)), h.createTask(consumer(q, producerNumItems))]);
    });
  });

  it('test_cancelled_getters_not_being_held_in_self_getters (wait_for ported as sleep + cancel)', () => {
    run(function* (h) {
      const queue = h.queue(5);
      // `await asyncio.wait_for(queue.get(), 0.1)`: the inner task is cancelled when the timeout expires.
      const inner = h.createTask(queue.get());
      yield* sleep(h.loop, 0.1);
      inner.cancel();
      yield* raises('CancelledError', inner.wait());
      expect(queue.getters.length).toBe(0);
    });
  });
});

describe('QueuePutTests', () => {
  it('test_blocking_put', () => {
    run(function* (h) {
      const q = h.queue();
      // No maxsize, won't block.
      yield* q.put(1);
      expect(yield* q.get()).toBe(1);
    });
  });

  it('test_blocking_put_wait', () => {
    const { h } = run(function* (h) {
      const q = h.queue(1);
      const started = new AioEvent(h.loop, 'started');
      let finished = false;
      function* queuePut(): Coro<void> {
        started.set();
        yield* q.put(1);
        yield* q.put(2);
        finished = true;
      }
      h.loop.callLater(0.01, () => q.getNowait());
      const queuePutTask = h.createTask(queuePut());
      yield* started.wait();
      expect(finished).toBe(false);
      yield* queuePutTask.wait();
      expect(finished).toBe(true);
    });
    expect(h.loop.now).toBeCloseTo(0.01, 12);
  });

  it('test_nonblocking_put', () => {
    const q = new Harness().queue();
    q.putNowait(1);
    expect(q.getNowait()).toBe(1);
  });

  it('test_get_cancel_drop_one_pending_reader', () => {
    run(function* (h) {
      const q = h.queue();
      let reader = h.createTask(q.get());
      yield* sleep(h.loop, 0);
      q.putNowait(1);
      q.putNowait(2);
      reader.cancel();
      try {
        yield* reader.wait();
      } catch (e) {
        if (!isPy(e, 'CancelledError')) throw e;
        // try again
        reader = h.createTask(q.get());
        yield* reader.wait();
      }
      // if we get 2, it means 1 got dropped!
      expect(reader.result()).toBe(1);
    });
  });

  it('test_get_cancel_drop_many_pending_readers', () => {
    run(function* (h) {
      const q = h.queue();
      const reader1 = h.createTask(q.get());
      const reader2 = h.createTask(q.get());
      const reader3 = h.createTask(q.get());
      yield* sleep(h.loop, 0);
      q.putNowait(1);
      q.putNowait(2);
      reader1.cancel();
      yield* raises('CancelledError', reader1.wait());
      yield* reader3.wait();
      yield* taskGroup(h, [reader1, reader2, reader3]);
      // It is undefined in which order concurrent readers receive results.
      expect(new Set([reader2.result(), reader3.result()])).toEqual(new Set([1, 2]));
    });
  });

  it('test_put_cancel_drop', () => {
    run(function* (h) {
      const q = h.queue(1);
      q.putNowait(1);
      // putting a second item in the queue has to block (qsize=1)
      let writer = h.createTask(q.put(2));
      yield* sleep(h.loop, 0);
      expect(q.getNowait()).toBe(1);
      writer.cancel();
      try {
        yield* writer.wait();
      } catch (e) {
        if (!isPy(e, 'CancelledError')) throw e;
        // try again
        writer = h.createTask(q.put(2));
        yield* writer.wait();
      }
      expect(q.getNowait()).toBe(2);
      expect(q.qsize()).toBe(0);
    });
  });

  it('test_nonblocking_put_exception', () => {
    const q = new Harness().queue(1);
    q.putNowait(1);
    raisesNow('QueueFull', () => q.putNowait(2));
  });

  it('test_float_maxsize', () => {
    run(function* (h) {
      let q = h.queue(1.3);
      q.putNowait(1);
      q.putNowait(2);
      expect(q.full()).toBe(true);
      raisesNow('QueueFull', () => q.putNowait(3));
      q = h.queue(1.3);
      yield* q.put(1);
      yield* q.put(2);
      expect(q.full()).toBe(true);
    });
  });

  it('test_put_cancelled', () => {
    run(function* (h) {
      const q = h.queue();
      function* queuePut(): Coro<boolean> {
        yield* q.put(1);
        return true;
      }
      const t = h.createTask(queuePut());
      expect(yield* q.get()).toBe(1);
      expect(t.done()).toBe(true);
      expect(t.result()).toBe(true);
    });
  });

  it('test_put_cancelled_race', () => {
    run(function* (h) {
      const q = h.queue(1);
      const putA = h.createTask(q.put('a'));
      const putB = h.createTask(q.put('b'));
      const putC = h.createTask(q.put('X'));
      yield* sleep(h.loop, 0);
      expect(putA.done()).toBe(true);
      expect(putB.done()).toBe(false);
      putC.cancel();
      yield* sleep(h.loop, 0);
      expect(putC.done()).toBe(true);
      expect(q.getNowait()).toBe('a');
      yield* sleep(h.loop, 0);
      expect(q.getNowait()).toBe('b');
      yield* putB.wait();
    });
  });

  it('test_put_with_waiting_getters', () => {
    run(function* (h) {
      const q = h.queue();
      const t = h.createTask(q.get());
      yield* sleep(h.loop, 0);
      yield* q.put('a');
      expect(yield* t.wait()).toBe('a');
    });
  });

  it('test_why_are_putters_waiting', () => {
    run(function* (h) {
      const queue = h.queue(2);
      function* putter(item: Item): Coro<void> {
        yield* queue.put(item);
      }
      function* getter(): Coro<void> {
        yield* sleep(h.loop, 0);
        const num = queue.qsize();
        for (let i = 0; i < num; i++) queue.getNowait();
      }
      yield* taskGroup(h, [
        h.createTask(getter()),
        h.createTask(putter(0)),
        h.createTask(putter(1)),
        h.createTask(putter(2)),
        h.createTask(putter(3)),
      ]);
    });
  });

  it('test_cancelled_puts_not_being_held_in_self_putters', () => {
    run(function* (h) {
      // Full queue.
      const queue = h.queue(1);
      queue.putNowait(1);
      // Task waiting for space to put an item in the queue.
      const putTask = h.createTask(queue.put(1));
      yield* sleep(h.loop, 0);
      // Check that the putter is correctly removed from queue._putters when the task is canceled.
      expect(queue.putters.length).toBe(1);
      putTask.cancel();
      yield* raises('CancelledError', putTask.wait());
      expect(queue.putters.length).toBe(0);
    });
  });

  it('test_cancelled_put_silence_value_error_exception', () => {
    run(function* (h) {
      // Full Queue.
      const queue = h.queue(1);
      queue.putNowait(1);
      // Task waiting for space to put a item in the queue.
      const putTask = h.createTask(queue.put(1));
      yield* sleep(h.loop, 0);
      // get_nowait() remove the future of put_task from queue._putters.
      queue.getNowait();
      // When canceled, queue.put is going to remove its future from self._putters but it was removed previously by
      // queue.get_nowait(); that ValueError is silenced, and CancelledError comes out.
      putTask.cancel();
      yield* raises('CancelledError', putTask.wait());
    });
  });
});

describe('LifoQueueTests', () => {
  it('test_order', () => {
    run(function* (h) {
      const q = h.queue(0, 'LifoQueue');
      for (const i of [1, 3, 2]) yield* q.put(i);
      const items: Item[] = [];
      for (let i = 0; i < 3; i++) items.push(yield* q.get());
      expect(items).toEqual([2, 3, 1]);
    });
  });
});

describe('PriorityQueueTests', () => {
  it('test_order', () => {
    run(function* (h) {
      const q = h.queue(0, 'PriorityQueue');
      for (const i of [1, 3, 2]) yield* q.put(i);
      const items: Item[] = [];
      for (let i = 0; i < 3; i++) items.push(yield* q.get());
      expect(items).toEqual([1, 2, 3]);
    });
  });
});

describe.each(KINDS)('%sJoinTests', (kind) => {
  // test_format: skipped, the engine has no _format().

  it('test_task_done_underflow', () => {
    const q = new Harness().queue(0, kind);
    const e = raisesNow('ValueError', () => q.taskDone());
    expect(e.message).toBe('task_done() called too many times');
  });

  it('test_task_done', () => {
    run(function* (h) {
      const q = h.queue(0, kind);
      for (let i = 0; i < 100; i++) q.putNowait(i);
      let accumulator = 0;
      // Two workers get items from the queue and call task_done after each.
      // Join the queue and assert all items have been processed.
      let running = true;
      function* worker(): Coro<void> {
        while (running) {
          const item = yield* q.get();
          accumulator += item as number;
          q.taskDone();
        }
      }
      const tasks = [h.createTask(worker()), h.createTask(worker())];
      yield* q.join();
      expect(accumulator).toBe((99 * 100) / 2);
      // close running generators
      running = false;
      for (let i = 0; i < tasks.length; i++) q.putNowait(0);
      yield* taskGroup(h, tasks);
    });
  });

  it('test_join_empty_queue', () => {
    run(function* (h) {
      const q = h.queue(0, kind);
      // A queue join()s successfully, and before anything else (done twice for insurance).
      const before = h.loop.iterations;
      yield* q.join();
      yield* q.join();
      expect(h.loop.iterations).toBe(before); // join() with nothing unfinished does not yield
    });
  });
});

describe.each(KINDS)('%sShutdownTests (3.13.0)', (kind) => {
  // test_format: skipped, the engine has no _format().

  it('test_shutdown_empty', () => {
    run(function* (h) {
      // Setup empty queue, and join() and get() tasks
      const q = h.queue(0, kind);
      const getTask = h.createTask(q.get());
      yield* sleep(h.loop, 0); // want get task pending before shutdown
      q.shutdown(false); // unfinished tasks: 0 -> 0
      expect(q.qsize()).toBe(0);
      // Ensure join() task successfully finishes
      yield* q.join();
      // Ensure get() task is finished, and raised ShutDown
      yield* sleep(h.loop, 0);
      expect(getTask.done()).toBe(true);
      yield* raises('QueueShutDown', getTask.wait());
      // Ensure put() and get() raise ShutDown
      yield* raises('QueueShutDown', q.put('data'));
      raisesNow('QueueShutDown', () => q.putNowait('data'));
      yield* raises('QueueShutDown', q.get());
      raisesNow('QueueShutDown', () => q.getNowait());
    });
  });

  it('test_shutdown_nonempty', () => {
    run(function* (h) {
      // Setup full queue with 1 item, and join() and put() tasks
      const q = h.queue(1, kind);
      q.putNowait('data');
      const joinTask = h.createTask(q.join());
      const putTask = h.createTask(q.put('data2'));
      // Ensure put() task is not finished
      yield* sleep(h.loop, 0);
      expect(putTask.done()).toBe(false);
      q.shutdown(false); // unfinished tasks: 1 -> 1
      expect(q.qsize()).toBe(1);
      // Ensure put() task is finished, and raised ShutDown
      yield* sleep(h.loop, 0);
      expect(putTask.done()).toBe(true);
      yield* raises('QueueShutDown', putTask.wait());
      // Ensure get() succeeds on enqueued item
      expect(yield* q.get()).toBe('data');
      // Ensure join() task is not finished
      yield* sleep(h.loop, 0);
      expect(joinTask.done()).toBe(false);
      // Ensure put() and get() raise ShutDown
      yield* raises('QueueShutDown', q.put('data'));
      raisesNow('QueueShutDown', () => q.putNowait('data'));
      yield* raises('QueueShutDown', q.get());
      raisesNow('QueueShutDown', () => q.getNowait());
      // Ensure there is 1 unfinished task, and join() task succeeds
      q.taskDone();
      yield* sleep(h.loop, 0);
      expect(joinTask.done()).toBe(true);
      yield* joinTask.wait();
      raisesNow('ValueError', () => q.taskDone());
    });
  });

  it('test_shutdown_immediate', () => {
    run(function* (h) {
      // Setup queue with 1 item, and a join() task
      const q = h.queue(0, kind);
      q.putNowait('data');
      const joinTask = h.createTask(q.join());
      q.shutdown(true); // unfinished tasks: 1 -> 0
      expect(q.qsize()).toBe(0);
      // Ensure join() task has successfully finished
      yield* sleep(h.loop, 0);
      expect(joinTask.done()).toBe(true);
      yield* joinTask.wait();
      // Ensure put() and get() raise ShutDown
      yield* raises('QueueShutDown', q.put('data'));
      raisesNow('QueueShutDown', () => q.putNowait('data'));
      yield* raises('QueueShutDown', q.get());
      raisesNow('QueueShutDown', () => q.getNowait());
      // Ensure there are no unfinished tasks
      raisesNow('ValueError', () => q.taskDone());
    });
  });

  it('test_shutdown_immediate_with_unfinished', () => {
    run(function* (h) {
      // Setup queue with 2 items (1 retrieved), and a join() task
      const q = h.queue(0, kind);
      q.putNowait('data');
      q.putNowait('data');
      const joinTask = h.createTask(q.join());
      expect(yield* q.get()).toBe('data');
      q.shutdown(true); // unfinished tasks: 2 -> 1
      expect(q.qsize()).toBe(0);
      // Ensure join() task is not finished
      yield* sleep(h.loop, 0);
      expect(joinTask.done()).toBe(false);
      // Ensure put() and get() raise ShutDown
      yield* raises('QueueShutDown', q.put('data'));
      raisesNow('QueueShutDown', () => q.putNowait('data'));
      yield* raises('QueueShutDown', q.get());
      raisesNow('QueueShutDown', () => q.getNowait());
      // Ensure there is 1 unfinished task
      q.taskDone();
      raisesNow('ValueError', () => q.taskDone());
      // Ensure join() task has successfully finished
      yield* sleep(h.loop, 0);
      expect(joinTask.done()).toBe(true);
      yield* joinTask.wait();
    });
  });
});

// -----------------------------------------------------------------------------------------------------------------
// The shutdown tests of a pre-release draft of gh-96471 (a stored copy of test_queues.py whose queue has
// `_shutdown_state` alive/shutdown/shutdown-immediate). 3.13.0 shipped a simpler design, so each case is ported with
// 3.13.0's expectations where the draft's differ (marked "3.13.0:"); DRAFT_TWIN below runs the same adapted cases on
// python3.13. Not ported: the draft's test_shutdown_empty/nonempty/immediate (subsets of the released tests of the same
// names above), test_shutdown_repr (no repr) and test_shutdown_allowed_transitions (no `_shutdown_state` in 3.13.0).

const DELAY = 0.001;

function* dGet(q: AioQueue, go: AioEvent, results: boolean[], shutdown = false): Coro<unknown> {
  yield* go.wait();
  try {
    const msg = yield* q.get();
    results.push(!shutdown);
    return msg;
  } catch (e) {
    if (!isPy(e, 'QueueShutDown')) throw e;
    results.push(shutdown);
    return shutdown;
  }
}

function* dGetNowait(q: AioQueue, go: AioEvent, results: boolean[], shutdown = false): Coro<unknown> {
  yield* go.wait();
  try {
    const msg = q.getNowait();
    results.push(!shutdown);
    return msg;
  } catch (e) {
    if (!isPy(e, 'QueueShutDown')) throw e;
    results.push(shutdown);
    return shutdown;
  }
}

function* dGetTaskDone(q: AioQueue, go: AioEvent, results: boolean[]): Coro<unknown> {
  yield* go.wait();
  try {
    const msg = yield* q.get();
    q.taskDone();
    results.push(true);
    return msg;
  } catch (e) {
    if (!isPy(e, 'QueueShutDown')) throw e;
    results.push(false);
    return false;
  }
}

function* dPut(q: AioQueue, go: AioEvent, msg: Item, results: boolean[], shutdown = false): Coro<boolean> {
  yield* go.wait();
  try {
    yield* q.put(msg);
    results.push(!shutdown);
    return !shutdown;
  } catch (e) {
    if (!isPy(e, 'QueueShutDown')) throw e;
    results.push(shutdown);
    return shutdown;
  }
}

function* dPutNowait(q: AioQueue, go: AioEvent, msg: Item, results: boolean[], shutdown = false): Coro<boolean> {
  yield* go.wait();
  try {
    q.putNowait(msg);
    results.push(false);
    return !shutdown;
  } catch (e) {
    if (!isPy(e, 'QueueShutDown')) throw e;
    results.push(true);
    return shutdown;
  }
}

function* dShutdown(h: Harness, q: AioQueue, go: AioEvent, immediate: boolean): Coro<void> {
  q.shutdown(immediate);
  yield* sleep(h.loop, DELAY);
  go.set();
  yield* sleep(h.loop, DELAY);
}

function* dJoin(q: AioQueue, results: boolean[], shutdown = false): Coro<boolean> {
  try {
    yield* q.join();
    results.push(!shutdown);
    return true;
  } catch (e) {
    if (isPy(e, 'QueueShutDown')) {
      results.push(shutdown);
      return false;
    }
    if (isPy(e, 'CancelledError')) results.push(shutdown);
    throw e;
  }
}

describe.each(KINDS)('%sShutdownTests (draft gh-96471 cases, 3.13.0 expectations)', (kind) => {
  for (const immediate of [false, true]) {
    const tag = immediate ? 'immediate_' : '';

    it(`test_shutdown_${tag}all_methods_in_one_task`, () => {
      run(function* (h) {
        const q = h.queue(0, 'Queue'); // the draft uses asyncio.Queue here whatever q_class is
        yield* q.put('L');
        q.putNowait('O');
        q.shutdown(immediate);
        yield* raises('QueueShutDown', q.put('E'));
        raisesNow('QueueShutDown', () => q.putNowait('W'));
        if (immediate) {
          yield* raises('QueueShutDown', q.get());
          raisesNow('QueueShutDown', () => q.getNowait());
          // 3.13.0: task_done raises ValueError (the draft: QueueShutDown); join returns (the draft: raises)
          raisesNow('ValueError', () => q.taskDone());
          yield* q.join();
        } else {
          expect(['L', 'O']).toContain(yield* q.get());
          q.taskDone();
          expect(['L', 'O']).toContain(q.getNowait());
          q.taskDone();
          yield* q.join();
          // on shutdown(immediate=False), when queue is empty, should raise ShutDown Exception
          yield* raises('QueueShutDown', q.get());
          raisesNow('QueueShutDown', () => q.getNowait());
        }
      });
    });

    it(`test_shutdown_${tag}putters_deque`, () => {
      run(function* (h) {
        const q = h.queue(2, kind);
        yield* q.put('E');
        yield* q.put('W');
        // queue full
        const t = h.createTask(q.put('Y'));
        yield* sleep(h.loop, DELAY);
        expect(q.putters.length).toBe(1);
        q.shutdown(immediate);
        yield* raises('QueueShutDown', t.wait()); // here `t` raises a QueueShutDown
        expect(q.putters.length).toBe(0);
      });
    });

    it(`test_shutdown_${tag}getters_deque`, () => {
      run(function* (h) {
        const q = h.queue(1, kind);
        yield* q.put('Y');
        const nb = q.qsize();
        h.createTask(q.get());
        yield* sleep(h.loop, DELAY);
        const t = h.createTask(q.get());
        yield* sleep(h.loop, DELAY);
        expect(q.getters.length).toBe(1);
        // 3.13.0: shutdown wakes every getter, immediate or not, and on an empty queue they raise (the draft kept `t`
        // pending after a non-immediate shutdown)
        q.shutdown(immediate);
        yield* raises('QueueShutDown', t.wait());
        expect(q.getters.length).toBe(0);
        expect(q.unfinishedTasks).toBe(nb);
      });
    });

    it(`test_shutdown_${tag}get`, () => {
      run(function* (h) {
        const q = h.queue(2, kind);
        const results: boolean[] = [];
        const go = new AioEvent(h.loop, 'go');
        yield* q.put('Y');
        yield* q.put('D');
        // queue full
        const coros = immediate
          ? [dGet(q, go, results, true), dGetNowait(q, go, results, true)]
          : [dGet(q, go, results), dGetNowait(q, go, results), dGetNowait(q, go, results)]; // one of these raises
        const t: Task<unknown>[] = coros.map((c) => h.createTask(c));
        t.push(h.createTask(dShutdown(h, q, go, immediate)));
        yield* gather(h.loop, t, false, h.doneNow).wait();
        if (immediate) expect(results).toEqual(coros.map(() => true));
        else expect([...results].sort()).toEqual([false, ...coros.slice(1).map(() => true)]);
      });
    });

    it(`test_shutdown_${tag}put`, () => {
      run(function* (h) {
        const q = h.queue(0, kind);
        const results: boolean[] = [];
        const go = new AioEvent(h.loop, 'go');
        const t = [h.createTask(dPut(q, go, 'Y', results, true)), h.createTask(dPutNowait(q, go, 'D', results, true))];
        yield* gather(h.loop, [...t, h.createTask(dShutdown(h, q, go, immediate))], false, h.doneNow).wait();
        expect(results).toEqual([true, true]);
      });
    });

    it(`test_shutdown_${immediate ? 'immediate_put_and_join' : 'put_join'}`, () => {
      run(function* (h) {
        const q = h.queue(2, kind);
        const results: boolean[] = [];
        const go = new AioEvent(h.loop, 'go');
        yield* q.put('Y');
        yield* q.put('D');
        // queue full
        function* cancelJoinTask(delay: number, t: Task<unknown>): Coro<void> {
          yield* sleep(h.loop, delay);
          t.cancel();
          yield* sleep(h.loop, 0);
          q.finished.set();
        }
        const t: Task<unknown>[] = [
          h.createTask(dPut(q, go, 'E', results, true)),
          h.createTask(dPutNowait(q, go, 'W', results, true)),
          h.createTask(dJoin(q, results, true)),
        ];
        t.push(h.createTask(dShutdown(h, q, go, immediate)));
        if (!immediate) {
          // Here `join` blocks, so wait for a delay and cancel this blocked task
          t.push(h.createTask(cancelJoinTask(0.01, t[2] as Task<unknown>)));
          yield* raises('CancelledError', gather(h.loop, t, false, h.doneNow).wait());
          expect(results).toEqual([true, true, true]);
        } else {
          yield* gather(h.loop, t, false, h.doneNow).wait();
          // 3.13.0: join() returns normally once shutdown(immediate=True) has drained the queue, so `_join` records
          // `not shutdown` (False), first; the draft's join raised QueueShutDown and recorded True.
          expect(results).toEqual([false, true, true]);
        }
        expect(q.finished.isSet()).toBe(true);
      });
    });
  }

  it('test_shutdown_get_task_done_join', () => {
    run(function* (h) {
      const q = h.queue(2, kind);
      const results: boolean[] = [];
      const go = new AioEvent(h.loop, 'go');
      yield* q.put('Y');
      yield* q.put('D');
      expect(q.unfinishedTasks).toBe(q.qsize());
      // queue full
      const t: Task<unknown>[] = [
        h.createTask(dGetTaskDone(q, go, results)),
        h.createTask(dGetTaskDone(q, go, results)),
        h.createTask(dJoin(q, results)),
        h.createTask(dJoin(q, results)),
      ];
      t.push(h.createTask(dShutdown(h, q, go, false)));
      yield* gather(h.loop, t, false, h.doneNow).wait();
      expect(results).toEqual([true, true, true, true]);
      expect(['Y', 'D']).toContain(t[0]?.result());
      expect(['Y', 'D']).toContain(t[1]?.result());
      expect(t[0]?.result()).not.toBe(t[1]?.result());
      expect(q.unfinishedTasks).toBe(0);
    });
  });
});

/** The draft cases above with 3.13.0's expectations, as a unittest module for python3.13. */
const DRAFT_TWIN = String.raw`
import asyncio, io, sys, unittest

class _Mixin:
    q_class = None
    delay = 0.001

    async def _get(self, q, go, results, shutdown=False):
        await go.wait()
        try:
            msg = await q.get()
            results.append(not shutdown)
            return msg
        except asyncio.QueueShutDown:
            results.append(shutdown)
            return shutdown

    async def _get_nowait(self, q, go, results, shutdown=False):
        await go.wait()
        try:
            msg = q.get_nowait()
            results.append(not shutdown)
            return msg
        except asyncio.QueueShutDown:
            results.append(shutdown)
            return shutdown

    async def _get_task_done(self, q, go, results):
        await go.wait()
        try:
            msg = await q.get()
            q.task_done()
            results.append(True)
            return msg
        except asyncio.QueueShutDown:
            results.append(False)
            return False

    async def _put(self, q, go, msg, results, shutdown=False):
        await go.wait()
        try:
            await q.put(msg)
            results.append(not shutdown)
            return not shutdown
        except asyncio.QueueShutDown:
            results.append(shutdown)
            return shutdown

    async def _put_nowait(self, q, go, msg, results, shutdown=False):
        await go.wait()
        try:
            q.put_nowait(msg)
            results.append(False)
            return not shutdown
        except asyncio.QueueShutDown:
            results.append(True)
            return shutdown

    async def _shutdown(self, q, go, immediate):
        q.shutdown(immediate)
        await asyncio.sleep(self.delay)
        go.set()
        await asyncio.sleep(self.delay)

    async def _join(self, q, results, shutdown=False):
        try:
            await q.join()
            results.append(not shutdown)
            return True
        except asyncio.QueueShutDown:
            results.append(shutdown)
            return False
        except asyncio.CancelledError:
            results.append(shutdown)
            raise

    async def _shutdown_all_methods_in_one_task(self, immediate):
        q = asyncio.Queue()
        await q.put("L")
        q.put_nowait("O")
        q.shutdown(immediate)
        with self.assertRaises(asyncio.QueueShutDown):
            await q.put("E")
        with self.assertRaises(asyncio.QueueShutDown):
            q.put_nowait("W")
        if immediate:
            with self.assertRaises(asyncio.QueueShutDown):
                await q.get()
            with self.assertRaises(asyncio.QueueShutDown):
                q.get_nowait()
            with self.assertRaises(ValueError):          # 3.13.0
                q.task_done()
            await q.join()                               # 3.13.0
        else:
            self.assertIn(await q.get(), "LO")
            q.task_done()
            self.assertIn(q.get_nowait(), "LO")
            q.task_done()
            await q.join()
            with self.assertRaises(asyncio.QueueShutDown):
                await q.get()
            with self.assertRaises(asyncio.QueueShutDown):
                q.get_nowait()

    async def test_shutdown_all_methods_in_one_task(self):
        return await self._shutdown_all_methods_in_one_task(False)

    async def test_shutdown_immediate_all_methods_in_one_task(self):
        return await self._shutdown_all_methods_in_one_task(True)

    async def _shutdown_putters(self, immediate):
        q = self.q_class(2)
        await q.put("E")
        await q.put("W")
        t = asyncio.create_task(q.put("Y"))
        await asyncio.sleep(self.delay)
        self.assertTrue(len(q._putters) == 1)
        with self.assertRaises(asyncio.QueueShutDown):
            q.shutdown(immediate)
            await t
        self.assertTrue(not q._putters)

    async def test_shutdown_putters_deque(self):
        return await self._shutdown_putters(False)

    async def test_shutdown_immediate_putters_deque(self):
        return await self._shutdown_putters(True)

    async def _shutdown_getters(self, immediate):
        q = self.q_class(1)
        await q.put("Y")
        nb = q.qsize()
        asyncio.create_task(q.get())
        await asyncio.sleep(self.delay)
        t = asyncio.create_task(q.get())
        await asyncio.sleep(self.delay)
        self.assertTrue(len(q._getters) == 1)
        with self.assertRaises(asyncio.QueueShutDown):   # 3.13.0: immediate or not
            q.shutdown(immediate)
            await t
        self.assertTrue(not q._getters)
        self.assertEqual(q._unfinished_tasks, nb)

    async def test_shutdown_getters_deque(self):
        return await self._shutdown_getters(False)

    async def test_shutdown_immediate_getters_deque(self):
        return await self._shutdown_getters(True)

    async def _shutdown_get(self, immediate):
        q = self.q_class(2)
        results = []
        go = asyncio.Event()
        await q.put("Y")
        await q.put("D")
        if immediate:
            coros = (self._get(q, go, results, shutdown=True), self._get_nowait(q, go, results, shutdown=True))
        else:
            coros = (self._get(q, go, results), self._get_nowait(q, go, results), self._get_nowait(q, go, results))
        t = [asyncio.create_task(c) for c in coros]
        t.append(asyncio.create_task(self._shutdown(q, go, immediate)))
        await asyncio.gather(*t)
        if immediate:
            self.assertEqual(results, [True] * len(coros))
        else:
            self.assertListEqual(sorted(results), [False] + [True] * (len(coros) - 1))

    async def test_shutdown_get(self):
        return await self._shutdown_get(False)

    async def test_shutdown_immediate_get(self):
        return await self._shutdown_get(True)

    async def test_shutdown_get_task_done_join(self):
        q = self.q_class(2)
        results = []
        go = asyncio.Event()
        await q.put("Y")
        await q.put("D")
        self.assertEqual(q._unfinished_tasks, q.qsize())
        coros = (self._get_task_done(q, go, results), self._get_task_done(q, go, results),
                 self._join(q, results), self._join(q, results))
        t = [asyncio.create_task(c) for c in coros]
        t.append(asyncio.create_task(self._shutdown(q, go, False)))
        await asyncio.gather(*t)
        self.assertEqual(results, [True] * len(coros))
        self.assertIn(t[0].result(), "YD")
        self.assertIn(t[1].result(), "YD")
        self.assertNotEqual(t[0].result(), t[1].result())
        self.assertEqual(q._unfinished_tasks, 0)

    async def _shutdown_put(self, immediate):
        q = self.q_class()
        results = []
        go = asyncio.Event()
        coros = (self._put(q, go, "Y", results, shutdown=True), self._put_nowait(q, go, "D", results, shutdown=True))
        t = [asyncio.create_task(c) for c in coros]
        t.append(asyncio.create_task(self._shutdown(q, go, immediate)))
        await asyncio.gather(*t)
        self.assertEqual(results, [True] * len(coros))

    async def test_shutdown_put(self):
        return await self._shutdown_put(False)

    async def test_shutdown_immediate_put(self):
        return await self._shutdown_put(True)

    async def _shutdown_put_join(self, immediate):
        q = self.q_class(2)
        results = []
        go = asyncio.Event()
        await q.put("Y")
        await q.put("D")

        async def _cancel_join_task(q, delay, t):
            await asyncio.sleep(delay)
            t.cancel()
            await asyncio.sleep(0)
            q._finished.set()

        coros = (self._put(q, go, "E", results, shutdown=True), self._put_nowait(q, go, "W", results, shutdown=True),
                 self._join(q, results, shutdown=True))
        t = [asyncio.create_task(c) for c in coros]
        t.append(asyncio.create_task(self._shutdown(q, go, immediate)))
        if not immediate:
            t.append(asyncio.create_task(_cancel_join_task(q, 0.01, t[2])))
            with self.assertRaises(asyncio.CancelledError):
                await asyncio.gather(*t)
            self.assertEqual(results, [True] * len(coros))
        else:
            await asyncio.gather(*t)
            self.assertEqual(results, [False, True, True])   # 3.13.0: join returns normally, first
        self.assertTrue(q._finished.is_set())

    async def test_shutdown_put_join(self):
        return await self._shutdown_put_join(False)

    async def test_shutdown_immediate_put_and_join(self):
        return await self._shutdown_put_join(True)


class QueueShutdownTests(_Mixin, unittest.IsolatedAsyncioTestCase):
    q_class = asyncio.Queue

class LifoQueueShutdownTests(_Mixin, unittest.IsolatedAsyncioTestCase):
    q_class = asyncio.LifoQueue

class PriorityQueueShutdownTests(_Mixin, unittest.IsolatedAsyncioTestCase):
    q_class = asyncio.PriorityQueue

out = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
r = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
if not r.wasSuccessful():
    sys.stderr.write(out.getvalue())
print(r.testsRun, len(r.failures) + len(r.errors))
sys.exit(0 if r.wasSuccessful() else 1)
`;

/** Runs a test module of CPython's own suite; null when the interpreter has no `test` package. */
function cpythonSuite(exe: string, module: string): string[] | null {
  const code = String.raw`
import io, sys, unittest
try:
    __import__('${module}')
except ImportError:
    print('NO-TEST-PACKAGE')
    sys.exit(0)
out = io.StringIO()
r = unittest.TextTestRunner(stream=out, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromName('${module}'))
if not r.wasSuccessful():
    sys.stderr.write(out.getvalue())
print(r.testsRun, len(r.failures) + len(r.errors))
sys.exit(0 if r.wasSuccessful() else 1)
`;
  const lines = runPython(exe, code);
  return lines[0] === 'NO-TEST-PACKAGE' ? null : lines;
}

describe('the ported expectations hold on CPython', () => {
  for (const which of ['python3', 'python3.13'] as const) {
    it(`CPython's own test_asyncio.test_queues passes on ${which}`, (ctx) => {
      const exe = requirePython(ctx, which);
      const out = cpythonSuite(exe, 'test.test_asyncio.test_queues');
      if (out === null) {
        console.warn(`SKIPPED: ${exe} has no test package (test.test_asyncio.test_queues)`);
        ctx.skip('no test package');
        return;
      }
      const [ran, failed] = (out[0] ?? '').split(' ').map(Number);
      expect(failed).toBe(0);
      expect(ran).toBeGreaterThanOrEqual(40);
    });
  }

  it('the draft shutdown cases with 3.13.0 expectations pass on python3.13', (ctx) => {
    const exe = requirePython(ctx, 'python3.13');
    const [ran, failed] = (runPython(exe, DRAFT_TWIN)[0] ?? '').split(' ').map(Number);
    expect(failed).toBe(0);
    expect(ran).toBe(3 * 13);
  });
});

// =================================================================================================================
// Part 2: the semantics of asyncio-semantics.md, as traces, each checked against CPython
// =================================================================================================================

type Which = 'python3' | 'python3.13';

interface Semantic {
  /** The engine program: writes its trace with h.log. */
  engine: (h: Harness) => Coro<unknown>;
  /** The same program in Python: defines `async def main()` and writes with log() (see PY_PRELUDE). */
  python: string;
  /** The trace both must print, `"<loop iteration> <line>"`. */
  expected: string[];
  /** Interpreters to check against. */
  on: Which[];
  /** Compare lines without the iteration numbers (for programs with real delays on the Python side). */
  orderOnly?: boolean;
}

const stripIteration = (lines: string[]): string[] => lines.map((l) => l.replace(/^\d+ /, ''));

function engineTrace(program: (h: Harness) => Coro<unknown>, doneNow = false): { h: Harness; trace: string[] } {
  const h = new Harness(doneNow);
  h.runUntilComplete(program(h));
  return { h, trace: h.trace };
}

/** Registers the engine test and one CPython cross-check per interpreter. */
function semantic(name: string, s: Semantic): void {
  describe(name, () => {
    it('engine trace', () => {
      expect(engineTrace(s.engine).trace).toEqual(s.expected);
    });
    for (const which of s.on) {
      it(`${which} prints the same`, (ctx) => {
        const exe = requirePython(ctx, which);
        const py = pythonTrace(exe, s.python);
        const mine = engineTrace(s.engine, which === 'python3.13').trace;
        // CPython is the reference: "Expected" in a diff is what CPython printed, "Received" the engine's trace.
        if (s.orderOnly === true) expect(stripIteration(mine)).toEqual(stripIteration(py));
        else expect(mine).toEqual(py);
      });
    }
  });
}

const BOTH: Which[] = ['python3', 'python3.13'];

semantic('wake latency: a woken getter runs in the next iteration, and the item waits in the queue', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    function* getter(): Coro<void> {
      h.log('g waits');
      const x = yield* q.get();
      h.log(`g got ${String(x)}`);
    }
    const t = h.createTask(getter());
    yield* sleep(h.loop, 0);
    h.log(`main puts qsize=${q.qsize()} getters=${q.getters.length}`);
    q.putNowait('a');
    h.log(`after put qsize=${q.qsize()} getters=${q.getters.length} g_done=${pyBool(t.done())}`);
    yield* sleep(h.loop, 0);
    h.log(`main resumes qsize=${q.qsize()}`);
    yield* t.wait();
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def getter():
        log('g waits')
        x = await q.get()
        log(f'g got {x}')
    t = asyncio.create_task(getter())
    await asyncio.sleep(0)
    log(f'main puts qsize={q.qsize()} getters={len(q._getters)}')
    q.put_nowait('a')
    log(f'after put qsize={q.qsize()} getters={len(q._getters)} g_done={t.done()}')
    await asyncio.sleep(0)
    log(f'main resumes qsize={q.qsize()}')
    await t
`,
  expected: [
    '2 g waits',
    '2 main puts qsize=0 getters=1',
    '2 after put qsize=1 getters=0 g_done=False',
    '3 g got a',
    '3 main resumes qsize=0',
  ],
});

semantic('exp. 1: a woken getter loses its place when another task takes the item first', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    function* getter(name: string): Coro<void> {
      const x = yield* q.get();
      h.log(`${name} got ${String(x)}`);
    }
    const ts = [0, 1, 2].map((i) => h.createTask(getter(`g${i}`)));
    yield* sleep(h.loop, 0);
    q.putNowait('a'); // wakes g0; 'a' stays queued until g0 runs
    h.log(`main took ${String(q.getNowait())}`);
    q.putNowait('b'); // g0's future has left the deque: this wakes g1
    h.log(`getters waiting ${q.getters.length}`);
    yield* sleep(h.loop, 0); // g0 runs first and takes 'b'; g1 finds the queue empty and re-queues behind g2
    h.log(`getters waiting ${q.getters.length} qsize=${q.qsize()}`);
    q.putNowait('c');
    q.putNowait('d');
    yield* gather(h.loop, ts, false, h.doneNow).wait();
    h.log('gathered');
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def getter(name):
        x = await q.get()
        log(f'{name} got {x}')
    ts = [asyncio.create_task(getter(f'g{i}')) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait('a')
    log(f'main took {q.get_nowait()}')
    q.put_nowait('b')
    log(f'getters waiting {len(q._getters)}')
    await asyncio.sleep(0)
    log(f'getters waiting {len(q._getters)} qsize={q.qsize()}')
    q.put_nowait('c')
    q.put_nowait('d')
    await asyncio.gather(*ts)
    log('gathered')
`,
  expected: [
    '2 main took a',
    '2 getters waiting 1',
    '3 g0 got b',
    '3 getters waiting 2 qsize=0',
    '4 g2 got c',
    '4 g1 got d',
    '6 gathered',
  ],
});

semantic('exp. 2: cancelling a woken getter hands the wake-up to the next getter; no item is lost', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    function* getter(name: string): Coro<void> {
      let x: Item;
      try {
        x = yield* q.get();
      } catch (e) {
        if (isPy(e, 'CancelledError')) h.log(`${name} cancelled qsize=${q.qsize()} getters=${q.getters.length}`);
        throw e;
      }
      h.log(`${name} got ${String(x)}`);
    }
    const g0 = h.createTask(getter('g0'));
    const g1 = h.createTask(getter('g1'));
    yield* sleep(h.loop, 0);
    q.putNowait('a'); // wakes g0: its future is done, the item is still queued
    h.log(`g0 woken, cancel()=${pyBool(g0.cancel())} getters=${q.getters.length}`);
    yield* sleep(h.loop, 0);
    h.log(`main qsize=${q.qsize()}`);
    yield* sleep(h.loop, 0);
    h.log(`main qsize=${q.qsize()} g0.cancelled=${pyBool(g0.cancelled())} g1.done=${pyBool(g1.done())}`);
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def getter(name):
        try:
            x = await q.get()
        except asyncio.CancelledError:
            log(f'{name} cancelled qsize={q.qsize()} getters={len(q._getters)}')
            raise
        log(f'{name} got {x}')
    g0 = asyncio.create_task(getter('g0'))
    g1 = asyncio.create_task(getter('g1'))
    await asyncio.sleep(0)
    q.put_nowait('a')
    log(f'g0 woken, cancel()={g0.cancel()} getters={len(q._getters)}')
    await asyncio.sleep(0)
    log(f'main qsize={q.qsize()}')
    await asyncio.sleep(0)
    log(f'main qsize={q.qsize()} g0.cancelled={g0.cancelled()} g1.done={g1.done()}')
`,
  expected: [
    '2 g0 woken, cancel()=True getters=1',
    '3 g0 cancelled qsize=1 getters=0',
    '3 main qsize=1',
    '4 g1 got a',
    '4 main qsize=0 g0.cancelled=True g1.done=True',
  ],
});

semantic('exp. 3a: join() counts task_done() calls, not emptiness: it returns with an item still queued', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    q.putNowait('a');
    q.putNowait('b');
    function* joiner(name: string): Coro<void> {
      yield* q.join();
      h.log(`${name} returned qsize=${q.qsize()} unfinished=${q.unfinishedTasks}`);
    }
    const j1 = h.createTask(joiner('j1'));
    const j2 = h.createTask(joiner('j2'));
    yield* sleep(h.loop, 0);
    h.log(`got ${String(yield* q.get())}`);
    q.taskDone();
    q.taskDone(); // one call too many for the items taken, not for the items put
    h.log(`two task_done calls, qsize=${q.qsize()}`);
    yield* sleep(h.loop, 0);
    h.log(`j1 done=${pyBool(j1.done())} j2 done=${pyBool(j2.done())}`);
  },
  python: `
async def main():
    q = asyncio.Queue()
    q.put_nowait('a')
    q.put_nowait('b')
    async def joiner(name):
        await q.join()
        log(f'{name} returned qsize={q.qsize()} unfinished={q._unfinished_tasks}')
    j1 = asyncio.create_task(joiner('j1'))
    j2 = asyncio.create_task(joiner('j2'))
    await asyncio.sleep(0)
    log(f'got {await q.get()}')
    q.task_done()
    q.task_done()
    log(f'two task_done calls, qsize={q.qsize()}')
    await asyncio.sleep(0)
    log(f'j1 done={j1.done()} j2 done={j2.done()}')
`,
  expected: [
    '2 got a',
    '2 two task_done calls, qsize=1',
    '3 j1 returned qsize=1 unfinished=0',
    '3 j2 returned qsize=1 unfinished=0',
    '3 j1 done=True j2 done=True',
  ],
});

semantic('exp. 3b: join() stays blocked after the queue drains when a consumer forgets task_done()', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    q.putNowait('a');
    function* consumer(): Coro<void> {
      const x = yield* q.get();
      h.log(`consumer got ${String(x)}, forgets task_done`);
    }
    function* joiner(): Coro<void> {
      yield* q.join();
      h.log('join returned');
    }
    h.createTask(consumer());
    const j = h.createTask(joiner());
    for (let i = 0; i < 3; i++) yield* sleep(h.loop, 0);
    h.log(`qsize=${q.qsize()} unfinished=${q.unfinishedTasks} join done=${pyBool(j.done())}`);
    q.taskDone();
    yield* j.wait();
    h.log('main after join');
  },
  python: `
async def main():
    q = asyncio.Queue()
    q.put_nowait('a')
    async def consumer():
        x = await q.get()
        log(f'consumer got {x}, forgets task_done')
    async def joiner():
        await q.join()
        log('join returned')
    asyncio.create_task(consumer())
    j = asyncio.create_task(joiner())
    for _ in range(3):
        await asyncio.sleep(0)
    log(f'qsize={q.qsize()} unfinished={q._unfinished_tasks} join done={j.done()}')
    q.task_done()
    await j
    log('main after join')
`,
  expected: [
    '2 consumer got a, forgets task_done',
    '4 qsize=0 unfinished=1 join done=False',
    '5 join returned',
    '6 main after join',
  ],
});

semantic('exp. 4a: shutdown() lets consumers drain the queue, then their get() raises QueueShutDown', {
  on: ['python3.13'],
  engine: function* (h) {
    const q = h.queue();
    function* consumer(name: string): Coro<void> {
      for (;;) {
        let x: Item;
        try {
          x = yield* q.get();
        } catch (e) {
          if (!isPy(e, 'QueueShutDown')) throw e;
          h.log(`${name} QueueShutDown`);
          return;
        }
        h.log(`${name} got ${String(x)}`);
        yield* sleep(h.loop, 0);
        q.taskDone();
      }
    }
    const cs = [0, 1].map((i) => h.createTask(consumer(`c${i}`)));
    yield* sleep(h.loop, 0);
    for (const x of [1, 2, 3]) q.putNowait(x);
    q.shutdown();
    h.log(`shutdown qsize=${q.qsize()} unfinished=${q.unfinishedTasks}`);
    yield* q.join();
    h.log(`join returned qsize=${q.qsize()}`);
    for (const c of cs) yield* c.wait(); // not gather(): see the gather() test at the end
    h.log('consumers stopped');
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def consumer(name):
        while True:
            try:
                x = await q.get()
            except asyncio.QueueShutDown:
                log(f'{name} QueueShutDown')
                return
            log(f'{name} got {x}')
            await asyncio.sleep(0)
            q.task_done()
    cs = [asyncio.create_task(consumer(f'c{i}')) for i in range(2)]
    await asyncio.sleep(0)
    for x in (1, 2, 3):
        q.put_nowait(x)
    q.shutdown()
    log(f'shutdown qsize={q.qsize()} unfinished={q._unfinished_tasks}')
    await q.join()
    log(f'join returned qsize={q.qsize()}')
    for c in cs:
        await c
    log('consumers stopped')
`,
  expected: [
    '2 shutdown qsize=3 unfinished=3',
    '3 c0 got 1',
    '3 c1 got 2',
    '4 c0 got 3',
    '4 c1 QueueShutDown',
    '5 c0 QueueShutDown',
    '6 join returned qsize=0',
    '6 consumers stopped',
  ],
});

semantic('exp. 4b: shutdown(immediate=True): join waiters resume, then the blocked putter raises, then new getters', {
  on: ['python3.13'],
  engine: function* (h) {
    const q = h.queue(1);
    q.putNowait('x');
    function* joiner(name: string): Coro<void> {
      yield* q.join();
      h.log(`${name} join returned unfinished=${q.unfinishedTasks}`);
    }
    function* putter(): Coro<void> {
      try {
        yield* q.put('y');
      } catch (e) {
        if (!isPy(e, 'QueueShutDown')) throw e;
        h.log('putter QueueShutDown');
      }
    }
    function* getter(name: string): Coro<void> {
      try {
        yield* q.get();
      } catch (e) {
        if (!isPy(e, 'QueueShutDown')) throw e;
        h.log(`${name} QueueShutDown`);
      }
    }
    const blocked = [h.createTask(joiner('j1')), h.createTask(joiner('j2')), h.createTask(putter())];
    yield* sleep(h.loop, 0);
    h.log(`blocked: putters=${q.putters.length} join waiters=${q.finished.waiters.length}`);
    q.shutdown(true);
    h.log(`shutdown(immediate=True) qsize=${q.qsize()} unfinished=${q.unfinishedTasks}`);
    const gs = [h.createTask(getter('g1')), h.createTask(getter('g2'))];
    yield* gather(h.loop, [...blocked, ...gs], false, h.doneNow).wait();
  },
  python: `
async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait('x')
    async def joiner(name):
        await q.join()
        log(f'{name} join returned unfinished={q._unfinished_tasks}')
    async def putter():
        try:
            await q.put('y')
        except asyncio.QueueShutDown:
            log('putter QueueShutDown')
    async def getter(name):
        try:
            await q.get()
        except asyncio.QueueShutDown:
            log(f'{name} QueueShutDown')
    blocked = [asyncio.create_task(joiner('j1')), asyncio.create_task(joiner('j2')), asyncio.create_task(putter())]
    await asyncio.sleep(0)
    log(f'blocked: putters={len(q._putters)} join waiters={len(q._finished._waiters)}')
    q.shutdown(immediate=True)
    log(f'shutdown(immediate=True) qsize={q.qsize()} unfinished={q._unfinished_tasks}')
    gs = [asyncio.create_task(getter('g1')), asyncio.create_task(getter('g2'))]
    await asyncio.gather(*blocked, *gs)
`,
  expected: [
    '2 blocked: putters=1 join waiters=2',
    '2 shutdown(immediate=True) qsize=0 unfinished=0',
    '3 j1 join returned unfinished=0',
    '3 j2 join returned unfinished=0',
    '3 putter QueueShutDown',
    '3 g1 QueueShutDown',
    '3 g2 QueueShutDown',
  ],
});

semantic('exp. 5: after shutdown() the woken consumers drain what is queued, then get() raises QueueShutDown', {
  on: ['python3.13'],
  engine: function* (h) {
    const q = h.queue();
    function* consumer(name: string): Coro<void> {
      for (;;) {
        let x: Item;
        try {
          x = yield* q.get();
        } catch (e) {
          if (!isPy(e, 'QueueShutDown')) throw e;
          h.log(`${name} QueueShutDown`);
          return;
        }
        h.log(`${name} got ${String(x)}`);
      }
    }
    const cs = [0, 1, 2].map((i) => h.createTask(consumer(`c${i}`)));
    yield* sleep(h.loop, 0);
    q.putNowait('a');
    q.putNowait('b');
    h.log(`put a, b: getters=${q.getters.length}`);
    q.shutdown();
    h.log(`shutdown: getters=${q.getters.length} qsize=${q.qsize()}`);
    yield* gather(h.loop, cs, false, h.doneNow).wait();
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def consumer(name):
        while True:
            try:
                x = await q.get()
            except asyncio.QueueShutDown:
                log(f'{name} QueueShutDown')
                return
            log(f'{name} got {x}')
    cs = [asyncio.create_task(consumer(f'c{i}')) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait('a')
    q.put_nowait('b')
    log(f'put a, b: getters={len(q._getters)}')
    q.shutdown()
    log(f'shutdown: getters={len(q._getters)} qsize={q.qsize()}')
    await asyncio.gather(*cs)
`,
  expected: [
    '2 put a, b: getters=1',
    '2 shutdown: getters=0 qsize=2',
    '3 c0 got a',
    '3 c0 got b', // get() on a non-empty queue does not yield: c0 takes the item whose wake-up went to c1
    '3 c0 QueueShutDown',
    '3 c1 QueueShutDown',
    '3 c2 QueueShutDown',
  ],
});

semantic('get() on a non-empty queue and put() on a non-full one never yield: a producer starves consumers', {
  on: BOTH,
  engine: function* (h) {
    const q = h.queue();
    function* consumer(): Coro<void> {
      for (;;) {
        const x = yield* q.get();
        h.log(`consumer got ${String(x)}`);
        if (x === 2) return;
      }
    }
    const c = h.createTask(consumer());
    yield* sleep(h.loop, 0);
    for (let x = 0; x < 3; x++) {
      yield* q.put(x);
      h.log(`put ${x}`);
    }
    const fresh = h.queue();
    yield* fresh.join();
    h.log('join() with nothing unfinished did not yield');
    yield* c.wait();
  },
  python: `
async def main():
    q = asyncio.Queue()
    async def consumer():
        while True:
            x = await q.get()
            log(f'consumer got {x}')
            if x == 2:
                return
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    for x in range(3):
        await q.put(x)
        log(f'put {x}')
    fresh = asyncio.Queue()
    await fresh.join()
    log('join() with nothing unfinished did not yield')
    await c
`,
  expected: [
    '2 put 0',
    '2 put 1',
    '2 put 2',
    '2 join() with nothing unfinished did not yield',
    '3 consumer got 0',
    '3 consumer got 1',
    '3 consumer got 2',
  ],
});

semantic('call_later(0, A) then call_soon(B): B runs first, and A after everything ready before it', {
  on: BOTH,
  engine: function* (h) {
    h.loop.callLater(0, () => h.log('A (call_later 0)'));
    h.loop.callSoon(() => h.log('B (call_soon)'));
    h.log('main scheduled A then B');
    yield* sleep(h.loop, 0);
    h.log('main resumes');
    yield* sleep(h.loop, 0);
  },
  python: `
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, log, 'A (call_later 0)')
    loop.call_soon(log, 'B (call_soon)')
    log('main scheduled A then B')
    await asyncio.sleep(0)
    log('main resumes')
    await asyncio.sleep(0)
`,
  expected: ['1 main scheduled A then B', '2 B (call_soon)', '2 main resumes', '2 A (call_later 0)'],
});

semantic('timers due at the same moment fire in the order they were scheduled', {
  on: BOTH,
  // Real CPython: each call_later reads the clock again, so `when` strictly increases and heap order is FIFO. The
  // engine's clock stands still, so the whens are equal; its heap breaks the tie by scheduling order.
  orderOnly: true,
  engine: function* (h) {
    for (let i = 0; i < 6; i++) h.loop.callLater(0.01, () => h.log(`timer ${i}`));
    yield* sleep(h.loop, 0.05);
    h.log('main resumes');
  },
  python: `
async def main():
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_later(0.01, log, f'timer {i}')
    await asyncio.sleep(0.05)
    log('main resumes')
`,
  expected: ['2 timer 0', '2 timer 1', '2 timer 2', '2 timer 3', '2 timer 4', '2 timer 5', '4 main resumes'],
});

semantic('sleep(0) costs one iteration; sleep(d) two (the timer fires in one, the task resumes in the next)', {
  on: BOTH,
  engine: function* (h) {
    h.log('start');
    yield* sleep(h.loop, 0);
    h.log('after sleep(0)');
    h.loop.callLater(0.01, () => h.log('a timer due at the same moment'));
    yield* sleep(h.loop, 0.01);
    h.log(`after sleep(0.01)`);
    yield* sleep(h.loop, 0);
    h.log('after sleep(0)');
  },
  python: `
async def main():
    log('start')
    await asyncio.sleep(0)
    log('after sleep(0)')
    asyncio.get_running_loop().call_later(0.01, log, 'a timer due at the same moment')
    await asyncio.sleep(0.01)
    log('after sleep(0.01)')
    await asyncio.sleep(0)
    log('after sleep(0)')
`,
  expected: [
    '1 start',
    '2 after sleep(0)',
    '3 a timer due at the same moment',
    '4 after sleep(0.01)',
    '5 after sleep(0)',
  ],
});

describe('the virtual clock under sleep(d)', () => {
  it('jumps to the timer and stands still while the task resumes', () => {
    const { h } = run(function* (h) {
      yield* sleep(h.loop, 0.25);
      expect(h.loop.now).toBe(0.25);
      expect(h.loop.iterations).toBe(3);
    });
    expect(h.loop.now).toBe(0.25);
  });
});

describe('call_at with an identical `when` (a documented divergence, not a bug)', () => {
  // CPython's TimerHandle compares `when` only and heapq is not stable: six call_at(t), alone in the heap, pop as
  // 0,2,5,4,1,3. The engine breaks ties by scheduling order, which is what real CPython shows for call_later (each call
  // reads the clock again, so the whens strictly rise): see the timers test above.
  it('engine: scheduling order', () => {
    const h = new Harness();
    h.runUntilComplete(
      (function* () {
        const done = new Future<null>(h.loop);
        const order: number[] = [];
        const when = h.loop.time() + 0.01;
        for (let i = 0; i < 6; i++) {
          h.loop.callAt(when, () => {
            order.push(i);
            if (order.length === 6) done.setResult(null);
          });
        }
        yield* done.wait();
        h.log(order.join(','));
      })(),
    );
    expect(h.trace).toEqual(['3 0,1,2,3,4,5']);
  });

  it('python3: heap order 0,2,5,4,1,3', (ctx) => {
    const exe = requirePython(ctx, 'python3');
    const py = pythonTrace(
      exe,
      `
async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    order = []
    def cb(i):
        order.append(i)
        if len(order) == 6:
            done.set_result(None)
    when = loop.time() + 0.01
    for i in range(6):
        loop.call_at(when, cb, i)
    await done
    log(','.join(map(str, order)))
`,
    );
    expect(py).toEqual(['3 0,2,5,4,1,3']);
  });
});

// Since 3.12 (the change that came with eager task
// factories) gather() runs the done-callback of a child that is already done synchronously (3.13.0
// Lib/asyncio/tasks.py 896-899 `if fut.done(): done_futs.append(fut)`, 913-914 `for fut in done_futs:
// _done_callback(fut)`; 3.12.1 lines 843-846, 860-861), so gather() of finished tasks returns a finished future and
// `await` does not yield. 3.11 add_done_callback()s every child (3.11.7 tasks.py 839), which costs an iteration for
// the callbacks and one for the wake-up. The engine follows `scenario.python` (aio.gather's doneNow).
semantic('gather() of tasks that are already done: two iterations in 3.11, none in 3.12+', {
  on: BOTH,
  engine: function* (h) {
    // eslint-disable-next-line require-yield -- `async def quick(i): return i` never awaits
    function* quick(i: number): Coro<number> {
      return i;
    }
    const ts = [0, 1].map((i) => h.createTask(quick(i)));
    yield* sleep(h.loop, 0);
    yield* sleep(h.loop, 0);
    h.log(`children done: ${pyBool(ts.every((t) => t.done()))}`);
    const res = yield* gather(h.loop, ts, false, h.doneNow).wait();
    h.log(`gather returned [${res.map((r) => (r.ok ? String(r.value) : r.error.pyName)).join(', ')}]`);
  },
  python: `
async def main():
    async def quick(i):
        return i
    ts = [asyncio.create_task(quick(i)) for i in range(2)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log(f'children done: {all(t.done() for t in ts)}')
    res = await asyncio.gather(*ts)
    log(f'gather returned {res}')
`,
  expected: ['3 children done: True', '5 gather returned [0, 1]'],
});

// gather() must complete the outer future with a real CancelledError, so that a task that lets it propagate ends
// CANCELLED, not FAILED. CPython 3.11.7
// Lib/asyncio/tasks.py 775-781 (`_done_callback`: `exc = fut._make_cancelled_error(); outer.set_exception(exc)`) and
// 287-290 (`__step`: `except exceptions.CancelledError as exc: ... super().cancel()`).
semantic('gather(): a cancelled child raises CancelledError in the awaiting task, which ends cancelled', {
  on: BOTH,
  engine: function* (h) {
    const child = h.createTask(sleep(h.loop, 1), 'child');
    function* outer(): Coro<void> {
      yield* sleep(h.loop, 0);
      child.cancel();
      yield* gather(h.loop, [child], false, h.doneNow).wait();
    }
    const o = h.createTask(outer(), 'outer');
    try {
      yield* o.wait();
    } catch (e) {
      if (!isPy(e, 'CancelledError')) throw e;
      h.log('main caught CancelledError');
    }
    h.log(`outer.cancelled()=${pyBool(o.cancelled())}`);
  },
  python: `
async def main():
    child = asyncio.create_task(asyncio.sleep(1))
    async def outer():
        await asyncio.sleep(0)
        child.cancel()
        await asyncio.gather(child)
    o = asyncio.create_task(outer())
    try:
        await o
    except asyncio.CancelledError:
        log('main caught CancelledError')
    log(f'outer.cancelled()={o.cancelled()}')
`,
  expected: ['7 main caught CancelledError', '7 outer.cancelled()=True'],
});
