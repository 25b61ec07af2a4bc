/**
 * A formula saved without a value (a file written by a tool that does not calculate) in a budget or score column is
 * refused (invalid-number, "chưa có giá trị"), never read as an empty cell; a formula that may give empty text on
 * purpose (=IF(…;"";…)) is an empty cell, as Excel shows it.
 */
import { check } from '../../../src/core/check';
import { sheet, TASK_HEAD, cellsOf, byRule } from '../../helpers';

const TITLE = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'];
const row = (n: number, amount: number | null) => [n, `Việc ${n}`, 'Báo cáo', 'Sở Nội vụ', amount, 'Quý IV/2024'];

test('budget: an item amount and the total as formulas without values', () => {
  const formulas: (string | null)[][] = [[], [], [], [null, null, null, null, '=D4*2'], [], [null, null, null, null, '=SUM(E4:E5)']];
  const r = check(sheet([TITLE, [], TASK_HEAD, row(1, null), row(2, 10), [null, 'Tổng cộng', null, null, null]], { formulas }), { asOf: '2024-06-15' });
  expect(cellsOf(r, 'invalid-number')).toEqual(['E4', 'E6']);
  expect(byRule(r, 'invalid-number')[0].message.vi).toContain('chưa có giá trị');
  // before: E4 empty, the total empty: no finding at all, as if both were fine
  expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
});

test('a formula that may give empty text on purpose stays an empty cell', () => {
  const formulas: (string | null)[][] = [[], [], [], [null, null, null, null, '=IF(D4="","",D4*2)']];
  const r = check(sheet([TITLE, [], TASK_HEAD, row(1, null), row(2, 10)], { formulas }), { asOf: '2024-06-15' });
  expect(cellsOf(r, 'invalid-number')).toEqual([]);
});
