/**
 * Preset picker, Play / Pause / Step / Reset, the speed and "one step per beat": the controls a teacher reaches for
 * first. At the end of a run Play replays it from t = 0, and says so.
 */
import { useMemo } from 'react';
import { CATALOGUE } from '../../scenarios/catalogue';
import { PRESETS } from '../../scenarios/presets';
import { useLabActions, useLabStore, useShallow } from '../../store/context';
import { presetById } from '../../store/scenario';
import { useText } from '../i18n';
import { whatRuns } from '../../store/whatRuns';
import { isolate, shorten, WithUserText } from '../userText';
import { Select, Slider } from './Field';
import { PauseIcon, PlayIcon, ResetIcon, StepBackIcon, StepIcon } from './icons';
import { BEATS, fmt, nearestIndex, SPEEDS } from './scales';

/** The Preset box's value while what runs is no preset (an option naming it stands first). */
const NOW = 'now';

export function Transport() {
  const { choosePreset, pause, play, reset, setBeat, setBeatOn, setSpeed, step, stepBack } = useLabActions();
  const tx = useText();
  const { presetId, lang, playing, speed, custom, settings, source, beatOn, beat, ended } = useLabStore(
    useShallow((s) => ({
      presetId: s.presetId,
      lang: s.lang,
      playing: s.playing,
      speed: s.speed,
      custom: s.custom,
      settings: s.settings,
      source: s.source,
      beatOn: s.beatOn,
      beat: s.beat,
      ended: s.end !== null,
    })),
  );
  const now = useMemo(() => whatRuns({ presetId, custom, settings, source }), [presetId, custom, settings, source]);
  const preset = presetById(presetId);
  const p = tx.programNow;
  return (
    <div className="transport" data-testid="transport">
      <Select
        label={tx.preset}
        value={now.kind === 'preset' ? presetId : NOW}
        options={now.kind === 'imported' ? [{ value: NOW, label: p.imported(isolate(shorten(now.name, 48))) }] : now.kind === 'custom' ? [{ value: NOW, label: p.custom }] : []}
        groups={[
          {
            label: tx.teach.presetArticles,
            options: PRESETS.filter((p) => p.article !== undefined).map((p) => ({ value: p.id, label: `${tx.teach.articleN(p.article!)}${tx.colon}${p.title[lang]}` })),
          },
          { label: tx.teach.presetTheory, options: PRESETS.filter((p) => p.article === undefined).map((p) => ({ value: p.id, label: p.title[lang] })) },
          ...CATALOGUE.map((e, i) => ({
            label: `${i + 1}. ${e.title[lang]}`,
            options: e.variants.map((v) => ({ value: v.id, label: `${tx.teach.role[v.role]}${tx.colon}${v.label[lang]}` })),
          })),
        ]}
        onChange={(id) => id !== NOW && choosePreset(id)}
      >
        <p className="preset-line" data-testid="preset-line">
          {now.kind === 'preset' ? preset.line[lang] : <WithUserText words={now.kind === 'imported' ? p.importedLine : p.customLine} text={now.name} />}
        </p>
      </Select>
      <div className="buttons" role="group" aria-label={tx.play}>
        <button type="button" className={playing ? 'on' : ''} aria-pressed={playing} onClick={play}>
          <PlayIcon /> 
          {ended && !playing ? tx.replay : tx.play}
        </button>
        <button type="button" className={playing ? '' : 'on'} aria-pressed={!playing} onClick={pause}>
          <PauseIcon /> 
          {tx.pause}
        </button>
        <button type="button" onClick={stepBack}>
          <StepBackIcon /> 
          {tx.travel.stepBack}
        </button>
        <button type="button" onClick={step}>
          <StepIcon /> 
          {tx.step}
        </button>
        <button type="button" onClick={reset}>
          <ResetIcon /> 
          {tx.reset}
        </button>
      </div>
      <Slider
        label={tx.speed}
        min={0}
        max={SPEEDS.length - 1}
        value={nearestIndex(SPEEDS, speed)}
        valueText={tx.speedValue(fmt(speed))}
        onChange={(i) => setSpeed(SPEEDS[i] ?? 1)}
      />
      <div className="beat">
        <label className="check">
          <input type="checkbox" checked={beatOn} onChange={(e) => setBeatOn(e.currentTarget.checked)} />
          {tx.beatMode}
        </label>
        <Slider
          label={tx.beat}
          min={0}
          max={BEATS.length - 1}
          value={nearestIndex(BEATS, beat)}
          valueText={tx.seconds(fmt(beat))}
          onChange={(i) => setBeat(BEATS[i] ?? 1)}
        />
      </div>
    </div>
  );
}
