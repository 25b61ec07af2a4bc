/**
 * Writes the workbooks the preview's end-to-end suite opens (run with tsx by run.js), and prints what it wrote:
 *
 *   big.xlsx          a 50 000-row appendix (sections of 2 500 rows, the total off by 1 000, a task without its
 *                     product every 2 500 rows; deadlines in 2030, nothing overdue)
 *   rich.xlsx         chart, sparklines, x14 validation, data bar, custom properties, table, protection, a user note
 *   merge-all.xlsx    the Huế appendix with one merged area H1:XFD1048576
 *   far-cell.xlsx     the Huế appendix with a value at XFD1048576
 *   bomb.xlsx         a sheet part inflating past the part limit (a "zip bomb")
 *   mat-khau.xlsx     a password-protected workbook (encrypted OOXML in an OLE file)
 *   khong-bang.xlsx   a workbook with no appendix table (a list of names): "not checked"
 *
 *   tsx make-files.ts OUTDIR [ROWS]   →   one JSON line: { big: { rows, budgetCell, missingProduct } }
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import { openZip, readEntry, writeZip } from '../../../src/io/zip';
import { LIMITS } from '../../../src/io/limits';
import { snapshotToXlsx } from '../../../scripts/bench-xlsx';
import { richWorkbook } from '../../io/rich';
import { zipBomb } from '../../io/bomb';
import { encryptedWorkbook } from '../../io/encrypted';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
/** rows per section: 50 000 rows in 20 sections */
const SECTION = 2500;
const AGENCIES = ['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh', 'Sở Tài chính', 'Sở Thông tin và Truyền thông'];
const DEADLINES = ['Quý I/2030', 'Quý II/2030', 'Quý III/2030', 'Quý IV/2030', 'Năm 2030', 'Tháng 6/2030'];

function bigWorkbook(rows: number) {
  const values: CellValue[][] = [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2030'],
    ['(Kèm theo Quyết định số 1/QĐ-UBND ngày 05 tháng 01 năm 2030)'],
    [],
    ['STT', 'Nội dung, nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'],
  ];
  const formats: (string | null)[][] = [[], [], [], []];
  let total = 0;
  const missingProduct: string[] = [];
  for (let i = 0; i < rows; i++) {
    if (i % SECTION === 0) {
      values.push([`${ROMAN[i / SECTION]}.`, `Lĩnh vực ${i / SECTION + 1}`]);
      formats.push([]);
    }
    const budget = 10 + (i % 17) * 5;
    total += budget;
    const noProduct = i > 0 && i % 2500 === 1250;
    values.push([(i % SECTION) + 1, `Nhiệm vụ ${i + 1}: rà soát, cập nhật quy trình nội bộ số ${i + 1}`, noProduct ? null : `Báo cáo kết quả nhiệm vụ ${i + 1}`, AGENCIES[i % AGENCIES.length], budget, DEADLINES[i % DEADLINES.length]]);
    formats.push([null, null, null, null, '#,##0']);
    if (noProduct) missingProduct.push(`C${values.length}`);
  }
  values.push([null, 'Tổng cộng', null, null, total + 1000, null]);
  formats.push([null, null, null, null, '#,##0']);
  const snapshot: SheetSnapshot = { name: 'Phụ lục', values, numberFormats: formats, merges: [{ top: 1, left: 1, bottom: 1, right: 6 }, { top: 2, left: 1, bottom: 2, right: 6 }] };
  return { bytes: snapshotToXlsx(snapshot), info: { rows: values.length, totalRow: values.length, budgetTotal: total, budgetCell: `E${values.length}`, missingProduct } };
}

/** The Huế fixture with its sheet part edited. */
function editHue(edit: (xml: string) => string): Uint8Array {
  const hue = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'hue-2018-nhiem-vu.xlsx')));
  const z = openZip(hue);
  return writeZip(
    hue,
    z.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: new TextEncoder().encode(edit(new TextDecoder().decode(readEntry(z, e)))) } : { copy: e })),
  );
}

const out = process.argv[2];
const rows = Number(process.argv[3] ?? 50000);
mkdirSync(out, { recursive: true });
const big = bigWorkbook(rows);
writeFileSync(path.join(out, 'big.xlsx'), big.bytes);
writeFileSync(path.join(out, 'rich.xlsx'), richWorkbook());
writeFileSync(path.join(out, 'merge-all.xlsx'), editHue((x) => x.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="H1:XFD1048576"/>`)));
writeFileSync(path.join(out, 'far-cell.xlsx'), editHue((x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')));
writeFileSync(path.join(out, 'bomb.xlsx'), zipBomb(LIMITS.partBytes + 1024 * 1024));
writeFileSync(path.join(out, 'mat-khau.xlsx'), encryptedWorkbook());
writeFileSync(path.join(out, 'khong-bang.xlsx'), snapshotToXlsx({ name: 'Danh sách', values: [['Danh sách cán bộ dự họp'], ['Nguyễn Văn A', 'Sở Nội vụ'], ['Trần Thị B', 'Sở Tư pháp']] }));
process.stdout.write(JSON.stringify({ big: big.info }) + '\n');
