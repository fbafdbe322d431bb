/**
 * "Measured, and what queueing theory predicts": the live charts (uPlot, drawn by ChartsRenderer outside React)
 * and the figures table. React draws only the frame around the charts: titles, legends, the Freeze button.
 */
import { memo, useEffect, useRef } from 'react';
import 'uplot/dist/uPlot.min.css';
import { getClient } from '../../store/actions';
import { useMeasure } from '../../store/figures';
import { useLab } from '../../store/labStore';
import { useText } from '../i18n';
import { setFrozen, useFrozen } from './chartView';
import { FiguresTable } from './FiguresTable';
import { num, pct } from './format';
import { ChartsRenderer, windowFor } from './renderer';
import { COLORS, type ChartId } from './specs';
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
  const tx = useText();
  const lang = useLab((s) => s.lang);
  const h = useMeasure().figures?.waitHistogram;
  if (h === undefined || h.total === 0) return null;
  return <p className="chart-sub">{tx.measure.atOnce(pct(h.zero / h.total, lang))}</p>;
}

/** The chart cards; their canvases belong to the renderer, so this re-renders only for words. */
const ChartGrid = memo(function ChartGrid() {
  const tx = useText();
  const m = tx.measure;
  const lang = useLab((s) => s.lang);
  const root = useRef<HTMLDivElement>(null);
  const maxsize = useLab((s) => s.settings.bufferSize);
  useEffect(() => {
    if (root.current === null) return;
    const r = new ChartsRenderer(root.current, () => {
      const c = getClient();
      return { prev: c?.prev ?? null, cur: c?.cur ?? null, data: c?.charts ?? null };
    });
    r.start();
    return () => r.stop();
  }, []);
  return (
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
  );
});

export function Measure() {
  const tx = useText();
  const m = tx.measure;
  const lang = useLab((s) => s.lang);
  const speed = useLab((s) => s.speed);
  const frozen = useFrozen();
  return (
    <section className="measure" aria-labelledby="measure-title" data-testid="measure">
      <div className="measure-head">
        <h2 id="measure-title">{m.title}</h2>
        <span className="measure-window">{frozen ? m.frozen : m.window(num(windowFor(speed), lang))}</span>
        <button type="button" className={frozen ? 'freeze on' : 'freeze'} aria-pressed={frozen} title={m.freezeHint} onClick={() => setFrozen(!frozen)}>
          {m.freeze}
        </button>
      </div>
      <ChartGrid />
      <FiguresTable />
    </section>
  );
}
