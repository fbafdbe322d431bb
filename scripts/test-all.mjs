#!/usr/bin/env node
// Runs every check in order and closes with one line: `N passed, N failed, N skipped`.
//   1. typecheck (tsc -b)          counts as 1 test
//   2. lint (eslint ., then scripts/import-cycles.py src: no import cycle)   counts as 1 test
//   3. unit tests (vitest)         counted from reports/unit.json
//   4. e2e tests (playwright)      counted from reports/e2e.json
// Every step runs even if an earlier one failed. A runner whose report is missing or unreadable
// (it crashed), or that exits non-zero without reporting a failure, counts as 1 failed.
// Exit code: 0 only if nothing failed and at least one test passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(root, 'reports');
const unitReport = join(reportsDir, 'unit.json');
const e2eReport = join(reportsDir, 'e2e.json');

const isWindows = process.platform === 'win32';
const bin = (name) => join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);

/** @type {{ step: string, passed: number, failed: number, skipped: number, note?: string }[]} */
const results = [];

function run(step, command, args) {
  console.log(`\n=== ${step}: ${[command.split(/[\\/]/).pop(), ...args].join(' ')} ===`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = res.error ? `spawn error: ${res.error.message}` : res.status ?? `signal ${res.signal}`;
  console.log(`=== ${step}: exit ${code} (${seconds} s) ===`);
  return res.error ? 1 : (res.status ?? 1);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function passFail(step, code) {
  results.push({ step, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

/** Vitest's JSON reporter (jest-compatible shape). */
function countVitest(report) {
  let passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no assertion results: count it as one failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) failed += 1;
  }
  return { passed, failed, skipped };
}

/** Playwright's JSON reporter. */
function countPlaywright(report) {
  const s = report.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  let failed = s.unexpected ?? 0;
  const skipped = s.skipped ?? 0;
  // Global errors (webServer did not start, config error, ...) are failures too.
  failed += (report.errors ?? []).length;
  return { passed, failed, skipped };
}

function fromReport(step, code, file, count) {
  const report = existsSync(file) ? readJson(file) : undefined;
  if (!report) {
    results.push({ step, passed: 0, failed: 1, skipped: 0, note: `no readable report at ${file} (runner crashed?)` });
    return;
  }
  const counts = count(report);
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    results.push({ step, ...counts, note: `exit code ${code} with no failed test in its report` });
    return;
  }
  results.push({ step, ...counts });
}

mkdirSync(reportsDir, { recursive: true });
rmSync(unitReport, { force: true });
rmSync(e2eReport, { force: true });

passFail('typecheck', run('typecheck', bin('tsc'), ['-b']));
{
  const eslint = run('lint', bin('eslint'), ['.']);
  const cycles = run('lint: import cycles', isWindows ? 'python' : 'python3', ['scripts/import-cycles.py', 'src']);
  passFail('lint', eslint || cycles);
}

const unitCode = run('unit', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${unitReport}`,
]);
fromReport('unit', unitCode, unitReport, countVitest);

const e2eCode = run('e2e', bin('playwright'), ['test']);
fromReport('e2e', e2eCode, e2eReport, countPlaywright);

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n=== summary ===');
for (const r of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  const note = r.note ? `  (${r.note})` : '';
  console.log(`${r.step.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${note}`);
}
if (total.passed === 0) console.log('nothing passed: treating the run as failed');
// The closing line, alone and last.
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
