/**
 * A tiny harness for engine tests: a TaskHost, `runOnce` (one `BaseEventLoop._run_once` on the virtual clock) and
 * `runUntilComplete` (`loop.run_until_complete`), plus the CPython oracle that runs small programs on python3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PyException } from '../../src/engine/asyncio/errors';
import { Future, type Coro } from '../../src/engine/asyncio/future';
import { EventLoop } from '../../src/engine/asyncio/loop';
import { AioQueue, type AioQueueKind } from '../../src/engine/asyncio/queue';
import { Task, type TaskHost } from '../../src/engine/asyncio/task';

/** The loop went idle (nothing ready, no timer) before the awaited future finished: `select(None)` would block. */
export class LoopHang extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoopHang';
  }
}

export class Harness implements TaskHost {
  readonly loop = new EventLoop();
  readonly tasks: Task<unknown>[] = [];
  /** Lines written by `log`, each prefixed with the loop iteration it was written in. */
  readonly trace: string[] = [];

  /** Python 3.12+ behaviour where it differs from 3.11 (gather of children already done: see aio.gather). */
  constructor(readonly doneNow = false) {}

  register(task: Task<unknown>): void {
    this.tasks.push(task);
  }

  enterTask(): void {}

  leaveTask(): void {}

  /** `asyncio.create_task`: the first step runs in the next iteration. */
  createTask<T>(coro: Coro<T>, name = `Task-${this.tasks.length + 1}`): Task<T> {
    return new Task(this, coro, name);
  }

  queue(maxsize = 0, kind: AioQueueKind = 'Queue'): AioQueue {
    return new AioQueue(this.loop, kind, maxsize);
  }

  /** Appends `"<iteration> <line>"`, the format of the Python programs' `log()` (see PY_PRELUDE). */
  log(line: string): void {
    this.trace.push(`${this.loop.iterations} ${line}`);
  }

  /**
   * One `_run_once`: drop cancelled timers at the head of the heap; if nothing is ready, jump the clock to the first
   * timer (select's timeout elapses at once); move the due timers to the ready queue; run exactly the handles that are
   * ready now. False when there is nothing to run at all (the real loop would block forever).
   */
  runOnce(): boolean {
    const loop = this.loop;
    if (loop.batchLeft !== 0) throw new Error('runOnce: an iteration is already under way');
    loop.dropCancelledTimers();
    if (loop.ready.length === 0) {
      const head = loop.timers.peek();
      if (head === undefined) return false;
      if (head.when > loop.now) loop.now = head.when;
    }
    loop.beginBatch();
    while (loop.batchLeft > 0) loop.runOne();
    return true;
  }

  /**
   * `loop.run_until_complete(main)`: wraps a coroutine in a task, adds a done callback that stops the loop, and runs
   * iterations until that callback has run (so the iteration after the one that finished `main` runs too). Returns the
   * result or throws the Python exception; throws LoopHang when the loop would block forever.
   */
  runUntilComplete<T>(main: Coro<T> | Future<T>, maxIterations = 100_000): T {
    const fut = main instanceof Future ? main : this.createTask(main, 'main');
    let stopping = false;
    fut.addDoneCallback(() => {
      stopping = true;
    });
    for (let n = 0; !stopping; n++) {
      if (n >= maxIterations) throw new Error(`runUntilComplete: still running after ${maxIterations} iterations`);
      if (!this.runOnce()) {
        const waiting = this.tasks.filter((t) => !t.done()).map((t) => `${t.name} on ${t.futWaiter?.label ?? '?'}`);
        throw new LoopHang(`the loop would block forever at t=${this.loop.now}; pending: ${waiting.join(', ')}`);
      }
    }
    return fut.result();
  }
}

/** Runs `body` as the main task of a fresh harness (an IsolatedAsyncioTestCase test method). */
export function run<T>(body: (h: Harness) => Coro<T>): { h: Harness; result: T } {
  const h = new Harness();
  const result = h.runUntilComplete(body(h));
  return { h, result };
}

