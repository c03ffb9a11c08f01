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
const enginesLoaded = client.prepare();
createRoot(root).render(
  <StrictMode>
    <RehearsalRoute>
      <App client={client} today={todayFromUrl(location.search, new Date())} />
    </RehearsalRoute>
  </StrictMode>,
);

if (import.meta.env.PROD) registerOfflineCache(enginesLoaded);
