/**
 * Trace exports on the page. The worker re-simulates the run and streams the file in chunks (worker/exportStream);
 * the page puts each chunk away and acknowledges it: written to a file the user chose (File System Access API,
 * where the browser has it), or kept as a small Blob, the parts joined into one Blob at the end (never one string,
 * never one buffer). A Blob has a cap (BLOB_CAP): an export estimated over it is refused before it starts. One
 * export at a time, with progress and Cancel.
 */
import { fileName, MIME } from '../share/files';
import type { ExportEvent } from '../worker/exportProtocol';
import type { TraceFormat } from '../worker/traceChunks';
import { faultDetail } from '../worker/fault';
import { assertNever } from '../worker/never';
import type { Ctx } from './ctx';
import type { ExportOutcome, ExportProgress } from './labStore';
import { currentScenario } from './scenario';
import { download } from './share';

export type { ExportOutcome, ExportProgress } from './labStore';

/**
 * The largest download assembled as a Blob: 2 GiB. Chromium keeps at most 2 GiB of Blob data in memory on 64-bit
 * desktops (a fifth of the memory on ChromeOS, less on Android); it can page more to disk, but not in a private
 * window, so this is what the lab can promise (docs/scenario.md, "Exporting a trace").
 */
export const BLOB_CAP = 2 ** 31;

/** Where the chunks go. */
interface Sink {
  /** The most bytes it takes (null: a file on disk, no cap but the disk). */
  readonly cap: number | null;
  readonly toFile: boolean;
  write(b: Uint8Array): Promise<void>;
  /** The file is complete. */
  close(): Promise<void>;
  /** Drops what was written (a half file is never left behind). */
  abort(): Promise<void>;
}

/** Parts joined into one Blob every GROUP chunks, so the final Blob is made of few parts. */
const GROUP = 256;
/** The fewest milliseconds between two progress updates (the last always shows). */
const PROGRESS_MS = 100;

class BlobSink implements Sink {
  readonly toFile = false;
  private groups: Blob[] = [];
  private parts: Blob[] = [];

  constructor(
    readonly cap: number,
    private readonly name: string,
    private readonly type: string,
  ) {}

