/** The canvas, mounted once; the renderer draws it at display rate from the worker's latest snapshots. */
import { useEffect, useRef, type MouseEvent } from 'react';
import { useLab } from '../../store/context';
import { SUMMARY_ID } from '../a11y/LiveSummary';
import { useText } from '../i18n';
import { SceneRenderer } from './renderer';

export function Scene() {
  const tx = useText();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<SceneRenderer | null>(null);
  const lab = useLab();
  const { selectTask } = lab.actions;
  /** The task under a point of the canvas (a click picks it: the code panel lights its line). */
  const hit = (e: MouseEvent<HTMLCanvasElement>): string | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return renderer.current?.hitTest(e.clientX - box.left, e.clientY - box.top) ?? null;
  };
  useEffect(() => {
    if (wrap.current === null || canvas.current === null) return;
    const r = new SceneRenderer(canvas.current, wrap.current, () => {
      const c = lab.client();
      return { prev: c?.prev ?? null, cur: c?.cur ?? null, selected: lab.store.getState().selected };
    });
    r.start();
    renderer.current = r;
    return () => {
      r.stop();
      renderer.current = null;
    };
  }, [lab]);
  return (
    <div className="scene" ref={wrap}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={tx.scene.label}
        aria-describedby={SUMMARY_ID}
        data-testid="scene"
        onClick={(e) => {
          const name = hit(e);
          if (name !== null) selectTask(name);
        }}
        onMouseMove={(e) => {
          e.currentTarget.style.cursor = hit(e) === null ? '' : 'pointer';
        }}
      />
    </div>
  );
}
