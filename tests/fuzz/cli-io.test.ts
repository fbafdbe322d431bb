/**
 * Hostile sources and sinks for the CLI (issue 13 points 3, 5, 9): scenario paths that are not regular files
 * (devices, directories, FIFOs fed a little, nothing or for ever, links to them, missing paths), files over the
 * limit or not JSON, and output paths that fail (a full device, a missing folder, a folder, a path through a
 * file, stdout on a full device or closed by its reader). Each case runs the CLI as a user does and checks:
 *   - the exit status is the one its inputs call for: 2 for a bad source (checked first), 1 for an output that
 *     cannot be written, else 0;
 *   - a failure says so in one line, `sim: ...`, naming the path, with no stack trace and no success summary;
 *   - a bad source leaves the --out file untouched (it is not even created);
 *   - a success writes exactly what the same run writes on stdout.
 * Fresh cases each run (fast-check prints the seed of a failure; QUEUE_LAB_SEED=<n> fixes it).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/scenarios/registry';
import { lines, runCli, tempDir, type CliResult } from '../cli/spawnCli';

const SEED = process.env.QUEUE_LAB_SEED !== undefined ? Number(process.env.QUEUE_LAB_SEED) : undefined;
const SCALE = Number(process.env.QUEUE_LAB_FUZZ_SCALE ?? 1);
const RUNS = Math.ceil(30 * SCALE);

const root = tempDir();
let counter = 0;
const fresh = (name: string): string => join(root, `${counter++}-${name}`);
const fifos: string[] = [];

type Content = { kind: 'scenario'; id: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'oversize' };
type Source =
  | { kind: 'file'; content: Content }
  | { kind: 'fifo'; content: Content; endless: boolean }
  | { kind: 'device'; path: '/dev/zero' | '/dev/null' | '/dev/urandom' | '/dev/full' }
  | { kind: 'directory' }
  | { kind: 'missing' }
  | { kind: 'through-a-file' };
type Sink = 'stdout' | 'stdout-full' | 'stdout-closed' | 'file' | 'fifo' | '/dev/full' | 'missing-folder' | 'folder' | 'through-a-file';

const PRESETS = ['seed-2', 'seed-3', 'mm2-blocking'];
const MODES = [[], ['--log'], ['--stats'], ['--python']];

const content: fc.Arbitrary<Content> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PRESETS).map((id) => ({ kind: 'scenario' as const, id })) },
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  fc.constant({ kind: 'oversize' as const }),
);
const source: fc.Arbitrary<{ src: Source; link: boolean }> = fc.record({
  src: fc.oneof(
    { weight: 3, arbitrary: content.map((c) => ({ kind: 'file' as const, content: c })) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('fifo' as const), content, endless: fc.boolean() }) },
    fc.constantFrom('/dev/zero', '/dev/null', '/dev/urandom', '/dev/full').map((path) => ({ kind: 'device' as const, path })),
    fc.constantFrom({ kind: 'directory' as const }, { kind: 'missing' as const }, { kind: 'through-a-file' as const }),
  ),
  link: fc.boolean(),
});
const sink = fc.constantFrom<Sink>('stdout', 'stdout-full', 'stdout-closed', 'file', 'fifo', '/dev/full', 'missing-folder', 'folder', 'through-a-file');

function bytesOf(c: Content): Buffer {
  const text = (id: string): string => JSON.stringify(findPreset(id)!.scenario);
  if (c.kind === 'scenario') return Buffer.from(text(c.id));
  if (c.kind === 'bytes') return Buffer.from(c.bytes);
  return Buffer.concat([Buffer.from(text('seed-2')), Buffer.alloc(3_000_001, 0x20)]);
}

/** The preset whose scenario the source brings whole (one the CLI must run), or null. */
function goodId(s: Source): string | null {
  if (s.kind !== 'file' && !(s.kind === 'fifo' && !s.endless)) return null;
  return s.content.kind === 'scenario' ? s.content.id : null;
}

/** Feeds a FIFO from this process: the bytes, then spaces until the reader goes if `endless`. */
function feed(path: string, bytes: Buffer, endless: boolean): void {
  const w = createWriteStream(path);
  w.on('error', () => undefined); // EPIPE once the CLI stops reading
  w.write(bytes);
  if (!endless) {
    w.end();
    return;
  }
  const more = (): void => {
    while (!w.destroyed && w.write(Buffer.alloc(1 << 16, 0x20)));
    if (!w.destroyed) w.once('drain', more);
  };
  more();
}

function mkfifo(): string {
  const path = fresh('fifo');
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  fifos.push(path);
  return path;
}

