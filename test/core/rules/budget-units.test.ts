/**
 * The unit of the budget column when its header names none: a "(Đơn vị tính: triệu đồng)" line of the title block,
 * and the amount in words of a column whose unit nobody names.
 */
import { byRule, sheet } from '../../helpers';
import { check } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';

const HEAD = ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí', 'Thời gian hoàn thành'];
const BODY: CellValue[][] = [
  [1, 'a', 'p', 'q', 1500, 'Năm 2024'],
  [2, 'b', 'p', 'q', '500 triệu', 'Năm 2024'],
  [null, 'Tổng cộng', null, null, 2000],
  ['Bằng chữ: Hai tỷ đồng'],
];
const run = (titleBlock: CellValue[][], body = BODY) => check(sheet([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], ...titleBlock, HEAD, ...body]), { asOf: '2024-06-15' });

describe('the unit of the budget column', () => {
  it.each([
    ['(Đơn vị: triệu đồng)', 5],
    ['Đơn vị tính: triệu đồng', 5],
    ['ĐVT: Triệu đồng', 0],
    ['(ĐVT: 1.000.000 đồng)', 5],
  ])('reads "%s" above the header (before: no unit, "500 triệu" unreadable and the words a false error)', (line, col) => {
    const row: CellValue[] = [null, null, null, null, null, null];
    row[col] = line;
    const r = run([row]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([['number-as-text', 'E5']]);
    expect(r.budget).toMatchObject({ unit: 'triệu đồng', total: 2000, stated: 2000, words: { amount: 2000 } });
  });
  it('takes the line nearest the header, only a money unit, and never over a unit the header names', () => {
    expect(run([['(Đơn vị: nghìn đồng)'], ['(Đơn vị: triệu đồng)']]).budget!.unit).toBe('triệu đồng');
    expect(run([['(Đơn vị: người)']]).budget!.unit).toBe('');
    const own = check(sheet([['KẾ HOẠCH NĂM 2024'], ['(Đơn vị: nghìn đồng)'], [...HEAD.slice(0, 4), 'Kinh phí (triệu đồng)', HEAD[5]], ...BODY]), { asOf: '2024-06-15' });
    expect(own.budget!.unit).toBe('triệu đồng');
  });
  it('compares the words with a total of unknown unit in each unit, and says so when none fits', () => {
    // no unit anywhere: "Hai tỷ đồng" is 2.000 triệu: no finding (before: "2.000.000.000 but the total is 2.000")
    const rows: CellValue[][] = [[1, 'a', 'p', 'q', 1500, 'Năm 2024'], [2, 'b', 'p', 'q', 500, 'Năm 2024'], [null, 'Tổng cộng', null, null, 2000], ['Bằng chữ: Hai tỷ đồng']];
    expect(run([[]], rows).findings).toEqual([]);
    rows[3] = ['Bằng chữ: Hai tỷ năm trăm triệu đồng'];
    const [f] = byRule(run([[]], rows), 'budget-words-mismatch');
    expect(f.message.vi).toBe(
      'Số tiền bằng chữ là 2.500.000.000 đồng, không khớp tổng cộng bằng số (2.000) theo đơn vị nào (đồng, nghìn đồng, triệu đồng, tỷ đồng); tiêu đề cột kinh phí cũng không ghi đơn vị.',
    );
    // and no words are proposed: in which unit would they be?
    expect(f.fix).toBeUndefined();
  });
});
