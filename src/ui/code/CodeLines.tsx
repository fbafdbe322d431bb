/**
 * The program's lines, highlighted, each with its number and the tasks that stand on it (chips in the scene's
 * state colours). A line re-renders only when its marks or its highlight change.
 */
import { Fragment, memo, type ReactNode } from 'react';
import type { State } from '../../worker/protocol';
import type { Dict } from '../i18n';
import { lookOf } from '../scene/glyphs';
import type { Token } from './highlight';
import type { Mark } from './marks';

interface ChipsProps {
  marks: Mark[];
  selected: string | null;
  tx: Dict;
  onPick: (name: string) => void;
}

const stateWords = (tx: Dict, s: State): string => tx.state[s];

function Chip({ m, selected, tx, onPick }: { m: Mark; selected: string | null; tx: Dict; onPick: (name: string) => void }) {
  const lk = lookOf(m.state);
  const words = `${m.name}: ${m.hung ? tx.scene.forever : stateWords(tx, m.state)}`;
  return (
    <button
      type="button"
      className={`chip${m.name === selected ? ' on' : ''}${m.hung ? ' hung' : ''}`}
      style={{ borderColor: lk.color, background: lk.fill }}
      data-task={m.name}
      data-state={m.state}
      data-hung={m.hung ? 'true' : undefined}
      title={words}
      aria-label={words}
      aria-pressed={m.name === selected}
      onClick={() => onPick(m.name)}
    >
      {m.name}
      {m.hung && <span className="chip-forever"> · {tx.scene.forever}</span>}
    </button>
  );
}

/** The state most of them are in (the stack takes its colour). */
function commonState(list: Mark[]): State {
  const n = new Map<State, number>();
  for (const m of list) n.set(m.state, (n.get(m.state) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Several tasks of one group on one line: one stacked chip (`consumer ×7`) that names them all; a click picks the
 * next of them, so repeated clicks walk through the stack.
 */
function Stack({ group, list, all, selected, named, tx, onPick }: { group: string; list: Mark[]; all: Mark[]; selected: string | null; named: boolean; tx: Dict; onPick: (name: string) => void }) {
  const lk = lookOf(commonState(list));
  const names = list.map((m) => `${m.name} (${stateWords(tx, m.state)})`).join(', ');
  const shown = named ? tx.code.stackLabel(group, list.length) : tx.code.stackMore(list.length);
  // the name a screen reader says starts with the words on the chip (WCAG 2.5.3)
  const label = tx.code.stack(shown, names);
  const after = all.findIndex((m) => m.name === selected);
  const next = list.find((m) => all.indexOf(m) > after) ?? list[0]!;
  return (
    <button
      type="button"
      className="chip stack"
      style={{ borderColor: lk.color, background: lk.fill, ['--deck' as string]: lk.color }}
      data-tasks={list.map((m) => m.name).join(' ')}
      title={label}
      aria-label={label}
      onClick={() => onPick(next.name)}
    >
      {shown}
    </button>
  );
}

/**
 * The tasks on a line, group by group: a task alone by its name; several tasks of one group as one stacked chip
 * (the picked one stays out in front, by its name).
 */
function Chips({ marks, selected, tx, onPick }: ChipsProps) {
  const groups = new Map<string, Mark[]>();
  for (const m of marks) {
    const g = m.name.replace(/-\d+$/, '');
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [m]);
    else list.push(m);
  }
  return (
    <span className="chips">
      <span className="chip-arrow" aria-hidden="true">
        ◀
      </span>
      {[...groups].map(([g, list]) => {
        const picked = list.find((m) => m.name === selected);
        const rest = list.filter((m) => m !== picked);
        return (
          <span key={g} className="chip-group">
            {picked !== undefined && <Chip m={picked} selected={selected} tx={tx} onPick={onPick} />}
            {rest.length === 1 && <Chip m={rest[0]!} selected={selected} tx={tx} onPick={onPick} />}
            {rest.length > 1 && <Stack group={g} list={rest} all={list} selected={selected} named={picked === undefined} tx={tx} onPick={onPick} />}
          </span>
        );
      })}
    </span>
  );
}

const BIDI_CONTROL = /([\u202a-\u202e\u2066-\u2069])/;

/**
 * The text with its bidi controls shown as what they are (U+202E), as code editors do: left in, invisible, one
 * in a scenario's name or an item would reorder the rest of the line the reader sees (the copied code keeps them).
 */
function withControlsShown(text: string): ReactNode {
  if (!BIDI_CONTROL.test(text)) return text;
  return text.split(BIDI_CONTROL).map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <span key={i} className="bidi-control">
        {`U+${part.charCodeAt(0).toString(16).toUpperCase()}`}
      </span>
    ),
  );
}

interface LineProps {
  n: number;
  tokens: Token[];
  marks: Mark[] | undefined;
  /** A fingerprint of `marks`, so that equal marks skip the render. */
  sig: string;
  lit: boolean;
  fast: boolean;
  selected: string | null;
  tx: Dict;
  onPick: (name: string) => void;
}

function LineView({ n, tokens, marks, lit, fast, selected, tx, onPick }: LineProps) {
  const first = marks?.[0];
  const hung = marks?.some((m) => m.hung) === true;
  return (
    <div
      className={`row${marks !== undefined ? ' marked' : ''}${hung ? ' hung' : ''}${lit ? ' lit' : ''}${fast ? ' fast' : ''}`}
      data-line={n}
      style={first !== undefined ? { ['--mark' as string]: lookOf(first.state).color } : undefined}
    >
      <span className="num" aria-hidden="true">
        {n}
      </span>
      <code className="src">
        {tokens.map((t, i) =>
          t.kind === 'plain' ? (
            <Fragment key={i}>{withControlsShown(t.text)}</Fragment>
          ) : (
            <span key={i} className={`t-${t.kind}`}>
              {withControlsShown(t.text)}
            </span>
          ),
        )}
      </code>
      {marks !== undefined && <Chips marks={marks} selected={selected} tx={tx} onPick={onPick} />}
    </div>
  );
}

export const Line = memo(
  LineView,
  (a, b) =>
    a.n === b.n &&
    a.tokens === b.tokens &&
    a.sig === b.sig &&
    a.lit === b.lit &&
    a.fast === b.fast &&
    a.tx === b.tx &&
    a.onPick === b.onPick &&
    // the selection only matters where there are chips
    (a.marks === undefined || a.selected === b.selected),
);
