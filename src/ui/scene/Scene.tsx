/** The canvas, mounted once; the renderer draws it at display rate from the worker's latest snapshots. */
import { useEffect, useRef } from 'react';
import { getClient } from '../../store/actions';
import { SUMMARY_ID } from '../a11y/LiveSummary';
import { useText } from '../i18n';
import { SceneRenderer } from './renderer';

export function Scene() {
  const tx = useText();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (wrap.current === null || canvas.current === null) return;
    const r = new SceneRenderer(canvas.current, wrap.current, () => {
      const c = getClient();
      return { prev: c?.prev ?? null, cur: c?.cur ?? null };
    });
    r.start();
    return () => r.stop();
  }, []);
  return (
    <div className="scene" ref={wrap}>
      <canvas ref={canvas} role="img" aria-label={tx.scene.label} aria-describedby={SUMMARY_ID} data-testid="scene" />
    </div>
  );
}
