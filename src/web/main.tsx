import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyDiscreet } from './lib/discreet';
import { installQuickExitShortcut, loadClientConfig } from './lib/quick-exit';
import { registerServiceWorker } from './lib/service-worker';
import { App } from './router';
import './styles/app.css';

// Quick exit works from the first moment, before React or the config have loaded.
installQuickExitShortcut();
// Discreet mode (this device's choice): a neutral title and app name before anything renders.
applyDiscreet();
void loadClientConfig();
// Offline support (cached app shell). Production builds only: in development Vite serves fresh files.
if (import.meta.env.PROD) registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
