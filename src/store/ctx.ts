/**
 * What every slice's actions work with: the store itself and the bookkeeping of one lab (its worker client, the
 * log ring, the recent deaths, the clock). One per createLab: nothing here is shared between two labs.
 */
import type { StoreApi } from 'zustand';
import type { WorkerClient } from '../worker/client';
import type { LabState } from './labStore';
import type { LogRing } from './logRing';
import type { Clock } from './throttle';

export interface Ctx {
  readonly store: StoreApi<LabState>;
  readonly get: StoreApi<LabState>['getState'];
  readonly set: StoreApi<LabState>['setState'];
  /** The worker client of the current run (null between a death and the fresh one, or before start). */
  client: WorkerClient | null;
  readonly makeClient: () => WorkerClient;
  /** Loads sent so far: the run number of the latest; anything of an earlier run is stale. */
  loads: number;
  /** When workers died lately: one that dies again and again is not restarted forever. */
  deaths: number[];
  readonly clock: Clock;
  /** The event log, kept outside React (the store holds its version number). */
  readonly logRing: LogRing;
}
