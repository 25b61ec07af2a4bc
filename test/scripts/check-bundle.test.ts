/** scripts/check-bundle.js: what the task pane's page loads before its first render, gzipped, against the limit. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
const { LIMIT, measure, scriptSources, main } = require('../../scripts/check-bundle.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'phuluc-bundle-'));
  mkdirSync(path.join(dir, 'assets'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** deterministic bytes that do not compress away */
function noise(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

function build(files: Record<string, Buffer | string>, chunks: object) {
  for (const [f, body] of Object.entries(files)) writeFileSync(path.join(dir, f), body);
  writeFileSync(path.join(dir, 'taskpane-chunks.json'), JSON.stringify(chunks));
}

const PAGE =
  '<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
  '<script defer src=taskpane.0a1b2c3d.js></script></head><body><div id=root></div><script src="assets/legacy-check.js"></script></body></html>';

it('the limit is issue 11’s: 250 000 bytes gzip', () => {
  expect(LIMIT).toBe(250000);
});

it('reads every <script src>, quoted or not, in order', () => {
  expect(scriptSources(PAGE)).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'taskpane.0a1b2c3d.js', 'assets/legacy-check.js']);
  expect(scriptSources("<script>inline()</script><script type=module src='a.js'></script>")).toEqual(['a.js']);
});

it('counts the page’s own scripts gzipped (not office.js from the CDN) and lists the lazy chunks', () => {
  const entry = noise(5000);
  build(
    { 'taskpane.html': PAGE, 'taskpane.0a1b2c3d.js': entry, 'assets/legacy-check.js': 'var a = 1;', 'pane-settings.1.js': noise(300, 2), '866.2.js': noise(200, 3) },
    { initial: ['taskpane.0a1b2c3d.js'], lazy: { 'pane-settings': ['866.2.js', 'pane-settings.1.js'] } },
  );
  const m = measure(dir);
  expect(m.errors).toEqual([]);
  expect(m.initial.map((f: { file: string }) => f.file)).toEqual(['taskpane.0a1b2c3d.js', 'assets/legacy-check.js']);
  expect(m.total).toBe(gzipSync(entry).length + gzipSync('var a = 1;').length);
  expect(m.external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  expect(m.lazy).toEqual([{ name: 'pane-settings', files: ['866.2.js', 'pane-settings.1.js'], gzip: gzipSync(noise(200, 3)).length + gzipSync(noise(300, 2)).length }]);
});

it('fails above the limit, passes at it', () => {
  build({ 'taskpane.html': PAGE, 'taskpane.0a1b2c3d.js': noise(5000), 'assets/legacy-check.js': 'var a = 1;' }, { initial: ['taskpane.0a1b2c3d.js'], lazy: {} });
  const total = measure(dir).total;
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(main([dir, '--limit', String(total)])).toBe(0);
    expect(main([dir, `--limit=${total - 1}`])).toBe(1);
    expect(String(err.mock.calls.at(-1)?.[0])).toContain(`${total} B gzip, over the limit of ${total - 1} B`);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
});

it('a file the page loads but the build lacks, a missing lazy file, an entry chunk the page does not load: errors', () => {
  build(
    { 'taskpane.html': PAGE, 'assets/legacy-check.js': '1' },
    { initial: ['taskpane.0a1b2c3d.js', 'runtime.9.js'], lazy: { 'pane-fixes': ['pane-fixes.4.js'] } },
  );
  const m = measure(dir);
  expect(m.errors).toEqual([
    expect.stringContaining('loads taskpane.0a1b2c3d.js, which is not in'),
    'the taskpane entry chunk runtime.9.js is not loaded by taskpane.html',
    'lazy chunk pane-fixes: pane-fixes.4.js is missing',
  ]);
});

it('without a build: says to build first', () => {
  expect(measure(path.join(dir, 'nothing')).errors[0]).toMatch(/run npm run build first/);
});
