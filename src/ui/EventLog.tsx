/**
 * The event log: the program's own prints, newest at the bottom, bounded, filterable by task. Each update appends
 * its lines as one block of text and the oldest blocks leave: the browser lays out only what changed (the whole
 * box's hundreds of lines laid out again several times a second cost a frame's time under load). Every line ends
 * with a newline, so the box's text is the log's lines as the program prints them.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLab, useLabStore } from '../store/context';
import type { LogEntry } from '../store/logRing';
import { useText, type Dict } from './i18n';
import { useOnScreen } from './useOnScreen';

/** Lines shown at once; the ring keeps more (the filter can reach further back). */
const SHOWN = 600;

/** Where the box stands: which lines it shows, so that the next update only appends. */
interface Shown {
  generation: number;
  pushed: number;
  filter: string | null;
  /** The words it was written in (a skipped-lines note and the empty message follow the language). */
  tx: Dict | null;
  lines: number;
}

export function EventLog() {
  const { logRing, actions } = useLab();
  const { setLogFilter } = actions;
  const tx = useText();
  const box = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(box);
  const version = useLabStore((s) => s.logVersion); // re-render when lines arrive
  const filter = useLabStore((s) => s.logFilter);
  const pre = useRef<HTMLPreElement>(null);
  const shown = useRef<Shown>({ generation: -1, pushed: 0, filter: null, tx: null, lines: 0 });
  // follow the newest line unless the reader has scrolled up to read
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = pre.current;
    if (el === null) return;
    const lineText = (e: LogEntry): string => `${e.skipped === undefined ? e.line : tx.logSkipped(e.skipped)}\n`;
    const st = shown.current;
    const same = st.generation === logRing.generation && st.filter === filter && st.tx === tx;
    const fresh = same && st.lines > 0 ? logRing.since(st.pushed, filter, SHOWN) : null;
    if (fresh === null) {
      el.textContent = '';
      st.lines = 0;
    }
    const add = fresh ?? logRing.tail(filter, SHOWN);
    if (add.length > 0) {
      const block = document.createElement('div');
      block.textContent = add.map(lineText).join('');
      block.dataset.lines = String(add.length);
      el.appendChild(block);
      st.lines += add.length;
    }
    // the oldest lines leave: whole blocks, then the first lines of the oldest block left
    while (st.lines > SHOWN && el.firstElementChild !== null) {
      const first = el.firstElementChild as HTMLElement;
      const n = Number(first.dataset.lines);
      if (st.lines - n >= SHOWN) {
        first.remove();
        st.lines -= n;
        continue;
      }
      const drop = st.lines - SHOWN;
      const text = first.textContent ?? '';
      let cut = 0;
      for (let k = 0; k < drop; k++) cut = text.indexOf('\n', cut) + 1;
      first.textContent = text.slice(cut);
      first.dataset.lines = String(n - drop);
      st.lines = SHOWN;
    }
    if (st.lines === 0) el.textContent = tx.logEmpty;
    Object.assign(st, { generation: logRing.generation, pushed: logRing.pushed, filter, tx });
  }, [version, filter, tx, logRing]);

  useEffect(() => {
    const el = pre.current;
    // reading scrollHeight lays the box out at once: only while the log is on screen (and when it comes back)
    if (el === null || !onScreen) return;
    if (follow.current) el.scrollTop = el.scrollHeight;
  }, [version, filter, onScreen]);

  return (
    <section className="log" aria-labelledby="log-title" ref={box}>
      <div className="log-head">
        <h2 id="log-title">{tx.logTitle}</h2>
        <label>
          {tx.logFilter}{' '}
          <select value={filter ?? ''} onChange={(e) => setLogFilter(e.currentTarget.value || null)}>
            <option value="">{tx.logAll}</option>
            {logRing.actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <pre
        ref={pre}
        className="log-body"
        tabIndex={0}
        data-testid="event-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      />
    </section>
  );
}
