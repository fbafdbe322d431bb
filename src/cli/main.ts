/** `npm run sim`: runs a scenario headless in Node and writes its trace; see USAGE. */
import { createWriteStream, readFileSync } from 'node:fs';
import { Simulation, type Record } from '../engine/simulation';
import { TraceEncoder } from '../engine/traceBytes';
import { findPreset, listPresets } from '../scenarios/registry';
import { parseScenario, validateScenario } from '../scenarios/validate';
import type { Scenario } from '../scenarios/types';
import { CliError, parseArgs, USAGE, type CliArgs } from './args';
import { summarize } from './summary';
import { extraOutputs } from './outputs';

function loadScenario(a: CliArgs): Scenario {
  let s: Scenario;
  if (a.preset !== null) {
    const p = findPreset(a.preset);
    if (p === undefined) throw new CliError(`no preset ${JSON.stringify(a.preset)}; --list-presets lists them`);
    s = structuredClone(p.scenario);
  } else {
    let text: string;
    try {
      text = readFileSync(a.file as string, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${a.file ?? ''}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const v = parseScenario(text);
    if (!v.ok) throw new CliError(`${a.file ?? ''}: ${v.errors.join('; ')}`);
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
  if (a.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (a.listPresets) {
    for (const p of listPresets()) process.stdout.write(`${p.id}\t${p.title.en}\n`);
    return 0;
  }
  const s = loadScenario(a);
  const out = a.out === null ? process.stdout : createWriteStream(a.out);
  const write = (text: string): void => void out.write(text);
  const extra = extraOutputs(a, s);
  if (extra !== null && extra.kind === 'text') {
    write(extra.text);
  } else {
    const sim = new Simulation(s);
    let end;
    if (extra !== null && extra.kind === 'records') {
      end = sim.runToEnd((records: Record[]) => extra.consume(records, write), 50_000_000);
      extra.finish(sim, write);
    } else {
      // the encoder reuses its buffer: the stream gets a copy (it may write it later)
      end = sim.writeToEnd(new TraceEncoder(), (bytes) => void out.write(bytes.slice()), 50_000_000);
    }
    const events = sim.seq - (end ? 1 : 0);
    process.stderr.write(`${summarize(s.name, end, sim.sim.produced, sim.sim.consumed, events)}\n`);
  }
  if (out !== process.stdout) await new Promise<void>((res) => out.end(res));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`sim: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
