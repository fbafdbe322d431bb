/** Command-line arguments of `npm run sim`. A bad argument is a CliError with one clear line. */

/** The default guard against a program that runs for ever without reaching its end or its horizon. */
export const MAX_ITERATIONS = 50_000_000;

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliArgs {
  file: string | null;
  preset: string | null;
  seed: number | null;
  horizon: number | null;
  out: string | null;
  maxIterations: number;
  listPresets: boolean;
  schema: boolean;
  python: boolean;
  log: boolean;
  stats: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run sim -- <scenario.json | --preset ID> [--seed N] [--horizon T] [--out trace.jsonl]
                        [--python | --log | --stats] [--max-iterations N]
       npm run sim -- --list-presets
       npm run sim -- --schema       print the JSON Schema of a scenario file (docs/scenario.schema.json)
  --preset ID      run a built-in program (see --list-presets)
  --seed N         override the scenario's random.seed (a whole number >= 0)
  --horizon T      stop at virtual time T seconds
  --out FILE       write the output to FILE instead of stdout
  --python         print the equivalent Python program instead of running
  --log            print the event log (the lines the Python program prints) instead of the JSON trace
  --stats          print measured figures and queueing-theory predictions as JSON
  --max-iterations N  stop a run that has not ended after N loop iterations (default 50000000)
exit status: 0 the run ended (completed, hang, horizon or error: the trace says which) and all was written,
  or stdout's reader closed it (| head); 1 the output could not be written; 2 a bad argument or scenario;
  3 stopped at --max-iterations (the trace ends with a "limit" record)`;

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = { file: null, preset: null, seed: null, horizon: null, out: null, maxIterations: MAX_ITERATIONS, listPresets: false, schema: false, python: false, log: false, stats: false, help: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CliError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    switch (arg) {
      case '--preset':
        a.preset = value(i++, arg);
        break;
      case '--seed': {
        const v = value(i++, arg);
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) throw new CliError(`--seed must be a whole number >= 0, got ${JSON.stringify(v)}`);
        a.seed = n;
        break;
      }
      case '--horizon': {
        const v = value(i++, arg);
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new CliError(`--horizon must be a number of seconds above 0, got ${JSON.stringify(v)}`);
        a.horizon = n;
        break;
      }
      case '--max-iterations': {
        const v = value(i++, arg);
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`--max-iterations must be a whole number >= 1, got ${JSON.stringify(v)}`);
        a.maxIterations = n;
        break;
      }
      case '--out':
        a.out = value(i++, arg);
        break;
      case '--list-presets':
        a.listPresets = true;
        break;
      case '--schema':
        a.schema = true;
        break;
      case '--python':
        a.python = true;
        break;
      case '--log':
        a.log = true;
        break;
      case '--stats':
        a.stats = true;
        break;
      case '--help':
      case '-h':
        a.help = true;
        break;
      default:
        if (arg.startsWith('-')) throw new CliError(`unknown option ${arg} (see --help)`);
        if (a.file !== null) throw new CliError(`one scenario file at a time (got ${a.file} and ${arg})`);
        a.file = arg;
    }
  }
  if ([a.python, a.log, a.stats].filter(Boolean).length > 1) throw new CliError('choose one of --python, --log, --stats');
  if (!a.help && !a.listPresets && !a.schema && a.file === null && a.preset === null) throw new CliError('give a scenario file or --preset ID (see --help)');
  if (a.file !== null && a.preset !== null) throw new CliError('give a scenario file or --preset, not both');
  return a;
}
