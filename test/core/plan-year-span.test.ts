/**
 * A title that names a span of years ("5 NĂM 2021-2025", "từ năm 2021 đến năm 2025") is a multi-year plan: no one
 * plan year is read from the span, so the plan-year checks say they could not run — before, 2021 (or 2025) was the
 * plan year and every other year's deadline was flagged as outside it.
 */
import { check } from '../../src/core/check';
import { sheet, TASK_HEAD } from '../helpers';

const rows = [[1, 'A', 'SP', 'Sở', 10, 'Năm 2022'], [2, 'B', 'SP', 'Sở', 10, 'Quý IV/2024'], [3, 'C', 'SP', 'Sở', 10, 'Năm 2025']];
const run = (title: string) => check(sheet([[title], [], TASK_HEAD, ...rows]), { asOf: '2024-06-15' });
const outside = (title: string) => run(title).findings.filter((f) => f.rule === 'deadline-outside-plan-year').map((f) => f.cell);

test.each(['KẾ HOẠCH CCHC 5 NĂM 2021-2025', 'Kế hoạch CCHC từ năm 2021 đến năm 2025', 'Kế hoạch năm 2024 – 2025'])('%j: no plan year, no outside-plan-year warnings', (title) => {
  expect(outside(title)).toEqual([]);
  expect(run(title).scope!.notRun.map((n) => n.family)).toContain('plan-year');
});

test.each([
  ['KẾ HOẠCH CCHC NĂM 2024', ['F4', 'F6']],
  ['KẾ HOẠCH CCHC GIAI ĐOẠN 2021-2030 VÀ NĂM 2024', ['F4', 'F6']], // the span is a "giai đoạn"; the year is 2024
  ['Kế hoạch CCHC năm 2024 (giai đoạn 2021 - 2025)', ['F4', 'F6']],
])('%j: the one year named is the plan year', (title, cells) => {
  expect(outside(title)).toEqual(cells);
});
