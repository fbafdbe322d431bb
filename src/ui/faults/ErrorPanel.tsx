/**
 * When the simulation stops on an exception of its own (a bug in the engine, not the Python program's exception):
 * what happened, the last events before it, and a Restart that starts a fresh worker on the same scenario.
 */
import { logRing, restartLab } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { useText } from '../i18n';
import { WithUserText } from '../userText';
import { errorWords } from './wording';
import './faults.css';

/** The events shown before the failure. */
const LAST_EVENTS = 20;

export function ErrorPanel() {
  const tx = useText();
  const error = useLab((s) => s.error);
  // the last lines may arrive just after the error; without one, log updates are none of this panel's business
  useLab((s) => (s.error === null ? -1 : s.logVersion));
  if (error === null) return null;
  const lines = logRing.tail(null, LAST_EVENTS);
  const body = lines.map((e) => (e.skipped === undefined ? e.line : tx.logSkipped(e.skipped))).join('\n');
  const { words, detail } = errorWords(error, tx);
  return (
    <div className="banner error fault-panel" role="alert" data-testid="error-panel">
      <p className="fault-what">
        <WithUserText words={words} text={detail} />
      </p>
      <h3 className="fault-title">{tx.faultLastEvents}</h3>
      <pre className="fault-log" data-testid="error-panel-log" tabIndex={0}>
        {body || tx.logEmpty}
      </pre>
      <button type="button" onClick={restartLab}>
        {tx.faultRestart}
      </button>
    </div>
  );
}
