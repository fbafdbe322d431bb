/**
 * `npm run sim`: runs a scenario headless in Node and writes its trace; see USAGE. The process is never ended
 * with process.exit: it sets its exit code and returns, so nothing still queued for stdout is cut off.
 */
import { Simulation } from '../engine/simulation';
import { findPreset, listPresets } from '../scenarios/registry';
import { parseScenario, validateScenario } from '../scenarios/validate';
import scenarioJsonSchema from '../../docs/scenario.schema.json' with { type: 'json' };
import type { Scenario } from '../scenarios/types';
import { CliError, parseArgs, USAGE, type CliArgs } from './args';
import { readScenarioFile } from './input';
import { modeOf } from './outputs';
import { Output, WriteFailure } from './output';
import { runSliced } from './run';
import { summarize } from './summary';

/** Exit statuses (USAGE, README). */
const EXIT = { ok: 0, writeFailed: 1, internal: 1, badInput: 2, limit: 3 } as const;

async function loadScenario(a: CliArgs): Promise<Scenario> {
  let s: Scenario;
  if (a.preset !== null) {
    const p = findPreset(a.preset);
    if (p === undefined) throw new CliError(`no preset ${JSON.stringify(a.preset)}; --list-presets lists them`);
    s = structuredClone(p.scenario);
  } else {
    const file = a.file as string;
    const v = parseScenario(await readScenarioFile(file, (note) => process.stderr.write(note)));
    if (!v.ok) throw new CliError(`${file}: ${v.errors.join('; ')}`);
    s = v.scenario;
  }
  if (a.seed !== null) s.seed = a.seed;
  if (a.horizon !== null) s.horizon = a.horizon;
  const v = validateScenario(s);
  if (!v.ok) throw new CliError(v.errors.join('; '));
  return v.scenario;
}

async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (a.help || a.listPresets || a.schema) {
    const out = Output.stdout();
    if (a.help) out.write(`${USAGE}\n`);
    else if (a.schema) out.write(`${JSON.stringify(scenarioJsonSchema, null, 2)}\n`);
    else for (const p of listPresets()) out.write(`${p.id}\t${p.title.en}\n`);
    await out.close();
    return EXIT.ok;
  }
  // the scenario first: a bad one must not truncate the --out file
  const s = await loadScenario(a);
  const out = a.out === null ? Output.stdout() : await Output.file(a.out);
  const mode = modeOf(a, s);
  if (mode.kind === 'text') {
    out.write(mode.text);
    await out.close();
    return EXIT.ok;
  }
  const sim = new Simulation(s);
  const end = await runSliced(sim, mode.slices(sim), out, a.maxIterations);
  mode.finish(end, (text) => out.write(text));
  await out.close();
  // only once everything is written: a failed write says so instead
  const events = end.status === 'limit' ? sim.seq : sim.seq - 1;
  process.stderr.write(`${summarize(s.name, end, sim.tracker.counters.produced, sim.tracker.counters.consumed, events)}\n`);
  return end.status === 'limit' ? EXIT.limit : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof WriteFailure) {
      // a reader that stopped reading (| head) wanted no more: end quietly, as the run itself did not fail
      if (e.closedByReader) return;
      process.stderr.write(`sim: ${e.message}\n`);
      process.exitCode = EXIT.writeFailed;
      return;
    }
    if (e instanceof CliError) {
      process.stderr.write(`sim: ${e.message}\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    process.stderr.write(`sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
