/**
 * `npm run bench:cli`: how long the CLI takes to start, against Node itself. Issue 14's budget: `--list-presets`
 * starts in at most 3x the time of `node -e 1`. Three commands, each a fresh process, run in turns (so a busy
 * moment on this shared machine falls on all three alike), their wall times' medians printed with the ratios:
 *   - `node -e 1`, the baseline;
 *   - `node build/cli.mjs --list-presets`, the bundle alone;
 *   - `node scripts/sim.mjs --list-presets`, what `npm run sim` runs: the staleness check, then the bundle.
 * Asserts nothing (machines here are shared and noisy).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = 21;
const root = fileURLToPath(new URL('..', import.meta.url));
const COMMANDS: [string, string[]][] = [
  ['node -e 1', ['-e', '1']],
  ['node build/cli.mjs --list-presets', ['build/cli.mjs', '--list-presets']],
  ['node scripts/sim.mjs --list-presets', ['scripts/sim.mjs', '--list-presets']],
];
const BUDGET = 3;

function once(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

const times: number[][] = COMMANDS.map(() => []);
// scripts/sim.mjs first: it builds the bundle if the sources changed; then each warms the file cache
for (const [, args] of [...COMMANDS].reverse()) once(args);
for (let i = 0; i < RUNS; i++) COMMANDS.forEach(([, args], k) => times[k]!.push(once(args)));

const base = median(times[0]!);
console.log(`CLI start, median of ${RUNS} runs each (budget: at most ${BUDGET}x node -e 1)`);
COMMANDS.forEach(([name], k) => {
  const m = median(times[k]!);
  const ratio = m / base;
  const verdict = k === 0 ? '' : ratio <= BUDGET ? '  within budget' : '  OVER BUDGET';
  console.log(`  ${name.padEnd(38)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
});
