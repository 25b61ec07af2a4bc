/** deadline-overdue, deadline-late, deadline-unparsed, deadline-invalid, deadline-outside-plan-year. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { check } from '../../../src/core/check';
import { sheet, cellsOf, byRule } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';

describe('deadlines', () => {
  const H: CellValue[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng', 'Ngày hoàn thành'];
  const runS = (rows: CellValue[][], asOf = '2024-06-15') =>
    check(sheet([['KẾ HOẠCH NĂM 2024'], H, ...rows], { formats: [[], [], ...rows.map(() => [null, null, null, 'dd/mm/yyyy', null, 'dd/mm/yyyy'])] }), { asOf });
  it('error when the status says not done, warning when unknown, nothing when done', () => {
    const r = runS([
      [1, 'a', 'q', 'Quý I/2024', 'Chưa hoàn thành'],
      [2, 'b', 'q', 'Quý I/2024', 'Không rõ'],
      [3, 'c', 'q', 'Quý I/2024', 'Đã hoàn thành'],
      [4, 'd', 'q', 'Quý IV/2024', 'Đang thực hiện'],
    ]);
    expect(byRule(r, 'deadline-overdue').map((f) => [f.cell, f.severity])).toEqual([
      ['D3', 'error'],
      ['D4', 'warning'],
    ]);
  });
  it('reads Excel date cells and flags late completion', () => {
    const r = runS([[1, 'a', 'q', 45371, 'Đã hoàn thành', 45380]]); // due 20/3/2024, done 29/3/2024
    expect(byRule(r, 'deadline-late').map((f) => [f.cell, f.expected, f.actual])).toEqual([['F3', '2024-03-20', '2024-03-29']]);
  });
  it('"Trước ngày X" is due on X: not overdue on X, overdue the day after', () => {
    const rows: CellValue[][] = [[1, 'a', 'q', 'Trước ngày 20/3/2024', 'Chưa nộp']];
    expect(byRule(runS(rows, '2024-03-20'), 'deadline-overdue')).toEqual([]);
    expect(cellsOf(runS(rows, '2024-03-21'), 'deadline-overdue')).toEqual(['D3']);
  });
  it('reports unparsed and invalid deadlines, and deadlines outside the plan year', () => {
    const r = runS([
      [1, 'a', 'q', 'Sớm nhất có thể'],
      [2, 'b', 'q', '31/02/2024'],
      [3, 'c', 'q', 'Năm 2023'],
      [4, 'd', 'q', 'Quý IV/2023'],
      [5, 'e', 'q', 'Tháng 6/2025'],
      [6, 'f', 'q', 'Thường xuyên'],
    ]);
    expect(cellsOf(r, 'deadline-unparsed')).toEqual(['D3']);
    expect(cellsOf(r, 'deadline-invalid')).toEqual(['D4']);
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual(['D5', 'D7']);
  });
});