function sourcePath(s: Source): string {
  switch (s.kind) {
    case 'file': {
      const p = fresh('scenario.json');
      writeFileSync(p, bytesOf(s.content));
      return p;
    }
    case 'fifo': {
      const p = mkfifo();
      feed(p, bytesOf(s.content), s.endless);
      return p;
    }
    case 'device':
      return s.path;
    case 'directory': {
      const p = fresh('dir');
      mkdirSync(p);
      return p;
    }
    case 'missing':
      return fresh('missing.json');
    case 'through-a-file': {
      const p = fresh('plain');
      writeFileSync(p, '{}');
      return join(p, 'scenario.json');
    }
  }
}

/** What the CLI prints on stdout for a good source, per preset and mode: what every other sink must hold. */
const reference = new Map<string, Buffer>();
async function expected(id: string, mode: string[]): Promise<Buffer> {
  const key = `${id} ${mode.join(' ')}`;
  if (!reference.has(key)) {
    const r = await runCli(['--preset', id, ...mode]);
    reference.set(key, r.stdout);
  }
  return reference.get(key) as Buffer;
}

/** Ends a reader waiting for a writer on a FIFO: a writer that opens and goes (retried until the reader is there). */
async function releaseReader(path: string): Promise<void> {
  for (;;) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO') throw e;
      await new Promise((res) => setImmediate(res));
    }
  }
}

afterAll(() => {
  // a writer still waiting to open a FIFO that the CLI never opened is released by a reader that opens and goes
  for (const f of fifos) closeSync(openSync(f, constants.O_RDONLY | constants.O_NONBLOCK));
});

describe('the CLI on sources and sinks that fail', () => {
  it(`${RUNS} cases: the right exit status, one clear line, nothing lost`, async () => {
    await fc.assert(
      fc.asyncProperty(source, sink, fc.constantFrom(...MODES), async ({ src, link }, out, mode) => {
        let path = sourcePath(src);
        if (link) {
          const l = fresh('link');
          symlinkSync(path, l);
          path = l;
        }
        let outPath: string | null = null;
        let fd: number | null = null;
        let drained: Promise<Buffer> | null = null;
        const args = [path, ...mode];
        if (out === 'file') outPath = fresh('out');
        else if (out === 'fifo') {
          outPath = mkfifo();
          const chunks: Buffer[] = [];
          const reader = createReadStream(outPath);
          drained = new Promise((res) => {
            reader.on('data', (b) => chunks.push(b as Buffer));
            reader.on('close', () => res(Buffer.concat(chunks)));
          });
        } else if (out === '/dev/full') outPath = '/dev/full';
        else if (out === 'missing-folder') outPath = join(fresh('nowhere'), 'out');
        else if (out === 'folder') outPath = root;
        else if (out === 'through-a-file') outPath = join(sourcePath({ kind: 'file', content: { kind: 'bytes', bytes: new Uint8Array() } }), 'out');
        if (outPath !== null) args.push('--out', outPath);
        if (out === 'stdout-full') fd = openSync('/dev/full', 'w');
        let r: CliResult & { stdoutBytes: number };
        try {
          r = await runCli(args, { ...(fd !== null ? { stdout: fd } : {}), ...(out === 'stdout-closed' ? { keep: 0, closeAfter: 1 } : {}) });
        } finally {
          if (fd !== null) closeSync(fd);
        }
        // the note a pipe with no writer yet gets is not a failure line; it may come or not, as the writer races
        const err = lines(r.stderr).filter((l) => !l.startsWith('sim: waiting for a writer on the pipe '));
        for (const l of err) expect(l).not.toMatch(/^\s+at |node:internal|Error:/);
        const failsOut = ['stdout-full', '/dev/full', 'missing-folder', 'folder', 'through-a-file'].includes(out);
        const id = goodId(src);
        if (id === null) {
          expect(r.code).toBe(2);
          expect(err).toHaveLength(1);
          expect(err[0]).toMatch(/^sim: /);
          expect(err[0]).toContain(path);
          if (out === 'file') expect(existsSync(outPath as string)).toBe(false);
          if (out === 'fifo') await releaseReader(outPath as string);
          return;
        }
        const want = await expected(id, mode);
        if (failsOut) {
          expect(r.code).toBe(1);
          expect(err).toHaveLength(1);
          expect(err[0]?.startsWith(`sim: cannot write ${outPath ?? 'stdout'}: `)).toBe(true);
          expect(err[0]).toMatch(/: [a-z ]+ \([A-Z]+\)$/); // the system's words and the code
          return;
        }
        expect(r.code).toBe(0);
        // the summary on stderr (none for --python, none when stdout's reader went early)
        expect(err.length).toBeLessThanOrEqual(1);
        if (out === 'stdout') expect(r.stdout.equals(want)).toBe(true);
        if (out === 'file') expect(readFileSync(outPath as string).equals(want)).toBe(true);
        if (out === 'fifo') expect((await drained!).equals(want)).toBe(true);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});