/** `with assertRaises(Name): await body`: returns the exception; a JS Error fails the test if it is not raised. */
export function* raises(pyName: string, body: Coro<unknown>): Coro<PyException> {
  try {
    yield* body;
  } catch (e) {
    if (e instanceof PyException && e.pyName === pyName) return e;
    throw e;
  }
  throw new Error(`${pyName} was not raised`);
}

/** `assertRaises(Name, fn)` for synchronous calls. */
export function raisesNow(pyName: string, fn: () => unknown): PyException {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException && e.pyName === pyName) return e;
    throw e;
  }
  throw new Error(`${pyName} was not raised`);
}

// ---------------------------------------------------------------------------------------------------------------
// The CPython oracle

/**
 * Defines `loop` (a selector loop that counts `_run_once` calls, the engine's `loop.iterations`) and
 * `log(line)`, which prints `"<iteration> <line>"`. A program defines `async def main()` and ends with PY_RUN.
 */
export const PY_PRELUDE = `
import asyncio, sys

class CountingLoop(asyncio.SelectorEventLoop):
    iterations = 0

    def _run_once(self):
        self.iterations += 1
        super()._run_once()

loop = CountingLoop()
asyncio.set_event_loop(loop)

def log(line):
    print(loop.iterations, line, flush=True)
`;

export const PY_RUN = `
loop.run_until_complete(main())
loop.close()
`;

const found = new Map<string, string | null>();

function versionOf(exe: string): [number, number] | null {
  const r = spawnSync(exe, ['-c', 'import sys; print(sys.version_info[0], sys.version_info[1])'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.status !== 0 || typeof r.stdout !== 'string') return null;
  const m = /^(\d+) (\d+)/.exec(r.stdout.trim());
  return m === null ? null : [Number(m[1]), Number(m[2])];
}

/**
 * An interpreter for `which`: 'python3' (any 3.11+) or 'python3.13' (3.13+, the first with Queue.shutdown). Tries
 * the name on PATH, then pyenv's versions directory (a pyenv shim for a version that is not selected exits non-zero).
 */
export function findPython(which: 'python3' | 'python3.13'): string | null {
  const cached = found.get(which);
  if (cached !== undefined) return cached;
  const min: [number, number] = which === 'python3' ? [3, 11] : [3, 13];
  const candidates: string[] = [which];
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versions = join(root, 'versions');
  if (existsSync(versions)) {
    const prefix = which === 'python3' ? '3.' : '3.13';
    for (const v of readdirSync(versions).filter((d) => d.startsWith(prefix)).sort().reverse()) {
      candidates.push(join(versions, v, 'bin', which === 'python3' ? 'python3' : 'python3.13'));
    }
  }
  let exe: string | null = null;
  for (const c of candidates) {
    const v = versionOf(c);
    if (v !== null && v[0] === min[0] && v[1] >= min[1]) {
      exe = c;
      break;
    }
  }
  found.set(which, exe);
  return exe;
}

/**
 * The interpreter, or a loud skip: without it the test is skipped with a console.warn, except under CI=true, where
 * a missing interpreter fails the test.
 */
export function requirePython(ctx: { skip: (note?: string) => never }, which: 'python3' | 'python3.13'): string {
  const exe = findPython(which);
  if (exe !== null) return exe;
  const msg = `${which} not found (on PATH or under pyenv): the CPython cross-check cannot run`;
  if (process.env.CI === 'true') throw new Error(`${msg}, and CI=true forbids skipping it`);
  console.warn(`SKIPPED: ${msg}`);
  return ctx.skip(msg);
}

/** Runs a program on stdin; returns its stdout lines. A non-zero exit throws with stderr. */
export function runPython(exe: string, code: string, args: string[] = []): string[] {
  const r = spawnSync(exe, ['-', ...args], { input: code, encoding: 'utf8', timeout: 60_000 });
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) throw new Error(`${exe} exited with ${r.status}:\n${r.stderr}\n--- program ---\n${code}`);
  const out = r.stdout.replace(/\n+$/, '');
  return out === '' ? [] : out.split('\n');
}

/** A traced program: PY_PRELUDE + body (which defines `async def main()`) + PY_RUN, run and split into lines. */
export function pythonTrace(exe: string, body: string): string[] {
  return runPython(exe, `${PY_PRELUDE}\n${body}\n${PY_RUN}`);
}
