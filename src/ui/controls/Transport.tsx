/** Preset picker, Play / Pause / Step / Reset and the speed: the controls a teacher reaches for first. */
import { CATALOGUE } from '../../scenarios/catalogue';
import { PRESETS } from '../../scenarios/presets';
import { choosePreset, pause, play, presetById, reset, setSpeed, step } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { useText } from '../i18n';
import { stepBack } from '../../store/timeline';
import { Select, Slider } from './Field';
import { PauseIcon, PlayIcon, ResetIcon, StepBackIcon, StepIcon } from './icons';
import { fmt, nearestIndex, SPEEDS } from './scales';

export function Transport() {
  const tx = useText();
  const presetId = useLab((s) => s.presetId);
  const lang = useLab((s) => s.lang);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const preset = presetById(presetId);
  return (
    <div className="transport">
      <Select
        label={tx.preset}
        value={presetId}
        options={[]}
        groups={[
          { label: tx.teach.presetArticles, options: PRESETS.map((p) => ({ value: p.id, label: p.title[lang] })) },
          ...CATALOGUE.map((e, i) => ({
            label: `${i + 1}. ${e.title[lang]}`,
            options: e.variants.map((v) => ({ value: v.id, label: `${tx.teach.role[v.role]}${tx.colon}${v.label[lang]}` })),
          })),
        ]}
        onChange={choosePreset}
      >
        <p className="preset-line">{preset.line[lang]}</p>
      </Select>
      <div className="buttons" role="group" aria-label={tx.play}>
        <button type="button" className={playing ? 'on' : ''} aria-pressed={playing} onClick={play}>
          <PlayIcon /> 
          {tx.play}
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
    </div>
  );
}
