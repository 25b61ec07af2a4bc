/**
 * Preview page entry: the pane's components in a plain browser page over .xlsx files. The Web Worker parses and
 * checks (worker.ts); the page renders (PreviewApp.tsx). With no file given the bundled example opens. A service
 * worker (sw.ts → preview-sw.js) keeps the page, its bundles and the example for offline use.
 */
import { createRoot } from 'react-dom/client';
import { PreviewController } from './controller';
import { PreviewApp } from './PreviewApp';
import { spawnWorker } from './spawnWorker';

const SERVICE_WORKER_URL = 'preview-sw.js';

function registerServiceWorker(): void {
  // production builds only: a development build changes all the time and is served without the service worker
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register(SERVICE_WORKER_URL).catch(() => {
    // offline use is a bonus: the page works without it
  });
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const container = document.getElementById('root');
if (container && !(window as Window & { phulucLegacyWebview?: boolean }).phulucLegacyWebview) {
  const ctl = new PreviewController({ worker: spawnWorker(), storage: storage() });
  (window as Window & { phulucPreview?: PreviewController }).phulucPreview = ctl;
  createRoot(container).render(<PreviewApp ctl={ctl} />);
  void ctl.openExample();
  registerServiceWorker();
}
