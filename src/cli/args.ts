/** Command-line arguments of `npm run sim`. A bad argument is a CliError with one clear line. */
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
  listPresets: boolean;
  python: boolean;
  log: boolean;
  stats: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run sim -- <scenario.json | --preset ID> [--seed N] [--horizon T] [--out trace.jsonl]
                        [--python | --log | --stats]
       npm run sim -- --list-presets
  --preset ID      run a built-in program (see --list-presets)
  --seed N         override the scenario's random.seed (a whole number >= 0)
  --horizon T      stop at virtual time T seconds
  --out FILE       write the output to FILE instead of stdout
  --python         print the equivalent Python program instead of running
  --log            print the event log (the lines the Python program prints) instead of the JSON trace
  --stats          print measured figures and queueing-theory predictions as JSON
exit status: 0 the run ended (completed, hang, horizon or error: the trace says which) and all was written,
  or stdout's reader closed it (| head); 1 the output could not be written; 2 a bad argument or scenario`;

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = { file: null, preset: null, seed: null, horizon: null, out: null, listPresets: false, python: false, log: false, stats: false, help: false };
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
      case '--out':
        a.out = value(i++, arg);
        break;
      case '--list-presets':
        a.listPresets = true;
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
  if (!a.help && !a.listPresets && a.file === null && a.preset === null) throw new CliError('give a scenario file or --preset ID (see --help)');
  if (a.file !== null && a.preset !== null) throw new CliError('give a scenario file or --preset, not both');
  return a;
}
