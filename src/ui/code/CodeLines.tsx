/**
 * The program's lines, highlighted, each with its number and the tasks that stand on it (chips in the scene's
 * state colours). A line re-renders only when its marks or its highlight change.
 */
import { memo } from 'react';
import type { State } from '../../worker/protocol';
import type { Dict } from '../i18n';
import { lookOf } from '../scene/glyphs';
import type { Token } from './highlight';
import type { Mark } from './marks';

/** Tasks of one group on one line shown as number chips; past this many, one more chip counts (and names) the rest. */
const MAX_CHIPS = 12;

interface ChipsProps {
  marks: Mark[];
  selected: string | null;
  tx: Dict;
  onPick: (name: string) => void;
}

const stateWords = (tx: Dict, s: State): string => tx.state[s];

function Chip({ m, label, selected, tx, onPick }: { m: Mark; label: string; selected: string | null; tx: Dict; onPick: (name: string) => void }) {
  const lk = lookOf(m.state);
  const words = `${m.name}: ${stateWords(tx, m.state)}`;
  return (
    <button
      type="button"
      className={`chip${m.name === selected ? ' on' : ''}`}
      style={{ borderColor: lk.color, background: lk.fill }}
      data-task={m.name}
      data-state={m.state}
      title={words}
      aria-label={words}
      aria-pressed={m.name === selected}
      onClick={() => onPick(m.name)}
    >
      {label}
    </button>
  );
}

/**
 * The tasks on a line, group by group: a lone task as a chip with its name; several tasks of one group as the
 * group's name followed by one chip per task (its number), stacked side by side, the selected one always shown.
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
        if (list.length === 1) return <Chip key={g} m={list[0]!} label={list[0]!.name} selected={selected} tx={tx} onPick={onPick} />;
        const pick = list.findIndex((m) => m.name === selected);
        const ordered = list.length > MAX_CHIPS && pick >= MAX_CHIPS - 1 ? [list[pick]!, ...list.filter((_, i) => i !== pick)] : list;
        const shown = ordered.length > MAX_CHIPS ? ordered.slice(0, MAX_CHIPS - 1) : ordered;
        const rest = ordered.slice(shown.length);
        return (
          <span key={g} className="chip-group" role="group" aria-label={g}>
            <span className="chip-name" aria-hidden="true">
              {g}
            </span>
            {shown.map((m) => (
              <Chip key={m.name} m={m} label={m.name.slice(g.length + 1)} selected={selected} tx={tx} onPick={onPick} />
            ))}
            {rest.length > 0 && (
              <span className="chip more" title={rest.map((m) => m.name).join(', ')} data-more={rest.map((m) => m.name).join(' ')}>
                {tx.code.more(rest.length)}
              </span>
            )}
          </span>
        );
      })}
    </span>
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
  return (
    <div
      className={`row${marks !== undefined ? ' marked' : ''}${lit ? ' lit' : ''}${fast ? ' fast' : ''}`}
      data-line={n}
      style={first !== undefined ? { ['--mark' as string]: lookOf(first.state).color } : undefined}
    >
      <span className="num" aria-hidden="true">
        {n}
      </span>
      <code className="src">
        {tokens.map((t, i) =>
          t.kind === 'plain' ? (
            t.text
          ) : (
            <span key={i} className={`t-${t.kind}`}>
              {t.text}
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
