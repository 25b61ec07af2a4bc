/** "Sửa tất cả loại này": several plans as one batch, only where every value the preview shows is exact. */
import { check } from '../../../src/core/check';
import { combineFixes, formulaCells, type CombinedFix } from '../../../src/core/fixes';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { byRule, fixtureSnapshot, TASK_HEAD } from '../../helpers';
import { applyPlan, editSheet, withFormulas, type CellSpec } from '../../sheetFormulas';

let hue: SheetSnapshot;
let hagiang: SheetSnapshot;
beforeAll(async () => {
  [hue, hagiang] = await Promise.all(['hue-2018-nhiem-vu.xlsx', 'hagiang-2024-chi-so.xlsx'].map(fixtureSnapshot));
});

test('formulaCells reads the ranges of a written formula', () => {
  expect(formulaCells('=SUM(F6:F11,F13)+SUM($E$20:$E$25)')).toEqual([
    { col: 'F', top: 6, bottom: 11 },
    { col: 'F', top: 13, bottom: 13 },
    { col: 'E', top: 20, bottom: 25 },
  ]);
});

test('numbers stored as text: one batch converts them all, and the sheet then passes', () => {
  const rows: CellSpec[][] = [['KẾ HOẠCH NĂM 2024'], [], TASK_HEAD];
  for (let i = 1; i <= 4; i++) rows.push([i, `t${i}`, 'p', 'q', `1.00${i}`, 'Năm 2024']);
  rows.push([null, 'Tổng cộng', null, null, { f: '=SUM(E4:E7)' }]);
  const s = withFormulas(rows);
  const r = check(s, { asOf: '2024-06-15' });
  const c = combineFixes(byRule(r, 'number-as-text')) as CombinedFix;
  expect(c.plan.edits.map((e) => [e.cell, e.after.value])).toEqual([
    ['E4', 1001],
    ['E5', 1002],
    ['E6', 1003],
    ['E7', 1004],
  ]);
  expect(c.plan.description.vi).toBe('Sửa 4 phát hiện cùng loại trong một lần: ghi 4 ô.');
  const after = check(applyPlan(s, c.plan), { asOf: '2024-06-15' });
  expect(byRule(after, 'number-as-text')).toEqual([]);
  expect(byRule(after, 'budget-total-mismatch')).toEqual([]);
});

test('two subtotals needing the same conversion: it is written once', () => {
  const s = editSheet(hue, { F18: { f: '=SUM(F19:F20)' }, F61: { f: '=SUM(F19:F20)' } });
  const r = check(s, { asOf: '2018-02-15' });
  const findings = [...byRule(r, 'budget-subtotal-mismatch'), ...byRule(r, 'budget-total-mismatch')].filter((f) => f.fix);
  expect(findings.length).toBeGreaterThanOrEqual(2);
  const c = combineFixes(findings) as CombinedFix;
  const cells = c.plan.edits.map((e) => e.cell);
  expect(cells.filter((x) => x === 'F21')).toHaveLength(1);
  expect(new Set(cells).size).toBe(cells.length);
});

test('a parent criterion and its wrong sub-criterion are not fixed at once (the preview would not be exact)', () => {
  const r = check(editSheet(hagiang, { D10: 1.9 }), { asOf: '2024-06-01' });
  expect(combineFixes(byRule(r, 'score-rollup-mismatch'))).toEqual({ refused: 'reads-written' });
});

test('fewer than two plans, or two plans writing one cell differently: refused', () => {
  const r = check(hue, { asOf: '2018-02-15' });
  expect(combineFixes(byRule(r, 'budget-total-mismatch'))).toEqual({ refused: 'too-few' });
  const f = byRule(r, 'number-as-text').find((x) => x.fix)!;
  const clash = { ...f, fix: { ...f.fix!, edits: [{ ...f.fix!.edits[0], after: { ...f.fix!.edits[0].after, value: 1 } }] } };
  expect(combineFixes([f, clash])).toEqual({ refused: 'conflict' });
});
