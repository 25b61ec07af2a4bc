/**
 * "Trong đó" (of which) breakdowns: lines that split the amount of the row above by source or part are counted in no
 * total, are checked against that row (budget-breakdown-mismatch), and are skipped by the SUM fixes and explained when a
 * total's formula adds them.
 */
import { byRule, checkTasks as run, sheet, fixtureSnapshot, insertRows } from '../../helpers';
import { check } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';
import { Grid } from '../../../src/core/snapshot';
import { buildTable } from '../../../src/core/table/rows';
import { TASK_HEAD } from '../../helpers';

const A: CellValue[] = [1, 'Nhiệm vụ A', 'Kế hoạch', 'Sở Nội vụ', 500, 'Quý IV/2024'];
const B: CellValue[] = [2, 'Nhiệm vụ B', 'Báo cáo', 'Sở Nội vụ', 100, 'Quý IV/2024'];
const total = (n: CellValue): CellValue[] => ['Tổng cộng', null, null, null, n, null];
const line = (text: string, amount: CellValue): CellValue[] => [null, text, null, null, amount, null];

function kinds(rows: CellValue[][]): string[] {
  const t = buildTable(new Grid(sheet([['KẾ HOẠCH NĂM 2024'], [], TASK_HEAD, ...rows])))!;
  return t.rows.map((r) => r.kind);
}

