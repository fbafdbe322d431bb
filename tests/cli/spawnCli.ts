/**
 * Runs the CLI as a user does: `node scripts/sim.mjs ARGS` (what `npm run sim` runs), in a child process, with
 * stdout going where the test says (a pipe read by this process, a file, a shell pipeline).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIM = join(ROOT, 'scripts', 'sim.mjs');

// built once here, so the children never race to rebuild (a rebuild is atomic, but it costs each child its time)
spawnSync(process.execPath, [SIM, '--list-presets'], { cwd: ROOT, stdio: 'ignore' });

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface CliOptions {
  /** An open fd for stdout instead of a pipe this process reads. */
  stdout?: number;
  /** Keep no more than this much of stdout (the rest is read and counted, not kept). */
  keep?: number;
  /** Measure the process's peak resident memory (tests/cli/peakRss.mjs). */
  peakRss?: boolean;
  /** Close the reading end of stdout after this many bytes (a reader that goes early, like `head`). */
  closeAfter?: number;
  /** Called with all of stderr so far, each time more arrives. */
  onStderr?: (text: string) => void;
}

/** The CLI with stdout into a pipe that this process reads to its end (or into `opts.stdout`). */
export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult & { stdoutBytes: number; peakRssKb: number | null }> {
  const rssFile = opts.peakRss ? join(tempDir(), 'peak-rss') : null;
  const preload = rssFile === null ? [] : ['--import', pathToFileURL(join(ROOT, 'tests', 'cli', 'peakRss.mjs')).href];
  const env = rssFile === null ? process.env : { ...process.env, QUEUE_LAB_PEAK_RSS_FILE: rssFile };
  const r = await new Promise<CliResult & { stdoutBytes: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [...preload, SIM, ...args], { cwd: ROOT, env, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let total = 0;
    child.stdout?.on('data', (b: Buffer) => {
      if (total < (opts.keep ?? Infinity)) out.push(b);
      total += b.length;
      if (total >= (opts.closeAfter ?? Infinity)) child.stdout?.destroy();
    });
    child.stderr?.on('data', (b: Buffer) => {
      err.push(b);
      opts.onStderr?.(Buffer.concat(err).toString('utf8'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stdoutBytes: total, stderr: Buffer.concat(err).toString('utf8') }));
  });
  return { ...r, peakRssKb: rssFile === null ? null : Number(readFileSync(rssFile, 'utf8')) };
}

/** A shell command line with `$SIM` standing for the CLI (e.g. `$SIM --preset x | wc -c`); its stdout and exit code. */
export function runShell(line: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', line], {
    cwd: ROOT,
    // no spaces in either path here, so the shell may split $SIM as it likes
    env: { ...process.env, SIM: `${process.execPath} ${SIM}` },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'queue-lab-cli-'));
}

/** stderr's lines, without the empty one after the last newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}
