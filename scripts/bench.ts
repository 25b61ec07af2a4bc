/**
 * npm run bench — speed as ratios measured in the same run, in alternating rounds (machine load moves both sides of a
 * ratio alike), never as absolute targets:
 *
 *   1. check() on a generated appendix against a bare scan of the same grid, at 5 000 and 50 000 rows: the cold first
 *      call and the warm median of each.
 *   2. `phuluc check` (the built CLI, a fresh process) on the same 50 000 rows saved as .xlsx, against a floor process
 *      that only unzips the file and tokenises every cell (scripts/bench-floor.js): `cli/floor ratio at 50000 rows`.
 *   3. The browser preview (dist/, after `npm run build`, in Chromium): time to first findings for the same workbook
 *      against the CLI's time, and the longest main-thread task while it opens.
 *   4. The gzip size of the built bundles: the task pane's JavaScript before its first render (scripts/check-bundle.js,
 *      which CI runs against its 250 000 B limit), its chunks loaded on demand, and every bundle.
 *
 * Last line: `check/scan ratio at 50000 rows: X`.
 */
import { check } from '../src/core/check';
import { Grid } from '../src/core/snapshot';
import type { SheetSnapshot } from '../src/core/snapshot';
import { generate } from './bench-data';
import { snapshotToXlsx } from './bench-xlsx';
import { previewTimings } from './bench-preview';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS script CI runs (npm run check:bundle)
const { measure: measureBundle, LIMIT: BUNDLE_LIMIT } = require('./check-bundle.js');
import { gzipSync } from 'zlib';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const COMBINING = /[\u0300-\u036f]/;

/**
 * The floor any checker of Vietnamese text must pay: build the Grid over the snapshot and read every cell once,
 * bringing to composed Unicode (NFC) the texts that hold a combining mark (pasted from Word or the web) — what
 * check() itself has to do — and trimming them. No recognition, no rules.
 */
function bareScan(s: SheetSnapshot): number {
  const grid = new Grid(s);
  let acc = 0;
  for (let r = grid.top; r <= grid.bottom; r++)
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v === 'string') acc += (COMBINING.test(v) ? v.normalize('NFC') : v).trim().length;
      else if (typeof v === 'number') acc++;
    }
  return acc;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Alternating rounds of a and b until `minMs` have passed and at least `minRounds` were run; the first call of each is the cold one. */
function alternate(a: () => unknown, b: () => unknown, minMs: number, minRounds = 7): { a: number[]; b: number[] } {
  const out = { a: [] as number[], b: [] as number[] };
  const start = performance.now();
  while (performance.now() - start < minMs || out.a.length < minRounds) {
    out.a.push(timed(a));
    out.b.push(timed(b));
  }
  return out;
}

/** Early March 2024: the 2023 and January deadlines have passed, most of the year's have not. */
const AS_OF = '2024-03-01';

