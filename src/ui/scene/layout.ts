/**
 * Where things go on the canvas. Wide (a laptop, a projector): producers left, the buffer in the middle, consumers
 * right, main's card under the buffer, the loop strip along the bottom. Narrow (a phone): main, producers, buffer,
 * consumers and the strip stacked top to bottom.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SceneLayout {
  width: number;
  height: number;
  narrow: boolean;
  /** Base font size in CSS pixels. */
  fontPx: number;
  producersHead: Rect;
  producers: Rect[];
  bufferHead: Rect;
  buffer: Rect;
  consumersHead: Rect;
  consumers: Rect[];
  /** main(): the task that created the others and waits for them. */
  main: Rect;
  strip: Rect;
}

export const NARROW_BELOW = 640;
const PAD = 10;
const GAP = 6;

/** n cells of aspect ratio ~`aspect` (w/h) in `area`, as large as fits, at most maxW x maxH, filled row by row. */
export function fitGrid(area: Rect, n: number, aspect: number, maxW: number, maxH: number): Rect[] {
  if (n <= 0) return [];
  let best = { cols: 1, w: 0, h: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    let w = (area.w - GAP * (cols - 1)) / cols;
    let h = (area.h - GAP * (rows - 1)) / rows;
    w = Math.min(w, h * aspect * 1.6, maxW);
    h = Math.min(h, w / aspect * 1.4, maxH);
    if (w * h > best.w * best.h) best = { cols, w, h };
  }
  const { cols, w, h } = best;
  const rows = Math.ceil(n / cols);
  const x0 = area.x + (area.w - (cols * w + (cols - 1) * GAP)) / 2;
  const y0 = area.y + Math.max(0, (area.h - (rows * h + (rows - 1) * GAP)) / 2);
  return Array.from({ length: n }, (_, i) => ({
    x: x0 + (i % cols) * (w + GAP),
    y: y0 + Math.floor(i / cols) * (h + GAP),
    w,
    h,
  }));
}

const rect = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });

function wide(width: number, nProd: number, nCons: number): SceneLayout {
  const height = Math.round(Math.min(600, Math.max(440, width * 0.5)));
  const fontPx = width >= 1100 ? 15 : 14;
  const head = 26;
  const stripH = 96; // four lines: a freeze, the loop, who waits on what (two)
  const bodyY = PAD + head;
  const bodyH = height - bodyY - stripH - PAD * 2;
  // the side with more workers gets more room
  const colP = width * (nProd * 3 <= nCons ? 0.22 : nCons * 3 <= nProd ? 0.32 : 0.27);
  const colB = width * 0.34;
  const xB = PAD + colP + PAD * 2;
  const xC = xB + colB + PAD * 2;
  const colC = width - xC - PAD;
  const maxCard = { w: 240, h: 118 };
  // main's card at the foot of the middle column, as tall as a full card's three lines need
  const mainH = 66;
  const mainW = Math.min(colB, 260);
  const buffer = rect(xB, bodyY, colB, bodyH - mainH - GAP * 2);
  return {
    width,
    height,
    narrow: false,
    fontPx,
    producersHead: rect(PAD, PAD, colP, head),
    producers: fitGrid(rect(PAD, bodyY, colP, bodyH), nProd, 2, maxCard.w, maxCard.h),
    bufferHead: rect(xB, PAD, colB, head),
    buffer,
    consumersHead: rect(xC, PAD, colC, head),
    consumers: fitGrid(rect(xC, bodyY, colC, bodyH), nCons, 2, maxCard.w, maxCard.h),
    main: rect(xB + (colB - mainW) / 2, bodyY + bodyH - mainH, mainW, mainH),
    strip: rect(PAD, height - stripH - PAD, width - PAD * 2, stripH),
  };
}

function rowsFor(n: number, cols: number, cellH: number): number {
  return Math.ceil(n / cols) * (cellH + GAP) - GAP;
}

function narrow(width: number, nProd: number, nCons: number): SceneLayout {
  const fontPx = 13;
  const head = 24;
  const inner = width - PAD * 2;
  const cardsFor = (n: number): { cols: number; h: number } =>
    n <= 4 ? { cols: Math.min(n, 2), h: 62 } : n <= 12 ? { cols: 3, h: 56 } : n <= 24 ? { cols: 4, h: 46 } : { cols: 8, h: 34 };
  const place = (y: number, n: number): { cells: Rect[]; bottom: number } => {
    const { cols, h } = cardsFor(n);
    const w = (inner - GAP * (cols - 1)) / cols;
    const cells = Array.from({ length: n }, (_, i) => rect(PAD + (i % cols) * (w + GAP), y + Math.floor(i / cols) * (h + GAP), w, h));
    return { cells, bottom: y + rowsFor(n, cols, h) };
  };
  let y = PAD;
  const main = rect(PAD, y, inner, 60);
  y = main.y + main.h + PAD;
  const producersHead = rect(PAD, y, inner, head);
  const p = place(y + head, nProd);
  y = p.bottom + PAD * 1.5;
  const bufferHead = rect(PAD, y, inner, head);
  const buffer = rect(PAD, y + head, inner, 132);
  y = buffer.y + buffer.h + PAD * 1.5;
  const consumersHead = rect(PAD, y, inner, head);
  const c = place(y + head, nCons);
  y = c.bottom + PAD * 1.5;
  const strip = rect(PAD, y, inner, 116);
  return {
    width,
    height: Math.ceil(strip.y + strip.h + PAD),
    narrow: true,
    fontPx,
    producersHead,
    producers: p.cells,
    bufferHead,
    buffer,
    consumersHead,
    consumers: c.cells,
    main,
    strip,
  };
}

export function layoutScene(width: number, nProd: number, nCons: number): SceneLayout {
  return width < NARROW_BELOW ? narrow(width, nProd, nCons) : wide(width, nProd, nCons);
}
