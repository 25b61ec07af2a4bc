/**
 * The preview's part of `npm run bench`: serves the built page (dist/, after `npm run build`) on 127.0.0.1, opens it in
 * Chromium (playwright-core), picks a workbook and measures, on the page's own clock, the time from the pick to the
 * first findings and to the first grid rows, and the longest main-thread task (Long Tasks API) while the file opens —
 * next to the longest task of the same page left idle for as long, since the machine itself is busy. Each round loads
 * the page afresh (a new Web Worker: as cold as a new `phuluc check` process); `between` runs before each round, so
 * the caller can alternate it with the CLI.
 */
import { existsSync, createReadStream, statSync } from 'fs';
import * as http from 'http';
import * as path from 'path';

export interface PreviewTimings {
  firstFindings: number;
  gridRows: number;
  longestTask: number;
  idleLongestTask: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
};

function serve(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(root, rel === '/' ? 'preview.html' : rel);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

export async function previewTimings(dist: string, file: string, rounds = 1, between?: () => void): Promise<PreviewTimings[]> {
  if (!existsSync(path.join(dist, 'preview.html'))) throw new Error('run `npm run build` first');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const server = await serve(path.resolve(dist));
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const out: PreviewTimings[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      between?.();
      out.push(await measure(browser, server.origin, file));
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measure(browser: import('playwright-core').Browser, origin: string, file: string): Promise<PreviewTimings> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: { start: number; ms: number }[] };
      w.__tasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, ms: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no Long Tasks API
      }
    });
    await page.goto(`${origin}/preview.html`);
    await page.waitForSelector('[role="tab"][data-status="ready"]', { timeout: 120_000 });
    // the idle page, for as long as the file will take: its own longest task is the baseline
    const idleFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(3000);
    const idleLongestTask = await page.evaluate(
      (from) => Math.max(0, ...(window as unknown as { __tasks: { start: number; ms: number }[] }).__tasks.filter((t) => t.start >= from).map((t) => t.ms)),
      idleFrom,
    );
    await page.evaluate((name) => {
      const w = window as unknown as { __picked: number; __findings: number; __rows: number };
      const input = document.querySelector('[data-testid="file-input"]')!;
      input.addEventListener('change', () => (w.__picked = performance.now()), { capture: true, once: true });
      const obs = new MutationObserver(() => {
        const section = document.querySelector(`section[data-file="${name}"]`);
        if (!w.__findings && document.querySelector(`[data-file-tab="${name}"]`) && section?.querySelector('button[data-rule]')) w.__findings = performance.now();
        if (!w.__rows && section?.querySelector('[role="grid"] [role="gridcell"]:not([data-pending])')) w.__rows = performance.now();
        if (w.__findings && w.__rows) obs.disconnect();
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    }, path.basename(file));
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForFunction(() => (window as unknown as { __findings: number; __rows: number }).__findings && (window as unknown as { __rows: number }).__rows, null, {
      timeout: 300_000,
    });
    await page.waitForTimeout(500);
    return await page.evaluate((idle) => {
      const w = window as unknown as { __picked: number; __findings: number; __rows: number; __tasks: { start: number; ms: number }[] };
      const during = w.__tasks.filter((t) => t.start + t.ms >= w.__picked && t.start <= w.__rows + 500);
      return { firstFindings: w.__findings - w.__picked, gridRows: w.__rows - w.__picked, longestTask: Math.max(0, ...during.map((t) => t.ms)), idleLongestTask: idle };
    }, idleLongestTask);
  } finally {
    await page.close();
  }
}
