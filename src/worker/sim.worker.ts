/// <reference lib="webworker" />
/** The simulation worker: a thin switch from messages to the runner. */
import type { Fault, FromWorker, ToWorker } from './protocol';
import { assertNever } from './never';
import { Runner } from './runner';
import { Exports } from './exportStream';

declare const self: DedicatedWorkerGlobalScope;

const runner = new Runner({
  now: () => performance.now(),
  post: (msg: FromWorker, transfer: ArrayBuffer[]) => self.postMessage(msg, transfer),
  later: (fn, ms) => setTimeout(fn, ms),
});

// trace exports stream beside the run, from a fresh re-simulation of its past
const exports = new Exports(
  {
    now: () => performance.now(),
    post: (ev, transfer) => self.postMessage({ type: 'export', ev } satisfies FromWorker, transfer),
    later: (fn, ms) => setTimeout(fn, ms),
  },
  () => runner.traceSource(),
);

// checkpoints are built while the run is paused (while it plays, in the slack of its own slices)
setInterval(() => runner.idle(), 50);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'load':
      return runner.load(m.scenario, m.playing, m.run);
    case 'play':
      return runner.play();
    case 'pause':
      return runner.pause();
    case 'step':
      return runner.step();
    case 'speed':
      return runner.setSpeed(m.speed);
    case 'beat':
      return runner.setBeat(m.beat);
    case 'live':
      return runner.live(m.edits);
    case 'visibility':
      return runner.setHidden(m.hidden);
    case 'seek':
      return runner.seek(m.target, m.t);
    case 'stepBack':
      return runner.stepBack();
    case 'cancelSeek':
      return runner.cancelSeek();
    case 'ping':
      return self.postMessage({ type: 'pong', n: m.n } satisfies FromWorker);
    case 'where':
      return runner.where(m.id);
    case 'exportStart':
      return exports.start(m.id, m.format, m.cap);
    case 'exportPull':
      return exports.pull(m.id);
    case 'exportCancel':
      return exports.cancel(m.id);
    case 'inject':
      return inject(m.fault);
    default:
      return assertNever(m);
  }
};

function inject(fault: Fault): void {
  switch (fault) {
    case 'engine-error':
      return runner.injectFault();
    case 'worker-stop':
      // a worker that stops without a word (no error event): only the page's heartbeat notices
      return self.close();
    case 'worker-crash':
      // an uncaught exception: the page sees the worker's error event, as when a real bug kills it
      setTimeout(() => {
        throw new Error('injected worker crash (test hook)');
      }, 0);
      return;
    default:
      return assertNever(fault);
  }
}
