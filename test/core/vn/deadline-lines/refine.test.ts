/**
 * Issue 7, a refinement inside a period: "Quý I: Trước 20/3/2024", "Quý II (trước 15/6)" are due on the more precise
 * day when it lies inside the period; outside it the line is invalid. Before: the quarter's last day (a wrong date).
 */
import { check } from '../../../../src/core/check';
import { cellsOf, editCells, fixtureSnapshot } from '../../../helpers';
import { parts, reading } from './reading';

describe('a precise deadline inside a period is due on that day', () => {
  test.each([
    ['Quý I: Trước 20/3/2024', 'fixed date 2024-01-01..2024-03-20'], // was 2024-03-31
    ['Quý II (trước 15/6/2024)', 'fixed date 2024-04-01..2024-06-15'], // was 2024-06-30
    ['Quý II (trước 15/6)', 'fixed date 2024-04-01..2024-06-15'],
    ['Quý I - trước 20/3/2024', 'fixed date 2024-01-01..2024-03-20'],
    ['Quý I trước ngày 20/3/2024', 'fixed date 2024-01-01..2024-03-20'],
    ['Quý I/2024: 20/3/2024', 'fixed date 2024-03-20..2024-03-20'],
    ['Quý I/2024 (ngày 20/3/2024)', 'fixed date 2024-03-20..2024-03-20'],
    ['Năm 2024: Quý II', 'fixed quarter 2024-04-01..2024-06-30'],
    ['Năm 2024 (tháng 6)', 'fixed month 2024-06-01..2024-06-30'],
    ['Trong năm 2024 (Quý IV)', 'fixed quarter 2024-10-01..2024-12-31'],
    ['Tháng 6/2024 (chậm nhất ngày 15/6)', 'fixed date 2024-06-01..2024-06-15'],
    ['Từ tháng 3 đến tháng 6/2024 (trước 15/6)', 'fixed date 2024-03-01..2024-06-15'],
    ['Tháng 6/2024 (hoàn thành trước 15/6)', 'fixed date 2024-06-01..2024-06-15'], // a note may stand between
    ['Quý I: báo cáo trước ngày 20/3', 'fixed date 2024-01-01..2024-03-20'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test('a year written on one side is the year of both', () => {
    expect(reading('Quý II/2025 (trước 15/6)')).toBe('fixed date 2025-04-01..2025-06-15'); // not the plan year's June
    expect(reading('Quý I (trước 20/3/2025)')).toBe('fixed date 2025-01-01..2025-03-20');
    expect(reading('Quý II (trước 15/6)', null)).toBe('unparsed'); // no year anywhere
  });

  test('each item of a list may carry its own refinement; the piece keeps its brackets', () => {
    expect(reading('Quý I (trước 20/3), Quý II (trước 20/6)')).toBe('fixed date 2024-01-01..2024-03-20 || fixed date 2024-04-01..2024-06-20');
    expect(parts('Quý I (trước 20/3), Quý II (trước 20/6)').map((p) => p.text)).toEqual(['Quý I (trước 20/3)', 'Quý II (trước 20/6)']);
  });
});

describe('a refinement outside its period is invalid, never either date', () => {
  test.each([
    ['Quý I: Trước 20/6/2024', 'Quý I: Trước 20/6/2024: hạn 20/06/2024 không nằm trong Quý I (01/01/2024–31/03/2024)'],
    ['Quý II (trước 15/9)', 'Quý II (trước 15/9): hạn 15/09/2024 không nằm trong Quý II (01/04/2024–30/06/2024)'],
    ['Quý IV/2024 (Quý III/2024)', 'Quý IV/2024 (Quý III/2024): hạn 30/09/2024 không nằm trong Quý IV/2024 (01/10/2024–31/12/2024)'],
    ['Năm 2024 (trước 31/1/2025)', 'Năm 2024 (trước 31/1/2025): hạn 31/01/2025 không nằm trong Năm 2024 (01/01/2024–31/12/2024)'],
  ])('%j', (text, reason) => {
    expect(reading(text)).toBe('invalid');
    expect(parts(text)[0].reason).toBe(reason);
  });
});

describe('what it cannot pin down stays unparsed', () => {
  test.each([
    'Quý II và Quý III (trước 15/9)', // both quarters, or only the third?
    'Năm 2025 (Quý II, Quý III)', // a list inside brackets would leave the third quarter's year to guess
    'Tháng 6/2024 (ngày 15)', // a bare day is not an expression
    'Quý III/2024 hoặc Quý IV/2024 (trước 15/12)', // which alternative?
    'Quý I (trước 20/3) (trước 25/3)', // refined twice
  ])('%j', (text) => expect(reading(text)).toBe('unparsed'));
});

describe('on a real layout', () => {
  it('Hà Giang 2024, column I: "Quý II (trước 15/6)" is overdue from 16/6, not from 1/7', async () => {
    const hg = editCells(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'), { I11: 'Quý II (trước 15/6)' });
    expect(cellsOf(check(hg, { asOf: '2024-06-15' }), 'deadline-overdue')).not.toContain('I11');
    const r = check(hg, { asOf: '2024-06-16' });
    expect(cellsOf(r, 'deadline-overdue')).toContain('I11');
    expect(r.deadlines!.overdue.find((d) => d.cell === 'I11')).toMatchObject({ due: '2024-06-15' });
  });

  it('a refinement outside its period is reported on its cell, with no overdue', async () => {
    const hg = editCells(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'), { I12: 'Quý IV: trước 20/3' });
    const r = check(hg, { asOf: '2024-12-31' });
    expect(cellsOf(r, 'deadline-invalid')).toContain('I12');
    expect(cellsOf(r, 'deadline-overdue')).not.toContain('I12');
  });
});
