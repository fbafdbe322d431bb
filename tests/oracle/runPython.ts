/**
 * The CPython side of the oracle: run a scenario's exported program (src/python/generate.ts) under real CPython
 * with `--fast --trace` and parse its JSON Lines trace.
 *
 *   const py = findPython('3.13');             // null: not installed -> skip loudly (see skipReason)
 *   const { events, end } = await runPythonTrace(scenario);
 *   const traces = await runPythonTraces(scenarios);   // many programs, one interpreter per Python version
 *
 * Interpreters: 3.11 and 3.12 scenarios run on `python3` (3.11 and 3.12 have the same asyncio queues and loop),
 * 3.13 ones on `python3.13`; `exact: true` asks for the scenario's own minor version. A pyenv shim that is not
 * selected fails to run, so the pyenv versions directory is tried too. Override with QUEUE_LAB_PYTHON_3_11 etc.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePython } from '../../src/python/generate.ts';
import type { EndRecord, Scenario, TraceEvent } from '../../src/scenarios/types.ts';

export type PythonVersion = Scenario['python'];

export interface RunOptions {
  /** Run on the scenario's own minor version (python3.12 for '3.12') instead of python3. */
  exact?: boolean;
  /** Override the scenario's horizon (`--horizon T`). */
  horizon?: number;
  /** Kill the interpreter after this many ms (default 60 s for one run, 300 s for a batch). */
  timeoutMs?: number;
  /** Extra command-line arguments; default `--fast --trace`. */
  args?: string[];
  /** Batch: the real-time limit of one program in seconds (default 30); past it the run ends with error JobTimeout. */
  jobTimeoutS?: number;
  /** Batch: interpreter processes per Python version (default: half the CPUs, at least 1). */
  workers?: number;
}

/**
 * The end record as the Python side writes it. `cleanup_seq`, present once main() has returned or raised, is the
 * seq of the first event after that: from there on asyncio.run cancels the leftover tasks (in set order).
 */
export type PythonEndRecord = EndRecord & { cleanup_seq?: number };

export interface PythonTrace {
  events: TraceEvent[];
  /** null when the program printed no end record (a crash of the harness itself: see stderr). */
  end: PythonEndRecord | null;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The interpreter command that ran it. */
  python: string;
  /** Time spent inside the interpreter on this program (batch) or the whole process (single), in ms. */
  ms: number;
}

export interface PythonInfo {
  command: string;
  version: string; // e.g. '3.11.7'
}

export class PythonMissingError extends Error {
  constructor(readonly wanted: string) {
    super(`no Python interpreter for ${wanted} (tried python${wanted}, python3, pyenv); set QUEUE_LAB_PYTHON_${wanted.replace('.', '_')}`);
    this.name = 'PythonMissingError';
  }
}

const DRIVER = fileURLToPath(new URL('./batch_driver.py', import.meta.url));
const found = new Map<string, PythonInfo | null>();

function probe(command: string): PythonInfo | null {
  const r = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.status !== 0 || typeof r.stdout !== 'string') return null;
  const version = r.stdout.trim();
  return /^\d+\.\d+\.\d+$/.test(version) ? { command, version } : null;
}

function pyenvCandidates(minor: string): string[] {
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const dir = join(root, 'versions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => v === minor || v.startsWith(`${minor}.`))
    .sort()
    .reverse()
    .map((v) => join(dir, v, 'bin', `python${minor}`))
    .filter((p) => existsSync(p));
}

/** The interpreter for a minor version ('3.11' ...), or null when none is installed. Cached. */
export function findExactPython(minor: string): PythonInfo | null {
  if (found.has(minor)) return found.get(minor) ?? null;
  const env = process.env[`QUEUE_LAB_PYTHON_${minor.replace('.', '_')}`];
  const candidates = [...(env ? [env] : []), `python${minor}`, ...pyenvCandidates(minor)];
  let info: PythonInfo | null = null;
  for (const c of candidates) {
    const p = probe(c);
    if (p !== null && (p.version === minor || p.version.startsWith(`${minor}.`))) {
      info = p;
      break;
    }
  }
  found.set(minor, info);
  return info;
}

/** The interpreter a scenario of this version runs on (python3 for 3.11/3.12 unless `exact`), or null. */
export function findPython(version: PythonVersion, exact = false): PythonInfo | null {
  if (version === '3.13' || exact) return findExactPython(version);
  const key = 'python3';
  if (!found.has(key)) {
    const p = probe('python3');
    const ok = p !== null && /^3\.(1[1-9]|[2-9]\d)\./.test(p.version);
    found.set(key, ok ? p : null);
  }
  return found.get(key) ?? findExactPython(version);
}

/** A sentence for `it.skip`-style reporting, or null when the interpreter is there. */
export function skipReason(version: PythonVersion, exact = false): string | null {
  return findPython(version, exact) === null ? new PythonMissingError(version).message : null;
}

/** Parses `--fast --trace` output: the events, then the end record (the last line). */
export function parseTrace(stdout: string): { events: TraceEvent[]; end: PythonEndRecord | null } {
  const events: TraceEvent[] = [];
  let end: PythonEndRecord | null = null;
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as TraceEvent | PythonEndRecord;
    if (rec.event === 'end') end = rec as PythonEndRecord;
    else events.push(rec as TraceEvent);
  }
  return { events, end };
}

