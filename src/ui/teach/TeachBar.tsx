/** The header's view buttons: the pitfall catalogue, Help (or the ? key) and Presenter mode. */
import { useText } from '../i18n';
import { useLabActions, useLabStore } from '../../store/context';
import { openTour } from '../tour/start';
import './teach.css';

export function TeachBar() {
  const tx = useText().teach;
  const mode = useLabStore((s) => s.mode);
  const catalogueOpen = useLabStore((s) => s.catalogueOpen);
  const { setCatalogueOpen, setHelpOpen, setPresenter } = useLabActions();
  return (
    <div className="teach-bar" role="group" aria-label={tx.views}>
      <button type="button" aria-expanded={catalogueOpen} aria-controls="catalogue" onClick={() => setCatalogueOpen(!catalogueOpen)}>
        {tx.catalogue}
      </button>
      <button type="button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
        {tx.help}
      </button>
      <button type="button" aria-haspopup="dialog" onClick={openTour}>
        {tx.tour}
      </button>
      <button type="button" aria-pressed={mode === 'presenter'} title={tx.presenterHint} onClick={() => setPresenter(mode !== 'presenter')}>
        {tx.presenter}
      </button>
    </div>
  );
}
