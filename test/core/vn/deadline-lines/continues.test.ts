/**
 * Issue 7, "X và các năm tiếp theo / những năm sau / các năm sau": DECISION — ongoing from X (a start, like "X trở
 * đi" and "Từ X"): the task goes on with no last day, so it is never overdue because X has passed. Before: due on the
 * last day of X, a false overdue every year after.
 */
import { check } from '../../../../src/core/check';
import { cellsOf, editCells, fixtureSnapshot } from '../../../helpers';
import { parts, reading } from './reading';

describe('"X and the following years" is ongoing from X', () => {
  test.each([
    ['Năm 2024 và các năm tiếp theo', 'ongoing from 2024-01-01'],
    ['Năm 2024 và những năm tiếp theo', 'ongoing from 2024-01-01'],
    ['Năm 2024 và những năm sau', 'ongoing from 2024-01-01'],
    ['Năm 2024 và các năm sau', 'ongoing from 2024-01-01'],
    ['Năm 2024, các năm tiếp theo', 'ongoing from 2024-01-01'],
    ['Quý IV/2024 và các năm tiếp theo', 'ongoing from 2024-10-01'],
    ['Từ năm 2024 và các năm tiếp theo', 'ongoing from 2024-01-01'],
    ['Năm 2024 và các năm tiếp theo (dự kiến)', 'ongoing from 2024-01-01'],
    ['tháng 6/2024 trở đi', 'ongoing from 2024-06-01'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test('it carries no due date', () => {
    expect(parts('Năm 2024 và các năm tiếp theo')[0].period).toBeUndefined();
  });

  test('"và năm tiếp theo" (one following year) is two years, not a continuation', () => {
    expect(reading('Năm 2024 và năm tiếp theo')).toBe('fixed year 2024-01-01..2024-12-31 || fixed year 2025-01-01..2025-12-31');
  });

  test.each([
    'Quý II và Quý III/2024 và các năm tiếp theo', // from which?
    'Tháng 5/2024 (lùi sang tháng 8/2024) và các năm tiếp theo',
    'Năm 2024 và các năm',
  ])('%j is unparsed', (text) => expect(reading(text)).toBe('unparsed'));
});

describe('on a real layout', () => {
  it('Cát Hải 2023, column E: "Năm 2023 và các năm tiếp theo" is never overdue, not even in 2024', async () => {
    const ch = editCells(await fixtureSnapshot('cathai-2023-danh-muc.xlsx'), { E16: 'Năm 2023 và các năm tiếp theo' });
    const r = check(ch, { asOf: '2024-03-01' });
    expect(cellsOf(r, 'deadline-overdue')).not.toContain('E16');
    expect(cellsOf(r, 'deadline-unparsed')).not.toContain('E16');
    expect(cellsOf(r, 'deadline-overdue')).toContain('E17'); // the plain "Cả năm 2023" next to it still is
  });
});