async function main(): Promise<void> {
  // ── 1. check() against the bare scan ──
  const results: Record<number, { scan: number; check: number }> = {};
  for (const rows of [5000, 50000]) {
    const snap = generate(rows);
    let findings = 0;
    const r = alternate(
      () => bareScan(snap),
      () => {
        findings = check(snap, { asOf: AS_OF }).findings.length;
      },
      rows > 10000 ? 6000 : 2000,
    );
    const scan = median(r.a.slice(1));
    const chk = median(r.b.slice(1));
    results[rows] = { scan, check: chk };
    console.log(
      `${rows} rows: bare scan cold ${r.a[0].toFixed(1)} ms, warm ${scan.toFixed(2)} ms; check cold ${r.b[0].toFixed(0)} ms, warm ${chk.toFixed(1)} ms ` +
        `(median of ${r.b.length - 1} alternating rounds); ${findings} findings`,
    );
  }
  console.log(`growth 5000 → 50000 rows: check ×${(results[50000].check / results[5000].check).toFixed(1)} (linear = ×10), scan ×${(results[50000].scan / results[5000].scan).toFixed(1)}`);

  // ── 2. the CLI against the floor process ──
  function newestMtime(dir: string): number {
    let t = 0;
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      t = Math.max(t, f.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
    }
    return t;
  }
  const cliMain = path.join(ROOT, 'dist', 'cli', 'main.js');
  const srcNewest = Math.max(...['core', 'io', 'cli'].map((d) => newestMtime(path.join(ROOT, 'src', d))));
  if (!existsSync(cliMain) || statSync(cliMain).mtimeMs < srcNewest) {
    console.log('building the CLI (npm run build:cli)…');
    const b = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('tsc failed');
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'phuluc-bench-'));
  const file = path.join(tmp, 'phu-luc-50000-dong.xlsx');
  writeFileSync(file, snapshotToXlsx(generate(50000)));
  const run = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status} ${r.stderr}`);
    return ms;
  };
  const floorArgs = [path.join(__dirname, 'bench-floor.js'), file];
  const scanArgs = [path.join(__dirname, 'bench-floor.js'), file, '--scan'];
  const cliArgs = [path.join(ROOT, 'bin', 'phuluc.js'), 'check', file, '--as-of', AS_OF, '--format', 'json'];
  const floors: number[] = [];
  const scans: number[] = [];
  const clis: number[] = [];
  const ratios: number[] = [];
  const scanRatios: number[] = [];
  for (let i = 0; i < 9; i++) {
    const f = run(floorArgs);
    const c = run(cliArgs);
    const s = run(scanArgs);
    floors.push(f);
    clis.push(c);
    scans.push(s);
    ratios.push(c / f);
    scanRatios.push(c / s);
  }
  const cliMs = median(clis);
  console.log(
    `phuluc check on 50000 rows (${(statSync(file).size / 1048576).toFixed(1)} MB .xlsx, JSON output): median ${cliMs.toFixed(0)} ms; ` +
      `floor (start, unzip, tokenise every cell) median ${median(floors).toFixed(0)} ms; per-round ratios ${ratios.map((r) => r.toFixed(1)).join(' ')}`,
  );
  console.log(`  against a bare indexOf scan of the cells instead of a tokenizer (median ${median(scans).toFixed(0)} ms): ratio ${median(scanRatios).toFixed(1)}`);
  const cliFloor = median(ratios);

  // ── 3. the preview, alternating with the CLI: each round a fresh page (a cold worker) against a fresh process ──
  try {
    const cliTurns: number[] = [];
    const p = await previewTimings(path.join(ROOT, 'dist'), file, 5, () => cliTurns.push(run(cliArgs)));
    const perRound = p.map((x, i) => x.firstFindings / cliTurns[i]);
    console.log(
      `preview (Chromium, dist/, 5 rounds alternating with the CLI): first findings median ${median(p.map((x) => x.firstFindings)).toFixed(0)} ms = ` +
        `${median(perRound).toFixed(2)}× the CLI's time (per round ${perRound.map((r) => r.toFixed(2)).join(' ')}; goal ≤ 1.5×); grid rows median ` +
        `${median(p.map((x) => x.gridRows)).toFixed(0)} ms; longest main-thread task while opening ${p.map((x) => x.longestTask.toFixed(0)).join('/')} ms ` +
        `(the idle page's own: ${p.map((x) => x.idleLongestTask.toFixed(0)).join('/')} ms)`,
    );
  } catch (e) {
    console.log(`preview: not measured (${(e as Error).message.split('\n')[0]})`);
  }
  rmSync(tmp, { recursive: true, force: true });

  // ── 4. bundle sizes of the web build (npm run build): what the task pane loads before its first render is held
  //    under 250 000 B gzip by scripts/check-bundle.js (npm run check:bundle, in CI); the target is ≤ 210 KB ──
  const dist = path.join(ROOT, 'dist');
  const bundles = existsSync(dist) ? readdirSync(dist).filter((f) => /\.js$/.test(f) && !/LICENSE/.test(f)) : [];
  if (!bundles.some((f) => f.startsWith('taskpane'))) console.log('bundle sizes: run `npm run build` first to measure them');
  else {
    const pane = measureBundle(dist);
    const limit = BUNDLE_LIMIT as number;
    console.log(
      `bundle task pane before first render: ${pane.total} B gzip (${(pane.total / 1024).toFixed(1)} KB; ${pane.initial.map((f: { file: string }) => f.file).join(' + ')}; ` +
        `target ≤ 210 KB, limit ${limit} B)`,
    );
    for (const c of pane.lazy) console.log(`bundle task pane, on demand: ${c.name} ${(c.gzip / 1024).toFixed(1)} KB gzip`);
  }
  for (const f of bundles.sort()) {
    const gz = gzipSync(readFileSync(path.join(dist, f))).length;
    console.log(`bundle ${f}: ${(gz / 1024).toFixed(1)} KB gzip`);
  }
  console.log(`cli/floor ratio at 50000 rows: ${cliFloor.toFixed(1)}`);
  console.log(`check/scan ratio at 50000 rows: ${(results[50000].check / results[50000].scan).toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
