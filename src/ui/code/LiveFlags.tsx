/** The changes made to the running program that the script below cannot express, flagged above the code. */
import type { Settings } from '../../scenarios/settings';
import { fmt } from '../controls/scales';
import { useText, type Dict } from '../i18n';
import { useLiveChanges, type LiveChange } from './liveChanges';

function rate(tx: Dict, s: Settings, what: 'interval' | 'service'): string {
  const mean = what === 'interval' ? s.interval : s.service;
  const dist = what === 'interval' ? s.intervalDist : s.serviceDist;
  if (dist === 'item') return tx.dist.item;
  return tx.code.rate(tx.dist[dist], mean === 0 ? tx.noSleep : tx.seconds(fmt(mean)));
}

export function describeChange(tx: Dict, c: LiveChange): string {
  const what = tx.code.what[c.what];
  if (c.what === 'producers' || c.what === 'consumers') {
    const from = c.from[c.what];
    const to = c.to[c.what];
    return tx.code.changedCount(what, from, to, to > from ? 'create_task' : 'cancel()');
  }
  return tx.code.changedRate(what, rate(tx, c.from, c.what), rate(tx, c.to, c.what));
}

export function LiveFlags() {
  const tx = useText();
  const changes = useLiveChanges();
  if (changes.length === 0) return null;
  return (
    <div className="code-flags" role="note" data-testid="code-flags">
      <strong>{tx.code.changedTitle}</strong>
      <ul>
        {changes.map((c, i) => (
          <li key={i}>{describeChange(tx, c)}</li>
        ))}
      </ul>
    </div>
  );
}
