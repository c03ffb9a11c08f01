/** The web app's entry: one warm checker for the page's life, and the service worker for offline use. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend-10.6.1.min.css';
import './styles/app.css';
import { App } from './App.tsx';
import { CheckClient } from './checkClient.ts';
import { registerOfflineCache } from './offline/registerOfflineCache.ts';
import { RehearsalRoute } from './rehearsal/RehearsalRoute.tsx';
import { todayFromUrl } from './today.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const client = new CheckClient();
// Before the first render, so that the engines start loading as early as the page can ask for them.
void client.prepare().catch(() => {}); // useCheckFlow reports a failure
// The service worker's precache fetches every engine file again: after they are all in, tesseract's
// and the printed-text model included (they arrive after the checker is ready), they come from the
// HTTP cache.
const allEnginesLoaded = client.readersLoaded();
createRoot(root).render(
  <StrictMode>
    <RehearsalRoute>
      <App client={client} today={todayFromUrl(location.search, new Date())} />
    </RehearsalRoute>
  </StrictMode>,
);

if (import.meta.env.PROD) registerOfflineCache(allEnginesLoaded);
