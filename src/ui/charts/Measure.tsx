/**
 * "Measured, and what queueing theory predicts": the live charts (uPlot, drawn by ChartsRenderer outside React)
 * and the figures table. React draws only the frame around the charts: titles, legends, the Freeze button. The
 * section is below the first screen: the renderer (with uPlot) and the table are fetched after the first screen is
 * drawn, or when it is scrolled to, into chart cards and a table box that already have their size.
 */
import { lazy, memo, Suspense, useEffect, useRef, useState } from 'react';
import 'uplot/dist/uPlot.min.css';
import { useLab, useLabActions, useLabStore, useMeasure } from '../../store/context';
import { Deferred, failure, LoadFailed, useNeeded } from '../deferred';
import { useText } from '../i18n';
import { useMeasureWords } from './measureWords';
import { windowFor } from './chartView';
import { COLORS } from './colors';
import { num, pct } from './format';
import type { ChartId } from './specs';

const FiguresTable = lazy(() => import('./FiguresTable').then((m) => ({ default: m.FiguresTable })));
import './charts.css';

interface Key {
  color: string;
  label: string;
  dashed?: boolean;
}

function Legend({ keys }: { keys: Key[] }) {
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

function Plot({ id, label, height = 150 }: { id: ChartId; label: string; height?: number }) {
  return <div className="chart" data-chart={id} data-height={height} data-testid={`chart-${id}`} role="img" aria-label={label} style={{ height }} />;
}

function AtOnce() {
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const h = useMeasure().figures?.waitHistogram;
  if (h === undefined || h.total === 0) return null;
  return <p className="chart-sub">{m.atOnce(pct(h.zero / h.total, lang))}</p>;
}

/** The chart cards; their canvases belong to the renderer, so this re-renders only for words. */
const ChartGrid = memo(function ChartGrid({ needed }: { needed: boolean }) {
  const m = useMeasureWords();
  const lang = useLabStore((s) => s.lang);
  const root = useRef<HTMLDivElement>(null);
  const maxsize = useLabStore((s) => s.settings.bufferSize);
  const lab = useLab();
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!needed || el === null) return;
    let r: { stop(): void } | null = null;
    let gone = false;
    import('./renderer').then(
      ({ ChartsRenderer }) => {
        if (gone) return;
        const charts = new ChartsRenderer(el, () => {
          const c = lab.client();
          return { prev: c?.prev ?? null, cur: c?.cur ?? null, data: c?.charts ?? null, frozen: lab.store.getState().frozen };
        });
        charts.start();
        r = charts;
      },
      (e: unknown) => {
        if (!gone) setFailed(failure(e));
      },
    );
    return () => {
      gone = true;
      r?.stop();
    };
  }, [needed, lab]);
  return (
    <>
      {failed !== null && <LoadFailed part={m.chartsLabel} why={failed} />}
      <div className="chart-grid" ref={root} aria-label={m.chartsLabel} role="group">
        <figure className="chart-card">
          <figcaption>
            <h3>{m.queue}</h3>
            <Legend
              keys={[
                { color: COLORS.blue, label: m.queueAvg },
                { color: COLORS.sky, label: m.queueMax },
                ...(maxsize > 0 ? [{ color: COLORS.verm, label: m.maxsize(num(maxsize, lang)), dashed: true }] : []),
              ]}
            />
          </figcaption>
          <Plot id="queue" label={m.queue} />
        </figure>
        <figure className="chart-card">
          <figcaption>
            <h3>{m.rates}</h3>
            <Legend
              keys={[
                { color: COLORS.blue, label: m.produced },
                { color: COLORS.green, label: m.consumed },
              ]}
            />
          </figcaption>
          <Plot id="rates" label={m.rates} />
        </figure>
        <figure className="chart-card">
          <figcaption>
            <h3>{m.waits}</h3>
            <Legend
              keys={[
                { color: COLORS.purple, label: m.wait },
                { color: COLORS.verm, label: m.blocked },
              ]}
            />
          </figcaption>
          <Plot id="waits" label={m.waits} />
        </figure>
        <figure className="chart-card">
          <figcaption>
            <h3>{m.util}</h3>
            <Legend keys={[{ color: COLORS.green, label: m.overall }]} />
          </figcaption>
          <Plot id="util" label={m.util} height={110} />
          <p className="chart-sub">{m.perConsumer}</p>
          <Plot id="perConsumer" label={`${m.util}: ${m.perConsumer}`} height={80} />
        </figure>
        <figure className="chart-card">
          <figcaption>
            <h3>{m.unfinished}</h3>
            <Legend keys={[{ color: COLORS.orange, label: m.unfinishedLine }]} />
          </figcaption>
          <Plot id="unfinished" label={m.unfinished} />
        </figure>
        <figure className="chart-card">
          <figcaption>
            <h3>{m.histogram}</h3>
            <Legend keys={[{ color: COLORS.purple, label: m.histogramShare }]} />
          </figcaption>
          <Plot id="histogram" label={m.histogram} height={126} />
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
