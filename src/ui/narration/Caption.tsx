/**
 * The caption beside the scene: what the latest task slice did and why, in words (a polite live region named by its
 * heading), each sentence naming the task and the statement of the program; under it the latest log lines.
 * Its box keeps its size whatever it says, so the scene and the code never move when the words change.
 */
import { useMemo } from 'react';
import { applySettings } from '../../scenarios/settings';
import { useLab, useLabStore } from '../../store/context';
import { presetById } from '../../store/scenario';
import { programFor, useGenerator } from '../code/program';
import { LoadFailed } from '../deferred';
import { useText } from '../i18n';
import { laterCode } from '../laterCode';
import type { captionLines } from './narrate';
import './narration.css';

/** The latest log lines shown under the caption. */
const RECENT = 5;
export const CAPTION_ID = 'caption-text';

/** The sentences' code (with Python's repr and its Unicode tables) comes after the scene's first frame. */
const useNarrate = laterCode<typeof captionLines>(() => import('./narrate').then((m) => m.captionLines));

export function Caption() {
  const w = useText().narration;
  const { logRing } = useLab();
  const caption = useLabStore((s) => s.caption);
  const run = useLabStore((s) => s.run);
  const presetId = useLabStore((s) => s.presetId);
  const settings = useLabStore((s) => s.settings);
  const custom = useLabStore((s) => s.custom);
  const logVersion = useLabStore((s) => s.logVersion);
  const python = useMemo(() => applySettings(custom ?? presetById(presetId).scenario, settings).python, [presetId, custom, settings]);
  // the slice of the run shown now (a new load clears the last run's words at once)
  const slice = caption !== null && caption.run === run ? caption : null;
  // the sentences and the program come with their code, fetched after the first frame (the box is drawn at once);
  // a failed fetch is tried again at the next slice
  const narrate = useNarrate(slice);
  const generate = useGenerator(slice);
  const narrateCode = narrate.code;
  const generateCode = generate.code;
  const why = narrate.why ?? generate.why;
  const lines = useMemo(() => {
    if (slice === null || narrateCode === null || generateCode === null) return [];
    // the code panel's program (an error there: no sites, the caption names the events only)
    const program = programFor(generateCode, presetId, custom, settings);
    return narrateCode(slice.events, slice.maxsize, program, python, w);
  }, [slice, narrateCode, generateCode, presetId, custom, settings, python, w]);
  const wordsHere = narrateCode !== null && generateCode !== null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ring changes in place; logVersion says when
  const recent = useMemo(() => logRing.tail(null, RECENT + 2).filter((e) => e.skipped === undefined).slice(-RECENT), [logVersion]);
  return (
    <div className="caption" data-testid="caption-box">
      <div className="caption-main">
        <h2 id="caption-title">{w.title}</h2>
        {/* focusable: a long slice scrolls inside the box, and the keyboard must reach it */}
        <div className="caption-text" id={CAPTION_ID} role="status" aria-live="polite" aria-labelledby="caption-title" tabIndex={0} data-testid="caption">
          {lines.length === 0 ? (
            // a slice whose words' code is still on its way: nothing yet (the box keeps its size)
            (slice === null || wordsHere) && <p>{w.empty}</p>
          ) : (
            <ol>
              {lines.map((l, i) => (
                <li key={i}>
                  <b>{l.task}</b>
                  {w.afterTask}
                  <code translate="no">{l.call}</code>
                  {l.tail}
                </li>
              ))}
            </ol>
          )}
          {slice !== null && slice.more > 0 && wordsHere && <p className="caption-more">{w.more(slice.more)}</p>}
        </div>
        {why !== null && <LoadFailed part={w.title} why={why} />}
      </div>
      <div className="caption-recent">
        <h3 id="caption-log-title">{w.recent}</h3>
        <ol className="caption-log" aria-labelledby="caption-log-title" translate="no" data-testid="caption-log">
          {recent.map((e, i) => (
            <li key={`${logVersion}-${i}`}>{e.line}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}

/** The caption's text as shown: one line per sentence (the test hook reads it). */
export function shownCaption(): string {
  const box = document.getElementById(CAPTION_ID);
  if (box === null) return '';
  const parts = box.querySelectorAll('li, p');
  return Array.from(parts, (el) => el.textContent ?? '').join('\n');
}
