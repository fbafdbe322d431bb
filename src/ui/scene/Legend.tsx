/** The key to the scene, drawn with the scene's own glyphs: every state by icon, border and pattern. */
import { useEffect, useRef } from 'react';
import type { State } from '../../worker/protocol';
import { useText } from '../i18n';
import { drawForever, drawFrame, drawIcon, drawItem, lookOf } from './glyphs';
import { C } from './palette';

type Entry = { key: string; label: string; draw: (ctx: CanvasRenderingContext2D) => void };

const W = 44;
const H = 30;

function card(state: State, thread = false, frac = 0.6) {
  return (ctx: CanvasRenderingContext2D) => {
    const lk = lookOf(state);
    drawFrame(ctx, 2, 2, W - 4, H - 4, lk, thread);
    drawIcon(ctx, lk.icon, W / 2 + (thread ? 3 : 0), H / 2, 8, lk.color, state === 'sleeping' || state === 'polling' || state === 'busy' ? frac : 1);
  };
}

/** A task that waits forever: its state's card inside the hang's dashed double outline. */
const forever = (ctx: CanvasRenderingContext2D): void => {
  const lk = lookOf('waiting_get');
  drawFrame(ctx, 5, 5, W - 10, H - 10, lk, false);
  drawForever(ctx, 5, 5, W - 10, H - 10, false);
  drawIcon(ctx, lk.icon, W / 2, H / 2, 6, lk.color);
};

function Swatch({ draw }: { draw: Entry['draw'] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (c === null) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = W * dpr;
    c.height = H * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx);
  }, [draw]);
  return <canvas ref={ref} style={{ width: W, height: H }} aria-hidden="true" />;
}

export function Legend() {
  const tx = useText();
  const s = tx.state;
  const entries: Entry[] = [
    { key: 'task', label: tx.legend.task, draw: card('ready') },
    { key: 'thread', label: tx.legend.thread, draw: card('sleeping', true) },
    { key: 'not_started', label: tx.legend.notStarted, draw: card('not_started') },
    { key: 'ready', label: tx.legend.ready, draw: card('ready') },
    { key: 'running', label: tx.legend.running, draw: card('running') },
    { key: 'sleeping', label: s.sleeping, draw: card('sleeping') },
    { key: 'blocked', label: s.blocked_put, draw: card('blocked_put') },
    { key: 'get', label: s.waiting_get, draw: card('waiting_get') },
    { key: 'busy', label: s.busy, draw: card('busy') },
    { key: 'polling', label: tx.legend.polling, draw: card('polling') },
    { key: 'join', label: s.waiting_join, draw: card('waiting_join') },
    { key: 'waiting', label: tx.legend.waiting, draw: card('waiting') },
    { key: 'forever', label: tx.legend.forever, draw: forever },
    { key: 'blocking', label: s.blocking, draw: card('blocking') },
    { key: 'finished', label: `${s.finished} / ${s.exited}`, draw: card('finished') },
    { key: 'cancelled', label: s.cancelled, draw: card('cancelled') },
    { key: 'crashed', label: s.crashed, draw: card('crashed') },
    { key: 'chevrons', label: tx.legend.readyQueue, draw: (ctx) => drawIcon(ctx, 'chevrons', W / 2, H / 2, 8, C.blue, 1) },
    { key: 'item', label: tx.legend.item, draw: (ctx) => drawItem(ctx, '7', 8, 5, 28, 20, 13) },
    { key: 'none', label: tx.legend.sentinel, draw: (ctx) => drawItem(ctx, 'None', 4, 5, 36, 20, 11) },
  ];
  return (
    <section className="legend" aria-label={tx.legendTitle}>
      <h2>{tx.legendTitle}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            <Swatch draw={e.draw} />
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
