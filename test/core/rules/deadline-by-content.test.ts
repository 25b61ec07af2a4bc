/**
 * "Tiến độ thực hiện" is the deadline column when what it holds reads as deadlines, and not when it holds statuses
 * (a progress report): the title alone decides nothing. Before: never a deadline column, deadlines not checked.
 */
import { check } from '../../../src/core/check';
import { sheet, cellsOf } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';

const TITLE: CellValue[] = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'];
const HEAD: CellValue[] = ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Tiến độ thực hiện'];
const run = (values: CellValue[]) =>
  check(sheet([TITLE, [], HEAD, ...values.map((v, i) => [i + 1, `Việc ${i + 1}`, 'Báo cáo', 'Sở Nội vụ', v])]), { asOf: '2024-06-15' });

test('deadlines in it: the deadline column — overdue, unreadable and missing cells are found', () => {
  const r = run(['Quý I/2024', 'Quý IV/2024', 'Tháng 3/2024', 'Hằng quý', 'sớm nhất có thể', null]);
  expect(r.scope!.ran).toContain('deadlines');
  expect(cellsOf(r, 'deadline-overdue')).toEqual(['E4', 'E6']);
  expect(cellsOf(r, 'deadline-unparsed')).toEqual(['E8']);
  expect(cellsOf(r, 'missing-required')).toEqual(['E9']);
});

test('statuses in it (a progress report): no deadline column, said in the scope', () => {
  const r = run(['Đã hoàn thành', 'Đang thực hiện', 'Chưa triển khai', 'Quý IV/2024']);
  expect(r.scope!.notRun.map((n) => n.family)).toContain('deadlines');
  expect(r.findings.filter((f) => f.rule.startsWith('deadline'))).toEqual([]);
});

test('too few filled cells to tell: not taken', () => {
  const r = run(['Quý IV/2024', null, null]);
  expect(r.scope!.notRun.map((n) => n.family)).toContain('deadlines');
});
