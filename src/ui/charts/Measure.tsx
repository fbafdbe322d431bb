/**
 * "Measured, and what queueing theory predicts": the live charts (uPlot, drawn by ChartsBoard in the page's frame
 * loop, outside React) and the figures table. React draws only the frame around the charts: titles, legends (from
 * each chart's series), the Freeze button. The
 * section is below the first screen: the renderer (with uPlot) and the table are fetched after the first screen is
 * drawn, or when it is scrolled to, into chart cards and a table box that already have their size.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import 'uplot/dist/uPlot.min.css';
import { useLab, useLabActions, useLabStore, useMeasure } from '../../store/context';
import { Deferred, failure, LoadFailed, useNeeded } from '../deferred';
import { useFrame } from '../frame/useFrame';
import { useText } from '../i18n';
import { provideChartsHook } from '../testHook';
import { chartsHook } from './chartsHook';
import { useMeasureWords } from './measureWords';
import { windowFor } from './chartView';
import { num, pct } from './format';
import type { ChartsBoard, ChartsInput } from './renderer';
import { legendOf, type ChartId, type LegendKey } from './series';

provideChartsHook(chartsHook);

const FiguresTable = lazy(() => import('./FiguresTable').then((m) => ({ default: m.FiguresTable })));
import './charts.css';

function Legend({ keys }: { keys: LegendKey[] }) {
  return (
    <ul className="chart-keys">
      {keys.map((k) => (
        <li key={k.label}>
          <i className={k.dashed === true ? 'dashed' : ''} style={{ background: k.dashed === true ? undefined : k.color, borderColor: k.color }} />
          {k.label}
        </li>
      ))}
    </ul>
  );
}

/** A chart's box; once the charts' code is here, its chart registers with the page's frame loop. */
function Plot({ id, label, board, height = 150 }: { id: ChartId; label: string; board: ChartsBoard | null; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const mount = useCallback((el: HTMLDivElement) => board!.chart(id, el, height), [board, id, height]);
  useFrame(box, board === null ? null : mount);
  return <div className="chart" ref={box} data-chart={id} data-testid={`chart-${id}`} role="img" aria-label={label} style={{ height }} />;
}

function AtOnce() {
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const h = useMeasure().figures?.waitHistogram;
  if (h === undefined || h.total === 0) return null;
  return <p className="chart-sub">{m.atOnce(pct(h.zero / h.total, lang))}</p>;
}

/** The chart cards; their canvases belong to the frame loop, so this re-renders only for words and Freeze. */
const ChartGrid = memo(function ChartGrid({ needed }: { needed: boolean }) {
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const frozen = useLabStore((s) => s.frozen);
  const maxsize = useLabStore((s) => s.settings.bufferSize);
  const [failed, setFailed] = useState<string | null>(null);
  const lab = useLab();
  const [board, setBoard] = useState<ChartsBoard | null>(null);
  // what the next frame draws with, as of the last render
  const shown = useRef({ frozen, lang, words: m });
  useEffect(() => {
    shown.current = { frozen, lang, words: m };
  }, [frozen, lang, m]);
  useEffect(() => {
    if (!needed) return;
    let gone = false;
    import('./renderer').then(
      ({ ChartsBoard }) => {
        if (gone) return;
        setBoard(
          new ChartsBoard((): ChartsInput => {
            const c = lab.client();
            return { prev: c?.prev ?? null, cur: c?.cur ?? null, data: c?.charts ?? null, ...shown.current };
          }),
        );
      },
      (e: unknown) => {
        if (!gone) setFailed(failure(e));
      },
    );
    return () => {
      gone = true;
    };
  }, [needed, lab]);
  const keys = (id: ChartId) => legendOf(id, m, maxsize > 0 ? num(maxsize, lang) : null);
  const card = (id: ChartId, title: string, height?: number) => (
    <>
      <figcaption>
        <h3>{title}</h3>
        <Legend keys={keys(id)} />
      </figcaption>
      <Plot id={id} label={title} board={board} height={height} />
    </>
  );
  return (
    <>
      {failed !== null && <LoadFailed part={m.chartsLabel} why={failed} />}
      <div className="chart-grid" aria-label={m.chartsLabel} role="group">
        <figure className="chart-card">{card('queue', m.queue)}</figure>
        <figure className="chart-card">{card('rates', m.rates)}</figure>
        <figure className="chart-card">{card('waits', m.waits)}</figure>
        <figure className="chart-card">
          {card('util', m.util, 110)}
          <p className="chart-sub">{m.perConsumer}</p>
          <Plot id="perConsumer" label={`${m.util}: ${m.perConsumer}`} board={board} height={80} />
        </figure>
        <figure className="chart-card">{card('unfinished', m.unfinished)}</figure>
        <figure className="chart-card">
          {card('histogram', m.histogram, 126)}
          <AtOnce />
        </figure>
      </div>
    </>
  );
});

/** Holds the figures table's place until its code is here. */
const FiguresHold = () => <div className="figures figures-hold" data-testid="figures-hold" />;

export function Measure() {
  const tx = useText();
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const speed = useLabStore((s) => s.speed);
  const frozen = useLabStore((s) => s.frozen);
  const { setFrozen } = useLabActions();
  const box = useRef<HTMLElement>(null);
  const needed = useNeeded(box);
  return (
    <section className="measure" aria-labelledby="measure-title" data-testid="measure" ref={box}>
      <div className="measure-head">
        <h2 id="measure-title">{tx.measureTitle}</h2>
        <span className="measure-window">{frozen ? m.frozen : m.window(num(windowFor(speed), lang))}</span>
        <button type="button" className={frozen ? 'freeze on' : 'freeze'} aria-pressed={frozen} title={m.freezeHint} onClick={() => setFrozen(!frozen)}>
          {m.freeze}
        </button>
      </div>
      <ChartGrid needed={needed} />
      {needed ? (
        <Deferred part={tx.measureTitle}>
          <Suspense fallback={<FiguresHold />}>
            <FiguresTable />
          </Suspense>
        </Deferred>
      ) : (
        <FiguresHold />
      )}
    </section>
  );
}
