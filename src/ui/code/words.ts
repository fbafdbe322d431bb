/** The code panel's English words (src/ui/i18n/en.ts takes them as `code`); words.zh.ts has the same shape. */
export const codeEn = {
  title: 'The program in Python',
  label: 'The Python program for these settings, with each task on the line it runs or waits on',
  copy: 'Copy',
  download: 'Download .py',
  copied: 'Copied to the clipboard.',
  copyFailed: 'The clipboard is not available here: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
  saved: (file: string) => `Saved as ${file}.`,
  hint: 'Each task is marked on the line it runs or waits on. Click a card, a mark or a task in the log to light its line.',
  here: (names: string) => `Here: ${names}`,
  stackLabel: (group: string, n: number) => `${group} ×${n}`,
  stackMore: (n: number) => `+${n}`,
  stack: (label: string, names: string) => `${label}: ${names}. A click lights the next of them.`,
  following: (name: string) => `Lit: ${name}`,
  ended: (name: string) => `Lit: ${name}, which has ended: it is on no line.`,
  unselect: 'Clear highlight',
  changedTitle: 'Changed while running, which a plain script cannot do:',
  what: { producers: 'producers', consumers: 'consumers', interval: 'production interval', service: 'service time' },
  changedCount: (what: string, from: number, to: number, how: string) =>
    `${what} ${from} → ${to} (${how}); the script below starts with ${to}`,
  changedRate: (what: string, from: string, to: string) =>
    `${what} ${from} → ${to} (from the next draw); the script below uses ${to} from the start`,
  rate: (dist: string, mean: string) => `${dist} ${mean}`,
  error: (m: string) => `No program for these settings: ${m}`,
  fastNote: 'The part for --fast (a virtual clock) starts here; the program above does not need it.',
};

export type CodeWords = typeof codeEn;
