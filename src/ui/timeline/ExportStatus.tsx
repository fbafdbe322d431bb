/** A trace export under way (progress and Cancel), then what it did: saved, cancelled, refused or failed. */
import { useEffect, useId, useRef } from 'react';
import { useLabActions, useLabStore } from '../../store/context';
import type { ExportOutcome, ExportProgress } from '../../store/traceExport';
import { useText } from '../i18n';
import { formatInt, formatUpTo } from '../i18n/numbers';
import { assertNever } from '../../worker/never';
import type { TravelWords } from './words';

/** Bytes in binary units, as the cap is documented: 512 KiB, 98.3 MiB, 2 GiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let x = n;
  let u = 0;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  return `${formatUpTo(x, u === 0 ? 0 : 1)} ${units[u]}`;
}

export function ExportStatus() {
  const { dismissExport } = useLabActions();
  const w = useText().travel;
  const progress = useLabStore((s) => s.exportProgress);
  const outcome = useLabStore((s) => s.exportOutcome);
  const cancel = useRef<HTMLButtonElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  // the keyboard follows the export: from its button to Cancel, from Cancel to the outcome's Dismiss
  const keyboard = useRef(false);
  useEffect(() => {
    // (the export buttons are disabled meanwhile, so the focus may already have fallen back to the body)
    const at = document.activeElement;
    if (progress !== null && (at === null || at === document.body || at.closest('.share-bar') !== null)) {
      keyboard.current = true;
      cancel.current?.focus();
    }
  }, [progress !== null]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (outcome !== null && keyboard.current && (document.activeElement === document.body || document.activeElement === null)) dismiss.current?.focus();
    if (progress === null) keyboard.current = false;
  }, [outcome, progress]);
  if (progress !== null) return <Progress p={progress} w={w} cancel={cancel} />;
  if (outcome === null) return null;
  const bad = outcome.kind === 'refused' || outcome.kind === 'failed';
  return (
    <div className={bad ? 'share-notice bad' : 'share-notice'} role={bad ? 'alert' : 'status'} data-testid="export-outcome">
      <span>{outcomeText(outcome, w)}</span>
      <button type="button" ref={dismiss} onClick={dismissExport}>
        {w.dismiss}
      </button>
    </div>
  );
}

function Progress({ p, w, cancel }: { p: ExportProgress; w: TravelWords; cancel: React.RefObject<HTMLButtonElement | null> }) {
  const { cancelExport } = useLabActions();
  const id = useId();
  const text =
    p.events === null
      ? w.exportStarting(p.name)
      : w.exportProgress(
          p.name,
          formatInt(p.lines),
          formatInt(p.events),
          `${formatUpTo(p.events === 0 ? 100 : (100 * p.lines) / p.events, 1)} %`,
          formatBytes(p.bytes),
        );
  return (
    <section className="export-progress" aria-label={w.exportRegion} data-testid="export-progress">
      <label htmlFor={id}>{w.exportRegion}</label>
      {p.events === null ? <progress id={id} /> : <progress id={id} max={Math.max(1, p.events)} value={p.lines} />}
      <button type="button" ref={cancel} onClick={cancelExport}>
        {w.exportCancel}
      </button>
      <p className="export-detail">
        {text}
        {p.toFile ? ` ${w.exportToFile}` : ''}
      </p>
    </section>
  );
}

function outcomeText(o: ExportOutcome, w: TravelWords): string {
  switch (o.kind) {
    case 'saved':
      return w.exportSaved(o.name, formatInt(o.lines), formatBytes(o.bytes));
    case 'cancelled':
      return w.exportCancelled;
    case 'refused':
      return w.exportRefused(formatBytes(o.estimate), formatInt(o.events), formatBytes(o.cap));
    case 'failed':
      return w.exportFailed(o.detail);
    default:
      return assertNever(o);
  }
}
