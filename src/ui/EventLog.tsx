/** The event log: the program's own prints, newest at the bottom, bounded, filterable by task. */
import { useEffect, useRef } from 'react';
import { logRing, setLogFilter } from '../store/actions';
import { useLab } from '../store/labStore';
import { useText } from './i18n';

/** Lines rendered at once; the ring keeps more (the filter can reach further back). */
const SHOWN = 600;

export function EventLog() {
  const tx = useText();
  useLab((s) => s.logVersion); // re-render when lines arrive
  const filter = useLab((s) => s.logFilter);
  const pre = useRef<HTMLPreElement>(null);
  // follow the newest line unless the reader has scrolled up to read
  const follow = useRef(true);
  const lines = logRing.tail(filter, SHOWN);
  const body = lines.map((e) => (e.skipped === undefined ? e.line : tx.logSkipped(e.skipped))).join('\n');
  useEffect(() => {
    const el = pre.current;
    if (el === null) return;
    if (follow.current) el.scrollTop = el.scrollHeight;
  }, [body]);
  return (
    <section className="log" aria-labelledby="log-title">
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
      >
        {body || tx.logEmpty}
      </pre>
    </section>
  );
}
