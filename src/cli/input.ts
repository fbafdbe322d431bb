/**
 * Reads the scenario file. The size is checked while reading, not after, so an endless source (a pipe fed for
 * ever) stops at the limit with a message instead of filling memory; what is neither a file nor a pipe (a
 * directory, /dev/zero, a socket) is refused before it is opened.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { CliError } from './args';
import { reason } from './output';

/** The most bytes a scenario of 1,000,000 characters (the documented limit) can take in UTF-8. */
export const MAX_SCENARIO_BYTES = 3_000_000;
const CHUNK = 1 << 16;

/** The file's text; `onWait` receives a note when the file is a pipe that has no writer yet. */
export async function readScenarioFile(path: string, onWait: (note: string) => void, limit = MAX_SCENARIO_BYTES): Promise<string> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw cannotRead(path, e);
  }
  if (st.isDirectory()) throw new CliError(`${path} is a directory, not a scenario file`);
  if (st.isFile() && st.size > limit) throw tooLarge(path, `${st.size.toLocaleString('en')} bytes`);
  if (!st.isFile() && !st.isFIFO()) throw new CliError(`${path} is ${kindOf(st)}, not a scenario file (give a file, or a pipe)`);
  const bytes = st.isFIFO() ? await readPipe(path, limit, onWait) : await readFile(path, limit);
  // decoded as readFileSync(path, 'utf8') does (a byte order mark is kept, and JSON.parse names it)
  return bytes.toString('utf8');
}

/** A regular file, in chunks: one that grows while it is read still stops at the limit. */
async function readFile(path: string, limit: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw cannotRead(path, e);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buf, 0, CHUNK, null));
      } catch (e) {
        throw cannotRead(path, e);
      }
      if (n === 0) return Buffer.concat(chunks, total);
      total += n;
      if (total > limit) throw tooLarge(path, `more than ${limit.toLocaleString('en')} bytes`);
      chunks.push(buf.subarray(0, n));
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * A named pipe (or /dev/stdin on a pipe), opened without waiting and read by the event loop: a read that finds
 * the end at once (on Linux) means no writer has it open yet, and the CLI says it waits for one, as `cat` would
 * wait in silence.
 */
async function readPipe(path: string, limit: number, onWait: (note: string) => void): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw cannotRead(path, e);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const head = Buffer.allocUnsafe(CHUNK);
  try {
    const n = readSync(fd, head, 0, CHUNK, null);
    if (n === 0) onWait(`sim: waiting for a writer on the pipe ${path}\n`);
    chunks.push(head.subarray(0, n));
    total = n;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') {
      closeSync(fd);
      throw cannotRead(path, e);
    }
  }
  const pipe = new Socket({ fd, readable: true, writable: false });
  return new Promise<Buffer>((resolve, reject) => {
    pipe.on('data', (b: Buffer) => {
      total += b.length;
      if (total <= limit) chunks.push(b);
      else {
        pipe.destroy();
        reject(tooLarge(path, `more than ${limit.toLocaleString('en')} bytes`));
      }
    });
    pipe.on('end', () => resolve(Buffer.concat(chunks, total)));
    pipe.on('error', (e) => reject(cannotRead(path, e)));
  });
}

function cannotRead(path: string, e: unknown): CliError {
  return new CliError(`cannot read ${path}: ${reason(e as NodeJS.ErrnoException)}`);
}

function tooLarge(path: string, size: string): CliError {
  return new CliError(`${path} is too large (${size}); a scenario is at most 1,000,000 characters (${MAX_SCENARIO_BYTES.toLocaleString('en')} bytes of UTF-8)`);
}

function kindOf(st: { isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}
