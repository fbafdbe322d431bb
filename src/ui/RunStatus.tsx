/**
 * What the page tells about the run: the end (finished, a hang with each blocked task and why, an exception), why
 * the run restarted, what a live change did, and whether the engine keeps up with the chosen speed.
 */
import type { EndRecord } from '../scenarios/types';
import { useLab, useLabStore, useShallow } from '../store/context';
import { fmt } from './controls/scales';
import { useText, type Dict } from './i18n';
import { formatUpTo } from './i18n/numbers';
import { noticeText } from './teach/notes';
import { ErrorPanel } from './faults/ErrorPanel';
import { WorkerStatus } from './faults/WorkerStatus';

function StopIcon() {
  return (
    <svg className="icon" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path d="M5.3 0.5h7.4l4.8 4.8v7.4l-4.8 4.8H5.3L0.5 12.7V5.3z" fill="#d55e00" />
      <rect x="3.5" y="7.6" width="11" height="2.8" fill="#fff" />
    </svg>
  );
}

const time = (t: number): string => formatUpTo(t, 3);

function EndBanner({ end, tx }: { end: EndRecord; tx: Dict }) {
  const lab = useLab();
  if (end.status === 'completed') {
    const crashed = (lab.client()?.cur?.actors ?? []).filter((a) => a.state === 'crashed');
    return (
      <div className="banner done" role="status">
        <span className="icon" aria-hidden="true">✔</span> {tx.finishedAt(time(end.t))}
        {crashed.length > 0 && (
          <p className="sub">{tx.crashedTasks(crashed.map((a) => `${a.name} (${a.error?.exception ?? ''})`).join(', '))}</p>
        )}
      </div>
    );
  }
  if (end.status === 'error') {
    const exc = `${end.exception ?? 'Exception'}${end.message ? `: ${end.message}` : ''}`;
    return (
      <div className="banner error" role="alert">
        <span className="icon" aria-hidden="true">✖</span> {tx.errorTitle(time(end.t), exc)}
        {end.exception === 'CancelledError' && <p className="sub">{tx.cancelledMain}</p>}
      </div>
    );
  }
  if (end.status === 'horizon') {
    return <div className="banner info" role="status">{tx.horizonTitle(time(end.t))}</div>;
  }
  return (
    <div className="banner hang" role="alert" data-testid="hang-banner">
      <strong>
        <StopIcon /> {tx.hangTitle(time(end.t))}
      </strong>
      <ul>
        {end.blocked.map((b) =>
          'task' in b ? (
            <li key={b.task}>
              <code>{tx.hangEntry(b.task, b.waiting_on)}</code>
              {tx.colon}
              {tx.waitWhy(b.waiting_on)}
              {tx.stop}
            </li>
          ) : (
            <li key={b.thread}>{tx.threadEntry(b.thread)}</li>
          ),
        )}
      </ul>
      <p>{tx.hangWhy}</p>
    </div>
  );
}

export function RunStatus() {
  const tx = useText();
  const { end, notice, behind, achieved, speed, playing } = useLabStore(
    useShallow((s) => ({ end: s.end, notice: s.notice, behind: s.behind, achieved: s.achieved, speed: s.speed, playing: s.playing })),
  );
  const note = notice === null ? null : noticeText(notice, tx);
  return (
    <div className="run-status">
      {end !== null && <EndBanner end={end} tx={tx} />}
      <ErrorPanel />
      <WorkerStatus />
      {note !== null && (
        <p className={`notice ${notice?.kind ?? ''}`} role="status" data-testid="notice">
          {note}
        </p>
      )}
      {behind && playing && end === null && (
        <p className="notice behind" role="status">
          {tx.behind(fmt(achieved), fmt(speed))}
        </p>
      )}
    </div>
  );
}
