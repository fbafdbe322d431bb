/**
 * Issue 13 point 5: an output that cannot be written ends the run with one line naming the file and the reason,
 * a non-zero exit and no success summary (it used to print the summary, then a stack trace, or exit 0 on a full
 * disk); a reader that closes stdout early (`| head`) ends it quietly.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runCli, runShell, tempDir } from './spawnCli';

const RUN = ['--preset', 'mm2-blocking', '--horizon', '600'];

describe('--out that cannot be written', () => {
  const dir = tempDir();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'kept\n');
  it.each([
    ['a full device', '/dev/full', 'no space left on device (ENOSPC)'],
    ['a missing folder', join(dir, 'missing', 'trace.jsonl'), 'no such file or directory (ENOENT)'],
    ['a folder', dir, 'illegal operation on a directory (EISDIR)'],
    ['a path through a file', join(file, 'x'), 'not a directory (ENOTDIR)'],
  ])('%s: one line, exit 1, no summary', async (_what, path, reason) => {
    for (const mode of [[], ['--log'], ['--stats'], ['--python']]) {
      const r = await runCli([...RUN, ...mode, '--out', path]);
      expect(lines(r.stderr)).toEqual([`sim: cannot write ${path}: ${reason}`]);
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBe(0);
    }
  });
});

describe('stdout that cannot be written', () => {
  it('a full device: one line, exit 1, no summary', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runCli(RUN, { stdout: fd });
      expect(lines(r.stderr)).toEqual(['sim: cannot write stdout: no space left on device (ENOSPC)']);
      expect(r.code).toBe(1);
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that stops early (| head): quiet, exit 0, the lines it asked for', () => {
    const r = runShell('$SIM --preset mm2-blocking --horizon 600 | head -n 3');
    expect(r.code).toBe(0); // pipefail: the CLI's own exit status
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toHaveLength(4);
    expect(JSON.parse(r.stdout.split('\n')[2] as string)).toMatchObject({ seq: 2 });
  });
});
