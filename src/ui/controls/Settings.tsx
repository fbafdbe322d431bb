/** The program's settings: counts, buffer, rates, strategies, seed. Each applies at once (live or by a restart). */
import { itemsAreNumbers, type DistChoice, type GetStrategy, type Settings as S, type ShutdownChoice } from '../../scenarios/settings';
import type { QueueKind } from '../../scenarios/types';
import { useLabActions, useLabStore } from '../../store/context';
import { presetById } from '../../store/scenario';
import { useText } from '../i18n';
import { Select, Slider } from './Field';
import { fmt, nearestIndex, SECONDS } from './scales';

const KINDS: QueueKind[] = ['Queue', 'LifoQueue', 'PriorityQueue', 'queue.Queue'];
const DISTS: DistChoice[] = ['const', 'uniform', 'randint', 'expo', 'item'];

export function Settings() {
  const { changeSetting } = useLabActions();
  const tx = useText();
  const s = useLabStore((st) => st.settings);
  const presetId = useLabStore((st) => st.presetId);
  const custom = useLabStore((st) => st.custom);
  const numeric = itemsAreNumbers(custom ?? presetById(presetId).scenario);
  const set = <K extends keyof S>(k: K) => (v: S[K]) => changeSetting(k, v);
  const thread = s.queueKind === 'queue.Queue';
  const secs = (x: number) => (x === 0 ? tx.noSleep : tx.seconds(fmt(x)));
  const distOptions = (withItem: boolean) =>
    DISTS.filter((d) => d !== 'item' || withItem).map((d) => ({ value: d, label: tx.dist[d] }));
  return (
    <div className="settings">
      <h2>{tx.settingsTitle}</h2>
      <p className="hint">{tx.liveHint}</p>
      <Slider label={tx.producers} min={1} max={16} value={s.producers} valueText={tx.unitTasks(s.producers, thread)} onChange={set('producers')} />
      <Slider label={tx.consumers} min={1} max={64} value={s.consumers} valueText={tx.unitTasks(s.consumers, false)} onChange={set('consumers')} />
      <Slider label={tx.bufferSize} min={0} max={1000} value={s.bufferSize} valueText={tx.unitItems(s.bufferSize)} onChange={set('bufferSize')} />
      <Select<QueueKind> label={tx.queueKind} value={s.queueKind} options={KINDS.map((k) => ({ value: k, label: tx.kindOptions[k] }))} onChange={set('queueKind')} />
      <Slider
        label={tx.interval}
        min={0}
        max={SECONDS.length - 1}
        value={nearestIndex(SECONDS, s.interval)}
        valueText={secs(s.interval)}
        onChange={(i) => changeSetting('interval', SECONDS[i] ?? 1)}
      />
      <Select<S['intervalDist']>
        label={tx.intervalDist}
        value={s.intervalDist}
        options={distOptions(false) as { value: S['intervalDist']; label: string }[]}
        onChange={set('intervalDist')}
      />
      <Slider
        label={tx.service}
        min={1}
        max={SECONDS.length - 1}
        value={nearestIndex(SECONDS, s.service)}
        valueText={s.serviceDist === 'item' ? tx.itemValue : secs(s.service)}
        disabled={s.serviceDist === 'item'}
        onChange={(i) => changeSetting('service', SECONDS[i] ?? 1)}
      />
      <Select<DistChoice> label={tx.serviceDist} value={s.serviceDist} options={distOptions(numeric || s.serviceDist === 'item')} onChange={set('serviceDist')} />
      <Select<GetStrategy>
        label={tx.getStrategy}
        value={s.getStrategy}
        options={(['await', 'poll'] as const).map((v) => ({ value: v, label: tx.getOptions[v] }))}
        onChange={set('getStrategy')}
      />
      <Select<ShutdownChoice>
        label={tx.shutdown}
        value={s.shutdown}
        options={(['sentinel', 'join_cancel', 'queue_shutdown', 'none'] as const).map((v) => ({ value: v, label: tx.shutdownOptions[v] }))}
        onChange={set('shutdown')}
      />
      <SeedField value={s.seed} label={tx.seed} />
    </div>
  );
}

function SeedField({ value, label }: { value: number; label: string }) {
  const { changeSetting } = useLabActions();
  return (
    <div className="field">
      <label htmlFor="seed-input">{label}</label>
      <input
        id="seed-input"
        type="number"
        min={0}
        step={1}
        value={value}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v) && v >= 0) changeSetting('seed', Math.floor(v));
        }}
      />
    </div>
  );
}
