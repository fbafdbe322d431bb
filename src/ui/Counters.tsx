/** The slower figures: the clock and the counts, refreshed from the store about ten times a second. */
import { useLabStore } from '../store/context';
import { useText } from './i18n';
import { formatFixed, formatInt } from './i18n/numbers';

export function Counters() {
  const all = useText();
  const tx = all.counters;
  const t = useLabStore((s) => s.t);
  const c = useLabStore((s) => s.counters);
  const items: [string, string, string?][] = [
    [tx.t, all.seconds(formatFixed(t, t < 100 ? 2 : 1))],
    [tx.produced, formatInt(c.produced)],
    [tx.inBuffer, formatInt(c.inBuffer)],
    [tx.inService, formatInt(c.inService)],
    [tx.consumed, formatInt(c.consumed)],
    [tx.unfinished, formatInt(c.unfinished), tx.unfinishedHint],
  ];
  return (
    <dl className="counters" aria-live="off">
      {items.map(([label, value, hint]) => (
        <div key={label} title={hint}>
          <dt>{label}</dt>
          <dd data-counter={label}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
