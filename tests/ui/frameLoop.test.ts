/**
 * The page's one frame loop, with a fake browser: one animation frame for every surface, surfaces off screen are
 * not drawn (they get their off-screen turn), a hidden tab asks for no frames, and unregistering lets go.
 */
import { describe, expect, test } from 'vitest';
import { createFrameLoop, type FrameHost, type Surface } from '../../src/ui/frame/frameLoop';

/** A fake browser: frames run when the test says, elements go on and off screen and change size when it says. */
class FakeHost implements FrameHost {
  private next = 1;
  readonly frames = new Map<number, (now: number) => void>();
  readonly cancelled: number[] = [];
  readonly onScreen = new Map<object, (on: boolean) => void>();
  readonly sized = new Map<object, () => void>();
  private visibility: (() => void)[] = [];
  isHidden = false;
  requested = 0;

  request(fn: (now: number) => void): number {
    this.requested++;
    const id = this.next++;
    this.frames.set(id, fn);
    return id;
  }
  cancel(id: number): void {
    this.cancelled.push(id);
    this.frames.delete(id);
  }
  hidden(): boolean {
    return this.isHidden;
  }
  dpr(): number {
    return this.ratio;
  }
  ratio = 1;
  onVisibilityChange(fn: () => void): void {
    this.visibility.push(fn);
  }
  watch(el: Element, shown: (on: boolean) => void, sized: () => void): () => void {
    this.onScreen.set(el, shown);
    this.sized.set(el, sized);
    return () => {
      this.onScreen.delete(el);
      this.sized.delete(el);
    };
  }
  /** Runs the frames asked for so far, at time `now`. */
  frame(now: number): void {
    const due = [...this.frames.values()];
    this.frames.clear();
    for (const fn of due) fn(now);
  }
  setHidden(on: boolean): void {
    this.isHidden = on;
    for (const fn of this.visibility) fn();
  }
}

/** A surface that writes down what the loop asked of it. */
function recorder(name: string, log: string[]): Surface {
  return {
    draw: (f) => log.push(`${name} draw ${f.now}`),
    offScreen: (f) => log.push(`${name} off ${f.now}`),
    shown: (on) => log.push(`${name} shown ${on}`),
    resized: () => log.push(`${name} resized`),
    dispose: () => log.push(`${name} dispose`),
  };
}

const el = (): Element => ({}) as Element;

describe('FrameLoop', () => {
  test('many surfaces share one animation frame, each drawn once per frame with its time', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    loop.add(el(), recorder('scene', log));
    loop.add(el(), recorder('queue', log));
    loop.add(el(), recorder('rates', log));
    expect(host.frames.size).toBe(1);
    host.frame(16);
    expect(log).toEqual(['scene draw 16', 'queue draw 16', 'rates draw 16']);
    expect(host.frames.size).toBe(1); // the next frame, still one
    host.frame(33);
    expect(log.slice(3)).toEqual(['scene draw 33', 'queue draw 33', 'rates draw 33']);
    expect(host.requested).toBe(3);
  });

  test('a surface off screen is not drawn; it gets its off-screen turn, and is drawn again when back', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    const a = el();
    loop.add(a, recorder('scene', log));
    loop.add(el(), recorder('chart', log));
    host.onScreen.get(a)!(false);
    host.frame(10);
    expect(log).toEqual(['scene shown false', 'scene off 10', 'chart draw 10']);
    host.onScreen.get(a)!(false); // no change: not told again
    host.onScreen.get(a)!(true);
    host.frame(20);
    expect(log.slice(3)).toEqual(['scene shown true', 'scene draw 20', 'chart draw 20']);
  });

  test('a hidden tab asks for no frames; shown again, the loop goes on', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    loop.add(el(), recorder('scene', log));
    expect(loop.running).toBe(true);
    host.setHidden(true);
    expect(loop.running).toBe(false);
    expect(host.frames.size).toBe(0);
    expect(host.cancelled).toHaveLength(1);
    host.frame(10);
    expect(log).toEqual([]);
    host.setHidden(false);
    expect(loop.running).toBe(true);
    host.frame(20);
    expect(log).toEqual(['scene draw 20']);
  });

  test('a frame that comes while the tab is hidden draws nothing and asks for no other', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    loop.add(el(), recorder('scene', log));
    host.isHidden = true; // hidden, the visibilitychange event not yet delivered
    host.frame(10);
    expect(log).toEqual([]);
    expect(loop.running).toBe(false);
  });

  test('a surface added while the tab is hidden waits for it to be shown', () => {
    const host = new FakeHost();
    host.isHidden = true;
    const loop = createFrameLoop(host);
    loop.add(el(), recorder('scene', []));
    expect(host.requested).toBe(0);
    host.setHidden(false);
    expect(host.requested).toBe(1);
  });

  test('each frame carries the device pixel ratio of its moment', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const seen: number[] = [];
    loop.add(el(), { draw: (f) => seen.push(f.dpr) });
    host.frame(10);
    host.ratio = 2; // the window moved to another screen
    host.frame(20);
    expect(seen).toEqual([1, 2]);
  });

  test('a resize reaches the surface of that element only', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    const a = el();
    loop.add(a, recorder('scene', log));
    loop.add(el(), recorder('chart', log));
    host.sized.get(a)!();
    expect(log).toEqual(['scene resized']);
  });

  test('unregistering stops drawing it and lets go of its element; the last one stops the loop', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    const a = el();
    const offA = loop.add(a, recorder('scene', log));
    const offB = loop.add(el(), recorder('chart', log));
    offA();
    offA(); // twice is once
    expect(log).toEqual(['scene dispose']);
    expect(host.onScreen.has(a)).toBe(false);
    expect(host.sized.has(a)).toBe(false);
    host.frame(10);
    expect(log.slice(1)).toEqual(['chart draw 10']);
    offB();
    expect(loop.running).toBe(false);
    expect(host.frames.size).toBe(0);
    expect(loop.size).toBe(0);
  });

  test('a surface unregistered by another during a frame is not drawn in it', () => {
    const host = new FakeHost();
    const loop = createFrameLoop(host);
    const log: string[] = [];
    let offB: () => void = () => {};
    loop.add(el(), { draw: (f) => (log.push(`a draw ${f.now}`), offB()) });
    offB = loop.add(el(), recorder('b', log));
    host.frame(10);
    expect(log).toEqual(['a draw 10', 'b dispose']);
  });
});
