/**
 * npm run bench — speed and memory of check() on a generated appendix, as ratios to a bare scan of the same grid.
 * Prints growth from 5 000 to 50 000 rows (linear ≈ 10×). Last line: `check/scan ratio at 50000 rows: X`.
 */
import { check } from '../src/core/check';
import { Grid } from '../src/core/snapshot';
import type { CellValue, SheetSnapshot } from '../src/core/snapshot';
import { gzipSync } from 'zlib';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const DEADLINES = ['Quý IV/2023', 'Quý I/2024', 'Năm 2024', 'Tháng 01/2024', '01/2024', 'Cả năm 2024', 'Trong tháng 3/2024', 'Từ Quý IV/2024 đến Quý I/2025', 'Trước ngày 20/3/2024', 'Hàng quý', 'Thường xuyên', 'Theo yêu cầu'];

export function generate(rows: number): SheetSnapshot {
  const values: CellValue[][] = [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], [], ['TT', 'Nội dung, nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành', 'Tình trạng']];
  const perSection = Math.ceil(rows / ROMAN.length);
  let n = 0;
  let total = 0;
  for (let s = 0; s < ROMAN.length && n < rows; s++) {
    values.push([null, `${ROMAN[s]}. LĨNH VỰC ${s + 1}`]);
    for (let i = 1; i <= perSection && n < rows; i++, n++) {
      const amount = (i * 7) % 500;
      total += amount;
      values.push([i, `Nhiệm vụ số ${i} của lĩnh vực ${s + 1}: triển khai, kiểm tra, báo cáo`, i % 17 ? 'Báo cáo' : null, 'Sở Nội vụ', 'Các sở, ban, ngành', i % 11 ? amount : String(amount), DEADLINES[i % DEADLINES.length], i % 3 ? 'Đã hoàn thành' : 'Chưa hoàn thành']);
    }
  }
  values.push([null, 'Tổng cộng', null, null, null, total + 1]);
  return { name: 'Bench', values };
}

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

function time(fn: () => unknown, minMs = 300): number {
  fn(); // warm-up
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || runs < 3) {
    fn();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / runs;
}

/** Early March 2024: the 2023 and January deadlines have passed, most of the year's have not. */
const AS_OF = '2024-03-01';

const results: Record<number, { scan: number; check: number }> = {};
for (const rows of [5000, 50000]) {
  const snap = generate(rows);
  const scan = time(() => bareScan(snap));
  const heapBefore = process.memoryUsage().heapUsed;
  let findings = 0;
  const chk = time(() => {
    findings = check(snap, { asOf: AS_OF }).findings.length;
  }, 1000);
  const heapAfter = process.memoryUsage().heapUsed;
  results[rows] = { scan, check: chk };
  console.log(`${rows} rows: bare scan ${scan.toFixed(2)} ms, check ${chk.toFixed(1)} ms, ${findings} findings, heap Δ ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB`);
}
console.log(`growth 5000 → 50000 rows: check ×${(results[50000].check / results[5000].check).toFixed(1)} (linear = ×10), scan ×${(results[50000].scan / results[5000].scan).toFixed(1)}`);

const dist = path.join(__dirname, '..', 'dist', 'web');
if (existsSync(dist)) {
  for (const f of readdirSync(dist).filter((f) => /^(taskpane|preview).*\.js$/.test(f))) {
    const gz = gzipSync(readFileSync(path.join(dist, f))).length;
    console.log(`bundle ${f}: ${(gz / 1024).toFixed(1)} KB gzip`);
  }
}
console.log(`check/scan ratio at 50000 rows: ${(results[50000].check / results[50000].scan).toFixed(1)}`);
