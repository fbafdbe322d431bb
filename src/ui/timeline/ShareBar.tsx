/** Copy link, scenario files in and out, trace and chart exports, and what the last of them did. */
import { useRef } from 'react';
import { useLabActions, useLabStore } from '../../store/context';
import { useText } from '../i18n';
import { WithUserText } from '../userText';

function firstChart(): { canvas: HTMLCanvasElement; id: string } | null {
  const el = document.querySelector<HTMLElement>('[data-chart]');
  const canvas = el?.querySelector('canvas') ?? null;
  return el && canvas ? { canvas, id: el.dataset.chart ?? 'chart' } : null;
}

export function ShareBar() {
  const { copyLink, exportChartPng, exportScenario, exportTrace, importScenario } = useLabActions();
  const tx = useText();
  const w = tx.travel;
  const file = useRef<HTMLInputElement>(null);
  // one trace export at a time (ExportStatus shows it, with Cancel)
  const exporting = useLabStore((s) => s.exportProgress !== null);
  return (
    <section className="share-bar" aria-label={w.share}>
      <button type="button" onClick={() => void copyLink()}>
        {w.copyLink}
      </button>
      <button type="button" onClick={() => file.current?.click()}>
        {w.importScenario}
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-scenario"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f !== undefined) void importScenario(f);
        }}
      />
      <button type="button" onClick={exportScenario}>
        {w.exportScenario}
      </button>
      <button type="button" disabled={exporting} onClick={() => void exportTrace('jsonl')}>
        {w.exportTraceJsonl}
      </button>
      <button type="button" disabled={exporting} onClick={() => void exportTrace('csv')}>
        {w.exportTraceCsv}
      </button>
      <button
        type="button"
        onClick={() => {
          const c = firstChart();
          if (c !== null) exportChartPng(c.canvas, c.id);
        }}
      >
        {w.exportChart}
      </button>
    </section>
  );
}

/** The message of the last share action; a link or file that failed names its problem (role=alert). */
export function ShareNotice() {
  const { dismissShare } = useLabActions();
  const w = useText().travel;
  const share = useLabStore((s) => s.share);
  if (share === null) return null;
  const bad = share.kind === 'linkError' || share.kind === 'importError' || share.kind === 'copyFailed';
  const d = share.detail;
  const text =
    share.kind === 'linkError' ? (
      <WithUserText words={(why) => w.linkError(w.linkProblem[share.problem ?? 'damaged'], why, share.kept === true)} text={d} />
    ) : share.kind === 'importError' ? (
      <WithUserText words={w.importError} text={d} />
    ) : share.kind === 'copyFailed' ? (
      <WithUserText words={w.copyFailed} text={d} />
    ) : share.kind === 'copied' ? (
      w.copied
    ) : share.kind === 'imported' ? (
      <WithUserText words={w.imported} text={d} />
    ) : (
      <WithUserText words={w.saved} text={d} />
    );
  return (
    <div className={bad ? 'share-notice bad' : 'share-notice'} role={bad ? 'alert' : 'status'} data-testid="share-notice">
      <span>{text}</span>
      <button type="button" onClick={dismissShare}>
        {w.dismiss}
      </button>
    </div>
  );
}
