#!/usr/bin/env node
'use strict';
/**
 * End-to-end test of the browser preview (src/preview) in Debian's Chromium:
 *
 *   (a) no file given → the bundled example opens (as of 2018-02-15) with the F61 budget finding; a click on it
 *       highlights F61 in the grid; axe-core finds no serious or critical violation, there is one main landmark, each
 *       finding button's name holds its visible text; the grid answers the arrow keys, End, Ctrl+Home and Enter
 *   (b) the three fixtures, the Huế appendix as .xls and .ods, a damaged and a password-protected file picked at once,
 *       one more file dropped (a synthetic drop with a DataTransfer): each fixture's key findings, a click on each
 *       highlights its cell, the old formats give the Huế findings (and explain why they get no marked copy), the bad
 *       files show a message in their tab while the others work
 *   (c) the annotated copy of each fixture, of a workbook with a chart, sparklines, x14 validations and a note
 *       (test/io/rich.ts), and of a LibreOffice-saved workbook with a table and a protected sheet, downloaded and
 *       re-read: the project's reader (src/io/xlsx.ts, via tsx verify.ts) and LibreOffice headless (CSV of every
 *       original sheet identical) — values unchanged; ExcelJS as a second reader: the marks and the report sheet
 *   (d) a generated 50 000-row workbook: while the worker parses and checks, the page's longest main-thread task and
 *       frame gap and the language switch's answer stay within 200 ms of the same page's own idle baseline (the
 *       machine is busy: an absolute threshold would measure the machine); the grid renders only the rows in view
 *   (f) hostile files: one merged area H1:XFD1048576, a value at XFD1048576, a zip bomb — the first two open with the
 *       Huế findings and a grid of the window only, the bomb gets a clear message, the page stays responsive
 *   (e) offline: after a first load the server goes away and the browser goes offline; a reload still opens the page
 *       (service worker) and checks a file
 *   (g) a self-assessment with the appraisal council's column (a Hà Giang variant): the cuts in the side panel, and
 *       "Tải bảng giải trình" downloads the draft bảng giải trình as an .xlsx that LibreOffice reads
 *   (h) a department head's 1366×768 screen: the example with the budget (F) and deadline (G) columns in view and the
 *       first finding above the fold, texts cut at a word; then 8, 20 and 50 units' files (an .xls, a damaged file and
 *       one without a table among them) — the Tổng hợp tab first, no sideways page scroll, the tabs that do not fit in
 *       "+N tệp"; statuses with their reasons, sorting from the keyboard, a row's name opens its file; the .xlsx export
 *       read by LibreOffice; "Tải tất cả" — a zip of 48 copies and a text file naming the two without one; axe-core
 *       on a file and on the overview; "Đóng tất cả"
 *   (i) preview.html opened from its folder (file://, where no Web Worker can start): the example and a picked file
 *       are checked on the page itself, which says so
 *   and, throughout, no Content-Security-Policy violation, no page error and no request to another origin.
 *
 * PHULUC_DOC_SHOTS=1 also writes the README's screenshots (docs/screenshots/preview-overview.png, preview-1366.png).
 *
 * Builds the preview with webpack's Node API (production, into a temp dir), serves it on 127.0.0.1 (ephemeral port).
 * Screenshots: test-results/e2e/preview-*.png. Last line: "N passed, M failed"; exit code 1 when anything failed.
 *
 *   node test/e2e/preview/run.js            (PHULUC_E2E_KEEP=1 keeps the temp dir)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const crypto = require('crypto'); // eslint-disable-line no-redeclare -- Node's module, not the Web Crypto global
const { execFile } = require('child_process');

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
/** the README's screenshots: written there too when PHULUC_DOC_SHOTS=1 (npm run test:e2e leaves docs/ alone) */
const DOC_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const GLOBAL_TIMEOUT_MS = 15 * 60 * 1000;
const T = { short: 10_000, load: 30_000, big: 180_000, build: 300_000, tool: 180_000 };

const FILES = {
  hue: 'hue-2018-nhiem-vu.xlsx',
  cathai: 'cathai-2023-danh-muc.xlsx',
  hagiang: 'hagiang-2024-chi-so.xlsx',
};

