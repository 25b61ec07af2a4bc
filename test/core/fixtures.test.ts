/** Everything ../shared/FIXTURES.md says a correct checker must find in the three real sheets. */
import { checkFixture, cellsOf, byRule } from '../helpers';
import type { SheetReport } from '../../src/core/report';

describe('Huế 2018 — hue-2018-nhiem-vu.xlsx', () => {
  let r: SheetReport;
  beforeAll(async () => {
    r = await checkFixture('hue-2018-nhiem-vu.xlsx', { asOf: '2018-02-15' });
  });

  it('finds the table, its columns and the plan year', () => {
    expect(r.found).toBe(true);
    expect(r.planYear).toBe(2018);
    expect(r.table!.headerRows).toEqual([4]);
    expect(r.table!.columns).toEqual({ number: 'A', content: 'B', product: 'C', leadAgency: 'D', partner: 'E', budget: 'F', deadline: 'G' });
    expect(r.counts.sections).toBe(7);
    expect(r.counts.items).toBe(42);
  });

  it('totals the budget the Vietnamese way: items 26.979, stated 21.950, F13:F16 counted once', () => {
    expect(r.budget).toMatchObject({ column: 'F', total: 26979, stated: 21950, statedCell: 'F61', unit: 'triệu đồng' });
    const [f] = byRule(r, 'budget-total-mismatch');
    expect(f).toMatchObject({ cell: 'F61', severity: 'error', expected: 26979, actual: 21950 });
    expect(f.message.vi).toBe('Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).');
    expect(r.budget!.sections.find((s) => s.label === 'II')!.sum).toBe(650); // 350 once + 300
  });

  it('reads the amount in words, which agrees with the stated total', () => {
    expect(r.budget!.words).toMatchObject({ cell: 'A62', amount: 21950 });
    expect(cellsOf(r, 'budget-words-mismatch')).toEqual([]);
  });

  it('reports the two amounts written as text', () => {
    expect(cellsOf(r, 'number-as-text').sort()).toEqual(['F21', 'F61']);
  });

  it('finds the missing products and deadlines, and nothing else missing', () => {
    expect(cellsOf(r, 'missing-required').sort()).toEqual(
      ['C21', 'C22', 'C23', 'G14', 'G23', 'G34', 'G37', 'G38', 'G39', 'G40', 'G46', 'G54', 'G59', 'G60'].sort(),
    );
  });

  it('flags "Năm 2017" as outside the plan year, not the preparation deadlines of late 2017', () => {
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual(['G19']);
  });

  it('understands every deadline form in the sheet', () => {
    expect(cellsOf(r, 'deadline-unparsed')).toEqual([]);
    expect(cellsOf(r, 'deadline-invalid')).toEqual([]);
  });

  it('lists the deadlines passed on 2018-02-15 as warnings (no status column)', () => {
    const overdue = byRule(r, 'deadline-overdue');
    expect(overdue.every((f) => f.severity === 'warning')).toBe(true);
    // FIXTURES.md lists these eleven; G28 ("Quý IV/2017", like G6) has passed too and is reported as well.
    // G19 ("Năm 2017") is also outside the plan year: one finding on the cell, which says both (issue 7, point 13).
    expect(overdue.map((f) => f.cell).sort()).toEqual(['G6', 'G8', 'G9', 'G11', 'G13', 'G21', 'G24', 'G28', 'G49', 'G50', 'G52'].sort());
    expect(byRule(r, 'deadline-outside-plan-year')[0].message.vi).toContain('hạn này (31/12/2017) đã qua, tính đến ngày 15/02/2018 chưa rõ kết quả thực hiện');
    expect(r.deadlines!.overdue.map((d) => d.cell).sort()).toEqual(
      ['G6', 'G8', 'G9', 'G11', 'G13', 'G19', 'G21', 'G24', 'G28', 'G49', 'G50', 'G52'].sort(),
    );
  });

  it('raises no error besides the budget total and the missing cells', () => {
    const errors = r.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    expect(new Set(errors)).toEqual(new Set(['budget-total-mismatch', 'missing-required']));
  });
});

