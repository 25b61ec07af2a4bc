/**
 * Issue 7, alternatives "X hoặc Y": DECISION — due on the later one (the lenient reading, like "Trước ngày X" being
 * due on X): either date is acceptable to whoever wrote the plan, so the task is late only once both have passed.
 * Never the first alone (before: "Quý III/2024 hoặc Quý IV/2024" was due 30/09, a false overdue in October).
 */
import { check } from '../../../../src/core/check';
import { cellsOf, editCells, fixtureSnapshot } from '../../../helpers';
import { parts, reading } from './reading';

describe('"X hoặc Y" is due on the later of the two', () => {
  test.each([
    ['Quý III/2024 hoặc Quý IV/2024', 'fixed range 2024-07-01..2024-12-31 of 2024-09-30 | 2024-12-31'],
    ['Quý III hoặc IV/2024', 'fixed range 2024-07-01..2024-12-31 of 2024-09-30 | 2024-12-31'], // the year covers both
    ['Quý IV/2024 hoặc Quý III/2024', 'fixed range 2024-07-01..2024-12-31 of 2024-12-31 | 2024-09-30'], // order does not matter
    ['Tháng 3 hoặc tháng 4/2024', 'fixed range 2024-03-01..2024-04-30 of 2024-03-31 | 2024-04-30'],
    ['Trước 20/3 hoặc 20/6/2024', 'fixed range 2024-01-01..2024-06-20 of 2024-03-20 | 2024-06-20'],
    ['Năm 2024 hoặc năm 2025', 'fixed range 2024-01-01..2025-12-31 of 2024-12-31 | 2025-12-31'],
    ['Quý IV/2024 hoặc Quý IV/2024', 'fixed quarter 2024-10-01..2024-12-31 of 2024-12-31 | 2024-12-31'],
    ['Quý II/2024 hoặc sớm hơn', 'fixed quarter 2024-04-01..2024-06-30'], // "or earlier": the quarter is still the latest
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test('one part for the whole line, whose text is the line', () => {
    expect(parts('Quý III/2024 hoặc Quý IV/2024').map((p) => p.text)).toEqual(['Quý III/2024 hoặc Quý IV/2024']);
  });

  test('an invalid alternative makes the line invalid', () => {
    expect(reading('Quý III/2024 hoặc Quý V/2024')).toBe('invalid');
  });

  test('alternatives with no date are kept as they are', () => {
    expect(reading('Định kỳ hoặc đột xuất')).toBe('recurring periodic || on-request');
    expect(reading('Hằng quý hoặc đột xuất')).toBe('recurring quarterly || on-request');
  });
});

describe('mixed or open-ended alternatives are unparsed', () => {
  test.each([
    'Quý I, Quý II hoặc Quý III', // (I and II) or III, or I and (II or III)?
    'Quý I hoặc Quý II, Quý III',
    'Quý IV/2024 hoặc theo yêu cầu', // a date or none
    'Quý IV/2024 hoặc khi có yêu cầu',
    'Quý II/2024 hoặc muộn hơn', // "or later": no latest day
    'Quý III hoặc Quý IV/2024 hằng năm',
  ])('%j', (text) => expect(reading(text)).toBe('unparsed'));
});

describe('on a real layout', () => {
  it('Hà Giang 2024, column I: "Quý II hoặc Quý III" is not overdue in July', async () => {
    const hg = editCells(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'), { I11: 'Quý II hoặc Quý III' });
    expect(cellsOf(check(hg, { asOf: '2024-07-15' }), 'deadline-overdue')).not.toContain('I11');
    const r = check(hg, { asOf: '2024-10-01' });
    expect(r.deadlines!.overdue.find((d) => d.cell === 'I11')).toMatchObject({ due: '2024-09-30' });
  });
});
