/**
 * Runs a simulation into an Output in slices of loop iterations, waiting for the output to drain between slices:
 * however fast the engine and however slow the reader, at most about a slice of output is held in memory.
 */
import type { Simulation, Record } from '../engine/simulation';
import { TraceEncoder } from '../engine/trace/traceBytes';
import type { EndRecord } from '../scenarios/types';
import type { Output } from './output';

/** The end record the CLI writes when it stops a run at its iteration limit (docs/scenario.md, "Trace"). */
export interface LimitRecord {
  seq: number;
  t: number;
  actor: 'loop';
  event: 'end';
  status: 'limit';
  blocked: [];
  /** The loop iterations that ran: the limit. */
  iterations: number;
}

export type RunEnd = EndRecord | LimitRecord;

/** About this many bytes of output per slice; the slice's iteration count follows what the last one wrote. */
const SLICE_BYTES = 1 << 20;
const FIRST_SLICE = 1000;

/** One slice of a run: at most `iterations` loop iterations, its output written through `write`. */
export type Slice = (iterations: number, write: (chunk: Uint8Array | string) => void) => EndRecord | null;

/** The JSON Lines trace, encoded straight to bytes. */
export function traceSlices(sim: Simulation): Slice {
  const encoder = new TraceEncoder();
  // the encoder reuses its buffer: the stream gets a copy (it writes it later)
  return (n, write) => sim.writeToEnd(encoder, (bytes) => write(bytes.slice()), n);
}

/** Trace records handed to `consume`, which writes what it makes of them. */
export function recordSlices(sim: Simulation, consume: (r: Record[], write: (s: string) => void) => void): Slice {
  return (n, write) => sim.runToEnd((records) => consume(records, write), n);
}

/**
 * Runs slices until the run ends or `maxIterations` have run; returns the end, or the LimitRecord (not yet
 * written: the caller words it for its output). Throws the Output's WriteFailure as soon as a write fails.
 */
export async function runSliced(sim: Simulation, slice: Slice, out: Output, maxIterations: number): Promise<RunEnd> {
  let left = maxIterations;
  let size = FIRST_SLICE;
  for (;;) {
    const n = Math.min(size, left);
    let bytes = 0;
    const end = slice(n, (chunk) => {
      bytes += chunk.length;
      out.write(chunk);
    });
    if (end !== null) return end;
    left -= n; // a slice that did not end the run ran all its iterations (Simulation.writeToEnd, runToEnd)
    if (left <= 0) return { seq: sim.seq, t: sim.now, actor: 'loop', event: 'end', status: 'limit', blocked: [], iterations: maxIterations };
    // aim the next slice at SLICE_BYTES, growing at most tenfold at a time (a quiet stretch may be followed by a busy one)
    size = Math.max(1, Math.min(size * 10, Math.round((size * SLICE_BYTES) / Math.max(bytes, 1))));
    await out.ready();
  }
}