describe('Cát Hải 2023 — cathai-2023-danh-muc.xlsx', () => {
  let r: SheetReport;
  beforeAll(async () => {
    r = await checkFixture('cathai-2023-danh-muc.xlsx', { asOf: '2023-01-10' });
  });

  it('finds the table and the plan year', () => {
    expect(r.planYear).toBe(2023);
    expect(r.table!.columns).toEqual({ number: 'A', content: 'B', leadAgency: 'C', partner: 'D', deadline: 'E', product: 'F' });
    expect(r.counts.items).toBe(25);
    expect(r.counts.sections).toBe(7);
  });

  it('recognises the repeated header rows', () => {
    expect(cellsOf(r, 'repeated-header')).toEqual(['A14', 'A23', 'A29', 'A36', 'A44']);
    expect(r.counts.repeatedHeaders).toBe(5);
  });

  it('says row 37 is the tail of item 19', () => {
    const [f] = byRule(r, 'row-fragment');
    expect(f.cell).toBe('B37');
    expect(f.message.vi).toContain('nhiệm vụ IV.19 (dòng 35)');
    expect(f.related).toEqual(['B35']);
  });

  it('finds the missing products, not the parents of sub-items', () => {
    expect(cellsOf(r, 'missing-required')).toEqual(['F31', 'F35']);
  });

  it('finds the missing "a)" under item 1', () => {
    const gaps = byRule(r, 'numbering-gap');
    expect(gaps.map((f) => f.cell)).toEqual(['B8']);
    expect(gaps[0]).toMatchObject({ expected: 'a)', actual: 'b)' });
    expect(cellsOf(r, 'numbering-duplicate')).toEqual([]);
  });

  it('flags "Cả năm 2022" in the 2023 plan', () => {
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual(['E42', 'E43', 'E47']);
    expect(cellsOf(r, 'deadline-unparsed')).toEqual([]);
  });

  it('on 2023-01-10: 15/01/2023 is due soon; only the "Cả năm 2022" rows have passed', () => {
    expect(r.deadlines!.dueSoon.map((d) => d.cell)).toEqual(['E8']);
    expect(r.deadlines!.overdue.map((d) => d.cell)).toEqual(['E42', 'E43', 'E47']);
  });
});

describe('Hà Giang 2024 — hagiang-2024-chi-so.xlsx', () => {
  let r: SheetReport;
  beforeAll(async () => {
    r = await checkFixture('hagiang-2024-chi-so.xlsx', { asOf: '2024-06-01' });
  });

  it('reads the two header rows and the score columns', () => {
    expect(r.table!.headerRows).toEqual([5, 6]);
    expect(r.table!.kind).toBe('scores');
    expect(r.table!.columns).toMatchObject({ number: 'A', content: 'B', maxScore: 'C', deadline: 'I', leadAgency: 'J', partner: 'K' });
    expect(r.table!.scoreColumns.map((s) => [s.column, s.kind, s.year])).toEqual([
      ['D', 'result', 2023],
      ['E', 'target', 2024],
    ]);
    expect(r.planYear).toBe(2024);
  });

  it('finds both wrong totals and accepts the right one', () => {
    const totals = byRule(r, 'score-total-mismatch');
    expect(totals.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['D109', 60.59, 60.58],
      ['E109', 65.65, 65.85],
    ]);
    expect(totals[0].message.vi).toContain('60,5949');
  });

  it('accepts every roll-up within rounding (3.2 shows 2,36 for 2,3617) and no score above its maximum', () => {
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    expect(byRule(r, 'score-exceeds-max')).toEqual([]);
    expect(byRule(r, 'score-negative')).toEqual([]);
  });

  it('computes percentages and bands', () => {
    const [d, e] = r.scores!;
    expect(d).toMatchObject({ column: 'D', total: 60.59, stated: 60.58, max: 68, percent: 89.1, band: 'B' });
    expect(e).toMatchObject({ column: 'E', total: 65.65, stated: 65.85, max: 68, percent: 96.5, band: 'A' });
  });

  it('lists the points lost in 2023, largest first', () => {
    const lost = r.pointsLost!.map((p) => [p.number, p.lost]);
    expect(lost.slice(0, 4)).toEqual([
      ['1.5', 1],
      ['8.4', 1],
      ['7.3.5', 0.67],
      ['7.1.4', 0.59],
    ]);
    expect(new Set(lost.slice(4, 7).map((x) => x[0]))).toEqual(new Set(['7.1.2', '3.2.1', '5.4']));
    expect(lost.slice(4, 7).every((x) => x[1] === 0.5)).toBe(true);
  });

  it('plans the recalculation: E109 becomes 65,65, 3.2 stays 2,36', () => {
    const e109 = r.recalc!.find((c) => c.cell === 'E109')!;
    expect(e109).toMatchObject({ current: 65.85, computed: 65.65, formula: false, criterion: 'total' });
    expect(r.recalc!.find((c) => c.cell === 'D27')).toMatchObject({ current: 2.36, computed: 2.36 });
    expect(r.recalc!.find((c) => c.cell === 'C109')).toMatchObject({ current: 68, computed: 68 });
    const changed = r.recalc!.filter((c) => c.current !== c.computed).map((c) => c.cell);
    expect(changed.sort()).toEqual(['D109', 'E109']);
  });

  it('reads the several-deadline cells and the relative forms', () => {
    expect(cellsOf(r, 'deadline-unparsed')).toEqual([]);
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual([]);
    // On 2024-06-01: I9's first date (20/3/2024) has passed; the Q4/2023 plan of I8 too.
    expect(cellsOf(r, 'deadline-overdue')).toEqual(expect.arrayContaining(['I8', 'I9']));
  });

  it('does not call the SIPAS row (8.1, merged F101:K101) incomplete', () => {
    expect(cellsOf(r, 'missing-required')).toEqual([]);
  });

  it('raises no error besides the two totals', () => {
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['D109', 'E109']);
  });
});
