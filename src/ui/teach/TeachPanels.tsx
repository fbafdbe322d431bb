/**
 * What the teaching features add to the stage: the catalogue panel (when open), the help dialog, the spoken summary
 * of the scene, and the keyboard shortcuts. One element in App for all of it.
 */
import { LiveSummary } from '../a11y/LiveSummary';
import { useShortcuts } from '../a11y/shortcuts';
import { Catalogue } from './Catalogue';
import { Help } from './Help';
import './teach.css';

export function TeachPanels() {
  useShortcuts();
  return (
    <>
      <Catalogue />
      <Help />
      <LiveSummary />
    </>
  );
}
