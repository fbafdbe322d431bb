/**
 * Changes a running program could make in Python too: create more worker tasks, cancel some, or draw from new
 * distributions from the next draw on. A plain script cannot express them, so the lab flags them beside the code.
 */
import type { Dist } from '../scenario';
import type { Actor } from './actor';
import { Consumer } from './consumer';
import type { ProgramHost } from './host';
import { producerTask } from './producer';

export type LiveChange =
  | { type: 'workers'; role: 'producer' | 'consumer'; count: number }
  | { type: 'dist'; role: 'producer' | 'consumer'; dist: Dist };

/** What a live change did, as data: the page words it (the tasks created or cancelled, as the Python code). */
export type LiveDone =
  /** The role's draws come from the new distribution from the next draw on. */
  | { kind: 'dist'; role: 'producer' | 'consumer' }
  /** `asyncio.create_task(coroutine(...))`, `count` times. */
  | { kind: 'created'; coroutine: string; count: number }
  /** `task.cancel()` for each of these tasks. */
  | { kind: 'cancelled'; tasks: string[] }
  /** Nothing to do (the count already stood there). */
  | { kind: 'none' };

const alive = (a: Actor): boolean => a.task !== null && !a.task.done() && a.task.numCancelsRequested === 0;

/**
 * Applies a live change; returns what Python would do, as data, or null when a running program
 * could not make this change (then the caller restarts with the new settings): workers added before main has
 * created its own, or producers added to a program whose producers are threads.
 */
export function applyLive(sim: ProgramHost, change: LiveChange): LiveDone | null {
  const role = change.role;
  const group = 0;
  if (change.type === 'workers') {
    if (sim.actors.length <= 1) return null; // main alone: it has not created its workers yet
    if (role === 'producer' && sim.scenario.producers[group]?.runs_in === 'thread') return null;
  }
  if (change.type === 'dist') {
    for (const a of sim.actors) if (a.role === role) for (const site of a.sites) site.dist = change.dist;
    if (role === 'producer') sim.scenario.producers.forEach((g) => (g.interval = change.dist));
    else sim.scenario.consumers.forEach((g) => (g.service = change.dist));
    return { kind: 'dist', role };
  }
  const workers = sim.actors.filter((a) => a.role === role && a.kind === 'task' && a.group === group);
  const live = workers.filter(alive);
  if (change.count > live.length) {
    const g = role === 'consumer' ? sim.scenario.consumers[group] : sim.scenario.producers[group];
    if (g === undefined) return { kind: 'none' };
    let next = workers.length;
    for (let k = live.length; k < change.count; k++) {
      const a = sim.newActor(`${g.name}-${next}`, role, 'task', group);
      if (role === 'consumer') sim.spawn(a, new Consumer(sim, a, sim.shape.consumers[group]!));
      else sim.spawn(a, producerTask(sim, a, sim.shape.producers[group]!, next));
      next++;
    }
    return { kind: 'created', coroutine: g.name, count: change.count - live.length };
  }
  const extra = live.slice(change.count);
  for (const a of extra) a.task?.cancel();
  return extra.length > 0 ? { kind: 'cancelled', tasks: extra.map((a) => a.name) } : { kind: 'none' };
}
