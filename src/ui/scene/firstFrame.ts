/**
 * The scene's first drawn frame, the moment the page has started: the renderer marks it (`npm run bench:load` times
 * the page by the mark), and code for what is not on the first screen waits for it before it is fetched.
 */
export const FIRST_FRAME_MARK = 'queue-lab:first-scene-frame';

let drawn: () => void = () => {};
export const firstFrame = new Promise<void>((resolve) => {
  drawn = resolve;
});

export function markFirstFrame(): void {
  performance.mark(FIRST_FRAME_MARK);
  drawn();
}