// ─────────────────────────────── bookkeeping ───────────────────────────────
const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}\n`);
}
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    record(name, true, [detail, `${Date.now() - t0} ms`].filter(Boolean).join(', '));
    return true;
  } catch (e) {
    record(name, false, (e && e.message ? e.message : String(e)).split('\n')[0].slice(0, 400));
    return false;
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: T.tool, maxBuffer: 64 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(cmd)} ${args.slice(0, 2).join(' ')}…: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// ─────────────────────────────── build ───────────────────────────────
async function build(outDir) {
  const webpack = require('webpack');
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const configPath = path.join(ROOT, 'webpack.config.js');
  const config = await require(configPath)({}, { mode: 'production' });
  // the preview only: its page, its service worker (and, through them, the Web Worker and ExcelJS chunks)
  config.entry = { preview: config.entry.preview, 'preview-sw': config.entry['preview-sw'] };
  assert(config.entry.preview && config.entry['preview-sw'], 'webpack.config.js has no preview / preview-sw entry');
  config.plugins = config.plugins.filter((p) => !(p instanceof HtmlWebpackPlugin && p.userOptions.filename !== 'preview.html'));
  config.output = { ...config.output, path: outDir, clean: true };
  config.infrastructureLogging = { level: 'error' };
  config.cache = {
    type: 'filesystem',
    cacheDirectory: path.join(os.tmpdir(), 'phuluc-e2e-preview-webpack-cache'),
    buildDependencies: { config: [configPath, __filename] },
  };
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, s) => compiler.close(() => (err ? reject(err) : resolve(s))));
  });
  const info = stats.toJson({ all: false, errors: true, assets: true });
  if (stats.hasErrors()) throw new Error(info.errors.map((e) => e.message).join('\n').slice(0, 2000));
  return info.assets.map((a) => a.name);
}

// ─────────────────────────────── server ───────────────────────────────
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
function serve(root) {
  const state = { down: false, requests: [], sockets: new Set() };
  const server = http.createServer((req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    state.requests.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/') rel = '/preview.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  server.on('connection', (s) => {
    state.sockets.add(s);
    s.on('close', () => state.sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        state,
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((r) => {
            for (const s of state.sockets) s.destroy();
            server.close(() => r());
          }),
      }),
    ),
  );
}

// ─────────────────────────────── page helpers ───────────────────────────────
const monitors = { csp: [], errors: [], foreign: [] };

async function newContext(browser, origin, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) monitors.foreign.push(u);
  });
  return context;
}

function watchPage(page, label) {
  page.on('pageerror', (e) => monitors.errors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) monitors.csp.push(`${label}: ${text}`);
    else if (m.type() === 'error' && !/Failed to load resource.*404/.test(text) && !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION/.test(text))
      monitors.errors.push(`${label}: console.error ${text}`);
  });
}

async function pageCsp(page) {
  return page.evaluate(() => window.__csp || []).catch(() => []);
}

const tabSel = (name) => `[role="tab"][data-file-tab="${name}"]`;

/** Waits for a file's tab to have a status; the tab may be in the "+N tệp" menu (hidden), so only attached. */
async function waitFile(page, name, status = 'ready', timeout = T.load) {
  await page.waitForSelector(`${tabSel(name)}[data-status="${status}"]`, { timeout, state: 'attached' });
}

/** Opens a file: its tab when in view, else through the "+N tệp" menu of the tabs that do not fit. */
async function openTab(page, name) {
  const tab = page.locator(tabSel(name));
  if (await tab.isVisible()) await tab.click({ timeout: T.short });
  else {
    await page.click('[data-testid="more-files"]', { timeout: T.short });
    await page.click(`[role="menuitem"][data-file-item="${name}"]`, { timeout: T.short });
  }
  await page.waitForSelector(`section[data-file="${name}"]`, { timeout: T.short });
}

/** The page's own horizontal scroll: none is allowed (wide content scrolls inside itself). */
async function pageOverflowX(page) {
  return page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
}

// ─────────────────────────────── axe-core ───────────────────────────────
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (injected through the DevTools protocol, which the page's CSP does not govern) with the
 * WCAG 2.1 A/AA rules and the check that a control's accessible name contains its visible text; returns the
 * violations by impact. Fails on any serious or critical one.
 */
async function axeCheck(page, what) {
  await page.evaluate(AXE_SOURCE);
  const res = await page.evaluate(async () => {
    // Fluent's focus manager (tabster) puts aria-hidden focus-redirecting <i data-tabster-dummy> around tab lists and
    // popups, by design (microsoft/fluentui#27517, microsoft/tabster#288): not content, left out of the scan
    const r = await window.axe.run({ exclude: [['[data-tabster-dummy]']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].target.join(' ') + ' — ' + (v.nodes[0].failureSummary || '').split('\n').slice(0, 2).join(' ') }));
  });
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(bad.length === 0, `${what}: axe ${bad.map((v) => `${v.id} (${v.impact}, ${v.nodes}×: ${v.first})`).join('; ')}`);
  return res.length ? `axe: 0 serious/critical; ${res.map((v) => `${v.id} ${v.impact} ×${v.nodes}`).join(', ')}` : 'axe: no violations';
}

/** Every finding button's accessible name contains its visible text (WCAG 2.5.3 "label in name"). */
async function findingNamesContainText(page) {
  const buttons = page.locator('button[data-rule]');
  const n = await buttons.count();
  assert(n > 0, 'no finding buttons');
  const norm = (t) => t.replace(/[\s:—–-]+/g, ' ').trim().toLowerCase();
  const misses = [];
  for (let i = 0; i < Math.min(n, 40); i++) {
    const b = buttons.nth(i);
    const visible = norm(await b.innerText());
    const label = await b.getAttribute('aria-label');
    const labelledby = await b.getAttribute('aria-labelledby');
    if (labelledby) continue; // the name is the referenced text, axe checks it
    const name = norm(label ?? visible);
    if (!name.includes(visible)) misses.push(`"${visible.slice(0, 50)}" not in "${name.slice(0, 80)}"`);
  }
  assert(misses.length === 0, `${misses.length} finding buttons: ${misses.slice(0, 2).join(' | ')}`);
  return `${n} finding buttons, names contain their visible text`;
}

function findingButton(page, rule, cell) {
  return page.locator(`button[data-rule="${rule}"]`).filter({ has: page.getByText(cell, { exact: true }) });
}

/** Clicks the finding and checks that its cell is highlighted in the grid and inside the grid's view. */
async function goToFinding(page, rule, cell) {
  const btn = findingButton(page, rule, cell);
  await btn.first().waitFor({ state: 'visible', timeout: T.short });
  await btn.first().click({ timeout: T.short });
  const sel = page.locator(`[role="grid"] [data-cell="${cell}"][data-selected="true"][aria-selected="true"]`);
  await sel.waitFor({ state: 'visible', timeout: T.short });
  const [box, grid] = await Promise.all([sel.boundingBox(), page.locator('[role="grid"]').boundingBox()]);
  assert(box && grid, 'no bounding box');
  const inside = box.y >= grid.y - 1 && box.y + Math.min(box.height, 24) <= grid.y + grid.height + 1 && box.x >= grid.x - 1 && box.x < grid.x + grid.width;
  assert(inside, `${cell} is highlighted but outside the grid's view (cell ${JSON.stringify(box)}, grid ${JSON.stringify(grid)})`);
  const vp = page.viewportSize();
  assert(box.y >= 0 && box.y + 10 <= vp.height, `${cell} is outside the window (y=${Math.round(box.y)})`);
  const others = await page.locator('[role="grid"] [data-selected="true"]').count();
  assert(others === 1, `${others} cells highlighted`);
  const sev = await sel.getAttribute('data-severity');
  return `${cell} highlighted (${sev ?? 'no mark'})`;
}

