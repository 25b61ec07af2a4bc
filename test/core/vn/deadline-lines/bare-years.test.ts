/**
 * A deadline cell that holds a year alone, as text: "2024" is that year, "2021 - 2025" that span — as a number cell
 * holding 2024 already read. Before: 'unparsed' (a deadline-unparsed warning on a plain, common cell).
 */
import { checkTasks, byRule } from '../../../helpers';
import { reading } from './reading';

test.each([
  ['2024', 'fixed year 2024-01-01..2024-12-31'],
  ['2021 - 2025', 'fixed range 2021-01-01..2025-12-31'],
  ['2021–2025', 'fixed range 2021-01-01..2025-12-31'],
  ['2024\n2025', 'fixed year 2024-01-01..2024-12-31 || fixed year 2025-01-01..2025-12-31'],
  ['2024 2025', 'unparsed'], // two years side by side: not a span
  ['Số 2024', 'unparsed'], // a bare number inside a line stays unread
  ['2025-2021', 'invalid'],
  ['1800', 'invalid'],
])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

test('on a task row: "2024" is the plan year, not unreadable; "2023" is outside it', () => {
  const r = checkTasks([
    [1, 'Nhiệm vụ A', 'Kế hoạch', 'Sở Nội vụ', 10, '2024'],
    [2, 'Nhiệm vụ B', 'Báo cáo', 'Sở Nội vụ', 10, '2023'],
  ], {}, '2024-06-15');
  expect(byRule(r, 'deadline-unparsed')).toEqual([]);
  expect(byRule(r, 'deadline-outside-plan-year').map((f) => f.cell)).toEqual(['F5']);
});
