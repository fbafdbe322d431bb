/**
 * What the teaching features add to the stage: the catalogue panel (when open), the help dialog, the spoken summary
 * of the scene, and the keyboard shortcuts. One element in App for all of it. The panel and the dialog are fetched
 * when first opened and stay mounted after (closing hides them, and the dialog gives focus back).
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useLabActions, useLabStore } from '../../store/context';
import { LiveSummary } from '../a11y/LiveSummary';
import { useShortcuts } from '../a11y/shortcuts';
import { Deferred } from '../deferred';
import { useText } from '../i18n';
import { catalogueOf } from './catalogueOf';
import './teach.css';

const Catalogue = lazy(() => import('./Catalogue').then((m) => ({ default: m.Catalogue })));
const Help = lazy(() => import('./Help').then((m) => ({ default: m.Help })));

/** True from the first time `on` is (it stays true). */
function useOnceOn(on: boolean): boolean {
  const [seen, setSeen] = useState(on);
  if (on && !seen) setSeen(true);
  return seen || on;
}

function WhenOpened({ opened, part, children }: { opened: boolean; part: string; children: ReactNode }) {
  if (!useOnceOn(opened)) return null;
  return (
    <Deferred part={part}>
      <Suspense fallback={null}>{children}</Suspense>
    </Deferred>
  );
}

export function TeachPanels() {
  useShortcuts();
  const tx = useText().teach;
  const presetId = useLabStore((s) => s.presetId);
  const catalogueOpen = useLabStore((s) => s.catalogueOpen);
  const helpOpen = useLabStore((s) => s.helpOpen);
  const { setCatalogueOpen } = useLabActions();
  // choosing a pitfall anywhere (the Preset list, a link) opens its explanation
  useEffect(() => {
    if (catalogueOf(presetId) !== null) setCatalogueOpen(true);
  }, [presetId]);
  return (
    <>
      <WhenOpened opened={catalogueOpen} part={tx.catalogueTitle}>
        <Catalogue />
      </WhenOpened>
      <WhenOpened opened={helpOpen} part={tx.helpTitle}>
        <Help />
      </WhenOpened>
      <LiveSummary />
    </>
  );
}
