import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLab } from './store/actions';
import { startAddress } from './store/address';
import { startTimeline } from './store/timeline';
import { App } from './ui/App.tsx';
import { fetchLaterParts } from './ui/deferred';
import { installTestHook } from './ui/testHook';
import { initLanguage } from './ui/teach/lang';
import { initView } from './ui/teach/view';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Queue Lab: #root element is missing from index.html');
}

const words = initLanguage();
startLab();
startTimeline();
void startAddress();
initView();
installTestHook();
fetchLaterParts();

// the first render waits for the starting language's words (Chinese is fetched), so no English flashes first
void words.then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