async function shot(page, name, { doc = false } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `preview-${name}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  if (doc && process.env.PHULUC_DOC_SHOTS === '1' && fs.existsSync(file)) fs.copyFileSync(file, path.join(DOC_SHOTS, `preview-${name}.png`));
}

/** Drops files on the drop zone the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: fs.readFileSync(f.path).toString('base64') }));
  return page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], it.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    const zone = document.querySelector('[data-testid="dropzone"]');
    if (!zone) return 'no drop zone';
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    return 'dropped';
  }, payload);
}

// ─────────────────────────────── LibreOffice ───────────────────────────────
/** Every sheet of `file` as CSV (LibreOffice ≥ 7.2: sheet token -1) → { sheetName: csvText } */
async function libreCsv(file, outDir, profile) {
  fs.mkdirSync(outDir, { recursive: true });
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file]);
  const base = path.basename(file, '.xlsx');
  const out = {};
  for (const f of fs.readdirSync(outDir)) {
    if (f.startsWith(`${base}-`) && f.endsWith('.csv')) out[f.slice(base.length + 1, -4)] = fs.readFileSync(path.join(outDir, f), 'utf8');
    else if (f === `${base}.csv`) out[''] = fs.readFileSync(path.join(outDir, f), 'utf8');
  }
  return out;
}

// ─────────────────────────────── scenarios ───────────────────────────────
async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-e2e-preview-'));
  // the generated workbooks: 50 000 rows, rich features, hostile files (make-files.ts)
  const made = path.join(tmp, 'made');
  const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const madeOut = await run(process.execPath, [tsxCli, path.join(__dirname, 'make-files.ts'), made, '50000'], { cwd: ROOT });
  const bigInfo = JSON.parse(madeOut.stdout.trim().split('\n').pop()).big;
  const buildDir = path.join(tmp, 'build');
  let browser;
  let server;
  try {
    let assets = [];
    const built = await check('build: webpack production build of the preview', async () => {
      assets = await build(buildDir);
      const need = ['preview.html', 'preview-sw.js', 'assets/hue-2018-nhiem-vu.xlsx', 'assets/legacy-check.js'];
      for (const n of need) assert(fs.existsSync(path.join(buildDir, n)), `missing ${n}`);
      const js = assets.filter((a) => /\.js$/.test(a) && !a.startsWith('assets/'));
      const sizes = js.map((a) => {
        const buf = fs.readFileSync(path.join(buildDir, a));
        return `${a} ${(buf.length / 1024).toFixed(0)} KB (gzip ${(require('zlib').gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB)`;
      });
      const page = fs.readFileSync(path.join(buildDir, js.find((a) => /^preview\.[0-9a-f]+\.js$/.test(a)) || 'preview.js'), 'utf8');
      assert(!/xl\/worksheets|sharedStrings\.xml/.test(page), 'the page bundle contains a workbook reader: parsing must stay in the worker');
      for (const a of js) {
        const text = fs.readFileSync(path.join(buildDir, a), 'utf8');
        assert(!/exceljs|ExcelJS/.test(text), `${a} contains ExcelJS: the preview reads and annotates workbooks without it`);
        if (!/^sheetjs\./.test(a)) assert(!/SheetJS|CFB\.utils/.test(text), `${a} contains SheetJS: it must stay in its own chunk, loaded for old formats only`);
      }
      assert(js.some((a) => /^sheetjs\.[0-9a-f]+\.js$/.test(a)), `no SheetJS chunk among ${js.join(', ')}`);
      const sw = fs.readFileSync(path.join(buildDir, 'preview-sw.js'), 'utf8');
      assert(!sw.includes('__PHULUC_PRECACHE__'), 'the service worker has no precache list');
      return sizes.join('; ');
    });
    if (!built) return;

    server = await serve(buildDir);
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const url = `${server.origin}/preview.html`;

    // ── (a) no file: the example ──
    const context = await newContext(browser, server.origin);
    const page = await context.newPage();
    watchPage(page, 'main');
    await check('(a) no file given → the bundled example opens, as of 2018-02-15, F61 budget finding', async () => {
      const t0 = Date.now();
      await page.goto(url, { timeout: T.load });
      await waitFile(page, FILES.hue);
      const ms = Date.now() - t0;
      await page.waitForSelector('[data-testid="example-note"]', { timeout: T.short });
      const asOf = await page.inputValue('[data-testid="as-of"]');
      assert(asOf === '2018-02-15', `as-of is ${asOf}`);
      await findingButton(page, 'budget-total-mismatch', 'F61').first().waitFor({ state: 'visible', timeout: T.short });
      const text = await findingButton(page, 'budget-total-mismatch', 'F61').first().innerText();
      assert(/21\.950/.test(text) && /26\.979/.test(text), `F61 message: ${text}`);
      const overdue = await page.locator('button[data-rule="deadline-overdue"]').count();
      return `loaded in ${ms} ms; ${overdue} overdue findings shown`;
    });
    await check('(a) a click on the F61 finding highlights F61 in the grid', async () => {
      const r = await goToFinding(page, 'budget-total-mismatch', 'F61');
      const tint = await page.locator('[role="grid"] [data-cell="F61"]').evaluate((e) => getComputedStyle(e).backgroundColor);
      assert(tint === 'rgb(244, 182, 182)', `F61 tint ${tint}`);
      const info = await page.innerText('[data-testid="cell-info"]');
      assert(/F61/.test(info) && /21\.950/.test(info), `cell info: ${info}`);
      await shot(page, 'example');
      return r;
    });
    await check('(a) a new as-of date checks again in the worker: 01/06/2017 → no overdue task, 15/02/2018 → as many as before', async () => {
      const overdue = () => page.locator('button[data-rule="deadline-overdue"]').count();
      const before = await overdue();
      await page.fill('[data-testid="as-of"]', '2017-06-01');
      await page.waitForFunction(() => document.querySelectorAll('button[data-rule="deadline-overdue"]').length === 0, null, { timeout: T.short });
      await page.fill('[data-testid="as-of"]', '2018-02-15');
      await page.waitForFunction((n) => document.querySelectorAll('button[data-rule="deadline-overdue"]').length === n, before, { timeout: T.short });
      return `${before} → 0 → ${await overdue()} overdue`;
    });
    await check('(a) the language switch turns the page into English and back', async () => {
      await page.selectOption('[data-testid="lang"]', 'en');
      await page.waitForSelector('h1:has-text("Phuluc — file preview")', { timeout: T.short });
      await findingButton(page, 'budget-total-mismatch', 'F61').first().filter({ hasText: 'The total states 21,950' }).waitFor({ timeout: T.short });
      await page.selectOption('[data-testid="lang"]', 'vi');
      await page.waitForSelector('h1:has-text("Phuluc — xem trước tệp")', { timeout: T.short });
    });

    await check('(a) accessibility: the example loaded — axe-core 0 serious/critical, a main landmark, finding buttons named by their text', async () => {
      const main = await page.locator('main').count();
      assert(main === 1, `${main} <main> landmarks`);
      const names = await findingNamesContainText(page);
      return `${await axeCheck(page, 'example')}; ${names}`;
    });
    await check('(a) the grid from the keyboard: one cell in the tab order, arrows move it and the line under the grid follows', async () => {
      const grid = page.locator('[role="grid"]');
      const inOrder = await grid.locator('[role="gridcell"][tabindex="0"]').count();
      assert(inOrder === 1, `${inOrder} cells in the tab order`);
      await grid.locator('[data-cell="F61"]').focus();
      const start = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
      assert(start === 'F61', `focus on ${start}`);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      const moved = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
      assert(moved === 'E60', `after ↑ ←: ${moved}`);
      await page.waitForFunction(() => /Ô E60/.test(document.querySelector('[data-testid="cell-info"]').textContent), null, { timeout: T.short });
      await page.keyboard.press('End');
      const end = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
      await page.keyboard.press('Control+Home');
      const home = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
      assert(home === 'A1', `Ctrl+Home: ${home}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[role="grid"] [data-cell="A1"][aria-selected="true"]', { timeout: T.short });
      return `F61 → ↑← E60 → End ${end} → Ctrl+Home A1, Enter selects it`;
    });

    // ── (b) pick the fixtures + bad files, drop one more ──
    const corrupt = path.join(tmp, 'hong.xlsx');
    const full = fs.readFileSync(path.join(FIXTURES, FILES.cathai));
    fs.writeFileSync(corrupt, full.subarray(0, Math.floor(full.length / 3))); // a zip cut short
    const locked = path.join(made, 'mat-khau.xlsx'); // an encrypted workbook as Excel saves one (OLE with EncryptedPackage)
    const legacyXls = path.join(tmp, 'hue-cu.xls');
    fs.copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xls'), legacyXls);
    const legacyOds = path.join(tmp, 'hue-libre.ods');
    fs.copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.ods'), legacyOds);
    const dropped = path.join(tmp, 'hagiang-keo-tha.xlsx');
    fs.copyFileSync(path.join(FIXTURES, FILES.hagiang), dropped);
    const originals = Object.fromEntries(Object.values(FILES).map((f) => [f, sha(path.join(FIXTURES, f))]));

    await check('(b) pick three fixtures, an .xls, an .ods, a damaged and a password-protected file (setInputFiles)', async () => {
      await page.setInputFiles('[data-testid="file-input"]', [...Object.values(FILES).map((f) => path.join(FIXTURES, f)), corrupt, locked, legacyXls, legacyOds]);
      const t0 = Date.now();
      for (const f of Object.values(FILES)) await waitFile(page, f);
      const ms = Date.now() - t0;
      await waitFile(page, 'hue-cu.xls');
      await waitFile(page, 'hue-libre.ods');
      await waitFile(page, 'hong.xlsx', 'error');
      await waitFile(page, 'mat-khau.xlsx', 'error');
      const exampleTabs = await page.locator(`${tabSel(FILES.hue)}`).count();
      assert(exampleTabs === 1, `${exampleTabs} Huế tabs: the example should give way to the picked files`);
      assert((await page.locator('[data-testid="example-note"]').count()) === 0, 'the example note is still shown');
      return `3 fixtures checked in ${ms} ms`;
    });
    await check('(b) drag and drop: a DataTransfer drop on the drop zone opens the file', async () => {
      const r = await dropFiles(page, [{ name: 'hagiang-keo-tha.xlsx', path: dropped }]);
      assert(r === 'dropped', r);
      await waitFile(page, 'hagiang-keo-tha.xlsx');
      await openTab(page, 'hagiang-keo-tha.xlsx');
      await findingButton(page, 'score-total-mismatch', 'D109').first().waitFor({ state: 'visible', timeout: T.short });
      const tabs = await page.locator('[data-file-tab="hagiang-keo-tha.xlsx"]').count();
      assert(tabs === 1, `${tabs} tabs for the dropped file`);
    });
    await check('(b) Huế: F61 budget total finding; click → F61 highlighted', async () => {
      await openTab(page, FILES.hue);
      const r = await goToFinding(page, 'budget-total-mismatch', 'F61');
      await shot(page, 'hue');
      return r;
    });
    await check('(b) Cát Hải: B37 row fragment, F31/F35 missing product; clicks highlight them', async () => {
      await openTab(page, FILES.cathai);
      const out = [];
      out.push(await goToFinding(page, 'row-fragment', 'B37'));
      out.push(await goToFinding(page, 'missing-required', 'F31'));
      out.push(await goToFinding(page, 'missing-required', 'F35'));
      await shot(page, 'cathai');
      return out.join('; ');
    });
    await check('(b) Hà Giang: D109/E109 score total findings; clicks highlight them', async () => {
      await openTab(page, FILES.hagiang);
      const out = [];
      out.push(await goToFinding(page, 'score-total-mismatch', 'D109'));
      out.push(await goToFinding(page, 'score-total-mismatch', 'E109'));
      const e109 = await findingButton(page, 'score-total-mismatch', 'E109').first().innerText();
      assert(/65,85/.test(e109) && /65,65/.test(e109), `E109 message: ${e109}`);
      await shot(page, 'hagiang');
      return out.join('; ');
    });
    await check('(b) the .xls and the .ods (SheetJS chunk) give the Huế findings; their download says why there is no marked copy', async () => {
      const out = [];
      for (const name of ['hue-cu.xls', 'hue-libre.ods']) {
        await openTab(page, name);
        out.push(await goToFinding(page, 'budget-total-mismatch', 'F61'));
        const n = await page.locator(`section[data-file="${name}"] button[data-rule="missing-required"]`).count();
        assert(n > 0, `${name}: no missing-required findings`);
        assert(await page.locator(`section[data-file="${name}"] [data-testid="download"]`).isDisabled(), `${name}: the download button is enabled`);
        const note = await page.innerText(`section[data-file="${name}"] [data-testid="download-legacy"]`);
        assert(/\.xlsx/.test(note), `${name}: ${note}`);
      }
      const chunks = server.state.requests.filter((r) => /sheetjs\./.test(r));
      assert(chunks.length >= 1, 'the SheetJS chunk was never loaded');
      return out.join('; ');
    });
    await check('(b) the damaged and the password-protected file each show a clear message in their tab', async () => {
      await openTab(page, 'hong.xlsx');
      const bad = await page.innerText('section[data-file="hong.xlsx"] [data-testid="file-error"]', { timeout: T.short });
      assert(/bị hỏng/.test(bad), `damaged: ${bad}`);
      const detail = await page.innerText('section[data-file="hong.xlsx"] [data-testid="file-error-detail"]');
      assert(/^Chi tiết kỹ thuật: /.test(detail), `damaged, technical detail: ${detail}`);
      await shot(page, 'damaged');
      await openTab(page, 'mat-khau.xlsx');
      const pw = await page.innerText('section[data-file="mat-khau.xlsx"] [data-testid="file-error"]', { timeout: T.short });
      assert(/mật khẩu/.test(pw), `password: ${pw}`);
      // the other files still work
      await openTab(page, FILES.cathai);
      await findingButton(page, 'row-fragment', 'B37').first().waitFor({ state: 'visible', timeout: T.short });
      return `"${bad.replace(/\s+/g, ' ').slice(0, 90)}…"`;
    });

    // ── (c) download the annotated copies and re-read them ──
    const asOf = await page.inputValue('[data-testid="as-of"]');
    const downloads = {};
    const sources = { ...Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, path.join(FIXTURES, f)])), rich: path.join(made, 'rich.xlsx'), libre: path.join(FIXTURES, 'libreoffice-bang-bao-ve.xlsx') };
    await page.setInputFiles('[data-testid="file-input"]', [sources.rich, sources.libre]);
    await waitFile(page, 'rich.xlsx');
    await waitFile(page, 'libreoffice-bang-bao-ve.xlsx');
    const ALL = { ...FILES, rich: 'rich.xlsx', libre: 'libreoffice-bang-bao-ve.xlsx' };
    for (const [key, file] of Object.entries(ALL)) {
      await check(`(c) ${key}: "Tải bản có đánh dấu" downloads ${file.replace('.xlsx', '-phuluc.xlsx')}`, async () => {
        await openTab(page, file);
        const [dl] = await Promise.all([page.waitForEvent('download', { timeout: T.load }), page.click(`section[data-file="${file}"] [data-testid="download"]`)]);
        const name = dl.suggestedFilename();
        assert(name === file.replace('.xlsx', '-phuluc.xlsx'), `suggested name ${name}`);
        const to = path.join(tmp, 'downloads', name);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        await dl.saveAs(to);
        downloads[key] = to;
        await page.waitForSelector(`section[data-file="${file}"] [data-testid="download-done"]`, { timeout: T.short });
        return `${(fs.statSync(to).size / 1024).toFixed(1)} KB`;
      });
    }
    await check('(c) the original files are untouched', async () => {
      for (const [f, h] of Object.entries(originals)) assert(sha(path.join(FIXTURES, f)) === h, `${f} changed`);
    });
    const expectMarks = {
      hue: { F61: 'error', G14: 'error' },
      cathai: { B37: 'warning', F31: 'error', F35: 'error' },
      hagiang: { D109: 'error', E109: 'error' },
      rich: { C4: 'error', E7: 'error' },
      libre: { C4: 'error', E6: 'error' },
    };
    for (const [key] of Object.entries(ALL)) {
      if (!downloads[key]) continue;
      await check(`(c) ${key}: re-read with src/io (reader and package) + ExcelJS — values unchanged, marks and report sheet there`, async () => {
        const argsFile = path.join(tmp, `verify-${key}.json`);
        fs.writeFileSync(argsFile, JSON.stringify({ original: sources[key], annotated: downloads[key], asOf, expectMarks: expectMarks[key] }));
        const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'verify.ts'), argsFile], { cwd: ROOT });
        const v = JSON.parse(stdout.trim().split('\n').pop());
        assert(v.snapshotsEqual, `sheets read back differently: ${v.differingSheets.join(', ')}`);
        assert(v.sameFindings, 'the engine finds other findings in the copy');
        assert(v.badMarks.length === 0, `marks: ${v.badMarks.slice(0, 5).join('; ')}`);
        assert(v.strayFills.length === 0, `fills changed on cells without findings: ${v.strayFills.slice(0, 5).join(', ')}`);
        for (const [cell, m] of Object.entries(v.expectMarks)) assert(m.fill === m.expected, `${cell}: fill ${m.fill}, expected ${m.expected}`);
        assert(v.reportSheet, `no report sheet (sheets: ${v.annotatedSheets.join(', ')})`);
        assert(v.reportRows === v.findings, `report sheet has ${v.reportRows} rows for ${v.findings} findings`);
        assert(v.reportLinks === v.findings, `${v.reportLinks} links for ${v.findings} findings`);
        assert(v.reportMessagesMatch, 'report rows do not match the findings');
        return `${v.findings} findings, ${v.markedCells} marked cells, sheets ${v.annotatedSheets.join(' + ')}; ExcelJS: ${v.excelJs}`;
      });
    }
    const profile = path.join(tmp, 'lo-profile');
    for (const [key, file] of Object.entries(ALL)) {
      if (!downloads[key]) continue;
      await check(`(c) ${key}: LibreOffice headless — every original sheet's CSV identical, report sheet lists the findings`, async () => {
        const orig = await libreCsv(sources[key], path.join(tmp, 'csv', `${key}-orig`), profile);
        const ann = await libreCsv(downloads[key], path.join(tmp, 'csv', `${key}-annotated`), profile);
        const sheets = Object.keys(orig);
        assert(sheets.length >= 1, `LibreOffice produced no CSV for ${file}`);
        for (const s of sheets) {
          assert(ann[s] !== undefined, `no CSV for sheet "${s}" of the copy (got ${Object.keys(ann).join(', ')})`);
          if (ann[s] !== orig[s]) {
            const a = orig[s].split('\n');
            const b = ann[s].split('\n');
            const i = a.findIndex((l, k) => l !== b[k]);
            throw new Error(`sheet "${s}" differs at line ${i + 1}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`);
          }
        }
        const report = Object.entries(ann).find(([n]) => n.startsWith('Phuluc'));
        assert(report, `no report sheet CSV (got ${Object.keys(ann).join(', ')})`);
        const must = Object.keys(expectMarks[key]);
        for (const cell of must) assert(new RegExp(`,${cell},`).test(report[1]), `report sheet CSV has no row for ${cell}`);
        return `${sheets.length} sheet(s) identical (${orig[sheets[0]].length} bytes), report sheet "${report[0]}" with ${must.join('/')}`;
      });
    }

    // ── (g) the bảng giải trình of a self-assessment with an appraisal column ──
    const apprName = 'tham-dinh.xlsx';
    const apprFile = path.join(tmp, apprName);
    await check('(g) self-assessment + appraisal column: the cuts; "Tải bảng giải trình" downloads an .xlsx LibreOffice reads', async () => {
      await run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'appraisal-file.ts'), apprFile], { cwd: ROOT });
      await page.setInputFiles('[data-testid="file-input"]', [apprFile]);
      await waitFile(page, apprName);
      await openTab(page, apprName);
      const panel = page.locator(`section[data-file="${apprName}"] [data-testid="appraisal"]`);
      await panel.waitFor({ state: 'visible', timeout: T.short });
      const text = await panel.innerText();
      assert(/Tổng điểm bị trừ: 0,85/.test(text), `panel: ${text.slice(0, 200)}`);
      const [dl] = await Promise.all([
        page.waitForEvent('download', { timeout: T.load }),
        panel.getByRole('button', { name: 'Tải bảng giải trình (.xlsx)' }).click({ timeout: T.short }),
      ]);
      const name = dl.suggestedFilename();
      assert(name === 'tham-dinh-bang-giai-trinh.xlsx', `suggested name ${name}`);
      const to = path.join(tmp, 'downloads', name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      await dl.saveAs(to);
      await page.waitForSelector(`section[data-file="${apprName}"] [data-testid="explanation-done"]`, { timeout: T.short });
      const csv = await libreCsv(to, path.join(tmp, 'csv', 'explanation'), profile);
      const [sheet, body] = Object.entries(csv)[0] ?? [];
      assert(body, `LibreOffice produced no CSV (got ${Object.keys(csv).join(', ')})`);
      const lines = body.split('\n');
      assert(lines[3] === 'STT,"Tiêu chí, tiêu chí thành phần",Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Chênh lệch,Tài liệu kiểm chứng,Lý do đề nghị', `header: ${lines[3]}`);
      assert(lines[4].startsWith('1,1.5. Sáng kiến trong cải cách hành chính,2,1,0.5,-0.5,'), `first row: ${lines[4]}`);
      await shot(page, 'appraisal');
      return `sheet "${sheet || '(one)'}", ${lines.filter((l) => /^\d+,/.test(l)).length} criteria`;
    });

    // ── (d) 50 000 rows, measured against the page's own idle baseline ──
    const BIG = 'lon-50000-dong.xlsx';
    const big = path.join(tmp, BIG);
    fs.copyFileSync(path.join(made, 'big.xlsx'), big);
    /** Watches the page: animation frames, long tasks (Long Tasks API) and language-switch answers. */
    const startMonitor = () =>
      page.evaluate(() => {
        const m = (window.__mon = { frames: [], running: true, longTasks: [], from: performance.now() });
        const tick = (t) => {
          m.frames.push(t);
          if (m.running) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        try {
          m.obs = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (m.running) m.longTasks.push({ start: e.startTime, ms: e.duration });
          });
          m.obs.observe({ type: 'longtask' });
        } catch {
          // no Long Tasks API: the frame gaps tell the same story
        }
      });
    const stopMonitor = () =>
      page.evaluate(() => {
        const m = window.__mon;
        m.running = false;
        if (m.obs) m.obs.disconnect();
        let gap = 0;
        for (let i = 1; i < m.frames.length; i++) gap = Math.max(gap, m.frames[i] - m.frames[i - 1]);
        return { frames: m.frames.length, gap: Math.round(gap), longest: Math.round(Math.max(0, ...m.longTasks.map((t) => t.ms))), tasks: m.longTasks.map((t) => Math.round(t.ms)) };
      });
    const switchLang = (to) =>
      page.evaluate(
        (lang) =>
          new Promise((resolve) => {
            const sel = document.querySelector('[data-testid="lang"]');
            const want = lang === 'en' ? 'Phuluc — file preview' : 'Phuluc — xem trước tệp';
            const t = performance.now();
            sel.value = lang;
            sel.dispatchEvent(new Event('change', { bubbles: true }));
            const poll = () => {
              if (document.querySelector('h1')?.textContent === want) resolve(performance.now() - t);
              else if (performance.now() - t > 5000) resolve(9999);
              else setTimeout(poll, 1);
            };
            poll();
          }),
        to,
      );
    await check('(d) 50 000-row workbook: no main-thread task, frame gap or language switch more than 200 ms over the idle page’s own', async () => {
      // the idle page first: the same measures, for a few seconds, with the same language switches
      await startMonitor();
      const idleLang = [];
      for (let i = 0; i < 4; i++) {
        idleLang.push(Math.round(await switchLang(i % 2 === 0 ? 'en' : 'vi')));
        await page.waitForTimeout(400);
      }
      await page.waitForTimeout(1500);
      const idle = await stopMonitor();
      // then the 50 000 rows
      await startMonitor();
      const t0 = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', [big]);
      await page.waitForSelector(`${tabSel(BIG)}[data-status="loading"]`, { timeout: T.short, state: 'attached' });
      const langTimes = [];
      for (let i = 0; i < 8; i++) {
        const loading = await page.locator(`${tabSel(BIG)}[data-status="loading"]`).count();
        if (!loading) break;
        langTimes.push(Math.round(await switchLang(i % 2 === 0 ? 'en' : 'vi')));
        await page.waitForTimeout(250);
      }
      await waitFile(page, BIG, 'ready', T.big);
      const total = Date.now() - t0;
      await openTab(page, BIG);
      await page.waitForSelector('[role="grid"] [role="gridcell"]:not([data-pending])', { timeout: T.short });
      await page.waitForTimeout(500);
      const open = await stopMonitor();
      if ((await page.inputValue('[data-testid="lang"]')) !== 'vi') await page.selectOption('[data-testid="lang"]', 'vi');
      const slack = 200;
      const idleLangMax = Math.max(...idleLang);
      assert(langTimes.length >= 1, `no language switch happened while the file was opening (ready in ${total} ms)`);
      assert(Math.max(...langTimes) <= idleLangMax + slack, `language switch took ${langTimes.join('/')} ms while opening, ${idleLang.join('/')} ms idle`);
      assert(open.longest <= idle.longest + slack, `longest main-thread task ${open.longest} ms while opening (${open.tasks.join('/')}), ${idle.longest} ms idle`);
      assert(open.gap <= idle.gap + slack, `an animation frame waited ${open.gap} ms while opening, ${idle.gap} ms idle`);
      return (
        `ready in ${total} ms; while opening: longest task ${open.longest} ms, longest frame gap ${open.gap} ms, language switch ${langTimes.join('/')} ms; ` +
        `idle page: longest task ${idle.longest} ms, frame gap ${idle.gap} ms, language switch ${idleLang.join('/')} ms`
      );
    });
    await check('(d) 50 000 rows: virtualised grid, total row finding reachable, scrolls to the end', async () => {
      await openTab(page, BIG);
      const rows = Number(await page.getAttribute('[role="grid"]', 'data-rows'));
      assert(rows === bigInfo.rows, `grid has ${rows} rows, expected ${bigInfo.rows}`);
      const cells = await page.locator('[role="grid"] [role="gridcell"]').count();
      assert(cells < 1000, `${cells} cells in the DOM: not virtualised`);
      const r = await goToFinding(page, 'budget-total-mismatch', bigInfo.budgetCell);
      await goToFinding(page, 'missing-required', bigInfo.missingProduct[3]);
      const t = Date.now();
      await page.locator('[role="grid"]').evaluate((g) => (g.scrollTop = g.scrollHeight));
      await page.waitForSelector(`[role="grid"] [data-cell="A${bigInfo.rows}"]:not([data-pending])`, { timeout: T.short });
      const after = await page.locator('[role="grid"] [role="gridcell"]').count();
      assert(after < 1000, `${after} cells after scrolling`);
      await shot(page, 'big');
      return `${r}; ${cells} cells in the DOM for ${rows} rows; last row shown ${Date.now() - t} ms after scrolling`;
    });

    // ── (f) hostile files ──
    await check('(f) a merge over H1:XFD1048576, a value at XFD1048576 and a zip bomb: two open, the bomb is refused, the page answers', async () => {
      const files = ['merge-all.xlsx', 'far-cell.xlsx', 'bomb.xlsx'].map((f) => path.join(made, f));
      await page.setInputFiles('[data-testid="file-input"]', files);
      const langMs = Math.round(await switchLang('en'));
      await switchLang('vi');
      await waitFile(page, 'merge-all.xlsx', 'ready', T.big);
      await waitFile(page, 'far-cell.xlsx', 'ready', T.big);
      await waitFile(page, 'bomb.xlsx', 'error', T.big);
      const out = [`language switch ${langMs} ms`];
      for (const name of ['merge-all.xlsx', 'far-cell.xlsx']) {
        await openTab(page, name);
        out.push(`${name}: ${await goToFinding(page, 'budget-total-mismatch', 'F61')}`);
        const cells = await page.locator('[role="grid"] [role="gridcell"]').count();
        const heads = await page.locator('[role="grid"] [role="columnheader"]').count();
        assert(cells < 2000 && heads < 200, `${name}: ${cells} cells and ${heads} column headers in the DOM`);
      }
      await openTab(page, 'bomb.xlsx');
      const msg = await page.innerText('section[data-file="bomb.xlsx"] [data-testid="file-error"]');
      assert(/vượt giới hạn/.test(msg), `bomb: ${msg}`);
      await shot(page, 'hostile');
      return `${out.join('; ')}; bomb: "${msg.replace(/\s+/g, ' ').slice(0, 80)}…"`;
    });
    await check('(a–f) no CSP violation, no page error, no request to another origin', async () => {
      const csp = [...monitors.csp, ...(await pageCsp(page)).map((v) => `main: ${v}`)];
      assert(csp.length === 0, `CSP: ${csp.slice(0, 3).join(' | ')}`);
      assert(monitors.errors.length === 0, `errors: ${monitors.errors.slice(0, 3).join(' | ')}`);
      assert(monitors.foreign.length === 0, `foreign requests: ${monitors.foreign.slice(0, 3).join(', ')}`);
    });
    await context.close();

    // ── (h) a department head's screen, 1366×768: the example, then 8, 20 and 50 units' files ──
    const ctx3 = await newContext(browser, server.origin, { width: 1366, height: 768 });
    const p3 = await ctx3.newPage();
    watchPage(p3, '1366');
    await check('(h) 1366×768, the example: the budget (F) and deadline (G) columns in view without scrolling sideways, the first finding above the fold', async () => {
      await p3.goto(url, { timeout: T.load });
      await waitFile(p3, FILES.hue);
      const first = p3.locator('button[data-rule]').first();
      await first.waitFor({ state: 'visible', timeout: T.short });
      const grid = p3.locator('[role="grid"]');
      const [gb, fb, gcol, btn] = await Promise.all([
        grid.boundingBox(),
        grid.locator('[role="columnheader"]', { hasText: /^F$/ }).boundingBox(),
        grid.locator('[role="columnheader"]', { hasText: /^G$/ }).boundingBox(),
        first.boundingBox(),
      ]);
      const scrollLeft = await grid.evaluate((g) => g.scrollLeft);
      assert(scrollLeft === 0, `the grid is scrolled sideways (${scrollLeft})`);
      assert(fb && fb.x >= gb.x && fb.x + fb.width <= gb.x + gb.width + 1 && fb.x + fb.width <= 1366, `column F at ${JSON.stringify(fb)}, grid ${JSON.stringify(gb)}`);
      assert(btn.y >= 0 && btn.y + btn.height <= 768, `the first finding is at y=${Math.round(btn.y)}, below the fold`);
      const over = await pageOverflowX(p3);
      assert(over <= 0, `the page scrolls sideways by ${over} px`);
      // a text cut to its column ends at a word with "…"; the full text is its tooltip
      const cut = await grid.evaluate((g) =>
        [...g.querySelectorAll('[role="gridcell"]')]
          .filter((c) => c.textContent.endsWith('…') && !c.getAttribute('data-severity'))
          .map((c) => ({ cell: c.getAttribute('data-cell'), shown: c.textContent, title: c.getAttribute('title') })),
      );
      assert(cut.length > 0, 'no text was cut to its column');
      for (const c of cut) {
        const head = c.shown.slice(0, -1);
        assert(c.title && c.title.startsWith(head), `${c.cell} shows "${c.shown}", tooltip "${c.title}"`);
        assert(/^[\s,;:.–-]/.test(c.title.slice(head.length)), `${c.cell} is cut inside a word: "${c.shown}" of "${c.title}"`);
      }
      const shown = `${cut[0].cell} "${cut[0].shown}"`;
      await shot(p3, '1366', { doc: true });
      const gVisible = gcol && gcol.x + gcol.width <= gb.x + gb.width + 1;
      return `F at x=${Math.round(fb.x)}–${Math.round(fb.x + fb.width)} in a grid ending at ${Math.round(gb.x + gb.width)}, G ${gVisible ? 'in view too' : 'not in view'}; first finding at y=${Math.round(btn.y)}; ${cut.length} texts cut at a word, e.g. ${shown}`;
    });
    await check('(h) a file with findings at 1366×768: axe-core 0 serious/critical; the tab badges have tooltips and words', async () => {
      const tab = p3.locator(tabSel(FILES.hue));
      const name = await tab.evaluate((el) => el.textContent);
      assert(/hue-2018-nhiem-vu\.xlsx\s*\d+\s*: \d+ lỗi/.test(name), `tab text "${name}"`);
      await tab.hover();
      const tip = p3.locator('[role="tooltip"]').filter({ hasText: 'hue-2018-nhiem-vu.xlsx' });
      await tip.waitFor({ state: 'visible', timeout: T.short });
      const tipText = await tip.innerText();
      assert(/lỗi/.test(tipText) && /quá hạn/.test(tipText), `tooltip: ${tipText}`);
      await p3.mouse.move(0, 0);
      return `${await axeCheck(p3, 'Huế at 1366')}; tooltip "${tipText}"`;
    });
    const units = path.join(tmp, 'units');
    fs.mkdirSync(units, { recursive: true });
    const unitFiles = [];
    const fixtureCycle = [FILES.hue, FILES.hagiang, FILES.cathai];
    for (let i = 1; i <= 50; i++) {
      const n = String(i).padStart(2, '0');
      let to;
      if (i === 3) fs.copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xls'), (to = path.join(units, `don-vi-${n}-cu.xls`)));
      else if (i === 5) fs.writeFileSync((to = path.join(units, `don-vi-${n}-hong.xlsx`)), full.subarray(0, 2000));
      else if (i === 7) fs.copyFileSync(path.join(made, 'khong-bang.xlsx'), (to = path.join(units, `don-vi-${n}-khong-bang.xlsx`)));
      else {
        const fx = fixtureCycle[(i - 1) % 3];
        fs.copyFileSync(path.join(FIXTURES, fx), (to = path.join(units, `don-vi-${n}-${fx.split('-')[0]}.xlsx`)));
      }
      unitFiles.push(to);
    }
    const unitName = (kind, last = false) => {
      const names = unitFiles.map((f) => path.basename(f)).filter((f) => f.endsWith(`-${kind}.xlsx`));
      return last ? names[names.length - 1] : names[0];
    };
    const tabsInView = async () => {
      const [bar, vw] = await Promise.all([p3.locator('[role="tablist"]').first().boundingBox(), p3.evaluate(() => window.innerWidth)]);
      return bar.x >= 0 && bar.x + bar.width <= vw + 1;
    };
    const allRead = (n) =>
      p3.waitForFunction((count) => document.querySelectorAll('[data-file-tab]').length === count && !document.querySelector('[data-file-tab][data-status="loading"]'), n, { timeout: T.big });
    const counts = [];
    for (const [from, to] of [[0, 8], [8, 20], [20, 50]]) {
      await check(`(h) ${to} units’ files open: the overview first, no sideways page scroll, the tabs fit (the rest in "+N tệp")`, async () => {
        await p3.setInputFiles('[data-testid="file-input"]', unitFiles.slice(from, to));
        await allRead(to);
        await p3.waitForSelector('[data-testid="overview"]', { timeout: T.short });
        const rows = await p3.locator('[data-testid="overview-table"] tbody tr').count();
        assert(rows === to, `${rows} rows in the overview for ${to} files`);
        const over = await pageOverflowX(p3);
        assert(over <= 0, `the page scrolls sideways by ${over} px`);
        assert(await tabsInView(), 'the tab row is wider than the window');
        const more = await p3.locator('[data-testid="more-files"]').count();
        const hidden = more ? await p3.locator('[data-testid="more-files"]').innerText() : 'none';
        counts.push(to);
        if (to === 20) {
          await p3.waitForTimeout(400); // the buttons' colour transitions end (the screenshot goes in the README)
          await shot(p3, 'overview', { doc: true });
          return `${rows} rows; overflow menu ${hidden}; ${await axeCheck(p3, 'overview of 20 files')}`;
        }
        return `${rows} rows; overflow menu ${hidden}`;
      });
    }
    await check('(h) the overview: statuses with their reasons; sorting by errors from the keyboard; a name opens its file', async () => {
      const row = (name) => p3.locator(`[data-file-row="${name}"]`);
      assert((await row('don-vi-05-hong.xlsx').getAttribute('data-status')) === 'unreadable', 'the damaged file is not "unreadable"');
      assert(/bị hỏng/.test(await row('don-vi-05-hong.xlsx').innerText()), 'no reason for the damaged file');
      assert((await row('don-vi-07-khong-bang.xlsx').getAttribute('data-status')) === 'not-checked', 'the file without a table is not "not-checked"');
      assert(/26\.979 \/ 21\.950/.test(await row('don-vi-03-cu.xls').innerText()), 'the .xls row has no budget computed vs stated');
      const head = p3.locator('th[data-sort-key="errors"]');
      await head.getByRole('button').focus();
      await p3.keyboard.press('Enter');
      await p3.waitForFunction(() => document.querySelector('th[data-sort-key="errors"]').getAttribute('aria-sort') === 'descending', null, { timeout: T.short });
      const errs = await p3.locator('[data-testid="overview-table"] tbody td[data-col="errors"]').allInnerTexts();
      const nums = errs.filter((x) => /^\d+$/.test(x)).map(Number);
      assert(nums.every((v, i) => i === 0 || nums[i - 1] >= v), `errors not descending: ${nums.join(',')}`);
      assert(errs.slice(nums.length).every((x) => x === '—'), `files without counts not last: ${errs.join(',')}`);
      await p3.keyboard.press('Space');
      await p3.waitForFunction(() => document.querySelector('th[data-sort-key="errors"]').getAttribute('aria-sort') === 'ascending', null, { timeout: T.short });
      // a rank column: ties share a rank
      const ranks = await p3.locator('[data-testid="overview-table"] tbody').innerText();
      assert(/hạng 1\/\d+/.test(ranks), 'no rank shown');
      const lastCathai = unitName('cathai', true);
      await p3.getByRole('button', { name: `Mở tệp ${lastCathai}` }).click();
      await p3.waitForSelector(`section[data-file="${lastCathai}"]`, { timeout: T.short });
      assert(await p3.locator(tabSel(lastCathai)).isVisible(), 'the opened file’s tab is not in view');
      await goToFinding(p3, 'row-fragment', 'B37');
      await p3.click('[data-overview-tab]');
      await p3.waitForSelector('[data-testid="overview"]', { timeout: T.short });
      return `errors descending: ${nums.slice(0, 5).join(', ')}…; ${lastCathai} opened from its row`;
    });
    await check('(h) "Xuất bảng tổng hợp (.xlsx)": a workbook LibreOffice reads, one row per file, with the rank column', async () => {
      const [dl] = await Promise.all([p3.waitForEvent('download', { timeout: T.load }), p3.click('[data-testid="export-summary"]')]);
      const name = dl.suggestedFilename();
      assert(/^phuluc-tong-hop-\d{4}-\d{2}-\d{2}\.xlsx$/.test(name), `suggested name ${name}`);
      const to = path.join(tmp, 'downloads', name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      await dl.saveAs(to);
      await p3.waitForSelector('[data-testid="export-done"]', { timeout: T.short });
      const csv = await libreCsv(to, path.join(tmp, 'csv', 'summary'), path.join(tmp, 'lo-profile'));
      const sheet = csv['Tổng hợp'] ?? Object.values(csv)[0];
      assert(sheet, `LibreOffice produced no CSV (got ${Object.keys(csv).join(', ')})`);
      const lines = sheet.trim().split('\n');
      assert(lines.length === 51, `${lines.length} lines (header + 50 files expected)`);
      const head = lines[0].split(',');
      assert(head[0] === 'Tệp' && head[1] === 'Trạng thái', `header ${lines[0].slice(0, 80)}`);
      const rankCol = head.findIndex((h) => /— hạng$/.test(h));
      assert(rankCol > 0, `no rank column in ${lines[0]}`);
      const hue = lines.find((l) => l.startsWith(`${unitName('hue')},`));
      assert(hue && /,26979,21950,triệu đồng,/.test(hue), `Huế row: ${hue}`);
      const ranked = lines.slice(1).filter((l) => /^\d+$/.test(l.split(',')[rankCol] ?? ''));
      return `${lines.length - 1} rows; rank column "${head[rankCol]}" filled on ${ranked.length} rows`;
    });
    await check('(h) "Tải tất cả": one zip of the annotated copies; the .xls and the damaged file are named in its text file and on the page', async () => {
      const [dl] = await Promise.all([p3.waitForEvent('download', { timeout: T.big }), p3.click('[data-testid="download-all"]')]);
      const name = dl.suggestedFilename();
      assert(/^phuluc-ban-danh-dau-\d{4}-\d{2}-\d{2}\.zip$/.test(name), `suggested name ${name}`);
      const to = path.join(tmp, 'downloads', name);
      await dl.saveAs(to);
      await p3.waitForSelector('[data-testid="download-all-done"]', { timeout: T.short });
      const without = await p3.innerText('[data-testid="download-all-without"]');
      assert(/don-vi-03-cu\.xls/.test(without) && /don-vi-05-hong\.xlsx/.test(without), `on the page: ${without}`);
      const { unzipSync, strFromU8 } = require('fflate');
      const files = unzipSync(fs.readFileSync(to));
      const names = Object.keys(files);
      assert(names[0] === '00-DOC-TRUOC.txt', `first entry ${names[0]}`);
      const copies = names.filter((n) => /-phuluc\.xlsx$/.test(n));
      assert(copies.length === 48, `${copies.length} copies (48 expected: 50 files less the .xls and the damaged one)`);
      const readme = strFromU8(files['00-DOC-TRUOC.txt'].subarray(3));
      assert(/don-vi-03-cu\.xls: Bản có đánh dấu chỉ làm được/.test(readme) && /don-vi-05-hong\.xlsx: /.test(readme), `readme: ${readme.slice(0, 300)}`);
      // a copy in the zip is a workbook LibreOffice opens, with the report sheet
      const oneName = unitName('hue').replace('.xlsx', '-phuluc.xlsx');
      const one = path.join(tmp, 'zip-one', oneName);
      fs.mkdirSync(path.dirname(one), { recursive: true });
      assert(files[oneName], `no ${oneName} in the zip`);
      fs.writeFileSync(one, files[oneName]);
      const csv = await libreCsv(one, path.join(tmp, 'csv', 'zip-one'), path.join(tmp, 'lo-profile'));
      assert(Object.keys(csv).some((k) => k.startsWith('Phuluc')), `the copy has no report sheet (${Object.keys(csv).join(', ')})`);
      return `${(fs.statSync(to).size / 1024).toFixed(0)} KB, ${copies.length} copies + 00-DOC-TRUOC.txt`;
    });
    await check('(h) "Đóng tất cả" closes every file', async () => {
      await p3.click('[data-testid="close-all"]');
      await p3.waitForFunction(() => document.querySelectorAll('[data-file-tab]').length === 0, null, { timeout: T.short });
      assert(/Chưa có tệp nào/.test(await p3.innerText('main')), 'no "Chưa có tệp nào."');
      const csp = (await pageCsp(p3)).map((v) => `1366: ${v}`);
      assert(csp.length === 0, `CSP: ${csp.slice(0, 3).join(' | ')}`);
      assert(monitors.errors.length === 0, `errors: ${monitors.errors.slice(0, 3).join(' | ')}`);
      assert(monitors.foreign.length === 0, `foreign requests: ${monitors.foreign.slice(0, 3).join(', ')}`);
    });
    await ctx3.close();

    // ── (i) opened by double-clicking preview.html in a folder (file://): no Web Worker can start ──
    await check('(i) file:// — the page works: the example is checked on the page itself, a picked file too; the page says how it runs', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      try {
        const pf = await ctx.newPage();
        const errors = [];
        pf.on('pageerror', (e) => errors.push(e.message));
        pf.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        const t0 = Date.now();
        await pf.goto(`file://${path.join(buildDir, 'preview.html')}`, { timeout: T.load });
        await waitFile(pf, FILES.hue);
        const ms = Date.now() - t0;
        const notice = await pf.innerText('[data-testid="page-notice"]');
        assert(/mở trực tiếp từ thư mục/.test(notice), `notice: ${notice}`);
        const r = await goToFinding(pf, 'budget-total-mismatch', 'F61');
        // how long the page's own thread is held while a file is checked on it (reported, not asserted: it measures
        // the machine as much as the page)
        await pf.evaluate(() => {
          window.__lt = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(Math.round(e.duration)))).observe({ type: 'longtask' });
        });
        await pf.setInputFiles('[data-testid="file-input"]', [path.join(FIXTURES, FILES.cathai)]);
        await waitFile(pf, FILES.cathai);
        const longTasks = await pf.evaluate(() => window.__lt);
        await openTab(pf, FILES.cathai);
        await goToFinding(pf, 'row-fragment', 'B37');
        await shot(pf, 'file-url');
        assert(errors.length === 0, `page errors: ${errors.slice(0, 3).join(' | ')}`);
        return `example checked in ${ms} ms from file://; ${r}; Cát Hải B37 too (long tasks while it opened: ${longTasks.length ? longTasks.join('/') + ' ms' : 'none'})`;
      } finally {
        await ctx.close();
      }
    });

    // ── (e) offline ──
    const ctx2 = await newContext(browser, server.origin);
    const p2 = await ctx2.newPage();
    watchPage(p2, 'offline');
    await check('(e) first visit: the service worker installs and caches the page, its bundles and the example', async () => {
      await p2.goto(url, { timeout: T.load });
      await waitFile(p2, FILES.hue);
      const sw = await p2.evaluate(
        () =>
          new Promise((resolve) => {
            const t = performance.now();
            const poll = async () => {
              const reg = await navigator.serviceWorker.getRegistration();
              if (navigator.serviceWorker.controller && reg && reg.active) {
                const keys = await caches.keys();
                const cache = await caches.open(keys.find((k) => k.startsWith('phuluc-preview-')));
                resolve({ ok: true, cache: keys.join(','), entries: (await cache.keys()).map((r) => new URL(r.url).pathname) });
              } else if (performance.now() - t > 15000) resolve({ ok: false, reg: !!reg, active: !!reg?.active, controller: !!navigator.serviceWorker.controller });
              else setTimeout(poll, 100);
            };
            poll();
          }),
      );
      assert(sw.ok, `service worker not in control: ${JSON.stringify(sw)}`);
      for (const need of ['/preview.html', '/assets/hue-2018-nhiem-vu.xlsx']) assert(sw.entries.includes(need), `${need} not cached (${sw.entries.join(', ')})`);
      return `${sw.entries.length} files cached: ${sw.entries.join(', ')}`;
    });
    await check('(e) offline (server gone, browser offline): reload opens the page, the example and a picked file are checked', async () => {
      server.state.down = true;
      await ctx2.setOffline(true);
      const before = server.state.requests.length;
      await p2.reload({ timeout: T.load });
      await waitFile(p2, FILES.hue);
      await findingButton(p2, 'budget-total-mismatch', 'F61').first().waitFor({ state: 'visible', timeout: T.short });
      await p2.setInputFiles('[data-testid="file-input"]', [path.join(FIXTURES, FILES.cathai)]);
      await waitFile(p2, FILES.cathai);
      await openTab(p2, FILES.cathai);
      await goToFinding(p2, 'row-fragment', 'B37');
      await shot(p2, 'offline');
      assert(server.state.requests.length === before, 'the server was asked while offline');
      const csp = [...monitors.csp, ...(await pageCsp(p2)).map((v) => `offline: ${v}`)];
      assert(csp.length === 0, `CSP: ${csp.slice(0, 3).join(' | ')}`);
      assert(monitors.errors.length === 0, `errors: ${monitors.errors.slice(0, 3).join(' | ')}`);
    });
    await ctx2.close();
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.close();
    if (!process.env.PHULUC_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else process.stdout.write(`kept ${tmp}\n`);
  }
}

const watchdog = setTimeout(() => {
  record('the whole run finished in time', false, `still running after ${GLOBAL_TIMEOUT_MS / 60000} min`);
  finish(1);
}, GLOBAL_TIMEOUT_MS);
watchdog.unref();

function finish(code) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(code || (failed ? 1 : 0));
}

main().then(
  () => finish(0),
  (e) => {
    record('the run completed', false, e && e.stack ? e.stack.split('\n').slice(0, 3).join(' ') : String(e));
    finish(1);
  },
);
