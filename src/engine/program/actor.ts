/**
 * A producer, consumer or main as the run sees it: its task or thread, where it stands in its program (the site
 * the scene draws and the code panel marks), the item it holds and when its sleep ends.
 */
import type { SleepFuture } from '../asyncio/aio';
import type { DrawSite } from './draws';
import type { Item } from '../scenario';
import type { Task } from '../asyncio/task';
import type { SimThread } from '../run/threads';
import type { Site } from './sites';

export type { Site };

export interface Actor {
  id: number;
  name: string;
  role: 'producer' | 'consumer' | 'main';
  kind: 'task' | 'thread';
  group: number;
  task: Task<unknown> | null;
  thread: SimThread | null;
  site: Site;
  /** The item the actor holds (being put, or in service), if any. */
  item: Item | undefined;
  /** When the current sleep ends (interval, poll, service). */
  until: number;
  /** The draw sites a live change of rates updates (the next draw uses the new distribution). */
  sites: DrawSite[];
  /** Its last `asyncio.sleep` future, reused for the next sleep once it has fired (Sim.nap). */
  sleep: SleepFuture | null;
}
