/**
 * The `--fast` block that src/python/generate.ts appends to every exported program: a virtual clock for
 * CPython's own event loop, standard library only (3.11-3.13). docs/scenario.md ("Virtual time") is the
 * contract; this is the Python side of it and the oracle that the engine's traces are compared against.
 *
 * What it changes, and nothing else:
 * - `_VirtualLoop` subclasses the stock `asyncio.SelectorEventLoop`, so CPython's `_run_once` runs as is;
 *   `time()` is the virtual clock, `call_at` pushes timers that break `when` ties by scheduling order, and
 *   `create_task` records creation order (the task running main() is renamed `main`).
 * - The selector never sleeps: its `select(timeout)` first runs the sleeping threads that are due, then jumps
 *   the clock to exactly the head timer's `when`. With nothing left to run it ends the run as a hang.
 * - The program's `time` and `threading` names are rebound: `time.sleep` advances the clock (in a thread it
 *   hands the baton back), and threads run one at a time under a baton held by the main thread.
 * - `log` prints JSON Lines with `--trace`; nothing is printed once the run has stopped.
 *
 * The last line of the program (written by the generator) calls `_run_fast(main, horizon=...)`.
 * Exit status: 0 completed or horizon, 1 error (an exception escaped main), 2 hang.
 *
 * The block is Python in fast_clock.py, imported as its text: Vite's `?raw` (the page, vitest), under node
 * (tsx, Playwright) scripts/text-imports.mjs, in an esbuild bundle a `?raw` plugin (bench/load.ts). This is the
 * one module that imports it.
 */
import text from './fast_clock.py?raw';

export const FAST_CLOCK: string = text;
