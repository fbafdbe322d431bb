/**
 * A polite live region that says what the scene shows, about once a second (only when it changed); it is also the
 * canvas's description (Scene points aria-describedby at it).
 */
import { useEffect, useState } from 'react';
import { useLab } from '../../store/context';
import { useText } from '../i18n';
import { summarize } from './summary';

export const SUMMARY_ID = 'scene-summary';
const EVERY_MS = 1000;

export function LiveSummary() {
  const tx = useText();
  const [said, setSaid] = useState('');
  const lab = useLab();
  useEffect(() => {
    const tick = (): void => {
      const cur = lab.client()?.cur ?? null;
      if (cur === null) return;
      // the store knows about a pause before the next snapshot does
      const playing = lab.store.getState().playing && cur.playing;
      setSaid(summarize({ ...cur, playing }, tx));
    };
    tick();
    const id = window.setInterval(tick, EVERY_MS);
    return () => window.clearInterval(id);
  }, [tx, lab]);
  return (
    <p id={SUMMARY_ID} className="sr-only" aria-live="polite" aria-atomic="true" data-testid="scene-summary">
      {said}
    </p>
  );
}
