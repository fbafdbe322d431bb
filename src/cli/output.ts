/**
 * Where the CLI writes its output: stdout or the `--out` file. Writes wait for the stream to drain (memory stays
 * flat however long the run), the process never exits with bytes still queued, and a write error becomes one line
 * naming the file and the reason.
 */
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { getSystemErrorMap } from 'node:util';

/** The output could not be written: `sim: cannot write <file>: <reason>`, exit 1. */
export class WriteFailure extends Error {
  /** stdout's reader went away (`| head`): not a failure of the run, so the CLI ends quietly. */
  readonly closedByReader: boolean;

  constructor(
    readonly file: string,
    readonly error: NodeJS.ErrnoException,
    stdout: boolean,
  ) {
    super(`cannot write ${file}: ${reason(error)}`);
    this.name = 'WriteFailure';
    this.closedByReader = stdout && error.code === 'EPIPE';
  }
}

/** The system's words for an error, then its code: `no such file or directory (ENOENT)`. */
export function reason(e: NodeJS.ErrnoException): string {
  const words = typeof e.errno === 'number' ? getSystemErrorMap().get(e.errno)?.[1] : undefined;
  if (words !== undefined && e.code !== undefined) return `${words} (${e.code})`;
  return e.code ?? e.message;
}

export class Output {
  private error: NodeJS.ErrnoException | null = null;

  private constructor(
    private readonly stream: Writable,
    /** The name the user gave (`stdout` for stdout), for messages. */
    readonly name: string,
    private readonly isStdout: boolean,
  ) {
    // an unhandled stream error would end the process with a stack trace
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.error ??= e;
    });
  }

  static stdout(): Output {
    return new Output(process.stdout, 'stdout', true);
  }

  /** Opens (creates or truncates) the file first, so that a path that cannot be written fails before the run. */
  static async file(path: string): Promise<Output> {
    let handle;
    try {
      handle = await open(path, 'w');
    } catch (e) {
      throw new WriteFailure(path, e as NodeJS.ErrnoException, false);
    }
    return new Output(handle.createWriteStream(), path, false);
  }

  /** Queues bytes or text; call `ready()` between batches so the queue does not grow. */
  write(chunk: Uint8Array | string): void {
    if (this.error === null) this.stream.write(chunk);
  }

  /** Resolves once the stream wants more; throws the WriteFailure of any write error so far. */
  async ready(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) await this.settled('drain');
    this.check();
  }

  /**
   * Waits until everything written has reached the file or the pipe; throws a WriteFailure if any of it did not.
   * A file is closed (its close can fail too); stdout stays open and is flushed.
   */
  async close(): Promise<void> {
    this.check();
    if (this.isStdout) {
      await new Promise<void>((res) => {
        this.stream.write('', () => res());
        this.stream.once('error', () => res());
      });
    } else {
      this.stream.end();
      await this.settled('close');
    }
    this.check();
  }

  /** Throws the WriteFailure for the first error the stream reported. */
  check(): void {
    if (this.error !== null) throw new WriteFailure(this.name, this.error, this.isStdout);
  }

  private settled(event: 'drain' | 'close'): Promise<void> {
    return new Promise<void>((res) => {
      const done = (): void => {
        this.stream.off(event, done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        res();
      };
      this.stream.on(event, done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}
