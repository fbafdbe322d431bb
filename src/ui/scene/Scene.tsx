/** The canvas, mounted once; the page's frame loop draws it at display rate from the worker's latest snapshots. */
import { useCallback, useRef, type MouseEvent } from 'react';
import { useLab } from '../../store/context';
import type { ViewMode } from '../../store/labStore';
import { SUMMARY_ID } from '../a11y/LiveSummary';
import type { Frame } from '../frame/frameLoop';
import { useFrame } from '../frame/useFrame';
import { text, useText } from '../i18n';
import { SceneRenderer, type SceneInput } from './renderer';

/** How much larger the scene is drawn: presenter mode enlarges everything in it, its type included. */
const sceneZoom = (mode: ViewMode): number => (mode === 'presenter' ? 1.3 : 1);

export function Scene() {
  const tx = useText();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<SceneRenderer | null>(null);
  const lab = useLab();
  const { selectTask } = lab.actions;
  const mount = useCallback((el: HTMLDivElement) => {
    const r = new SceneRenderer(canvas.current!, el);
    renderer.current = r;
    const input = (): SceneInput => {
      const c = lab.client();
      return { prev: c?.prev ?? null, cur: c?.cur ?? null, tx: text(), zoom: sceneZoom(lab.store.getState().mode), selected: lab.store.getState().selected };
    };
    return {
      draw: (f: Frame) => r.draw(f, input()),
      offScreen: (f: Frame) => r.offScreen(f, input()),
      resized: () => r.resized(),
      dispose: () => {
        renderer.current = null;
      },
    };
  }, [lab]);
  useFrame(wrap, mount);
  /** The task under a point of the canvas (a click picks it: the code panel lights its line). */
  const hit = (e: MouseEvent<HTMLCanvasElement>): string | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return renderer.current?.hitTest(e.clientX - box.left, e.clientY - box.top) ?? null;
  };
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
