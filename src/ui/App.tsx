/** The lab's page: controls on the side, the run's story (status, counters, scene, legend) and the event log. */
import { lazy, useEffect } from 'react';
import type { Lang } from '../store/labStore';
import { useLabActions, useLabStore } from '../store/context';
import { CodePanel } from './code/CodePanel';
import { Counters } from './Counters';
import { LangFailed, Later } from './deferred';
import { RunStatus } from './RunStatus';
import { Settings } from './controls/Settings';
import { Transport } from './controls/Transport';
import { useText } from './i18n';
import { Legend } from './scene/Legend';
import { Caption } from './narration/Caption';
import { Scene } from './scene/Scene';
import { TeachBar } from './teach/TeachBar';
import { TeachPanels } from './teach/TeachPanels';
import { Timeline } from './timeline/Timeline';
import { ShareBar, ShareNotice } from './timeline/ShareBar';
import { ExportStatus } from './timeline/ExportStatus';
import './lab.css';

// below the first screen: fetched once it is drawn (see deferred.tsx)
const Measure = lazy(() => import('./charts/Measure').then((m) => ({ default: m.Measure })));
const EventLog = lazy(() => import('./EventLog').then((m) => ({ default: m.EventLog })));

function LanguagePicker() {
  const tx = useText();
  const lang = useLabStore((s) => s.lang);
  const { setLang } = useLabActions();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <label className="lang">
      {tx.language}{' '}
      <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );
}

export function App() {
  const tx = useText();
  return (
    <div className="lab">
      <header className="top">
        <h1>{tx.title}</h1>
        <p>{tx.tagline}</p>
        <TeachBar />
        <LanguagePicker />
        <LangFailed />
      </header>
      <section className="transport-area" aria-label={tx.play}>
        <Transport />
        <ShareBar />
      </section>
      <aside className="settings-area">
        <Settings />
      </aside>
      <main className="stage">
        <ShareNotice />
        <ExportStatus />
        <TeachPanels />
        <RunStatus />
        <Counters />
        <div className="scene-code">
          <Scene />
          <Caption />
          <CodePanel />
        </div>
        <Timeline />
        <Legend />
        <Later part={tx.measureTitle} hold="measure-hold">
          <Measure />
        </Later>
        <Later part={tx.logTitle} hold="log-hold">
          <EventLog />
        </Later>
      </main>
    </div>
  );
}
