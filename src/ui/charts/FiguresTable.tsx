/**
 * The figures table: each measured figure with its 95% interval (batch means) beside the theory's prediction for
 * the settings now running, the model and how far to trust it, and a plain-language reading. Re-renders only when
 * new figures arrive (a few times a second).
 */
import { useMemo, useRef } from 'react';
import type { Lang } from '../../store/labStore';
import { useLabStore, useMeasure } from '../../store/context';
import type { TheoryResult } from '../../theory/types';
import { useMeasureWords } from './measureWords';
import type { MeasureWords } from './words';
import { figureRows, ignoresPolling, modelKind, type FigureRow } from './figureRows';
import { num, pct } from './format';
import { reading } from './reading';
import { noModelWords } from './noModelWords';
import { theoryNotes } from './theoryNotes';
import { useOnScreen } from '../useOnScreen';

function value(x: number | null, row: FigureRow, m: MeasureWords, lang: Lang): string {
  if (x === null) return '—';
  if (row.unit === 'buffer' && !Number.isFinite(x)) return m.unbounded;
  if (!Number.isFinite(x)) return m.grows;
  switch (row.unit) {
    case 'rate':
      return m.perSecond(num(x, lang));
    case 'share':
      return pct(x, lang);
    case 'seconds':
      return m.seconds(num(x, lang));
    default:
      return num(x, lang);
  }
}

/** An interval's ends: the number alone (the unit is on the value above). */
function bare(x: number, row: FigureRow, lang: Lang): string {
  return row.unit === 'share' ? pct(x, lang) : num(x, lang);
}

function Measured({ row, m, lang }: { row: FigureRow; m: MeasureWords; lang: Lang }) {
  if (row.unit === 'little') {
    return <>{row.measured === null || row.second == null ? '—' : m.littleValue(num(row.measured, lang), num(row.second, lang))}</>;
  }
  return (
    <>
      <span className="fig-value">{value(row.measured, row, m, lang)}</span>
      {row.ci !== null && (
        <span className="fig-ci">{m.interval(bare(row.ci[0], row, lang), bare(row.ci[1], row, lang))}</span>
      )}
    </>
  );
}

function Predicted({ row, m, lang }: { row: FigureRow; m: MeasureWords; lang: Lang }) {
  const text = row.unit === 'little' ? m.littleTheory : value(row.predicted, row, m, lang);
  return (
    <>
      <span className="fig-value">{text}</span>
      {row.agrees !== null && (
        <span className={row.agrees ? 'fig-ok' : 'fig-off'} title={row.agrees ? m.agrees : m.disagrees}>
          {row.agrees ? ' ✓' : ' ✗'}
          <span className="fig-sr">{row.agrees ? m.agrees : m.disagrees}</span>
        </span>
      )}
    </>
  );
}

function ModelLine({ th, m, lang }: { th: TheoryResult | null; m: MeasureWords; lang: Lang }) {
  if (th === null) return null;
  const kind = modelKind(th);
  let why: string | null = null;
  if (th.status === 'none') why = noModelWords(m.noModel, th.why);
  else if (th.status === 'unstable') why = Number.isFinite(th.rho) ? m.unstableWhy(pct(th.rho, lang)) : m.unstableInfinite;
  const polling = ignoresPolling(th);
  return (
    <div className="fig-model" data-testid="figures-model" data-kind={kind}>
      <span>
        {m.model}
        {m.colon}
        {m.models[th.model]}
      </span>
      <span className={`fig-badge ${kind}`}>{m.kinds[kind]}</span>
      {polling && <span className="fig-note">{m.polling}</span>}
      {why !== null && <p className="fig-note">{why}</p>}
    </div>
  );
}

/** The prediction's caveats (a finite run, an approximation, polling): they change only with the prediction. */
function TheoryNotes({ th, m, lang }: { th: TheoryResult | null; m: MeasureWords; lang: Lang }) {
  const notes = useMemo(() => theoryNotes(th, m, lang), [th, m, lang]);
  if (notes.length === 0) return null;
  return (
    <div className="fig-notes" data-testid="figures-notes">
      <p className="fig-notes-title">{m.notesTitle}</p>
      <ul>
        {notes.map((n, i) => (
          <li key={`${n.kind}-${i}`} data-note={n.kind}>
            {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FiguresTable() {
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box);
  const { figures: f, theory: th, changes } = useMeasure(onScreen);
  const rows = useMemo(() => figureRows(f, th), [f, th]);
  const words = useMemo(() => reading(f, th, rows, m, lang), [f, th, rows, m, lang]);
  let status: string | null = null;
  if (f !== null && !f.batches.ready) {
    status = f.batches.complete < f.batches.needed ? m.ciWaiting(f.batches.complete, f.batches.needed) : m.ciFewItems;
  }
  return (
    <div className="figures" data-testid="figures" ref={box}>
      <ModelLine th={th} m={m} lang={lang} />
      <TheoryNotes th={th} m={m} lang={lang} />
      {words.length > 0 && (
        <p className="fig-reading" data-testid="figures-reading">
          {words.join(lang === 'zh' ? '' : ' ')}
        </p>
      )}
      <div className="fig-scroll">
        <table className="fig-table">
          <caption>{m.table}</caption>
          <thead>
            <tr>
              <th scope="col">{m.figure}</th>
              <th scope="col">{m.measured}</th>
              <th scope="col">{m.theory}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{m.rows[row.key]}</th>
                <td data-col="measured">
                  <Measured row={row} m={m} lang={lang} />
                </td>
                <td data-col="theory">
                  <Predicted row={row} m={m} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fig-foot">
        {f === null ? m.noData : m.measuredOver(num(f.from, lang), num(f.t, lang))}
        {changes > 0 && f !== null && <> {m.restarted(num(f.from, lang))}</>}
        {status !== null && <> {status}</>}
        {rows.some((r) => r.agrees !== null) && <> {m.checkKey}</>}
      </p>
    </div>
  );
}
