/**
 * npm run bench — speed and memory of check() on a generated appendix, as ratios to a bare scan of the same grid.
 * Prints growth from 5 000 to 50 000 rows (linear ≈ 10×). Last line: `check/scan ratio at 50000 rows: X`.
 */
import { check } from '../src/core/check';
import { Grid } from '../src/core/snapshot';
import type { SheetSnapshot } from '../src/core/snapshot';
import { generate } from './bench-data';
import { gzipSync } from 'zlib';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

/**
 * The floor any checker of Vietnamese text must pay: build the Grid over the snapshot and read every cell once,
 * bringing each text to composed Unicode (NFC) without surrounding spaces, as cells pasted from Word or the web
 * mix composed and decomposed diacritics. No recognition, no rules.
 */
function bareScan(s: SheetSnapshot): number {
  const grid = new Grid(s);
  let acc = 0;
  for (let r = grid.top; r <= grid.bottom; r++)
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      acc += typeof v === 'string' ? v.normalize('NFC').trim().length : typeof v === 'number' ? 1 : 0;
    }
  return acc;
}

/** Median wall time of repeated runs (after a warm-up), so one garbage collection does not decide the result. */
function time(fn: () => unknown, minMs = 300): number {
  fn();
  const runs: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || runs.length < 5) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

/** Early March 2024: the 2023 and January deadlines have passed, most of the year's have not. */
const AS_OF = '2024-03-01';

const results: Record<number, { scan: number; check: number }> = {};
for (const rows of [5000, 50000]) {
  const snap = generate(rows);
  const scan = time(() => bareScan(snap), 1500);
  const heapBefore = process.memoryUsage().heapUsed;
  let findings = 0;
  const chk = time(() => {
    findings = check(snap, { asOf: AS_OF }).findings.length;
  }, 4000);
  const heapAfter = process.memoryUsage().heapUsed;
  results[rows] = { scan, check: chk };
  console.log(`${rows} rows: bare scan ${scan.toFixed(2)} ms, check ${chk.toFixed(1)} ms, ${findings} findings, heap Δ ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB`);
}
console.log(`growth 5000 → 50000 rows: check ×${(results[50000].check / results[5000].check).toFixed(1)} (linear = ×10), scan ×${(results[50000].scan / results[5000].scan).toFixed(1)}`);

// Bundle sizes of the web build (npm run build): the task pane must stay small (target ≤ 300 KB gzip).
const dist = path.join(__dirname, '..', 'dist');
const bundles = existsSync(dist) ? readdirSync(dist).filter((f) => /\.js$/.test(f) && !/LICENSE/.test(f)) : [];
if (!bundles.some((f) => f.startsWith('taskpane'))) console.log('bundle sizes: run `npm run build` first to measure them');
for (const f of bundles.sort()) {
  const gz = gzipSync(readFileSync(path.join(dist, f))).length;
  console.log(`bundle ${f}: ${(gz / 1024).toFixed(1)} KB gzip${f.startsWith('taskpane') ? ' (task pane; target ≤ 300 KB)' : ''}`);
}
console.log(`check/scan ratio at 50000 rows: ${(results[50000].check / results[50000].scan).toFixed(1)}`);