  write(b: Uint8Array): Promise<void> {
    // a Blob per chunk: the bytes leave the page's heap for the browser's blob store
    this.parts.push(new Blob([b as Uint8Array<ArrayBuffer>]));
    if (this.parts.length >= GROUP) {
      this.groups.push(new Blob(this.parts));
      this.parts = [];
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    download(new Blob([...this.groups, ...this.parts], { type: this.type }), this.name);
    this.abort();
    return Promise.resolve();
  }

  abort(): Promise<void> {
    this.groups = [];
    this.parts = [];
    return Promise.resolve();
  }
}

/** The File System Access API's writable stream, as much of it as the lab uses (not in TypeScript's DOM types). */
interface Writable {
  write(b: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
type SavePicker = (o: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
  createWritable(): Promise<Writable>;
}>;

class FileSink implements Sink {
  readonly cap = null;
  readonly toFile = true;
  constructor(private readonly w: Writable) {}
  write(b: Uint8Array): Promise<void> {
    return this.w.write(b);
  }
  close(): Promise<void> {
    return this.w.close();
  }
  async abort(): Promise<void> {
    try {
      await this.w.abort();
    } catch {
      // already closed or failed: nothing more to drop
    }
  }
}

/** A file the user picks where the browser can write one; else a Blob. null: the user closed the picker. */
async function openSink(name: string, format: TraceFormat, blobCap: number): Promise<Sink | null> {
  const pick = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (typeof pick === 'function') {
    try {
      const ext = `.${format}`;
      const handle = await pick({ suggestedName: name, types: [{ description: ext, accept: { [MIME[format]]: [ext] } }] });
      return new FileSink(await handle.createWritable());
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return null;
      // refused by the browser (no user gesture, a blocked folder): a download instead
    }
  }
  return new BlobSink(blobCap, name, MIME[format]);
}

interface Active {
  id: number;
  sink: Sink;
  off: () => void;
}

/** The trace-export slice's actions; one export at a time per lab. */
export function exportActions(ctx: Ctx) {
  const { get, set } = ctx;
  let active: Active | null = null;
  let nextId = 1;
  /** Tests only (the test hook): a smaller Blob cap, to see a refusal without a gigabyte run. null: BLOB_CAP. */
  let testCap: number | null = null;

  /** Streams the trace from t = 0 to the moment shown into a file. */
  async function exportTrace(format: TraceFormat): Promise<void> {
    const client = ctx.client;
    if (client === null || get().exportProgress !== null) return;
    const name = fileName(currentScenario(get()), format);
    const id = nextId++;
    set({ exportProgress: { id, format, name, lines: 0, events: null, bytes: 0, toFile: false }, exportOutcome: null });
    const sink = await openSink(name, format, testCap ?? BLOB_CAP);
    if (sink === null || get().exportProgress?.id !== id) {
      // the picker was closed, or Cancel was pressed while it was open
      if (get().exportProgress?.id === id) set({ exportProgress: null });
      await sink?.abort();
      return;
    }
    let queue = Promise.resolve();
    let shown = 0;
    let bytes = 0;
    let pending: Partial<ExportProgress> = {};
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const cur = get().exportProgress;
      if (cur?.id !== id) return;
      shown = performance.now();
      set({ exportProgress: { ...cur, ...pending } });
      pending = {};
    };
    // at most one update every PROGRESS_MS, and the last one always shows (a stalled disk leaves it on screen)
    const progress = (p: Partial<ExportProgress>, force = false) => {
      pending = { ...pending, ...p };
      const wait = PROGRESS_MS - (performance.now() - shown);
      if (force || wait <= 0) {
        if (timer !== null) clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, wait);
    };
    const fail = (e: unknown) => {
      if (active?.id !== id) return;
      client.send({ type: 'exportCancel', id });
      finish({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) });
    };
    const onEvent = (ev: ExportEvent) => {
      if (ev.id !== id || active?.id !== id) return;
      switch (ev.kind) {
        case 'begin':
          return progress({ events: ev.events, toFile: sink.toFile }, true);
        case 'chunk': {
          const b = ev.bytes;
          const lines = ev.lines;
          queue = queue
            .then(async () => {
              if (active?.id !== id) return; // cancelled: the rest is dropped, not written
              await sink.write(b);
              bytes += b.length;
              progress({ lines, bytes });
              client.send({ type: 'exportPull', id });
            })
            .catch(fail);
          return;
        }
        case 'end':
          queue = queue
            .then(async () => {
              if (active?.id !== id) return;
              await sink.close();
              finish({ kind: 'saved', name, lines: ev.lines, bytes: ev.bytes }, false);
            })
            .catch(fail);
          return;
        case 'refused':
          return finish({ kind: 'refused', events: ev.events, estimate: ev.estimate, cap: ev.cap });
        case 'failed':
          return finish({ kind: 'failed', detail: faultDetail(ev.fault) });
        case 'empty':
          return finish(null);
        default:
          return assertNever(ev);
      }
    };
    const offEvent = client.on('export', onEvent);
    const offDeath = client.on('death', (why) => finish({ kind: 'failed', detail: why }));
    active = {
      id,
      sink,
      off: () => {
        offEvent();
        offDeath();
      },
    };
    client.send({ type: 'exportStart', id, format, cap: sink.cap });
  }

  /** Stops the export under way: the worker stops, and what was written is dropped. */
  function cancelExport(): void {
    const p = get().exportProgress;
    if (p === null) return;
    ctx.client?.send({ type: 'exportCancel', id: p.id });
    if (active?.id === p.id) finish({ kind: 'cancelled' });
    else set({ exportProgress: null, exportOutcome: { kind: 'cancelled' } });
  }

  /** Ends the export under way with `outcome`; drops what was written unless it was saved. */
  function finish(outcome: ExportOutcome | null, drop = true): void {
    const a = active;
    if (a === null) return;
    active = null;
    a.off();
    if (drop) void a.sink.abort();
    set({ exportProgress: null, exportOutcome: outcome });
  }

  function dismissExport(): void {
    set({ exportOutcome: null });
  }

  return {
    exportTrace,
    cancelExport,
    dismissExport,
    setExportCap(cap: number | null): void {
      testCap = cap;
    },
  };
}
