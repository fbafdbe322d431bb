/**
 * The charts' measurement rebuilt from t = 0 after going back, in slices: a far seek (millions of ticks) took
 * seconds to minutes to replay in one call, and the worker answered nothing meanwhile. The run may play on while it
 * is rebuilt: its records and live edits wait in a backlog, fed once the replay has caught up with where it began.
 */
import type { Record } from '../engine/simulation';
import type { LiveEdit } from '../scenarios/settings';
import type { Scenario } from '../scenarios/types';
import { MetricsStream } from './metricsStream';
import type { TimeTravel } from './timeTravel';

export class MetricsRebuild {
  private readonly ms: MetricsStream;
  private readonly next: () => boolean;
  private backlog: ({ records: Record[] } | { edits: LiveEdit[] })[] = [];

  constructor(tt: TimeTravel, scenario: Scenario, speed: number, run: number, upTo: number) {
    const ms = new MetricsStream(scenario, speed, run);
    this.ms = ms;
    this.next = tt.replay(upTo, (r) => ms.add(r));
  }

  /** Replays for about `budgetMs`; the measurement once it is whole again (then at virtual time `vt`), else null. */
  work(budgetMs: number, now: () => number, vt: number): MetricsStream | null {
    const started = now();
    for (;;) {
      if (this.next()) break;
      if (now() - started >= budgetMs) return null;
    }
    for (const b of this.backlog) {
      if ('records' in b) this.ms.add(b.records);
      else this.ms.live(b.edits);
    }
    this.backlog = [];
    this.ms.advanceTo(vt);
    return this.ms;
  }

  /** Records of the run since the rebuild began. */
  add(records: Record[]): void {
    this.backlog.push({ records });
  }

  live(edits: LiveEdit[]): void {
    this.backlog.push({ edits });
  }

  setSpeed(speed: number): void {
    this.ms.setSpeed(speed);
  }
}
