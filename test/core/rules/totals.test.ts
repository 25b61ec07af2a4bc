/**
 * Why a total is wrong, when the formulas show it: typed among formulas, a SUM that stops short or skips a row,
 * text that SUM skips, a subtotal counted twice. Hand-made sheets, then the Huế 2018 layout with formulas.
 */
import { check } from '../../../src/core/check';
import { parseSumFormula, rowsAsRanges } from '../../../src/core/rules/formula';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { byRule, fixtureSnapshot, TASK_HEAD } from '../../helpers';
import { editSheet, withFormulas, type CellSpec } from '../../sheetFormulas';

/** A 2024 task appendix: title, blank, TASK_HEAD (row 3), rows from row 4; the budget is column E. */
function tasks(rows: CellSpec[][]): SheetSnapshot {
  return withFormulas([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], [], TASK_HEAD, ...rows]);
}
const run = (s: SheetSnapshot) => check(s, { asOf: '2024-06-15' });
const task = (n: number, amount: CellSpec): CellSpec[] => [n, `Nhiệm vụ ${n}`, 'Báo cáo', 'Sở Nội vụ', amount, 'Năm 2024'];

/** rows 4–12: two sections with subtotal formulas on their own rows, the total on row 12 */
function twoSections(total: CellSpec, e9: CellSpec = 40): SheetSnapshot {
  return tasks([
    [null, 'I. MỤC MỘT', null, null, { f: '=SUM(E5:E7)' }], // 4
    task(1, 10), // 5
    task(2, 20), // 6
    task(3, 30), // 7
    [null, 'II. MỤC HAI', null, null, { f: '=SUM(E9:E11)' }], // 8
    task(1, e9), // 9
    task(2, 50), // 10
    task(3, 60), // 11
    [null, 'Tổng cộng', null, null, total], // 12
  ]);
}

describe('parseSumFormula', () => {
  it('reads the shapes totals are written with', () => {
    expect(parseSumFormula('=SUM(F6:F60)')).toEqual([{ top: 6, bottom: 60, left: 6, right: 6, inSum: true, subtotal: false }]);
    expect(parseSumFormula('=sum($F$6:$F$11; F13)')!.map((r) => [r.top, r.bottom])).toEqual([[6, 11], [13, 13]]);
    expect(parseSumFormula('=SUM(F6:F11)+SUM(F13:F17)+F20')!.map((r) => [r.top, r.bottom, r.inSum])).toEqual([[6, 11, true], [13, 17, true], [20, 20, false]]);
    expect(parseSumFormula('=SUBTOTAL(9,F6:F60)')![0].subtotal).toBe(true);
    expect(parseSumFormula('=+F5+F12')!.length).toBe(2);
  });
  it('refuses everything else', () => {
    for (const f of ['=SUM(F6:F60)*2', '=F5-F6', '=SUM(Sheet2!F6:F9)', '=SUM(F:F)', '=AVERAGE(F6:F9)', '=SUM(F6:F9)+100', '=SUMIF(A:A,"x",F:F)', '=SUM(Tong)', 'SUM(F6)', '=SUM(F6:F9', null]) {
      expect(parseSumFormula(f)).toBeNull();
    }
  });
  it('rowsAsRanges joins consecutive rows', () => {
    expect(rowsAsRanges([6, 7, 8, 10, 13, 12], 'F')).toEqual(['F6:F8', 'F10', 'F12:F13']);
  });
});

