/** budget-subtotal-mismatch, budget-total-mismatch, budget-words-mismatch, invalid-number, number-as-text. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { cellsOf, byRule, checkTasks as run } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';

describe('budget', () => {
  it('adds items, counts a merged amount once and never counts subtotals', () => {
    const r = run(
      [
        [null, 'I. MỤC MỘT'],
        [1, 'a', 'p', 'q', 0.1, 'Năm 2024'],
        [2, 'b', 'p', 'q', null, 'Năm 2024'],
        [null, 'Cộng mục I', null, null, 0.1],
        [null, 'II. MỤC HAI'],
        [1, 'c', 'p', 'q', 0.2, 'Năm 2024'],
        [null, 'Tổng cộng', null, null, 0.3],
      ],
      { merges: [{ top: 5, left: 5, bottom: 6, right: 5 }] },
    );
    expect(r.budget).toMatchObject({ total: 0.3, stated: 0.3 });
    expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
    expect(byRule(r, 'budget-subtotal-mismatch')).toEqual([]);
  });
  it('reports a wrong subtotal and a wrong total with the difference', () => {
    const r = run([
      [null, 'I. MỤC MỘT'],
      [1, 'a', 'p', 'q', '1.500', 'Năm 2024'],
      [null, 'Cộng mục I', null, null, 1400],
      [null, 'Tổng cộng', null, null, '1.400'],
    ]);
    expect(byRule(r, 'budget-subtotal-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['E6', 1500, 1400]]);
    const [t] = byRule(r, 'budget-total-mismatch');
    expect(t.message.vi).toBe('Tổng cộng ghi 1.400 triệu đồng nhưng tổng các nhiệm vụ là 1.500 triệu đồng (chênh 100).');
    expect(t.message.en).toBe('The total states 1,400 triệu đồng but the tasks add up to 1,500 triệu đồng (off by 100).');
  });
  it('compares the amount in words with the stated total', () => {
    const rows: CellValue[][] = [
      [1, 'a', 'p', 'q', 1500, 'Năm 2024'],
      [null, 'Tổng cộng', null, null, 1500],
      ['Bằng chữ: Một tỷ năm trăm triệu đồng'],
    ];
    expect(byRule(run(rows), 'budget-words-mismatch')).toEqual([]);
    rows[2] = ['Bằng chữ: Một tỷ bốn trăm triệu đồng'];
    const [f] = byRule(run(rows), 'budget-words-mismatch');
    expect(f).toMatchObject({ cell: 'A6', expected: 1500, actual: 1400, severity: 'error' });
  });
  it('reports text that is not a number and keeps going', () => {
    const r = run([
      [1, 'a', 'p', 'q', '300 (NS tỉnh)', 'Năm 2024'],
      [2, 'b', 'p', 'q', '12..5', 'Năm 2024'],
      [3, 'c', 'p', 'q', 7, 'Năm 2024'],
    ]);
    expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.severity])).toEqual([
      ['E4', 'warning'],
      ['E5', 'error'],
    ]);
    expect(r.budget!.total).toBe(7);
  });
  it('flags numbers stored as text', () => {
    expect(cellsOf(run([[1, 'a', 'p', 'q', '2.019', 'Năm 2024']]), 'number-as-text')).toEqual(['E4']);
    expect(cellsOf(run([[1, 'a', 'p', 'q', 2019, 'Năm 2024']]), 'number-as-text')).toEqual([]);
  });
  it('reads «Lồng ghép» and its like as no budget of its own (info), «Theo dự toán» as an amount not written (warning)', () => {
    // before: every one was an invalid-number warning, "not a valid number"
    const none = ['Lồng ghép', 'Lồng ghép trong các chương trình', 'Trong kinh phí thường xuyên', 'Kinh phí thường xuyên của đơn vị', 'Không', 'Không phát sinh', 'Không cần kinh phí'];
    const pending = ['Theo dự toán', 'Theo dự toán được duyệt', 'Sẽ bố trí sau', 'Chưa xác định'];
    const rows: CellValue[][] = [...none, ...pending].map((v, i) => [i + 1, 'a', 'p', 'q', v, 'Năm 2024']);
    rows.push([rows.length + 1, 'b', 'p', 'q', 7, 'Năm 2024'], [null, 'Tổng cộng', null, null, 7]);
    const r = run(rows);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ...none.map(() => ['budget-no-amount', 'info']),
      ...pending.map(() => ['budget-no-amount', 'warning']),
    ]);
    expect(byRule(r, 'budget-no-amount')[0].message.vi).toBe('«Lồng ghép»: nhiệm vụ không có kinh phí riêng, không cộng vào tổng.');
    expect(byRule(r, 'budget-no-amount')[none.length].message.vi).toBe('«Theo dự toán»: chưa ghi số tiền, nên tổng cộng không gồm khoản này. Khi có dự toán, hãy ghi số tiền vào ô.');
    expect(r.budget).toMatchObject({ total: 7, stated: 7 });
    // anything else stays an invalid number
    expect(byRule(run([[1, 'a', 'p', 'q', 'Nguồn xã hội hóa', 'Năm 2024']]), 'invalid-number')).toHaveLength(1);
  });
});
