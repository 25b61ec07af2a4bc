/** The generated appendix the benchmark checks: 10 sections, realistic texts, a few mistakes. */
import type { CellValue, SheetSnapshot } from '../src/core/snapshot';

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