describe('why a total is wrong', () => {
  it('a typed total among formula subtotals', () => {
    const r = run(twoSections(200));
    const [f] = byRule(r, 'budget-total-mismatch');
    expect(f.causes).toEqual([{ kind: 'typed-total', siblings: ['E4', 'E8'] }]);
    expect(f.message.vi).toBe(
      'Tổng cộng ghi 200 triệu đồng nhưng tổng các nhiệm vụ là 210 triệu đồng (chênh 10). Nguyên nhân: E12 là số gõ tay trong khi các ô tổng khác của cột (E4, E8) là công thức, nên không tự cập nhật khi số liệu thay đổi.',
    );
    expect(f.message.en).toMatch(/Cause: E12 is a typed number while the column's other totals \(E4, E8\) are formulas/);
  });
  it('a typed total with no formula anywhere has no cause to tell', () => {
    const s = tasks([task(1, 10), task(2, 20), [null, 'Tổng cộng', null, null, 25]]);
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f.causes).toBeUndefined();
    expect(f.message.vi).not.toMatch(/Nguyên nhân/);
  });
  it('a SUM that stops short of the last item', () => {
    const s = tasks([task(1, 10), task(2, 20), task(3, 30), [null, 'Tổng cộng', null, null, { f: '=SUM(E4:E5)' }]]);
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f.causes).toEqual([{ kind: 'range-misses-items', formula: '=SUM(E4:E5)', cells: ['E6'], amount: 30 }]);
    expect(f.message.vi).toMatch(/Nguyên nhân: công thức =SUM\(E4:E5\) dừng ở dòng 5, bỏ sót E6 \(30\)\.$/);
  });
  it('a SUM that skips an item in the middle', () => {
    const s = tasks([task(1, 10), task(2, 20), task(3, 30), [null, 'Tổng cộng', null, null, { f: '=SUM(E4,E6)' }]]);
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f.causes).toEqual([{ kind: 'range-misses-items', formula: '=SUM(E4,E6)', cells: ['E5'], amount: 20 }]);
    expect(f.message.en).toMatch(/Cause: the formula =SUM\(E4,E6\) skips E5 \(20\)\.$/);
  });
  it('an amount stored as text that SUM skips', () => {
    const s = tasks([task(1, 10), task(2, '2.019'), task(3, 30), [null, 'Tổng cộng', null, null, { f: '=SUM(E4:E6)' }]]);
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f).toMatchObject({ expected: 2059, actual: 40 });
    expect(f.causes).toEqual([{ kind: 'text-skipped', formula: '=SUM(E4:E6)', cells: [{ cell: 'E5', text: '2.019', value: 2019 }], amount: 2019 }]);
    expect(f.message.vi).toMatch(/Nguyên nhân: E5 «2\.019» là văn bản nên SUM bỏ qua \(2\.019\)\.$/);
  });
  it('a subtotal counted twice', () => {
    const r = run(twoSections({ f: '=SUM(E4:E11)' }));
    const [f] = byRule(r, 'budget-total-mismatch');
    expect(f).toMatchObject({ expected: 210, actual: 420 });
    expect(f.causes).toEqual([{ kind: 'subtotal-counted-twice', formula: '=SUM(E4:E11)', subtotals: ['E4', 'E8'], amount: 210 }]);
    expect(f.message.vi).toMatch(/cộng cả dòng cộng E4, E8 lẫn các nhiệm vụ đã có trong đó \(tính hai lần 210\)/);
  });
  it('a total that adds a wrong subtotal points at it, and the subtotal says why it is wrong', () => {
    const s = twoSections({ f: '=E4+E8' });
    const bad = editSheet(s, { E8: { f: '=SUM(E9:E10)' } }); // section II stops short of E11
    const r = run(bad);
    const [sub] = byRule(r, 'budget-subtotal-mismatch');
    expect(sub.cell).toBe('E8');
    expect(sub.causes).toEqual([{ kind: 'range-misses-items', formula: '=SUM(E9:E10)', cells: ['E11'], amount: 60 }]);
    const [t] = byRule(r, 'budget-total-mismatch');
    expect(t.causes).toEqual([{ kind: 'wrong-part', formula: '=E4+E8', cells: ['E8'] }]);
  });
  it('a section subtotal that runs into the next section', () => {
    const s = twoSections({ f: '=E4+E8' });
    const r = run(editSheet(s, { E4: { f: '=SUM(E5:E9)' } }));
    const sub = byRule(r, 'budget-subtotal-mismatch').find((f) => f.cell === 'E4')!;
    expect(sub.causes).toEqual([{ kind: 'extra-cells', formula: '=SUM(E5:E9)', cells: ['E8', 'E9'], amount: 190 }]);
    expect(sub.message.vi).toMatch(/Nguyên nhân: công thức =SUM\(E5:E9\) cộng cả E8, E9 không thuộc phần này \(190\)\.$/);
  });
  it('says nothing when the formula does not give the value shown (stale value, manual calculation)', () => {
    const s = tasks([task(1, 10), task(2, 20), [null, 'Tổng cộng', null, null, { f: '=SUM(E4:E4)' }]]);
    s.values[5][4] = 25; // not what SUM(E4:E4) gives
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f.causes).toBeUndefined();
  });
  it('says nothing about formulas it cannot read', () => {
    const s = tasks([task(1, 10), task(2, 20), [null, 'Tổng cộng', null, null, 10]]);
    s.formulas = [[], [], [], [], [], [null, null, null, null, '=ROUND(E4,0)']];
    const [f] = byRule(run(s), 'budget-total-mismatch');
    expect(f.causes).toBeUndefined();
  });
  it('a correct formula total gives no finding at all', () => {
    expect(byRule(run(twoSections({ f: '=E4+E8' })), 'budget-total-mismatch')).toEqual([]);
    expect(byRule(run(twoSections({ f: '=SUM(E5:E7,E9:E11)' })), 'budget-total-mismatch')).toEqual([]);
  });
});

