/**
 * Colours (Okabe-Ito, safe for the common colour-blindnesses), fonts and fill patterns of the scene. Colour is never
 * the only cue: every state also has its own icon, border and pattern.
 */
export const C = {
  bg: '#fbfaf6',
  panel: '#ffffff',
  ink: '#1a1a1a',
  muted: '#5f5f5f',
  line: '#b9b7ad',
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  green: '#009E73',
  verm: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#8d8d8d',
  item: '#fff4c2',
  itemEdge: '#7a6a12',
  sentinel: '#2b2b2b',
} as const;

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "WenQuanYi Micro Hei", sans-serif';
export const MONO = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';

export const font = (px: number, weight: 400 | 600 | 700 = 400, mono = false): string =>
  `${weight} ${Math.round(px)}px ${mono ? MONO : FONT}`;

export type PatternName = 'hatch' | 'dots' | 'cross' | 'stripes';

const cache = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | null>>();

function tile(kind: PatternName, color: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  const s = kind === 'dots' ? 8 : 10;
  c.width = s;
  c.height = s;
  const g = c.getContext('2d')!;
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = kind === 'stripes' ? 3 : 1.6;
  if (kind === 'dots') {
    g.beginPath();
    g.arc(s / 2, s / 2, 1.4, 0, Math.PI * 2);
    g.fill();
    return c;
  }
  const diag = (flip: boolean): void => {
    g.beginPath();
    for (const o of [-s, 0, s]) {
      g.moveTo(flip ? s - o : o, 0);
      g.lineTo(flip ? -o : o + s, s);
    }
    g.stroke();
  };
  diag(false);
  if (kind === 'cross') diag(true);
  return c;
}

/** A repeating fill pattern, made once per canvas context and colour. */
export function pattern(ctx: CanvasRenderingContext2D, kind: PatternName, color: string): CanvasPattern | string {
  let m = cache.get(ctx);
  if (m === undefined) {
    m = new Map();
    cache.set(ctx, m);
  }
  const key = `${kind}:${color}`;
  if (!m.has(key)) m.set(key, ctx.createPattern(tile(kind, color), 'repeat'));
  return m.get(key) ?? color;
}

/** Writes `text` in at most `maxW` pixels: squeezed a little if close, else cut with an ellipsis (never unreadable). */
export function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxW: number): void {
  if (maxW <= 4) return;
  let t = text;
  if (ctx.measureText(t).width > maxW * 1.2) {
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (ctx.measureText(`${t.slice(0, mid)}…`).width <= maxW * 1.1) lo = mid;
      else hi = mid - 1;
    }
    t = `${t.slice(0, lo)}…`;
  }
  ctx.fillText(t, x, y, maxW);
}
