/** The pitfall catalogue's shape: each entry is scenarios plus words, in English and Simplified Chinese. */
import type { Scenario, WaitingOn } from '../types';

export type Text = { en: string; zh: string };

/** What a variant must end in; the tests hold every variant to it, in the engine and in CPython. */
export type Expect =
  | { status: 'completed' }
  | { status: 'horizon' }
  | { status: 'hang'; waits: { task: string; waiting_on: WaitingOn }[] }
  | { status: 'error'; exception: string };

export interface Variant {
  /** Unique across the catalogue; also a preset id for the CLI (`--preset busy-polling`). */
  id: string;
  role: 'broken' | 'fixed' | 'compare';
  label: Text;
  /** What to watch in this variant's run, where it differs from the entry's (a fixed run). */
  watch?: Text;
  scenario: Scenario;
  expect: Expect;
}

export interface CatalogueEntry {
  id: string;
  title: Text;
  /** What to watch in the scene (the broken or compared run; a variant may say its own). */
  watch: Text;
  variants: Variant[];
}

/** Why an entry's pitfall happens and its fix (explanations.ts, by entry id). */
export interface Explanation {
  why: Text;
  fix: Text;
}
