/**
 * Issue 7, points 12–13: the plan year from titles naming several years; plan-year-doubt (one finding at the title
 * instead of one per deadline); a deadline both outside the plan year and overdue is one finding.
 */
import { check } from '../../../src/core/check';
import { Grid, type CellValue } from '../../../src/core/snapshot';
import { findPlanYearCell } from '../../../src/core/table/plan-year';
import { byRule, cellsOf, editCells, fixtureSnapshot, sheet } from '../../helpers';

const title = (...rows: string[]) => findPlanYearCell(new Grid(sheet([...rows.map((r) => [r]), ['STT', 'Nội dung', 'Thời gian']])), rows.length + 1, 'Phụ lục');

describe('12. the plan year from the title', () => {
  test.each<[string[], number | undefined]>([
    [['KẾT QUẢ THỰC HIỆN NĂM 2023 VÀ MỤC TIÊU NĂM 2024'], 2024],
    [['MỤC TIÊU NĂM 2024 VÀ KẾT QUẢ NĂM 2023'], 2024],
    [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024', '(đánh giá kết quả thực hiện năm 2023)'], 2024],
    [['PHỤ LỤC', '(Kèm theo Kế hoạch số 147/KH-UBND ngày 31/5/2024 của UBND tỉnh Hà Giang)'], 2024],
    [['PHỤ LỤC', '(Kèm theo Kế hoạch số 147/KH-UBND ngày 31 tháng 5 năm 2024)'], 2024],
    [['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2018', '(Kèm theo Quyết định số 2855/QĐ-UBND ngày 08 tháng 12 năm 2017 … Kế hoạch CCHC năm 2018)'], 2018],
    [['BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2023', '(Kèm theo Báo cáo số 12/BC-UBND ngày 15/01/2024)'], 2023],
    [['DANH MỤC NHIỆM VỤ'], undefined],
  ])('%j → %s', (rows, year) => expect(title(...rows)?.year).toBe(year));

  test('it says where the year was read', () => {
    expect(title('PHỤ LỤC', 'KẾT QUẢ NĂM 2023 VÀ MỤC TIÊU NĂM 2024')).toMatchObject({ year: 2024, row: 2, col: 1, source: 'title' });
  });
});

const H: CellValue[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Sản phẩm'];
const tasks = (titleText: string, deadlines: string[]) =>
  sheet([[titleText], H, ...deadlines.map((d, i): CellValue[] => [String(i + 1), `Việc ${i + 1}`, 'Sở A', d, 'Báo cáo'])]);

describe('12. plan-year-doubt', () => {
  const deadlines = ['Quý I/2024', 'Quý II/2024', 'Tháng 6/2024', '30/9/2024', 'Năm 2024', 'Cả năm 2024', 'Quý IV/2024', 'Thường xuyên'];

  it('most dated deadlines in another year: one finding at the title, none per row', () => {
    const r = check(tasks('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2023', deadlines), { asOf: '2024-01-15' });
    const [f] = byRule(r, 'plan-year-doubt');
    expect(f).toMatchObject({ cell: 'A1', severity: 'warning', expected: '2024', actual: '2023' });
    expect(f.message.vi).toContain('7/7 thời hạn có ghi năm thuộc năm 2024');
    expect(f.message.vi).toContain('--plan-year 2024');
    expect(byRule(r, 'deadline-outside-plan-year')).toEqual([]);
  });

  it('a plan year given in the settings is not doubted: the deadlines are then reported one by one', () => {
    const r = check(tasks('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2023', deadlines), { asOf: '2024-01-15', planYear: 2023 });
    expect(byRule(r, 'plan-year-doubt')).toEqual([]);
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual(['D4', 'D5', 'D6', 'D7', 'D8', 'D9']); // Quý I/2024 is within Q4 before – Q1 after
  });

  it('no doubt when the deadlines agree with the title, or are too few, or split evenly', () => {
    expect(byRule(check(tasks('KẾ HOẠCH NĂM 2024', deadlines), { asOf: '2024-01-15' }), 'plan-year-doubt')).toEqual([]);
    expect(byRule(check(tasks('KẾ HOẠCH NĂM 2023', ['Quý I/2024', 'Quý II/2024', 'Quý III/2024']), { asOf: '2024-01-15' }), 'plan-year-doubt')).toEqual([]);
    const half = ['Quý I/2023', 'Quý II/2023', 'Quý III/2023', 'Năm 2025', 'Năm 2025', 'Năm 2025'];
    expect(byRule(check(tasks('KẾ HOẠCH NĂM 2024', half), { asOf: '2024-01-15' }), 'plan-year-doubt')).toEqual([]);
  });

  it('on a real layout: the Hà Giang 2024 title changed to 2023 gives one doubt, not a flood of warnings', async () => {
    const hg = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const changed = editCells(hg, { A2: 'PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ CCHC NĂM 2023', A3: '' });
    const r = check(changed, { asOf: '2024-06-01' });
    expect(r.planYear).toBe(2023);
    expect(byRule(r, 'plan-year-doubt')).toMatchObject([{ cell: 'A2', expected: '2024', actual: '2023' }]);
    expect(byRule(r, 'deadline-outside-plan-year')).toEqual([]);
    // the same sheet with the plan year forced: every dated deadline is outside it
    expect(byRule(check(changed, { asOf: '2024-06-01', planYear: 2023 }), 'deadline-outside-plan-year').length).toBeGreaterThan(20);
  });
});

describe('13. outside the plan year and overdue: one finding', () => {
  const runS = (rows: CellValue[][]) =>
    check(sheet([['KẾ HOẠCH NĂM 2024'], [...H, 'Tình trạng'], ...rows]), { asOf: '2024-06-15' });

  it('one deadline-outside-plan-year per cell, saying it is past due; error when the status says not done', () => {
    const r = runS([
      ['1', 'a', 'Sở A', 'Năm 2023', 'BC', 'Chưa hoàn thành'],
      ['2', 'b', 'Sở A', 'Năm 2023', 'BC', ''],
      ['3', 'c', 'Sở A', 'Năm 2025', 'BC', 'Chưa hoàn thành'],
      ['4', 'd', 'Sở A', 'Quý I/2024', 'BC', 'Chưa hoàn thành'],
    ]);
    const outside = byRule(r, 'deadline-outside-plan-year');
    expect(outside.map((f) => [f.cell, f.severity])).toEqual([['D3', 'error'], ['D4', 'error'], ['D5', 'warning']]);
    expect(outside[0].message.vi).toContain('hạn này (31/12/2023) đã qua, tính đến ngày 15/06/2024 nhiệm vụ vẫn chưa hoàn thành');
    expect(outside[2].message.vi).not.toContain('quá hạn');
    expect(cellsOf(r, 'deadline-overdue')).toEqual(['D6']);
    const perCell = new Map<string, number>();
    for (const f of r.findings) if (f.column === 'D') perCell.set(f.cell, (perCell.get(f.cell) ?? 0) + 1);
    expect([...perCell.values()].every((n) => n === 1)).toBe(true);
    expect(r.deadlines!.overdue.map((d) => d.cell)).toEqual(['D3', 'D4', 'D6']);
  });

  it('on a real layout: Cát Hải 2023, E42 E43 E47 ("Cả năm 2022") are one finding each, saying overdue', async () => {
    const r = check(await fixtureSnapshot('cathai-2023-danh-muc.xlsx'), { asOf: '2023-01-10' });
    const outside = byRule(r, 'deadline-outside-plan-year');
    expect(outside.map((f) => f.cell)).toEqual(['E42', 'E43', 'E47']);
    expect(outside.every((f) => f.message.vi.includes('hạn này (31/12/2022) đã qua'))).toBe(true);
    expect(byRule(r, 'deadline-overdue')).toEqual([]);
  });
});