function argsFor(opts: RunOptions): string[] {
  const args = opts.args ?? ['--fast', '--trace'];
  return opts.horizon === undefined ? args : [...args, '--horizon', String(opts.horizon)];
}

function run(command: string, args: string[], input: string, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) reject(new Error(`${command} ${args.join(' ')}: killed after ${timeoutMs} ms\n${stderr.slice(-2000)}`));
      else resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Runs one scenario's program (`python - --fast --trace`, the program on stdin) and parses its trace. */
export async function runPythonTrace(s: Scenario, opts: RunOptions = {}): Promise<PythonTrace> {
  const py = findPython(s.python, opts.exact);
  if (py === null) throw new PythonMissingError(s.python);
  const started = performance.now();
  const r = await run(py.command, ['-', ...argsFor(opts)], generatePython(s), opts.timeoutMs ?? 60_000);
  return { ...parseTraceSafe(r.stdout), exitCode: r.code, stdout: r.stdout, stderr: r.stderr, python: py.command, ms: performance.now() - started };
}

function parseTraceSafe(stdout: string): { events: TraceEvent[]; end: PythonEndRecord | null } {
  try {
    return parseTrace(stdout);
  } catch {
    return { events: [], end: null };
  }
}

interface DriverResult {
  i: number;
  exit: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs many scenarios, each in a fresh namespace with a fresh event loop, in one interpreter process per Python
 * version (or `workers` per version, in parallel) running tests/oracle/batch_driver.py, which saves each program
 * the interpreter's start-up. Results come back in input order.
 */
export async function runPythonTraces(scenarios: Scenario[], opts: RunOptions = {}): Promise<PythonTrace[]> {
  const byCommand = new Map<string, number[]>();
  for (const [k, s] of scenarios.entries()) {
    const py = findPython(s.python, opts.exact);
    if (py === null) throw new PythonMissingError(s.python);
    const list = byCommand.get(py.command) ?? [];
    list.push(k);
    byCommand.set(py.command, list);
  }
  const results: PythonTrace[] = new Array<PythonTrace>(scenarios.length);
  const args = argsFor(opts);
  const workers = Math.max(1, opts.workers ?? Math.floor(availableParallelism() / 2));
  const chunks: [string, number[]][] = [];
  for (const [command, indices] of byCommand) {
    const size = Math.ceil(indices.length / Math.min(workers, indices.length));
    for (let k = 0; k < indices.length; k += size) chunks.push([command, indices.slice(k, k + size)]);
  }
  await Promise.all(
    chunks.map(async ([command, indices]) => {
      const jobs = indices.map((k) => ({ code: generatePython(scenarios[k] as Scenario), args, timeout: opts.jobTimeoutS ?? 30 }));
      const r = await run(command, [DRIVER], JSON.stringify(jobs), opts.timeoutMs ?? 300_000);
      const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
      if (lines.length !== indices.length) {
        throw new Error(`batch driver (${command}) returned ${lines.length} of ${indices.length} results\n${r.stderr.slice(-4000)}`);
      }
      for (const line of lines) {
        const d = JSON.parse(line) as DriverResult;
        const k = indices[d.i] as number;
        results[k] = { ...parseTraceSafe(d.stdout), exitCode: d.exit, stdout: d.stdout, stderr: d.stderr, python: command, ms: d.ms };
      }
    }),
  );
  return results;
}
