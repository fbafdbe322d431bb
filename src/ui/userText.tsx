/**
 * Text the reader wrote (a scenario's name, an item, a message quoting them) inside the page's own sentences:
 * isolated, so that its direction (right-to-left letters, bidi controls such as U+202E) cannot reorder the
 * sentence around it. The embedding and isolate controls themselves are dropped: invisible, they could only
 * unbalance the isolation (a stray U+2069 would close it early).
 */
import type { ReactNode } from 'react';

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Stands for the user's text while the sentence around it is worded (a character no sentence holds). */
const SLOT = '\u0000';

/** The text without its bidi embedding, override and isolate controls. */
export const plain = (s: string): string => s.replace(BIDI_CONTROLS, '');

/** For strings with no room for an element (an <option>, a title, an aria-label, canvas): FSI ... PDI. */
export const isolate = (s: string): string => `\u2068${plain(s)}\u2069`;

/** At most n characters of it, with an ellipsis. */
export const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A sentence worded by `words` with the user's text in it, isolated in a <bdi>. */
export function WithUserText({ words, text }: { words: (user: string) => string; text: string }): ReactNode {
  const [before = '', after = ''] = words(SLOT).split(SLOT);
  return (
    <>
      {before}
      <bdi>{plain(text)}</bdi>
      {after}
    </>
  );
}
