/**
 * A labelled slider or select. The visible label is the control's accessible name; the value and its unit are
 * shown beside it (an <output>), so the name stays exactly the word on the label.
 */
import { useId, type ReactNode } from 'react';

interface SliderProps {
  label: string;
  min: number;
  max: number;
  step?: number;
  value: number;
  /** The value in words, with its unit: shown, and read by screen readers. */
  valueText: string;
  disabled?: boolean;
  onChange: (v: number) => void;
}

export function Slider({ label, min, max, step = 1, value, valueText, disabled, onChange }: SliderProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <output htmlFor={id} className="value">
        {valueText}
      </output>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </div>
  );
}

type Option<V extends string> = { value: V; label: string };

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly Option<V>[];
  /** More options, in labelled groups (<optgroup>) after the plain ones. */
  groups?: readonly { label: string; options: readonly Option<V>[] }[];
  onChange: (v: V) => void;
  children?: ReactNode;
}

export function Select<V extends string>({ label, value, options, groups = [], onChange, children }: SelectProps<V>) {
  const id = useId();
  const list = (opts: readonly Option<V>[]) =>
    opts.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {list(options)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {list(g.options)}
          </optgroup>
        ))}
      </select>
      {children}
    </div>
  );
}
