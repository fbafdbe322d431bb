/**
 * Timeline markers: the moments of a run worth finding, read from its trace.
 *   first_full     the first event with the bounded buffer full (qsize == maxsize, maxsize > 0)
 *   first_blocked  the first put that meets a full buffer (`put_wait`: a producer, or main putting sentinels; an
 *                  awaited put blocks there, a put_nowait raises QueueFull)
 *   exception      the first exception: a task crashed, a consumer caught one (`error`), or main raised (end `error`)
 *   hang           the run ended in a hang (the end record)
 *   last_consumed  the last item a consumer finished (`done`); known once the run has ended
 * Each has the event's `t` and `seq` (a jump lands on the event with that seq). Labels are plain text in English
 * and Simplified Chinese; names and items inside are data, to be shown as text.
 *
 * MarkerFinder reads the trace chunk by chunk as the engine writes it (a million events need no second pass);
 * findMarkers does it for a whole trace at once.
 */
import type { Record as TraceRecord } from '../engine/simulation';
import { pyRepr, type PythonVersion } from '../python/logLine';
import type { EndRecord, Scenario, TraceEvent } from '../scenarios/types';

export type MarkerKind = 'first_full' | 'first_blocked' | 'exception' | 'hang' | 'last_consumed';

export interface Marker {
  kind: MarkerKind;
  t: number;
  seq: number;
  label: { en: string; zh: string };
}

export class MarkerFinder {
  private full: Marker | null = null;
  private blocked: Marker | null = null;
  private exception: Marker | null = null;
  private lastDone: TraceEvent | null = null;
  private end: EndRecord | null = null;

  /** `python`: the scenario's version, whose repr the labels use for items. */
  constructor(
    private readonly maxsize: number,
    private readonly python: PythonVersion,
  ) {}

  /** Reads the next records of the trace, in order. */
  add(records: readonly TraceRecord[]): void {
    for (const r of records) {
      if (r.event === 'end') {
        this.end = r;
        if (r.status === 'error' && this.exception === null) {
          const what = r.message ? `${r.exception ?? 'Exception'}: ${r.message}` : (r.exception ?? 'an exception');
          this.exception = marker('exception', r, { en: `main raised ${what}`, zh: `main 抛出 ${what}` });
        }
        continue;
      }
      switch (r.event) {
        case 'done':
          this.lastDone = r;
          break;
        case 'put_wait':
          if (this.blocked === null) {
            this.blocked = marker('first_blocked', r, { en: `${r.actor}'s put first meets a full buffer`, zh: `${r.actor} 的 put 首次遇到满的缓冲区` });
          }
          break;
        case 'crashed':
          if (this.exception === null) this.exception = marker('exception', r, { en: `${r.actor} crashed: ${text(r, this.python)}`, zh: `${r.actor} 崩溃：${text(r, this.python)}` });
          break;
        case 'error':
          if (this.exception === null) this.exception = marker('exception', r, { en: `${r.actor} caught ${text(r, this.python)}`, zh: `${r.actor} 捕获了 ${text(r, this.python)}` });
          break;
      }
      if (this.full === null && this.maxsize > 0 && r.qsize >= this.maxsize) {
        this.full = marker('first_full', r, { en: `buffer first full (${this.maxsize} items)`, zh: `缓冲区首次满（${this.maxsize} 个）` });
      }
    }
  }

  /** The markers found so far, in trace order. */
  markers(): Marker[] {
    const out = [this.full, this.blocked, this.exception].filter((m): m is Marker => m !== null);
    const end = this.end;
    if (end !== null) {
      if (end.status === 'hang') out.push(marker('hang', end, { en: 'the program hangs: nothing can run again', zh: '程序挂起：再也没有任何东西能运行' }));
      const d = this.lastDone;
      if (d !== null) {
        const item = d.item === undefined ? '' : ` ${pyRepr(d.item, this.python)}`;
        out.push(marker('last_consumed', d, { en: `last item consumed${item} (${d.actor})`, zh: `最后一个元素处理完${item}（${d.actor}）` }));
      }
    }
    return out.sort((a, b) => a.seq - b.seq || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  }
}

const KINDS: MarkerKind[] = ['first_full', 'first_blocked', 'exception', 'hang', 'last_consumed'];

/** The markers of a whole trace (or of its first part: last_consumed and hang wait for the end record). */
export function findMarkers(scenario: Pick<Scenario, 'queue' | 'python'>, records: readonly TraceRecord[]): Marker[] {
  const f = new MarkerFinder(scenario.queue.maxsize, scenario.python);
  f.add(records);
  return f.markers();
}

function marker(kind: MarkerKind, r: { t: number; seq: number }, label: { en: string; zh: string }): Marker {
  return { kind, t: r.t, seq: r.seq, label };
}

/** The exception an event describes (its item is `'Name: message'`), as text. */
function text(r: TraceEvent, python: PythonVersion): string {
  return typeof r.item === 'string' ? r.item : r.item === undefined ? 'an exception' : pyRepr(r.item, python);
}
