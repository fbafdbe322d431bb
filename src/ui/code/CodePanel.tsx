/**
 * The code panel beside the scene: the Python program for the current settings (the same scenario the engine
 * runs, written by src/python/generate.ts), highlighted, with each task marked on the line it runs or waits on.
 * Picking a task (a card in the scene, the log's filter, a chip here) lights its line. Settings changed while the
 * program runs are flagged above the code. Copy and Download .py give exactly the text shown.
 */
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLab, useLabStore, useShallow } from '../../store/context';
import { LoadFailed } from '../deferred';
import { useText } from '../i18n';
import { WithUserText } from '../userText';
import { Line } from './CodeLines';
import { copyText, downloadText, selectContents } from './exportCode';
import { highlightPython } from './highlight';
import { LiveFlags } from './LiveFlags';
import { hungLines, lineOf, marksByLine, type Mark } from './marks';
import { programFor, useGenerator, type Shown } from './program';
import { useTasks } from './useTasks';
import './code.css';

/** The program while its generator is on its way. */
const WRITING: Shown = { code: '', sites: {}, fileName: '', error: null, fastFrom: 0 };

const sigOf = (marks: Mark[] | undefined): string =>
  marks === undefined ? '' : marks.map((m) => `${m.name}/${m.state}${m.hung ? '/hung' : ''}`).join(',');

/** What Copy or Download last did, for the program it did it to (a new program clears it). */
type Status = { kind: 'copied' | 'copyFailed' | 'saved'; file?: string; code: string } | null;

export function CodePanel() {
  const lab = useLab();
  const { selectTask } = lab.actions;
  const tx = useText();
  const { presetId, settings, custom, selected } = useLabStore(
    useShallow((s) => ({ presetId: s.presetId, settings: s.settings, custom: s.custom, selected: s.selected })),
  );
  // the generator comes after the scene's first frame: until then the box is drawn, empty
  const { code: generate, why } = useGenerator();
  const program = useMemo(
    () => (generate === null ? WRITING : programFor(generate, presetId, custom, settings)),
    [generate, presetId, custom, settings],
  );
  const ready = generate !== null && program.error === null;
  const lines = useMemo(() => highlightPython(program.code), [program.code]);
  const tasks = useTasks();
  const marks = useMemo(() => marksByLine(tasks, program.sites), [tasks, program.sites]);
  const selectedTask = selected === null ? null : (tasks.find((t) => t.name === selected) ?? null);
  // a task picked in an earlier run that this run does not have: as if none were picked
  const picked = selectedTask === null ? null : selected;
  const litLine = selectedTask === null ? null : (lineOf(selectedTask, program.sites)?.line ?? null);
  const [done, setDone] = useState<Status>(null);
  const status = done !== null && done.code === program.code ? done : null;
  const scroller = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLDivElement>(null);

  const onPick = useCallback((name: string) => selectTask(lab.store.getState().selected === name ? null : name), [lab, selectTask]);

  // a new program: start where the program's own functions begin (the imports and helpers are above)
  const firstDef = Math.min(...Object.entries(program.sites).filter(([k]) => k.endsWith('.def')).map(([, v]) => v));
  useLayoutEffect(() => {
    const el = scroller.current;
    const row = el?.querySelector<HTMLElement>(`[data-line="${Number.isFinite(firstDef) ? firstDef : 1}"]`);
    if (el != null && row != null) el.scrollTop = Math.max(0, row.offsetTop - 4);
  }, [program.code, firstDef]);

  // the lit line stays in view as the task moves (the page itself never scrolls for it)
  useEffect(() => {
    const el = scroller.current;
    if (el === null || litLine === null) return;
    const row = el.querySelector<HTMLElement>(`[data-line="${litLine}"]`);
    if (row === null) return;
    const top = row.offsetTop;
    const bottom = top + row.offsetHeight;
    if (top < el.scrollTop + 8 || bottom > el.scrollTop + el.clientHeight - 8) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
  }, [litLine, selected]);

  // at a hang, the lines where tasks wait forever come into view: all of them if they fit, else main's
  const hung = useMemo(() => hungLines(marks), [marks]);
  const hungKey = hung.lines.join(',');
  useEffect(() => {
    const el = scroller.current;
    if (el === null || hung.lines.length === 0) return;
    const rowAt = (n: number) => el.querySelector<HTMLElement>(`[data-line="${n}"]`);
    const first = rowAt(hung.lines[0]!);
    const last = rowAt(hung.lines[hung.lines.length - 1]!);
    if (first === null || last === null) return;
    const top = first.offsetTop;
    const bottom = last.offsetTop + last.offsetHeight;
    const room = el.clientHeight;
    if (bottom - top <= room - 16) {
      el.scrollTop = Math.max(0, top - (room - (bottom - top)) / 2);
    } else {
      const main = rowAt(hung.main ?? hung.lines[0]!) ?? first;
      el.scrollTop = Math.max(0, main.offsetTop - room / 3);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lines, not the object, say when to scroll
  }, [hungKey, program.code]);

  const copy = async (): Promise<void> => {
    const ok = await copyText(program.code);
    if (!ok && text.current !== null) selectContents(text.current);
    setDone({ kind: ok ? 'copied' : 'copyFailed', code: program.code });
  };
  const download = (): void => {
    downloadText(program.code, program.fileName);
    setDone({ kind: 'saved', file: program.fileName, code: program.code });
  };

  const c = tx.code;
  const statusText =
    status === null ? '' : status.kind === 'copied' ? c.copied : status.kind === 'copyFailed' ? c.copyFailed : c.saved(status.file ?? '');
  return (
    <section className="code-panel" aria-labelledby="code-title" data-testid="code-panel">
      <div className="code-head">
        <h2 id="code-title">{c.title}</h2>
        <div className="code-actions">
          <button type="button" onClick={() => void copy()} disabled={!ready}>
            {c.copy}
          </button>
          <button type="button" onClick={download} disabled={!ready}>
            {c.download}
          </button>
        </div>
      </div>
      <p className={`code-status${status?.kind === 'copyFailed' ? ' warn' : ''}`} role="status" aria-live="polite">
        {statusText}
      </p>
      <LiveFlags />
      <p className="code-pick">
        {picked === null ? (
          c.hint
        ) : (
          <>
            {litLine !== null ? c.following(picked) : c.ended(picked)}{' '}
            <button type="button" className="link" onClick={() => selectTask(null)}>
              {c.unselect}
            </button>
          </>
        )}
      </p>
      {why !== null && <LoadFailed part={c.title} why={why} />}
      {program.error !== null ? (
        <p className="code-error">
          <WithUserText words={c.error} text={program.error} />
        </p>
      ) : (
        <div className="code-scroll" ref={scroller} tabIndex={0} role="region" aria-label={c.label}>
          <div className="code-text" ref={text} data-testid="code-text" lang="en" translate="no">
            {generate !== null && lines.map((tokens, i) => {
              const n = i + 1;
              const here = marks.get(n);
              return (
                <Fragment key={n}>
                  {n === program.fastFrom && (
                    <div className="fast-note" aria-hidden="true">
                      {c.fastNote}
                    </div>
                  )}
                  <Line
                    n={n}
                    tokens={tokens}
                    marks={here}
                    sig={sigOf(here)}
                    lit={n === litLine}
                    fast={program.fastFrom > 0 && n >= program.fastFrom}
                    selected={selected}
                    tx={tx}
                    onPick={onPick}
                  />
                </Fragment>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
