/**
 * Issue 7, a status written in the deadline cell: "Đã hoàn thành tháng 3/2024", "Tháng 3/2024 - đã xong", "Đã ban
 * hành". Before: due 31/03/2024 and flagged overdue although the cell says done. DECISION — only "đã …" is done and
 * "chưa / đang …" not done; a bare "Hoàn thành: Quý III" is when it is due. The status column, when it says something,
 * wins over the deadline cell; a blank status cell does not.
 */
import { check } from '../../../../src/core/check';
import { byRule, cellsOf, checkTasks, editCells, fixtureSnapshot, sheet } from '../../../helpers';
import type { CellValue } from '../../../../src/core/snapshot';
import { parts, reading } from './reading';

describe('the line says whether the task is done', () => {
  test.each([
    ['Đã hoàn thành tháng 3/2024', 'fixed month 2024-03-01..2024-03-31 [done]'],
    ['Đã hoàn thành (tháng 3/2024)', 'fixed month 2024-03-01..2024-03-31 [done]'],
    ['Tháng 3/2024 - đã xong', 'fixed month 2024-03-01..2024-03-31 [done]'],
    ['Tháng 3/2024 (đã hoàn thành)', 'fixed month 2024-03-01..2024-03-31 [done]'],
    ['Quý I/2024: đã hoàn thành', 'fixed quarter 2024-01-01..2024-03-31 [done]'],
    ['Quý II/2024 (chưa hoàn thành)', 'fixed quarter 2024-04-01..2024-06-30 [not-done]'],
    ['Quý II/2024 - đang thực hiện', 'fixed quarter 2024-04-01..2024-06-30 [not-done]'],
    ['Đã ban hành', 'done [done]'],
    ['Đã hoàn thành.', 'done [done]'],
    ['Quý I (đã xong), Quý II', 'fixed quarter 2024-01-01..2024-03-31 [done] || fixed quarter 2024-04-01..2024-06-30'],
    ['Quý I, Quý II - đã xong', 'fixed quarter 2024-01-01..2024-03-31 [done] || fixed quarter 2024-04-01..2024-06-30 [done]'],
    ['Quý IV/2024 (lùi sang Quý II/2025), đã hoàn thành', 'fixed quarter 2025-04-01..2025-06-30 [done] postponed from 2024-12-31'],
    // a bare "hoàn thành" is a label: when it is due, not that it is done
    ['Hoàn thành: Quý III/2024', 'fixed quarter 2024-07-01..2024-09-30'],
    ['Hoàn thành xong trong quý II', 'fixed quarter 2024-04-01..2024-06-30'],
    ['Quý III/2024 hoàn thành', 'fixed quarter 2024-07-01..2024-09-30'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test.each(['Chưa hoàn thành', 'Đang thực hiện', 'Không thực hiện', 'Quý II/2024 (không thực hiện)', 'Tháng 3/2024 - xong?'])(
    '%j: no deadline and not done, or a word it does not know: unparsed',
    (text) => expect(reading(text)).toBe('unparsed'),
  );

  test('a "done" line keeps its text', () => {
    expect(parts('Đã ban hành')).toEqual([{ text: 'Đã ban hành', kind: 'done', status: 'done' }]);
  });
});

describe('the overdue rule never flags what the cell says is done', () => {
  const task = (deadline: string): CellValue[] => [1, 'Nhiệm vụ', 'Báo cáo', 'Sở Nội vụ', 10, deadline];

  test.each(['Tháng 3/2024 - đã xong', 'Đã hoàn thành tháng 3/2024', 'Tháng 3/2024\nĐã hoàn thành', 'Đã ban hành'])(
    '%j (no status column): no overdue, no unparsed',
    (deadline) => {
      const r = checkTasks([task(deadline)], {}, '2024-06-15');
      expect(byRule(r, 'deadline-overdue')).toEqual([]);
      expect(byRule(r, 'deadline-unparsed')).toEqual([]);
    },
  );

  test('a part marked done is left out; the others still count', () => {
    const r = checkTasks([task('- Quý I/2024: đã hoàn thành\n- Quý II/2024')], {}, '2024-05-15');
    expect(byRule(r, 'deadline-overdue')).toEqual([]);
    const later = checkTasks([task('- Quý I/2024: đã hoàn thành\n- Quý II/2024')], {}, '2024-07-15');
    expect(later.deadlines!.overdue).toMatchObject([{ cell: 'F4', due: '2024-06-30' }]);
  });

  test('"chưa hoàn thành" in the cell makes the overdue an error, as a status column would', () => {
    const [f] = byRule(checkTasks([task('Quý I/2024 (chưa hoàn thành)')], {}, '2024-06-15'), 'deadline-overdue');
    expect(f.severity).toBe('error');
  });

  const H: CellValue[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng', 'Ngày hoàn thành'];
  const run = (rows: CellValue[][], asOf = '2024-06-15') =>
    check(sheet([['KẾ HOẠCH NĂM 2024'], H, ...rows], { formats: [[], [], ...rows.map(() => [null, null, null, null, null, 'dd/mm/yyyy'])] }), { asOf });

  test('with a status column: a blank status does not outvote the cell; a written one does', () => {
    const r = run([
      [1, 'a', 'q', 'Đã hoàn thành tháng 3/2024', null],
      [2, 'b', 'q', 'Tháng 3/2024 - đã xong', 'Chưa hoàn thành'],
      [3, 'c', 'q', 'Tháng 3/2024 (chưa hoàn thành)', 'Đã nộp'],
    ]);
    expect(byRule(r, 'deadline-overdue').map((f) => [f.cell, f.severity])).toEqual([['D4', 'error']]);
  });

  test('done in the cell and completed after the due date: late, not overdue', () => {
    const r = run([[1, 'a', 'q', 'Tháng 3/2024 - đã xong', null, 45390]]); // 8/4/2024
    expect(byRule(r, 'deadline-overdue')).toEqual([]);
    expect(byRule(r, 'deadline-late').map((f) => [f.cell, f.expected, f.actual])).toEqual([['F3', '2024-03-31', '2024-04-08']]);
  });

  it('Huế 2018, column G: "Quý IV/2017 - đã hoàn thành" is no longer overdue; the other passed deadlines are', async () => {
    const hue = editCells(await fixtureSnapshot('hue-2018-nhiem-vu.xlsx'), { G6: 'Quý IV/2017 - đã hoàn thành' });
    const overdue = cellsOf(check(hue, { asOf: '2018-02-15' }), 'deadline-overdue');
    expect(overdue).not.toContain('G6');
    expect(overdue).toEqual(expect.arrayContaining(['G8', 'G9', 'G11', 'G13']));
  });
});
