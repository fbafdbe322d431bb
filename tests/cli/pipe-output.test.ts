/**
 * Issue 13 point 3: output into a pipe arrives whole. The CLI used to call process.exit as soon as the run was
 * done, while most of stdout was still queued for a pipe whose reader had taken 64 kB: `| wc -c` counted 65,536.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell, tempDir } from './spawnCli';

const RUN = '--preset mm2-blocking --horizon 600';

describe.each([
  ['the trace', ''],
  ['the log', '--log'],
])('%s into a pipe', (_what, flag) => {
  it('has every byte that --out writes to a file', () => {
    const file = join(tempDir(), 'out');
    const toFile = runShell(`$SIM ${RUN} ${flag} --out ${file}`);
    expect(toFile.code).toBe(0);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(1 << 16); // more than a pipe's buffer, or the test proves nothing
    const piped = runShell(`$SIM ${RUN} ${flag} | wc -c`);
    expect(piped.code).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(size);
    // and the same bytes, through a pipe into a file
    const viaCat = join(tempDir(), 'out');
    expect(runShell(`$SIM ${RUN} ${flag} | cat > ${viaCat}`).code).toBe(0);
    expect(readFileSync(viaCat).equals(readFileSync(file))).toBe(true);
  });
});
