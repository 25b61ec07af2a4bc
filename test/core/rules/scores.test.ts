/** score-exceeds-max, score-negative, score-rollup-mismatch, score-total-mismatch, score-below-threshold, recalculation plan. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { check } from '../../../src/core/check';
import { sheet, cellsOf, byRule } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';

describe('scores', () => {
  const H: CellValue[] = ['STT', 'Lĩnh vực, tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'];
  const runS = (rows: CellValue[][], formats?: (string | null)[][]) => check(sheet([H, ...rows], { formats }), { asOf: '2024-06-15' });
  it('checks roll-ups within the rounding shown, totals, maxima and negatives', () => {
    const f2 = [null, null, '0.00', '0.00', '0.00'];
    const r = runS(
      [
        ['1', 'A', 3, 2.36, 2.5],
        ['1.1', 'a', 1, 0.8617, 1.2],
        ['1.2', 'b', 2, 1.5, 1.3],
        ['2', 'B', 2, 0.5, -0.1],
        ['2.1', 'c', 2, 0.5, -0.1],
        [null, 'Tổng cộng', 5, 2.86, 2.4],
      ],
      [[], f2, f2, f2, f2, f2, f2],
    );
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    expect(cellsOf(r, 'score-exceeds-max')).toEqual(['E3']);
    expect(cellsOf(r, 'score-negative')).toEqual(['E5', 'E6']);
    expect(cellsOf(r, 'score-below-threshold')).toEqual(['D5', 'E5']);
    expect(byRule(r, 'score-total-mismatch')).toEqual([]);
  });
  it('a sub-criterion that is not a number: one invalid-number finding, no roll-up or total claimed over it, nothing recalculated above it', () => {
    const r = runS([
      ['1', 'A', 3, 2.5],
      ['1.1', 'a', 1, 'Đạt'], // before: "1 ghi 2,5 nhưng tổng các tiêu chí con là 1,5" and the plan wrote 1,5 into D2
      ['1.2', 'b', 2, 1.5],
      ['2', 'B', 2, null],
      ['2.1', 'c', 2, 'x'],
      ['3', 'C', 1, 1],
      [null, 'Tổng cộng', 6, 4.5],
    ]);
    expect(cellsOf(r, 'invalid-number')).toEqual(['D3', 'D6']);
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    // area 2 states nothing and its only criterion is unreadable: the total cannot be checked either
    expect(byRule(r, 'score-total-mismatch')).toEqual([]);
    expect(r.recalc!.map((c) => c.cell)).not.toEqual(expect.arrayContaining(['D2']));
    expect(r.recalc!.find((c) => c.cell === 'D2' || c.cell === 'D5' || c.cell === 'D8')).toBeUndefined();
    // a parent whose own cell is the unreadable one is known from its children
    const p = runS([['1', 'A', 3, 'abc'], ['1.1', 'a', 1, 1], ['1.2', 'b', 2, 2], [null, 'Tổng cộng', 3, 2]]);
    expect(cellsOf(p, 'invalid-number')).toEqual(['D2']);
    expect(cellsOf(p, 'score-total-mismatch')).toEqual(['D5']); // 3 from the sub-criteria, 2 stated
  });
  it('reports a parent that differs from its children once, not again at the total that adds it up right; the plan still corrects both', () => {
    const r = runS([
      ['1', 'A', 3, 2.5],
      ['1.1', 'a', 1, 0.86],
      ['1.2', 'b', 2, 1.5],
      [null, 'Tổng số', 3, 2.5],
    ]);
    expect(byRule(r, 'score-rollup-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D2', 2.36, 2.5]]);
    expect(byRule(r, 'score-total-mismatch')).toEqual([]);
    expect(r.recalc!.filter((c) => c.current !== c.computed).map((c) => [c.cell, c.computed])).toEqual([
      ['D2', 2.36],
      ['D5', 2.36],
    ]);
  });
  it('reports a total that differs from the areas as stated', () => {
    const r = runS([
      ['1', 'A', 3, 2.36],
      ['1.1', 'a', 1, 0.86],
      ['1.2', 'b', 2, 1.5],
      ['2', 'B', 1, 1],
      [null, 'Tổng số', 4, 3.46],
    ]);
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    expect(byRule(r, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D6', 3.36, 3.46]]);
  });
  it('uses a computed value only where a cell is empty: an empty sub-criterion row does not make its area wrong', () => {
    const r = runS([
      ['1', 'A', 3, 2.36],
      ['1.1', 'a', 2, null],
      ['1.1.1', 'a1', 1, 0.86],
      ['1.1.2', 'a2', 1, 1],
      ['1.2', 'b', 1, 0.5],
      [null, 'Tổng số', 3, 2.36],
    ]);
    expect(r.findings.filter((f) => f.rule.startsWith('score'))).toEqual([]);
    expect(r.recalc!.find((c) => c.cell === 'D3')).toMatchObject({ current: null, computed: 1.86 });
  });
  it('keeps exact decimals: 0.1 + 0.2 is 0.3', () => {
    const r = runS([
      ['1', 'A', 0.3, 0.3],
      ['1.1', 'a', 0.1, 0.1],
      ['1.2', 'b', 0.2, 0.2],
      [null, 'Tổng cộng', 0.3, 0.3],
    ]);
    expect(r.findings.filter((f) => f.rule.startsWith('score'))).toEqual([]);
    expect(r.scores![0]).toMatchObject({ total: 0.3, max: 0.3, percent: 100, band: 'A' });
  });
  it('leaves formula cells to Excel in the recalculation plan', () => {
    const r = check(sheet([H, ['1', 'A', 2, 1], ['1.1', 'a', 1, 0.5], ['1.2', 'b', 1, 0.25]], { formulas: [[], [null, null, '=C3+C4', '=D3+D4']] }), { asOf: '2024-06-15' });
    expect(r.recalc!.map((c) => [c.cell, c.formula, c.computed])).toEqual([
      ['C2', true, 2],
      ['D2', true, 0.75],
    ]);
  });
});

describe('scores with Roman areas', () => {
  it('treats sections that carry points as the areas: their items roll up into them, they into the total', () => {
    const H: CellValue[] = ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá'];
    const r = check(
      sheet([
        H,
        ['I', 'CÔNG TÁC CHỈ ĐẠO', 3, 2.5],
        [1, 'a', 1, 1],
        [2, 'b', 2, 1.25],
        ['II', 'THỂ CHẾ', 2, 0.5],
        [1, 'c', 2, 0.5],
        [null, 'Tổng cộng', 5, 3.5],
      ]),
      { asOf: '2024-06-15' },
    );
    expect(byRule(r, 'score-rollup-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D2', 2.25, 2.5]]);
    // the total against the areas as stated (2,5 + 0,5), not again against I's wrong figure
    expect(byRule(r, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D7', 3, 3.5]]);
    expect(r.recalc!.find((c) => c.cell === 'D7')).toMatchObject({ current: 3.5, computed: 2.75 });
    expect(cellsOf(r, 'score-below-threshold')).toEqual(['D5']);
    expect(r.criteria!.map((c) => [c.number, c.children.length])).toEqual([
      ['I', 2],
      ['II', 1],
    ]);
  });
});
