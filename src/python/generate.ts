/**
 * Scenario -> a plain asyncio program, statement for statement the shape in docs/scenario.md ("The program").
 *
 * `generateProgram(s)` returns the code and `sites`: named places in it (1-based line numbers) for the code
 * panel. Keys, per group name G (and `main`):
 *   statements  G.def G.loop G.sleep G.item G.put G.sentinel.put G.join            (producers)
 *               G.def G.loop G.get G.get_nowait G.poll_sleep G.raise G.service
 *               G.task_done G.task_done_2 G.sentinel.task_done G.exit           (consumers)
 *               main.def main.queue main.consumers main.producers main.threads main.gather_producers
 *               (with main.keep_refs false, main.producers is the first bare create_task line)
 *               main.sentinel.put main.join main.cancel main.shutdown main.await   run (asyncio.run)
 *   log calls   G.log.<event> for every `log(...)`, e.g. producer.log.put, consumer.log.get_wait;
 *               the ones in the sentinel code are G.log.sentinel.<event> (put_wait, put, task_done, exit).
 * A key is absent when the scenario has no such statement.
 *
 * Numbers are written with JS `String(x)`, so integral values stay Python ints (`2`, not `2.0`).
 *
 * The parts are in generate/: the Emitter and expressions (emitter.ts), the producers and consumers (actors.ts),
 * main (main.ts), the head with imports and helpers (head.ts); the --fast block is fast_clock.py.
 */
import type { Scenario } from '../scenarios/types.ts';
import { programShape } from '../engine/program/shape.ts';
import { PROGRAM_NAMES } from '../scenarios/limits.ts';
import { FAST_CLOCK } from './fastClock.ts';
import { pyNumber } from './literals.ts';
import { emitConsumer, emitProducer } from './generate/actors.ts';
import { Emitter, type Context } from './generate/emitter.ts';
import { emitHead } from './generate/head.ts';
import { emitMain } from './generate/main.ts';

export interface PythonProgram {
  code: string;
  /** Named code sites -> 1-based line numbers (see the file comment for the keys). */
  sites: Record<string, number>;
}

/** The exported program as text. */
export function generatePython(s: Scenario): string {
  return generateProgram(s).code;
}

/** Named code sites of the exported program -> 1-based line numbers. */
export function sourceLines(s: Scenario): Record<string, number> {
  return generateProgram(s).sites;
}

/**
 * Names a group may not take: the program's own names (modules, functions, variables, loop variables), Python's
 * keywords and builtins (the --fast block uses builtins too), and anything starting with `_` (the --fast block).
 */
export { PROGRAM_NAMES };

function checkScenario(s: Scenario): void {
  const seen = new Set<string>();
  for (const g of [...s.producers, ...s.consumers]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(g.name)) throw new Error(`group name ${JSON.stringify(g.name)} is not a Python identifier`);
    if (PROGRAM_NAMES.has(g.name) || g.name.startsWith('_')) {
      throw new Error(`group name ${JSON.stringify(g.name)} is a name the program already uses`);
    }
    if (seen.has(g.name)) throw new Error(`two groups are named ${JSON.stringify(g.name)}`);
    seen.add(g.name);
  }
}

function seenName(s: Scenario, name: string): boolean {
  return [...s.producers, ...s.consumers].some((g) => g.name === name);
}

/** The program and its named code sites. */
export function generateProgram(s: Scenario): PythonProgram {
  checkScenario(s);
  const ctx: Context = { s, shape: programShape(s), usesRandom: false, cycles: [] };
  // The functions first (they decide which imports and cycles are needed), then the head in front.
  const body = new Emitter();
  for (const p of ctx.shape.producers) {
    emitProducer(body, ctx, p);
    body.blank(2);
  }
  for (const c of ctx.shape.consumers) {
    emitConsumer(body, ctx, c);
    body.blank(2);
  }
  emitMain(body, ctx);
  body.blank(2);
  body.line(0, "if __name__ == '__main__' and '--fast' not in sys.argv:  # --fast: see the end of the file");
  body.line(1, 'asyncio.run(main())', 'run');

  const head = emitHead(ctx);
  for (const c of ctx.cycles) {
    if (seenName(s, c.name)) throw new Error(`group name ${JSON.stringify(c.name)} is a name the program already uses`);
  }
  const offset = head.lines.length;
  const sites: Record<string, number> = {};
  for (const [k, v] of Object.entries(body.sites)) sites[k] = v + offset;
  const horizon = s.horizon === null ? 'None' : pyNumber(s.horizon);
  const code = [
    ...head.lines,
    ...body.lines,
    '',
    '',
    FAST_CLOCK.trimEnd(),
    '',
    '',
    "if __name__ == '__main__' and '--fast' in sys.argv:",
    `    _run_fast(main, horizon=${horizon})`,
    '',
  ].join('\n');
  return { code, sites };
}
