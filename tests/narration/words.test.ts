/**
 * The caption's words (issue 15, Narration): every event kind the trace can hold has a sentence in English and in
 * Chinese that names the task and the Python statement; the statement is a line of the program that wrote it, found
 * through the program's code sites, for every event of every built-in program.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { generateProgram } from '../../src/python/generate';
import { listPresets } from '../../src/scenarios/registry';
import type { EventName, TraceEvent } from '../../src/scenarios/types';
import type { EventFacts, NarrationWords } from '../../src/ui/narration/facts';
import { callOf, captionLines, factsOf, sentence } from '../../src/ui/narration/narrate';
import { narrationEn } from '../../src/ui/narration/words';
import { narrationZh } from '../../src/ui/narration/words.zh';
import type { SliceEvent } from '../../src/worker/slice';

const LANGS: [string, NarrationWords][] = [
  ['en', narrationEn],
  ['zh', narrationZh],
];

/** The event kinds docs/scenario.md lists for the trace. */
const documented = (): string[] => {
  const doc = readFileSync('docs/scenario.md', 'utf8');
  const list = /Events: ((?:`[a-z_]+`,?\s*)+)\./.exec(doc);
  return [...(list?.[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
};

describe('words for every event', () => {
  it('both languages word exactly the documented event kinds', () => {
    const kinds = documented();
    expect(kinds.length).toBeGreaterThan(15);
    for (const [, w] of LANGS) expect(Object.keys(w.events).sort()).toEqual([...kinds].sort());
  });

  it.each(LANGS)('%s: each event kind has a sentence naming the task and the call', (_, w) => {
    for (const kind of documented() as EventName[]) {
      for (const waitsOn of [null, 'Queue.get', 'sleep', 'task consumer-0']) {
        const f: EventFacts = { task: 'worker-7', call: 'await q.put(item)', item: '42', none: false, qsize: 1, maxsize: 2, waitsOn };
        const line = sentence(f, kind, w);
        expect(line.text.startsWith(`worker-7${w.afterTask}await q.put(item)`), `${kind}: ${line.text}`).toBe(true);
        // the consequence names the task again or says what happened to the queue or the item, not only the frame
        expect(line.tail.length, kind).toBeGreaterThan(12);
        expect(line.text).toBe(`${line.task}${w.afterTask}${line.call}${line.tail}`);
      }
    }
  });

  it('a full queue: the issue\'s sentence, in both languages', () => {
    const ev: SliceEvent = { actor: 'producer', role: 'producer', kind: 'task', event: 'put_wait', item: 2, qsize: 2, t: 0, waitsOn: 'Queue.put' };
    const f = factsOf(ev, 'await q.put(item)', 2, '3.12');
    expect(sentence(f, 'put_wait', narrationEn).text).toBe(
      "producer: await q.put(item) (item = 2): the queue is full (2/2), so producer waits in put() until a consumer's get() frees a slot.",
    );
    expect(sentence(f, 'put_wait', narrationZh).text).toBe(
      'producer：await q.put(item)（item = 2）：队列已满（2/2），所以 producer 在 put() 中等待，直到某个消费者的 get() 腾出空位。',
    );
  });

  it('what the task does next follows an event that is not itself a wait', () => {
    const ev: SliceEvent = { actor: 'consumer', role: 'consumer', kind: 'task', event: 'get', item: 'x', qsize: 0, t: 0, waitsOn: 'sleep' };
    const line = sentence(factsOf(ev, 'item = await q.get()', 0, '3.12'), 'get', narrationEn);
    expect(line.text).toBe("consumer: item = await q.get() (item = 'x'): consumer takes item 'x' out of the queue, which now holds 0, no limit; then it sleeps.");
  });
});

describe('the call comes from the program', () => {
  it('every event of every built-in program is worded with a statement of its own program', () => {
    const seen = new Set<EventName>();
    for (const p of listPresets()) {
      const program = generateProgram(p.scenario);
      const lines = program.code.split('\n').map((l) => l.trim());
      const sim = new Simulation(p.scenario, { horizon: Math.min(p.scenario.horizon ?? 30, 30) });
      const roles = new Map<string, SliceEvent['role']>();
      const events: TraceEvent[] = [];
      sim.runToEnd((rs) => {
        for (const r of rs) if (r.event !== 'end' && events.length < 3000) events.push(r as TraceEvent);
      }, 200_000);
      for (const a of sim.sim.actors) roles.set(a.name, a.role);
      for (const e of events) {
        const ev: SliceEvent = { actor: e.actor, role: roles.get(e.actor)!, kind: 'task', event: e.event, qsize: e.qsize, t: e.t, waitsOn: null };
        if (e.item !== undefined) ev.item = e.item;
        const call = callOf(ev, program);
        expect(lines.some((l) => l.startsWith(call)), `${p.id} ${e.actor} ${e.event}: ${call}`).toBe(true);
        seen.add(e.event);
        for (const [, w] of LANGS) {
          const [line] = captionLines([ev], p.scenario.queue.maxsize, program, p.scenario.python, w);
          expect(line!.text).toContain(e.actor);
          expect(line!.text).toContain(call);
        }
      }
    }
    // the built-in programs between them write every kind of event
    expect([...seen].sort()).toEqual(documented().sort());
  });

  it('events name the statement, not the log call, where the program has one', () => {
    const p = listPresets().find((x) => x.id === 'seed-2')!;
    const program = generateProgram(p.scenario);
    const ev = (event: EventName, role: SliceEvent['role'], actor: string, item?: null | number): SliceEvent => ({
      actor, role, kind: 'task', event, qsize: 0, t: 0, waitsOn: null, ...(item === undefined ? {} : { item }),
    });
    expect(callOf(ev('put_wait', 'producer', 'producer', 3), program)).toBe('await q.put(item)');
    expect(callOf(ev('get', 'consumer', 'consumer-0', 3), program)).toBe('item = await q.get()');
    expect(callOf(ev('task_done', 'consumer', 'consumer-0', null), program)).toBe('q.task_done()');
  });
});
