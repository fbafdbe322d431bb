import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabProvider } from './store/context';
import { createLab } from './store/createLab';
import { App } from './ui/App.tsx';
import { fetchLaterParts } from './ui/deferred';
import { installTestHook } from './ui/testHook';
import { initLanguage } from './ui/teach/lang';
import { startTour } from './ui/tour/start';
import { createClient } from './worker/client';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Queue Lab: #root element is missing from index.html');
}

// the page's one lab: its store, its actions and the worker client they drive
const lab = createLab(createClient);
const words = initLanguage(lab);
lab.actions.start();
void lab.actions.startAddress();
lab.actions.initView();
installTestHook(lab);
fetchLaterParts();
startTour(() => lab.store.getState().mode);

// the first render waits for the starting language's words (Chinese is fetched), so no English flashes first
void words.then(() =>
  createRoot(container).render(
    <StrictMode>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </StrictMode>,
  ),
);
