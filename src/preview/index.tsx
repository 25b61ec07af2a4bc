/**
 * Preview page entry: the pane's components in a plain browser page over .xlsx files. The Web Worker parses and
 * checks (worker.ts); the page renders (PreviewApp.tsx). With no file given the bundled example opens. A service
 * worker (sw.ts → preview-sw.js) keeps the page, its bundles and the example for offline use.
 *
 * Opened by double-clicking preview.html in a folder (file://), no Web Worker can start and nothing can be fetched:
 * the checker then runs on the page itself (inlineWorker.ts) and the example comes from a chunk that carries it
 * (exampleInline.ts) — both loaded only in that case — and the page says how it runs.
 */
import { createRoot } from 'react-dom/client';
import type { Text } from '../core/report';
import { PreviewController, type ControllerDeps, type WorkerLike } from './controller';
import { PreviewApp } from './PreviewApp';
import { spawnWorker } from './spawnWorker';

const SERVICE_WORKER_URL = 'preview-sw.js';

const FROM_FOLDER: Text = {
  vi: 'Trang đang được mở trực tiếp từ thư mục trên máy, nên các tệp được kiểm tra ngay trên trang này thay vì chạy nền: với tệp rất lớn, trang có thể đứng vài giây trong lúc đọc tệp. Tệp vẫn không rời khỏi máy của bạn.',
  en: 'This page was opened straight from a folder, so the files are checked on the page itself rather than in the background: with a very large file the page may pause for a few seconds while it is read. The files still never leave your computer.',
};
const NO_WORKER: Text = {
  vi: 'Trình duyệt không cho chạy bộ kiểm tra nền, nên các tệp được kiểm tra ngay trên trang này: với tệp rất lớn, trang có thể đứng vài giây.',
  en: 'The browser would not start the background checker, so the files are checked on the page itself: with a very large file the page may pause for a few seconds.',
};

function registerServiceWorker(): void {
  // production builds only: a development build changes all the time and is served without the service worker
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator) || !window.isSecureContext || location.protocol === 'file:') return;
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

async function inlineWorker(): Promise<WorkerLike> {
  const { InlineWorker } = await import(/* webpackChunkName: "file-checker" */ './inlineWorker');
  return new InlineWorker();
}

/** The Web Worker, or the checker on the page where none can start (file://, or a browser that refuses). */
async function checker(): Promise<Pick<ControllerDeps, 'worker' | 'notice' | 'fetchExample'>> {
  if (location.protocol === 'file:') {
    return {
      worker: await inlineWorker(),
      notice: FROM_FOLDER,
      fetchExample: async () => (await import(/* webpackChunkName: "file-example" */ './exampleInline')).exampleBlob(),
    };
  }
  try {
    return { worker: spawnWorker() };
  } catch {
    return { worker: await inlineWorker(), notice: NO_WORKER };
  }
}

async function start(container: HTMLElement): Promise<void> {
  const ctl = new PreviewController({ ...(await checker()), storage: storage() });
  (window as Window & { phulucPreview?: PreviewController }).phulucPreview = ctl;
  createRoot(container).render(<PreviewApp ctl={ctl} />);
  void ctl.openExample();
  registerServiceWorker();
}

const container = document.getElementById('root');
if (container && !(window as Window & { phulucLegacyWebview?: boolean }).phulucLegacyWebview) {
  start(container).catch((e: unknown) => {
    // nothing rendered: say so on the page rather than leave it white
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; padding: 16px;";
    p.textContent = `Không khởi động được trang (${e instanceof Error ? e.message : String(e)}). Hãy mở lại bằng Edge hoặc Chrome bản mới.`;
    container.appendChild(p);
  });
}
