/**
 * When the simulation stops on an exception of its own (a bug in the engine, not the Python program's exception):
 * what happened, the last events before it, the stack behind "Technical details" (with Copy, for a bug report),
 * and a Restart that starts a fresh worker on the same scenario.
 */
import { useRef, useState } from 'react';
import { useLab, useLabStore } from '../../store/context';
import { copyText, selectContents } from '../code/exportCode';
import { useText, type Dict } from '../i18n';
import { WithUserText } from '../userText';
import { errorWords } from './wording';
import './faults.css';

/** The events shown before the failure. */
const LAST_EVENTS = 20;

function TechnicalDetails({ stack, tx }: { stack: string; tx: Dict }) {
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    const ok = await copyText(stack);
    if (!ok && pre.current !== null) selectContents(pre.current);
    setCopied(ok);
  };
  return (
    <details className="fault-details" data-testid="error-panel-details">
      <summary>{tx.worker.technicalDetails}</summary>
      <pre className="fault-stack" ref={pre} tabIndex={0}>
        {stack}
      </pre>
      <button type="button" onClick={() => void copy()}>
        {tx.worker.copyDetails}
      </button>
      <span role="status">{copied === null ? '' : copied ? tx.worker.copied : tx.worker.copyFailed}</span>
    </details>
  );
}

export function ErrorPanel() {
  const { logRing, actions } = useLab();
  const tx = useText();
  const error = useLabStore((s) => s.error);
  // the last lines may arrive just after the error; without one, log updates are none of this panel's business
  useLabStore((s) => (s.error === null ? -1 : s.logVersion));
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
      {error.kind === 'engineError' && error.stack !== '' && <TechnicalDetails stack={error.stack} tx={tx} />}
      <button type="button" onClick={actions.restartLab}>
        {tx.faultRestart}
      </button>
    </div>
  );
}
