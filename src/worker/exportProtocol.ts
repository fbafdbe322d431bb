/**
 * The messages of a streamed trace export (exportStream.ts in the worker, store/traceExport.ts on the page). The
 * page asks for a file and acknowledges each chunk it has put away; the worker keeps at most EXPORT_WINDOW chunks
 * unacknowledged, so a slow disk slows the export down instead of piling chunks up in memory. Data only: the page
 * words every outcome.
 */
import type { TraceFormat } from './traceChunks';
import type { EngineFault } from './fault';

/** Chunks the worker sends ahead of the page's acknowledgements. */
export const EXPORT_WINDOW = 4;

export type ExportRequest =
  /** `cap`: the most bytes the page can take (null: no cap, a file written straight to disk). */
  | { type: 'exportStart'; id: number; format: TraceFormat; cap: number | null }
  /** The page has put one more chunk away. */
  | { type: 'exportPull'; id: number }
  | { type: 'exportCancel'; id: number };

export type ExportEvent =
  /** The export goes ahead: `events` lines (the CSV header aside), about `estimate` bytes (an upper estimate). */
  | { kind: 'begin'; id: number; events: number; estimate: number }
  /** The next bytes of the file (transferred), and the lines written so far. */
  | { kind: 'chunk'; id: number; bytes: Uint8Array; lines: number }
  | { kind: 'end'; id: number; lines: number; bytes: number }
  /** Not attempted: the estimate is over the page's cap. */
  | { kind: 'refused'; id: number; events: number; estimate: number; cap: number }
  /** The engine failed while re-simulating. */
  | { kind: 'failed'; id: number; fault: EngineFault }
  /** No run to export yet. */
  | { kind: 'empty'; id: number };
