/** The slower figures: the clock and the counts, refreshed from the store about ten times a second. */
import { useLab } from '../store/labStore';
import { useText } from './i18n';

export function Counters() {
  const tx = useText().counters;
  const t = useLab((s) => s.t);
  const c = useLab((s) => s.counters);
  const items: [string, string, string?][] = [
    [tx.t, `${t.toFixed(t < 100 ? 2 : 1)} s`],
    [tx.produced, String(c.produced)],
    [tx.inBuffer, String(c.inBuffer)],
    [tx.inService, String(c.inService)],
    [tx.consumed, String(c.consumed)],
    [tx.unfinished, String(c.unfinished), tx.unfinishedHint],
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
