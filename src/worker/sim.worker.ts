/// <reference lib="webworker" />
/** The simulation worker: a thin switch from messages to the runner. */
import type { FromWorker, ToWorker } from './protocol';
import { Runner } from './runner';

declare const self: DedicatedWorkerGlobalScope;

const runner = new Runner({
  now: () => performance.now(),
  post: (msg: FromWorker, transfer: ArrayBuffer[]) => self.postMessage(msg, transfer),
  later: (fn, ms) => setTimeout(fn, ms),
});

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'load':
      return runner.load(m.scenario, m.playing);
    case 'play':
      return runner.play();
    case 'pause':
      return runner.pause();
    case 'step':
      return runner.step();
    case 'speed':
      return runner.setSpeed(m.speed);
    case 'live':
      return runner.live(m.edits);
    case 'visibility':
      return runner.setHidden(m.hidden);
  }
};
