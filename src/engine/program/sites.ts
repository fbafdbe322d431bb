/**
 * Where an actor stands in its program: the one list of sites the engine sets, the worker sends (as an index
 * into SITES) and the code panel turns into a line of the exported program.
 */
export const SITES = [
  'start',
  'run',
  'interval',
  'put',
  'get',
  'poll',
  'service',
  'blocking',
  'join',
  'wait',
  'gather',
  'gather_producers', // main: `await asyncio.gather(*producers)` before it shuts the consumers down
  'await',
] as const;

export type Site = (typeof SITES)[number];
