/**
 * The preview's service worker (built to preview-sw.js at the root of the build, next to preview.html). On install it
 * caches the page, its bundles (page, Web Worker, ExcelJS chunk), legacy-check.js and the example workbook; it then
 * answers requests for exactly those files from the cache first, so the page opens and works offline once loaded.
 *
 * The list of files and the cache version are written into this file by the build (webpack.config.js,
 * PreviewPrecachePlugin replaces the placeholder below); a new build means a new cache, the old one is deleted.
 */

// The project's tsconfig types the DOM, not the ServiceWorker scope: just what is used here.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SwScope {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}
const sw = self as unknown as SwScope;

interface Precache {
  version: string;
  files: string[];
}
// replaced at build time with {"version":"…","files":[…]} (JSON inside a string literal)
const PRECACHE: Precache = JSON.parse('__PHULUC_PRECACHE__');

const PREFIX = 'phuluc-preview-';
const CACHE = PREFIX + PRECACHE.version;
const scopeUrl = (file: string) => new URL(file, sw.registration.scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files.map((f) => new Request(scopeUrl(f), { cache: 'reload' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

// Only the precached files are answered here; every other request (the task pane, if it is served from the same
// folder; anything cross-origin) goes to the network untouched.
const precached = new Set(PRECACHE.files.map(scopeUrl));

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.search = '';
  url.hash = '';
  if (!precached.has(url.href)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(url.href);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) void cache.put(url.href, res.clone());
      return res;
    }),
  );
});

export {};