describe('why a total is wrong, on the Huế 2018 layout (F21 holds the text "2.019")', () => {
  let hue: SheetSnapshot;
  beforeAll(async () => {
    hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  });
  const run18 = (s: SheetSnapshot) => check(s, { asOf: '2018-02-15' });

  it('as published: the total is the text "21.950" and no formula anywhere, so no cause is claimed', () => {
    const [f] = byRule(run18(hue), 'budget-total-mismatch');
    expect(f).toMatchObject({ cell: 'F61', expected: 26979, actual: 21950 });
    expect(f.causes).toBeUndefined();
  });
  it('F61 =SUM(F6:F60): SUM skips F21 «2.019»', () => {
    const [f] = byRule(run18(editSheet(hue, { F61: { f: '=SUM(F6:F60)' } })), 'budget-total-mismatch');
    expect(f).toMatchObject({ expected: 26979, actual: 24960 });
    expect(f.causes).toEqual([{ kind: 'text-skipped', formula: '=SUM(F6:F60)', cells: [{ cell: 'F21', text: '2.019', value: 2019 }], amount: 2019 }]);
    expect(f.message.vi).toContain('Nguyên nhân: F21 «2.019» là văn bản nên SUM bỏ qua (2.019).');
  });
  it('F61 =SUM(F6:F58): also stops short of F59', () => {
    const [f] = byRule(run18(editSheet(hue, { F61: { f: '=SUM(F6:F58)' } })), 'budget-total-mismatch');
    expect(f.causes!.map((c) => c.kind)).toEqual(['text-skipped', 'range-misses-items']);
    expect(f.causes![1]).toEqual({ kind: 'range-misses-items', formula: '=SUM(F6:F58)', cells: ['F59'], amount: 20 });
  });
  it('section subtotals as formulas and F61 typed', () => {
    const subtotals = { F5: { f: '=SUM(F6:F11)' }, F12: { f: '=SUM(F13:F17)' }, F18: { f: '=SUM(F19:F26)' } };
    const [f] = byRule(run18(editSheet(hue, subtotals)), 'budget-total-mismatch');
    expect(f.causes).toEqual([{ kind: 'typed-total', siblings: ['F5', 'F12', 'F18'] }]);
    // F18's own SUM skips F21: the section subtotal is wrong for that reason
    const f18 = byRule(run18(editSheet(hue, subtotals)), 'budget-subtotal-mismatch').find((x) => x.cell === 'F18')!;
    expect(f18.causes![0]).toMatchObject({ kind: 'text-skipped', cells: [{ cell: 'F21', text: '2.019', value: 2019 }] });
  });
  it('F61 =SUM(F5:F60) with the section subtotals as formulas: subtotals counted twice', () => {
    const edits = { F5: { f: '=SUM(F6:F11)' }, F12: { f: '=SUM(F13:F17)' }, F61: { f: '=SUM(F5:F60)' } };
    const [f] = byRule(run18(editSheet(hue, edits)), 'budget-total-mismatch');
    const twice = f.causes!.find((c) => c.kind === 'subtotal-counted-twice')!;
    expect(twice).toEqual({ kind: 'subtotal-counted-twice', formula: '=SUM(F5:F60)', subtotals: ['F5', 'F12'], amount: 210 + 650 });
  });
});