describe('"Trong đó" breakdowns', () => {
  it('counts a breakdown under a task in no total (the sheet of the defect: 600, not 1.100)', () => {
    const r = run([A, line('Trong đó: - Ngân sách tỉnh', 300), line('- Ngân sách huyện', 200), B, total(600)]);
    expect(r.budget).toMatchObject({ total: 600, stated: 600 });
    expect(r.findings).toEqual([]); // no total mismatch, and no "missing product / agency / deadline" on the detail lines
  });
  it('reads the one-line form and the words "Bao gồm", "Chia ra", a head line alone', () => {
    for (const rows of [
      [A, line('Trong đó ngân sách tỉnh', 300), B, total(600)],
      [A, line('Bao gồm: - Ngân sách tỉnh', 300), line('- Nguồn khác', 150), B, total(600)],
      [A, line('Chia ra: Ngân sách tỉnh', 300), line('Ngân sách huyện', 200), B, total(600)],
      [A, line('Trong đó:', null), line('- Ngân sách tỉnh', 300), line('+ Vốn sự nghiệp', 100), B, total(600)],
      [A, line('(Trong đó: NS tỉnh', 300), B, total(600)],
    ]) {
      const r = run(rows);
      expect(r.budget).toMatchObject({ total: 600, stated: 600 });
      expect(r.findings).toEqual([]);
    }
    expect(kinds([A, line('Trong đó:', null), line('- Ngân sách tỉnh', 300), line('- Ngân sách huyện', 200), B])).toEqual(['item', 'breakdown', 'breakdown', 'breakdown', 'item']);
  });
  it('reports parts that add up to more than the row they detail, never parts that add up to less', () => {
    const over = run([A, line('Trong đó: - Ngân sách tỉnh', 400), line('- Ngân sách huyện', 200), B, total(600)]);
    expect(over.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['budget-breakdown-mismatch', 'E5', 'error']]);
    expect(over.findings[0].message.vi).toBe('Các dòng «Trong đó» E5, E6 cộng lại 600 triệu đồng, nhiều hơn kinh phí của nhiệm vụ 1 là 500 (vượt 100).');
    expect(over.findings[0].message.en).toBe('The "Trong đó" lines E5, E6 add up to 600 triệu đồng, more than the amount of task 1, 500 (over by 100).');
    expect(over.findings[0].related).toEqual(['E5', 'E6']);
    // exactly the whole, or a part of it: normal
    expect(run([A, line('Trong đó: - Ngân sách tỉnh', 300), line('- Ngân sách huyện', 200), B, total(600)]).findings).toEqual([]);
    expect(run([A, line('Trong đó: ngân sách tỉnh', 100), B, total(600)]).findings).toEqual([]);
  });
  it('checks a second level ("+" under "-") against its own line, not against the task', () => {
    const rows = [A, line('Trong đó:', null), line('- Ngân sách tỉnh', 300), line('+ Vốn sự nghiệp', 200), line('+ Vốn đầu tư', 150), line('- Ngân sách huyện', 200), B, total(600)];
    const r = run(rows);
    expect(r.findings.map((f) => [f.rule, f.cell, f.message.vi])).toEqual([
      ['budget-breakdown-mismatch', 'E7', 'Các dòng «Trong đó» E7, E8 cộng lại 350 triệu đồng, nhiều hơn số ở dòng E6 là 300 (vượt 50).'],
    ]);
    expect(r.budget!.total).toBe(600);
  });
  it('says so when the row detailed states no amount: the parts are counted nowhere', () => {
    const r = run([[1, 'Nhiệm vụ A', 'Kế hoạch', 'Sở Nội vụ', null, 'Quý IV/2024'], line('Trong đó: - Ngân sách tỉnh', 300), B, total(100)]);
    expect(byRule(r, 'budget-breakdown-mismatch').map((f) => [f.cell, f.severity, f.message.vi])).toEqual([
      ['E5', 'warning', 'Dòng «Trong đó» E5 ghi 300 triệu đồng nhưng nhiệm vụ 1 không ghi kinh phí: phần chi tiết không được cộng vào tổng nào. Hãy ghi kinh phí của nhiệm vụ 1.'],
    ]);
    expect(r.budget!.total).toBe(100);
  });
  it('keeps a breakdown of the total by source after the total row, and still reads the words below it', () => {
    const rows = [A, B, total(600), line('Trong đó: - Ngân sách tỉnh', 400), line('- Ngân sách huyện', 200), ['Bằng chữ: Sáu trăm triệu đồng']];
    const r = run(rows);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ total: 600, stated: 600, words: { cell: 'A9', amount: 600 } });
    // words that disagree are found there (before, everything below the breakdown was left unread)
    rows[5] = ['Bằng chữ: Năm trăm triệu đồng'];
    expect(byRule(run(rows), 'budget-words-mismatch').map((f) => f.cell)).toEqual(['A9']);
    rows[4] = line('- Ngân sách huyện', 300);
    expect(byRule(run(rows), 'budget-breakdown-mismatch').map((f) => f.message.vi)).toEqual([
      'Các dòng «Trong đó» E7, E8 cộng lại 700 triệu đồng, nhiều hơn tổng cộng là 600 (vượt 100).',
    ]);
  });
  it('details a section subtotal: checked against it, counted in neither the section nor the total', () => {
    const r = run([
      [null, 'I. MỤC MỘT'],
      A,
      B,
      [null, 'Cộng mục I', null, null, 600],
      line('Trong đó: ngân sách tỉnh', 450),
      [null, 'II. MỤC HAI'],
      [1, 'Nhiệm vụ C', 'Báo cáo', 'Sở Nội vụ', 50, 'Quý IV/2024'],
      total(650),
    ]);
    expect(r.findings).toEqual([]);
    expect(r.budget!.sections.map((s) => s.sum)).toEqual([600, 50]);
  });
  it('leaves a sentence starting with "Trong đó" as a line of the task when no amount goes with it', () => {
    expect(kinds([A, [null, 'Trong đó, nêu rõ cơ quan chủ trì, cơ quan phối hợp', null, null, null, null], B])).toEqual(['item', 'part', 'item']);
    // and without a budget column there is no breakdown to read
    const t = buildTable(new Grid(sheet([['KẾ HOẠCH NĂM 2024'], [], ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành'], [1, 'a', 'q', 'Năm 2024'], [null, 'Trong đó: một phần', null, null]])))!;
    expect(t.rows.map((x) => x.kind)).toEqual(['item', 'part']);
  });
  it('still reports what is unreadable on a breakdown line', () => {
    const r = run([A, line('Trong đó: - Ngân sách tỉnh', '3..00'), B, total(600)]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([['invalid-number', 'E5']]);
  });
  it('explains a total whose SUM adds the breakdown, and proposes a SUM that skips it', () => {
    const formulas = [[], [], [], [], [], [], [], [null, null, null, null, '=SUM(E4:E7)']];
    const r = run([A, line('Trong đó: - Ngân sách tỉnh', 300), line('- Ngân sách huyện', 200), B, total(1100)], { formulas });
    const [f] = byRule(r, 'budget-total-mismatch');
    expect(f.message.vi).toBe(
      'Tổng cộng ghi 1.100 triệu đồng nhưng tổng các nhiệm vụ là 600 triệu đồng (chênh 500). Nguyên nhân: công thức =SUM(E4:E7) cộng cả các dòng «Trong đó» E5, E6, là chi tiết của số đã ghi ở dòng trên (tính hai lần 500).',
    );
    expect(f.causes).toEqual([{ kind: 'breakdown-counted', formula: '=SUM(E4:E7)', cells: ['E5', 'E6'], amount: 500 }]);
    expect(f.fix!.edits[0].after.formula).toBe('=SUM(E4,E7)');
  });
  it('makes a section SUM fix skip the breakdown lines inside the section', () => {
    const r = run([
      [null, 'I. MỤC MỘT'],
      A,
      line('Trong đó: ngân sách tỉnh', 300),
      B,
      [3, 'Nhiệm vụ C', 'Báo cáo', 'Sở Nội vụ', 50, 'Quý IV/2024'],
      [null, 'Cộng mục I', null, null, 950],
      total(650),
    ]);
    const [f] = byRule(r, 'budget-subtotal-mismatch');
    expect([f.cell, f.expected, f.actual]).toEqual(['E9', 650, 950]);
    expect(f.fix!.edits[0].after.formula).toBe('=SUM(E5,E7:E8)');
    expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
  });
  it('on the Huế 2018 sheet: a breakdown of F22 (4700) by source changes neither its total nor its other findings', async () => {
    const snap = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
    const before = check(snap, { asOf: '2018-02-15' });
    const edited = insertRows(snap, 23, [
      [null, 'Trong đó: - Ngân sách tỉnh', null, null, null, 4000, null],
      [null, '- Nguồn xã hội hóa', null, null, null, 700, null],
    ]);
    const after = check(edited, { asOf: '2018-02-15' });
    expect(after.budget).toMatchObject({ total: 26979, stated: 21950, statedCell: 'F63' });
    const shift = (cell: string) => cell.replace(/\d+$/, (n) => String(Number(n) >= 23 ? Number(n) + 2 : Number(n)));
    expect(after.findings.map((f) => [f.rule, f.cell])).toEqual(before.findings.map((f) => [f.rule, shift(f.cell)]));
    // parts over the whole are found where they are, and only there
    const over = check(insertRows(snap, 23, [[null, 'Trong đó: ngân sách tỉnh', null, null, null, 5000, null]]), { asOf: '2018-02-15' });
    expect(byRule(over, 'budget-breakdown-mismatch').map((f) => [f.cell, f.message.vi])).toEqual([
      ['F23', 'Dòng «Trong đó» F23 ghi 5.000 triệu đồng, nhiều hơn kinh phí của nhiệm vụ III.4 là 4.700 (vượt 300).'],
    ]);
    expect(over.budget!.total).toBe(26979);
  });
});
