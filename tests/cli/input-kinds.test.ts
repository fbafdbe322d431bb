/**
 * Issue 13 point 9: the scenario file's size is checked while it is read, and what is not a file is refused. The
 * CLI used to read /dev/zero until it died of bad_alloc (54 s), and a pipe fed without end for ever.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, openSync, closeSync, constants, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/scenarios/registry';
import { lines, runCli, runShell, tempDir } from './spawnCli';

const dir = tempDir();
const TOO_LARGE = 'is too large (more than 3,000,000 bytes); a scenario is at most 1,000,000 characters (3,000,000 bytes of UTF-8)';
const scenario = JSON.stringify(findPreset('seed-2')!.scenario);
const fifos: string[] = [];

function fifo(name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  fifos.push(path);
  return path;
}

/** Feeds a FIFO: `text`, then (if `endless`) spaces until the reader closes it. */
function feed(path: string, text: string, endless: boolean): void {
  const w = createWriteStream(path);
  w.on('error', () => undefined); // EPIPE once the CLI stops reading: expected
  const more = (): void => {
    const chunk = Buffer.alloc(1 << 16, 0x20);
    while (!w.destroyed && w.write(chunk));
    if (!w.destroyed) w.once('drain', more);
  };
  w.write(text);
  if (endless) more();
  else w.end();
}

// a writer still waiting to open a FIFO (the CLI failed first) is released by a reader that opens and goes
afterAll(() => {
  for (const f of fifos) closeSync(openSync(f, constants.O_RDONLY | constants.O_NONBLOCK));
});

describe('what is not a regular file', () => {
  it.each([
    ['/dev/zero', 'sim: /dev/zero is a character device, not a scenario file (give a file, or a pipe)'],
    ['/dev/null', 'sim: /dev/null is a character device, not a scenario file (give a file, or a pipe)'],
    [dir, `sim: ${dir} is a directory, not a scenario file`],
    [join(dir, 'nothing-here.json'), `sim: cannot read ${join(dir, 'nothing-here.json')}: no such file or directory (ENOENT)`],
  ])('%s: refused with one line, exit 2', async (path, message) => {
    const r = await runCli([path]);
    expect(lines(r.stderr)).toEqual([message]);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
  });

  it('a link to /dev/zero is refused as what it points to', async () => {
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    const r = await runCli([link]);
    expect(lines(r.stderr)).toEqual([`sim: ${link} is a character device, not a scenario file (give a file, or a pipe)`]);
    expect(r.code).toBe(2);
  });

  it('a FIFO fed without end: stops at the limit with one line, exit 2', async () => {
    const path = fifo('endless');
    const run = runCli([path]);
    feed(path, '', true);
    const r = await run;
    expect(lines(r.stderr)).toEqual([`sim: ${path} ${TOO_LARGE}`]);
    expect(r.code).toBe(2);
  });

  it('a FIFO with no writer yet: says it waits, then runs what comes, as from a file', async () => {
    const file = join(dir, 'seed-2.json');
    writeFileSync(file, scenario);
    const fromFile = await runCli([file]);
    const path = fifo('scenario');
    const note = `sim: waiting for a writer on the pipe ${path}`;
    let fed = false;
    const r = await runCli([path], {
      // the writer comes only once the CLI has said it waits
      onStderr: (text) => {
        if (!fed && text.includes(note)) {
          fed = true;
          feed(path, scenario, false);
        }
      },
    });
    expect(r.code).toBe(0);
    expect(lines(r.stderr)[0]).toBe(note);
    expect(r.stdout.equals(fromFile.stdout)).toBe(true);
  });

  it('a pipe on stdin (/dev/stdin) that brings a scenario: runs it', () => {
    const r = runShell(`cat ${join(dir, 'seed-2.json')} | $SIM /dev/stdin | wc -c`);
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(1000);
  });

  it('/dev/zero through a pipe: stops at the limit', () => {
    const r = runShell('$SIM <(cat /dev/zero)');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^sim: /dev/fd/\\d+ ${TOO_LARGE.replace(/[()]/g, '\\$&')}\n$`));
  });

  it('a file over the limit: refused before it is read, naming its size', async () => {
    const sub = join(dir, 'big');
    mkdirSync(sub);
    const file = join(sub, 'huge.json');
    writeFileSync(file, Buffer.alloc(3_000_001, 0x20));
    const r = await runCli([file]);
    expect(lines(r.stderr)).toEqual([`sim: ${file} is too large (3,000,001 bytes); a scenario is at most 1,000,000 characters (3,000,000 bytes of UTF-8)`]);
    expect(r.code).toBe(2);
  });

  it('a file at the limit is read, and judged by its characters', async () => {
    const file = join(dir, 'at-limit.json');
    writeFileSync(file, Buffer.alloc(3_000_000, 0x20));
    const r = await runCli([file]);
    expect(lines(r.stderr)).toEqual([`sim: ${file}: scenario: the file is too large (3000000 characters; at most 1,000,000)`]);
    expect(r.code).toBe(2);
  });
});
