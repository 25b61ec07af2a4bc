/**
 * A phrase wrapped over lines of one cell, as tables copied from Word documents are (the Huế 2018 plan's "Tháng 01
 * năm" / "2018" cell): a line that cannot be read alone is read with the next one, and kept so only when the two
 * read fully together. Lines that read alone keep their own readings. Before: two 'unparsed' parts.
 */
import { checkTasks, byRule } from '../../../helpers';
import { reading } from './reading';

describe('a line that cannot be read alone is read with the next', () => {
  test.each([
    ['Tháng 01 năm\n2018', 2018, 'fixed month 2018-01-01..2018-01-31'], // the Huế 2018 seed, as its text copy wraps it
    ['Năm\n2018', 2018, 'fixed year 2018-01-01..2018-12-31'],
    ['Trước ngày\n20/3/2024', 2024, 'fixed date 2024-01-01..2024-03-20'],
    ['Trước\nngày\n20/3/2024', 2024, 'fixed date 2024-01-01..2024-03-20'], // three lines
    ['Quý II/2024\nhoặc Quý III/2024', 2024, 'fixed range 2024-04-01..2024-09-30 of 2024-06-30 | 2024-09-30'],
    ['Tháng 5/2024\n(lùi sang tháng 8/2024)', 2024, 'fixed month 2024-08-01..2024-08-31 postponed from 2024-05-31'],
  ])('%j (plan %p) → %s', (text, plan, expected) => expect(reading(text, plan)).toBe(expected));

  test.each([
    ['Quý I/2024\nQuý II/2024', 'fixed quarter 2024-01-01..2024-03-31 || fixed quarter 2024-04-01..2024-06-30'], // each reads alone
    ['Tháng 6/2024\nabc', 'fixed month 2024-06-01..2024-06-30 || unparsed'], // together no better: kept apart
    ['abc\nTrước ngày\n20/3/2024', 'unparsed || fixed date 2024-01-01..2024-03-20'],
    ['Năm\nabc', 'unparsed || unparsed'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  it('on a task row: the wrapped deadline is read, overdue once passed, and not reported as unreadable', () => {
    const r = checkTasks([[1, 'Nhiệm vụ', 'Kế hoạch', 'Sở Nội vụ', 10, 'Trước ngày\n20/3/2024']], {}, '2024-04-02');
    expect(byRule(r, 'deadline-unparsed')).toEqual([]);
    expect(r.deadlines!.overdue).toMatchObject([{ cell: 'F4', due: '2024-03-20' }]);
  });
});

describe('a postponement on a line of its own postpones the line before', () => {
  test.each([
    ['Tháng 3/2024\nđiều chỉnh sang tháng 9/2024', 'fixed month 2024-09-01..2024-09-30 postponed from 2024-03-31'],
    ['Tháng 3/2024\n(dời sang Quý III/2024)', 'fixed quarter 2024-07-01..2024-09-30 postponed from 2024-03-31'],
    ['Lùi sang tháng 8/2024', 'fixed month 2024-08-01..2024-08-31 postponed'], // nothing before: as before
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  it('not overdue while the new deadline has not passed (before: "Quá hạn" for May)', () => {
    const r = checkTasks([[1, 'Nhiệm vụ', 'Kế hoạch', 'Sở Nội vụ', 10, 'Tháng 5/2024\n(lùi sang tháng 8/2024)']], {}, '2024-06-15');
    expect(byRule(r, 'deadline-overdue')).toEqual([]);
    const later = checkTasks([[1, 'Nhiệm vụ', 'Kế hoạch', 'Sở Nội vụ', 10, 'Tháng 5/2024\n(lùi sang tháng 8/2024)']], {}, '2024-09-02');
    expect(later.deadlines!.overdue).toMatchObject([{ cell: 'F4', due: '2024-08-31' }]);
  });
});
