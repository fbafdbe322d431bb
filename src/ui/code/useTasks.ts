/**
 * The tasks as the code panel needs them (name, role, state, site, item), from the worker's snapshot stream: at
 * most ten times a second while a run plays, at once when it is paused, stepped or ended (so Step moves the marks).
 */
import { useEffect, useState } from 'react';
import { useLab } from '../../store/context';
import type { Snapshot } from '../../worker/snapshot';
import type { MarkActor } from './marks';

const EVERY_MS = 100;

/** The tasks that wait forever: at a hang, those its end record lists. */
const hungOf = (s: Snapshot): Set<string> =>
  new Set(s.end?.status === 'hang' ? s.end.blocked.flatMap((b) => ('task' in b ? [b.task] : [])) : []);

const toMarkActors = (s: Snapshot): MarkActor[] => {
  const hung = hungOf(s);
  return s.actors.map((a) => ({ name: a.name, role: a.role, kind: a.kind, state: a.state, site: a.site, item: a.item, hung: hung.has(a.name) }));
};

const fingerprint = (list: MarkActor[]): string =>
  list.map((a) => `${a.name}\u0001${a.state}\u0001${a.site}\u0001${a.item ?? ''}\u0001${a.hung === true ? 1 : 0}`).join('\u0002');

export function useTasks(): MarkActor[] {
  const lab = useLab();
  const [tasks, setTasks] = useState<MarkActor[]>(() => {
    const cur = lab.client()?.cur;
    return cur == null ? [] : toMarkActors(cur);
  });
  useEffect(() => {
    const client = lab.client();
    if (client === null) return;
    let last = 0;
    let shown = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      timer = null;
      const cur = client.cur;
      if (cur === null) return;
      last = performance.now();
      const list = toMarkActors(cur);
      const key = `${cur.run}\u0003${fingerprint(list)}`;
      if (key === shown) return;
      shown = key;
      setTasks(list);
    };
    flush();
    const off = client.on('snapshot', (s) => {
      const now = performance.now();
      if (!s.playing || s.end !== null || now - last >= EVERY_MS) {
        if (timer !== null) clearTimeout(timer);
        flush();
      } else if (timer === null) {
        timer = setTimeout(flush, EVERY_MS - (now - last));
      }
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [lab]);
  return tasks;
}
