'use strict';
/**
 * A large appendix for the responsiveness scenario: a title block, one header row and `rows` task rows in sections of
 * 1 000, a "Tổng cộng" row whose stated budget is off by 1 000 (budget-total-mismatch) and, every 2 500 rows, a task
 * without its product (missing-required). Deadlines are inside the plan year 2030, so nothing is overdue.
 *
 *   await writeBigWorkbook('/tmp/big.xlsx', 20000)  →  { rows, totalRow, budgetTotal, missingProduct: ['C…', …] }
 */
const ExcelJS = require('exceljs');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII'];
const AGENCIES = ['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh', 'Sở Tài chính', 'Sở Thông tin và Truyền thông'];
const DEADLINES = ['Quý I/2030', 'Quý II/2030', 'Quý III/2030', 'Quý IV/2030', 'Năm 2030', 'Tháng 6/2030'];

async function writeBigWorkbook(file, rows = 20000) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2030']);
  ws.mergeCells('A1:F1');
  ws.addRow(['(Kèm theo Quyết định số 1/QĐ-UBND ngày 05 tháng 01 năm 2030)']);
  ws.mergeCells('A2:F2');
  ws.addRow([]);
  ws.addRow(['STT', 'Nội dung, nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành']);
  let total = 0;
  let item = 0;
  const missingProduct = [];
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 0) ws.addRow([`${ROMAN[i / 1000]}.`, `Lĩnh vực ${i / 1000 + 1}`]);
    item++;
    const budget = 10 + (i % 17) * 5;
    total += budget;
    const noProduct = i > 0 && i % 2500 === 0;
    const row = ws.addRow([
      (i % 1000) + 1,
      `Nhiệm vụ ${item}: rà soát, cập nhật quy trình nội bộ số ${item}`,
      noProduct ? null : `Báo cáo kết quả nhiệm vụ ${item}`,
      AGENCIES[i % AGENCIES.length],
      budget,
      DEADLINES[i % DEADLINES.length],
    ]);
    if (noProduct) missingProduct.push(`C${row.number}`);
    row.getCell(5).numFmt = '#,##0';
  }
  const totalRow = ws.addRow(['', 'Tổng cộng', '', '', total + 1000, '']);
  totalRow.getCell(5).numFmt = '#,##0';
  await wb.xlsx.writeFile(file);
  return { rows: totalRow.number, totalRow: totalRow.number, budgetTotal: total, budgetCell: `E${totalRow.number}`, missingProduct };
}

module.exports = { writeBigWorkbook };

if (require.main === module) {
  writeBigWorkbook(process.argv[2] || 'big.xlsx', Number(process.argv[3] || 20000)).then((r) => console.log(JSON.stringify(r)));
}
