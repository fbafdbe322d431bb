/**
 * What the page says about the worker itself: a long seek's progress with Cancel, how a seek ended when it did
 * not land where asked (past the run's end, out of reach, cancelled), a worker that stopped answering (Restart),
 * and a fresh worker that took over from t = 0.
 */
import { useLabActions, useLabStore } from '../../store/context';
import { useText } from '../i18n';
import { formatUpTo } from '../i18n/numbers';
import type { WorkerWords } from './words';
import { seekText } from './wording';


function SeekStatus({ w }: { w: WorkerWords }) {
  const { cancelSeek, dismissSeek } = useLabActions();
  const seek = useLabStore((s) => s.seek);
  useLabStore((s) => s.lang);
  if (seek === null) return null;
  const text = seekText(seek, w);
  if (text === null) return null;
  if (seek.kind === 'progress') {
    return (
      <div className="notice seek" role="status" data-testid="seek-status">
        <span>{text}</span>
        <progress max={1} value={seek.done} aria-label={w.seekProgress} />
        <button type="button" onClick={cancelSeek}>
          {w.cancel}
        </button>
      </div>
    );
  }
  return (
    <div className={`notice seek ${seek.kind}`} role={seek.kind === 'refused' ? 'alert' : 'status'} data-testid="seek-status">
      <span>{text}</span>
      <button type="button" onClick={dismissSeek}>
        {w.dismiss}
      </button>
    </div>
  );
}

export function WorkerStatus() {
  const { restartLab, dismissRestart } = useLabActions();
  const w = useText().worker;
  const stalled = useLabStore((s) => s.stalled);
  const restarted = useLabStore((s) => s.restarted);
  return (
    <>
      {stalled && (
        <div className="banner error worker-stalled" role="alert" data-testid="worker-stalled">
          <span>{w.stalled}</span>
          <button type="button" onClick={restartLab}>
            {w.restart}
          </button>
        </div>
      )}
      {restarted !== null && (
        <div className="notice restart worker-restarted" role="status" data-testid="worker-restarted">
          <span>{(restarted.why === 'crashed' ? w.restartedCrashed : w.restartedStalled)(formatUpTo(restarted.t, 3))}</span>
          <button type="button" onClick={dismissRestart}>
            {w.dismiss}
          </button>
        </div>
      )}
      <SeekStatus w={w} />
    </>
  );
}
