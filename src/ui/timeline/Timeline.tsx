/** The timeline under the scene: a slider over the run so far (drag or keys to any moment) and its markers. */
import { useEffect, useRef, useState } from 'react';
import { useLabActions, useLabStore } from '../../store/context';
import { useText } from '../i18n';
import { formatFixed } from '../i18n/numbers';
import './timeline.css';

/** Slider positions over the run so far. */
const STEPS = 1000;
/** Seeks while dragging go out at most this often (ms); the last one always goes. */
const SEND_MS = 60;

export function Timeline() {
  const { jumpTo, seekTime } = useLabActions();
  const tx = useText();
  const lang = useLabStore((s) => s.lang);
  const t = useLabStore((s) => s.timeline.t);
  const max = useLabStore((s) => s.timeline.max);
  const markers = useLabStore((s) => s.timeline.markers);
  const [dragging, setDragging] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const want = useRef(0);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  const span = max > 0 ? max : 1;
  const shown = dragging ?? t;
  const pos = Math.round((Math.min(shown, span) / span) * STEPS);
  const fmt = (x: number) => formatFixed(x, 3, lang);

  const onInput = (v: number) => {
    const target = (v / STEPS) * span;
    want.current = target;
    setDragging(target);
    if (timer.current !== null) return;
    seekTime(target);
    timer.current = setTimeout(() => {
      timer.current = null;
      seekTime(want.current);
      setDragging(null);
    }, SEND_MS);
  };

  return (
    <section className="timeline" aria-label={tx.travel.timeline} data-testid="timeline">
      <div className="timeline-track">
        <div className="timeline-slider">
        <input
          type="range"
          aria-label={tx.travel.timeline}
          aria-valuetext={tx.travel.timeValue(fmt(shown), fmt(max))}
          min={0}
          max={STEPS}
          step={1}
          value={pos}
          disabled={max <= 0}
          onChange={(e) => onInput(Number(e.currentTarget.value))}
        />
        <div className="timeline-ticks" aria-hidden="true">
          {markers.map((m) => (
            <i key={m.kind} className={`tick ${m.kind}`} style={{ left: `${(Math.min(m.t, span) / span) * 100}%` }} />
          ))}
        </div>
        </div>
        <output className="timeline-time">{tx.travel.timeValue(fmt(shown), fmt(max))}</output>
      </div>
      {markers.length > 0 && (
        <ul className="timeline-markers" aria-label={tx.travel.markers}>
          {markers.map((m) => (
            <li key={m.kind}>
              <button type="button" className={`marker ${m.kind}`} onClick={() => jumpTo(m)}>
                <i aria-hidden="true" />
                {m.label[lang]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
