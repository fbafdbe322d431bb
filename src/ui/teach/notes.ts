/**
 * The worker's notes in the page's language. A live change is told as Python would do it (`consumer-3.cancel()`,
 * `asyncio.create_task(consumer(...)) x2`: code, kept as it is) or as a sentence, worded here; so is the pause of
 * an unbounded queue that grew too large. tests/teach/notes.test.ts holds these sentences to the worker's.
 */
import type { Dict } from '../i18n';
import { formatInt } from '../i18n/numbers';

export const ENGINE_SENTENCES = {
  interval: 'new production interval from the next draw',
  service: 'new service time from the next draw',
  tooMany: /^paused: the unbounded queue holds over (\d+) items$/,
} as const;

/** What a live change did, in words (or Python code). */
export function liveNote(text: string, tx: Dict): string {
  if (text === ENGINE_SENTENCES.interval) return tx.teach.notes.interval;
  if (text === ENGINE_SENTENCES.service) return tx.teach.notes.service;
  return text;
}

/** Why the run paused by itself. */
export function pauseNote(text: string, tx: Dict): string {
  const m = ENGINE_SENTENCES.tooMany.exec(text);
  return m === null ? text : tx.teach.notes.tooMany(formatInt(Number(m[1])));
}
