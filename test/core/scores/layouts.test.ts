/**
 * PAR-Index scoring on the layouts and cell contents real criteria sheets have, each a realistic edit of the real Hà
 * Giang sheet (test/fixtures/hagiang-2024-chi-so.xlsx): read right, or said that it could not be read — never a
 * roll-up claimed over the wrong children, never a wrong value in the recalculation plan (Tính lại điểm).
 */
import { check } from '../../../src/core/check';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import type { SheetReport } from '../../../src/core/report';
import { byRule, cellsOf, editCells, fixtureSnapshot, insertRows } from '../../helpers';
import { rankUnits } from '../../../src/core/scores/rank';

let hg: SheetSnapshot;
beforeAll(async () => {
  hg = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});

const run = (snap: SheetSnapshot): SheetReport => check(snap, { asOf: '2024-06-01' });
const scoreCells = (r: SheetReport) => r.findings.filter((f) => f.rule.startsWith('score')).map((f) => `${f.rule}@${f.cell}`).sort();
/** the cells Tính lại điểm would change, with the value it would write */
const writes = (r: SheetReport) => r.recalc!.filter((c) => c.current !== c.computed).map((c) => `${c.cell}=${c.computed}`);
/** what the real sheet gives: its two wrong totals, D109 and E109, nothing else */
const REAL = ['score-total-mismatch@D109', 'score-total-mismatch@E109'];
const REAL_WRITES = ['D109=60.59', 'E109=65.65'];

describe('score cells that hold no readable score', () => {
  it('an Excel error (#REF!, #VALUE!) in a sub-criterion: one cell-error, nothing claimed or recalculated above it', () => {
    for (const error of ['#REF!', '#VALUE!']) {
      // 1.3.2 (D12) unreadable; 1.3 states 1,73 — before: "1.3 ghi 1,73 nhưng tổng các tiêu chí con là 1" and the plan
      // wrote D10 = 1, D7 = 7,1 and D109 = 59,86
      const r = run(editCells(hg, { D12: { error } as CellValue }));
      expect(cellsOf(r, 'cell-error')).toEqual(['D12']);
      expect(scoreCells(r)).toEqual(REAL);
      expect(writes(r)).toEqual(REAL_WRITES);
      // with 1.3 and area 1 empty too, area 1 and so the total are unknown: none of them is written
      const deep = run(editCells(hg, { D12: { error } as CellValue, D10: null, D7: null, D109: null }));
      expect(deep.recalc!.filter((c) => c.column === 'D').map((c) => c.cell)).not.toEqual(expect.arrayContaining(['D10']));
      expect(deep.recalc!.find((c) => ['D7', 'D10', 'D109'].includes(c.cell))).toBeUndefined();
    }
  });

  it('a formula whose stored value is empty (saved without calculating) is unreadable, not an empty cell', () => {
    const formulas = hg.values.map((row) => row.map(() => null as string | null));
    formulas[11][3] = '=ROUND(D80*2;2)';
    const r = run({ ...editCells(hg, { D12: null }), formulas });
    expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.message.vi])).toEqual([
      ['D12', expect.stringContaining('chưa có giá trị')],
    ]);
    expect(scoreCells(r)).toEqual(REAL);
    expect(writes(r)).toEqual(REAL_WRITES);
  });

  it('a percentage is not a score: "73%" typed, or 0,73 shown as 73 % by a percent format', () => {
    const typed = run(editCells(hg, { D12: '73%' }));
    const formats = (hg.numberFormats ?? []).map((row) => [...(row ?? [])]);
    formats[11][3] = '0%';
    // before: read as 0,73 points in silence (the sheet shows 73 %)
    const formatted = run({ ...editCells(hg, { D12: 0.73 }), numberFormats: formats });
    for (const r of [typed, formatted]) {
      expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.message.vi])).toEqual([['D12', expect.stringContaining('«73%» là tỷ lệ phần trăm')]]);
      expect(scoreCells(r)).toEqual(REAL);
      expect(writes(r)).toEqual(REAL_WRITES);
    }
  });

  it('marks "x" / "✓" in a score column: one invalid-number each, the criteria above neither checked nor recalculated (already so)', () => {
    for (const mark of ['x', '✓', 'X']) {
      const r = run(editCells(hg, { D12: mark, D10: null }));
      expect(cellsOf(r, 'invalid-number')).toEqual(['D12']);
      expect(scoreCells(r)).toEqual(REAL);
      expect(r.recalc!.find((c) => c.cell === 'D10' || c.cell === 'D7')).toBeUndefined();
    }
  });
});

describe('criterion codes: read from the code and the place together', () => {
  it('sub-criteria lettered a), b), a., (a) and codes with a trailing dot are read as 1.3\'s children (already so)', () => {
    for (const [a, b] of [['a)', 'b)'], ['a.', 'b.'], ['(a)', '(b)'], ['1.3.1.', '1.3.2.']]) {
      const r = run(editCells(hg, { A11: a, A12: b }));
      expect(r.criteria![0].children[2].children.map((k) => k.values.D.stated)).toEqual([1, 0.73]);
      expect(scoreCells(r)).toEqual(REAL);
      // a wrong 1.3 is found at 1.3 and corrected from its children
      const wrong = run(editCells(hg, { A11: a, A12: b, D10: 1.9, D7: 8 }));
      expect(scoreCells(wrong)).toEqual(['score-rollup-mismatch@D10', ...REAL]);
      expect(wrong.recalc!.find((c) => c.cell === 'D10')).toMatchObject({ current: 1.9, computed: 1.73 });
    }
  });

  it('"1.3.1)" closed by a parenthesis is the code 1.3.1', () => {
    // before: not a code, so rows 11–12 were not read at all and a wrong 1.3 went unnoticed (the plan wrote D7 = 8 from it)
    const r = run(editCells(hg, { A11: '1.3.1)', A12: '1.3.2)', D10: 1.9, D7: 8 }));
    expect(r.criteria![0].children[2].children.map((k) => [k.code, k.values.D.stated])).toEqual([['1.3.1', 1], ['1.3.2', 0.73]]);
    expect(scoreCells(r)).toEqual(['score-rollup-mismatch@D10', ...REAL]);
    expect(r.recalc!.find((c) => c.cell === 'D10')).toMatchObject({ current: 1.9, computed: 1.73 });
  });

  it('lines "- …" / "+ …" with their own points under a criterion are its sub-criteria ("+" under "-" a level down)', () => {
    // before: not read (1.3 a leaf); a wrong 1.3 of 1,9 went unnoticed and the plan wrote D7 = 8 from it
    for (const [a, b, c11, c12] of [['-', '-', null, null], ['+', '+', null, null], [null, null, '- ', '- '], ['•', '•', null, null]] as const) {
      const cells: Record<string, CellValue> = { A11: a, A12: b, D10: 1.9, D7: 8 };
      if (c11) Object.assign(cells, { B11: c11 + String(hg.values[10][1]), B12: c12 + String(hg.values[11][1]) });
      const r = run(editCells(hg, cells));
      expect(r.criteria![0].children[2].children.map((k) => [k.code, k.values.D.stated])).toEqual([['1.3-1', 1], ['1.3-2', 0.73]]);
      expect(scoreCells(r)).toEqual(['score-rollup-mismatch@D10', ...REAL]);
      expect(r.recalc!.find((c) => c.cell === 'D10')).toMatchObject({ current: 1.9, computed: 1.73 });
      expect(r.recalc!.find((c) => c.cell === 'D7')).toMatchObject({ current: 8, computed: 7.83 });
    }
    // "+" lines under a "-" line: the "-" line is their parent
    const nested = run(editCells(hg, { A11: '-', C11: 1, D11: 1, A12: '+', B12: 'ý a', C12: 0.5, D12: 0.5, A13: '+', B13: 'ý b', C13: 0.5, D13: 0.5, E13: 0.5 }));
    // row 13 was 1.4: now a "+" line too, so 1.3 = 1 + … and area 1 lose 1.4's own row — the tree says so exactly
    expect(nested.criteria![0].children[2].children.map((k) => [k.code, k.children.map((x) => x.code)])).toEqual([['1.3-1', ['1.3-2', '1.3-3']]]);
    // an unreadable mark on such a line is reported where it is, and nothing above it is claimed
    const x = run(editCells(hg, { A11: '-', A12: '-', D12: 'x', D10: null }));
    expect(cellsOf(x, 'invalid-number')).toEqual(['D12']);
    expect(scoreCells(x)).toEqual(REAL);
    expect(x.recalc!.find((c) => c.cell === 'D10' || c.cell === 'D7')).toBeUndefined();
  });

  it('a code skipped (1.3.3 for 1.3.2) or repeated (1.3.1 twice) is a numbering finding; the roll-up stays right (already so)', () => {
    const skipped = run(editCells(hg, { A12: '1.3.3' }));
    expect(cellsOf(skipped, 'numbering-gap')).toEqual(['A12']);
    const repeated = run(editCells(hg, { A12: '1.3.1' }));
    expect(cellsOf(repeated, 'numbering-duplicate')).toEqual(['A12']);
    for (const r of [skipped, repeated]) {
      expect(scoreCells(r)).toEqual(REAL);
      expect(writes(r)).toEqual(REAL_WRITES);
    }
  });

  it('a code that does not fit where it stands (1.2.2 or 1.4.2 typed for 1.3.2): one finding, 1.3 neither checked nor recalculated', () => {
    // before, "1.2.2" made 1.3.2 a child of 1.2 (six roll-up mismatches at 1.2 and 1.3, and the plan wrote C9 = 1,
    // D9 = 0,73, C10 = 1, C109 = 67,5 …); "1.4.2" made it a ninth area (three roll-up and three total mismatches)
    for (const code of ['1.2.2', '1.4.2']) {
      const r = run(editCells(hg, { A12: code }));
      expect(byRule(r, 'score-code-misplaced').map((f) => [f.cell, f.message.vi])).toEqual([['A12', expect.stringContaining(`Mã «${code}» không thuộc tiêu chí 1.3 đứng trên nó`)]]);
      expect(scoreCells(r)).toEqual(['score-code-misplaced@A12', ...REAL]);
      expect(writes(r)).toEqual(REAL_WRITES);
      expect(r.recalc!.find((c) => c.row === 7 || c.row === 9 || c.row === 10)).toBeUndefined();
    }
  });

  it('sub-criteria 1.3.1, 1.3.2 right under 1.2 (no row 1.3): refused, not added to 1.2', () => {
    // 1.2's 0,5 does not include them and area 1's 7,83 does: neither is checked nor recalculated
    const r = run(editCells(hg, { A10: null, B10: null, C10: null, D10: null, E10: null }));
    expect(byRule(r, 'score-code-misplaced').map((f) => [f.cell, f.message.vi])).toEqual([
      ['A11', expect.stringContaining('nên 1.2, 1 không được kiểm tra')],
      ['A12', expect.stringContaining('nên 1.2, 1 không được kiểm tra')],
    ]);
    expect(scoreCells(r)).toEqual(['score-code-misplaced@A11', 'score-code-misplaced@A12', ...REAL]);
    expect(writes(r)).toEqual(REAL_WRITES);
    expect(r.recalc!.find((c) => c.row === 7 || c.row === 9)).toBeUndefined();
  });

  it('Roman areas over Arabic criteria (I → 1 → 1.1; or IV → 4.1 → 4.1.1): the criteria belong to their area (already so)', () => {
    const r = run(editCells(hg, { A7: 'I', A8: '1', A9: '2', A10: '3', A11: '3.1', A12: '3.2', A13: '4', A14: '5', A15: '6', A16: '7', A17: 'II', A18: '1', A19: '1.1', A20: '1.2', A21: '2', A22: '2.1', A23: '2.2', A24: '3', A25: 'III', A26: '1', A27: '2', A28: '2.1', A29: '2.2', A30: '2.3', A31: '3', A32: '3.1', A33: '3.2', A34: '3.3', A35: '3.4', A36: '4', A37: '4.1', A38: '4.2', A39: '4.3', A40: '4.4', A41: '4.5', A42: '5', A43: '5.1', A44: '5.2', A45: 'IV', A57: 'V', A69: 'VI', A83: 'VII', A100: 'VIII' }));
    expect(r.criteria!.slice(0, 2).map((n) => [n.code, n.children.map((k) => k.code)])).toEqual([
      ['I', ['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'I.6', 'I.7']],
      ['II', ['II.1', 'II.2', 'II.3']],
    ]);
    expect(r.criteria![0].children[2].children.map((k) => k.code)).toEqual(['3.1', '3.2']);
    expect(scoreCells(r)).toEqual(REAL);
  });
});

describe('a criterion scored at one of several levels (chấm theo một trong các mức)', () => {
  // 1.3 (tối đa 2) scored by level: mức 1 = 2, mức 2 = 1, mức 3 = 0; the unit reached mức 2 (D) and targets mức 1 (E)
  const levels = (cells: Record<string, CellValue> = {}) =>
    editCells(hg, {
      A11: 'a)', B11: 'Mức 1: 100% cơ quan được kiểm tra', C11: 2, D11: null, E11: 2,
      A12: 'b)', B12: 'Mức 2: từ 70% đến dưới 100%', C12: 1, D12: 1, E12: null,
      D10: 1, D7: 7.1, D109: 59.86,
      ...cells,
    });

  it('is not read as a roll-up: no mismatch, an info that says so, and Tính lại điểm writes nothing for 1.3 or above', () => {
    // before: "1.3 ghi 2 nhưng tổng các tiêu chí con là 3" and the plan wrote C10 = 3, C7 = 10,5, C109 = 69
    const r = run(levels());
    expect(byRule(r, 'score-levels').map((f) => [f.cell, f.severity])).toEqual([['C10', 'info']]);
    expect(scoreCells(r)).toEqual(['score-levels@C10', 'score-total-mismatch@E109']);
    expect(writes(r)).toEqual(['E109=65.65']);
    expect(r.recalc!.find((c) => c.row === 10)).toBeUndefined();
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ max: 68, total: 59.86 });
    // points lost: 1.3 itself (2 − 1), not its levels
    expect(r.pointsLost!.filter((p) => p.row >= 10 && p.row <= 12).map((p) => [p.number, p.lost])).toEqual([['1.3', 1]]);
  });

  it('recognised from a 0 level or level wording too; children adding up to more without those signs stay a roll-up mismatch', () => {
    const zero = run(levels({ C11: 1.5, E11: 1.5, E10: 1.5, C12: 1, A13: 'c)', B13: 'Dưới 70%', C13: 0, D13: null, E13: null }));
    expect(cellsOf(zero, 'score-levels')).toEqual(['C10']);
    const worded = run(levels({ B11: 'Đạt', C11: 1.5, E11: 1.5, E10: 1.5, B12: 'Đạt một phần', C12: 1 }));
    expect(cellsOf(worded, 'score-levels')).toEqual(['C10']);
    // 1,5 + 1 under a maximum of 2, worded as parts: a real mistake in the maxima
    const parts = run(levels({ B11: 'Tỷ lệ cơ quan được kiểm tra', C11: 1.5, E11: 1.5, E10: 1.5, B12: 'Xử lý các vấn đề', C12: 1 }));
    expect(cellsOf(parts, 'score-levels')).toEqual([]);
    expect(cellsOf(parts, 'score-rollup-mismatch')).toContain('C10');
  });

  it('"Đạt: 1 điểm / Không đạt: 0 điểm" adds up right as it is (the 0 level adds nothing): checked as a roll-up (already so)', () => {
    const r = run(editCells(hg, { B11: 'Đạt: 1 điểm', C11: 1, D11: 1, E11: 1, B12: 'Không đạt: 0 điểm', C12: 0, D12: null, E12: null, C10: 1, D10: 1, E10: 1, C7: 8.5, D7: 7.1, E7: 8.5, C109: 67, D109: 59.86, E109: 64.65 }));
    expect(scoreCells(r)).toEqual([]);
    expect(writes(r)).toEqual([]);
  });
});

describe('ranking units (xếp hạng)', () => {
  const summary = (total: number | null) => ({
    column: 'D', header: 'Điểm tự đánh giá', kind: 'self' as const, total, stated: total, max: 68, applicableMax: 68, notApplicable: [],
    percent: total === null ? null : Math.round((total / 68) * 1000) / 10, band: null, decimals: 2,
  });

  it('totals that differ beyond the decimals shown are ranked on the exact values (60,585 shown 60,59 above 60,58; already so)', () => {
    const ranking = rankUnits([{ id: 'a', scores: [summary(60.58)] }, { id: 'b', scores: [summary(60.585)] }, { id: 'c', scores: [summary(60.58)] }]);
    expect(ranking.units.map((u) => u.ranks.self.rank)).toEqual([2, 1, 2]);
  });

  it('a file whose total could not be read is not ranked, never as if it scored 0 or the rest of its areas', () => {
    // 1.3.2 is "x", 1.3 and area 1 state nothing, the total is #REF!: before, the total was the other seven areas'
    // 52,76 (77,6 %) and the file was ranked on it
    const r = run(editCells(hg, { D12: 'x', D10: null, D7: null, D109: { error: '#REF!' } as CellValue }));
    const d = r.scores!.find((s) => s.column === 'D')!;
    expect(d).toMatchObject({ total: null, percent: null, band: null });
    const { year: _year, ...asSelf } = { ...d, kind: 'self' as const }; // the same column as the other units'
    const ranking = rankUnits([{ id: 'ok', scores: [summary(60.59)] }, { id: 'unreadable', scores: [asSelf] }, { id: 'low', scores: [summary(40)] }]);
    expect(ranking.units.map((u) => [u.id, u.ranks.self])).toEqual([
      ['ok', { rank: 1, of: 2, value: 89.1, by: 'percent' }],
      ['unreadable', { rank: null, of: 2, value: null, by: 'percent' }],
      ['low', { rank: 2, of: 2, value: 58.8, by: 'percent' }],
    ]);
    // a total row that states its figure stands for the sheet even so
    const stated = run(editCells(hg, { D12: 'x', D10: null, D7: null, D109: 60.59 }));
    expect(stated.scores!.find((s) => s.column === 'D')).toMatchObject({ total: 60.59, percent: 89.1 });
  });
});

describe('total rows and two score columns of a kind', () => {
  it('"Tổng điểm", "TỔNG CỘNG", "Tổng số điểm", "TỔNG ĐIỂM ĐẠT ĐƯỢC" at the bottom, or the total on top of the areas (already so)', () => {
    for (const label of ['Tổng điểm', 'TỔNG CỘNG', 'Tổng số điểm', 'TỔNG ĐIỂM ĐẠT ĐƯỢC']) {
      const r = run(editCells(hg, { B109: label }));
      expect(scoreCells(r)).toEqual(REAL);
      expect(writes(r)).toEqual(REAL_WRITES);
    }
    const onTop = insertRows(editCells(hg, { B109: null, C109: null, D109: null, E109: null }), 7, [[null, 'TỔNG ĐIỂM', 68, 60.58, 65.85]]);
    const r = run(onTop);
    expect(scoreCells(r)).toEqual(['score-total-mismatch@D7', 'score-total-mismatch@E7']);
    expect(writes(r)).toEqual(['D7=60.59', 'E7=65.65']);
  });

  it('bonus and penalty rows after the total: the total is the areas\', the score adds the bonus and takes the penalty off', () => {
    // before: the table ended at the total, so both rows were not read and the score was 60,59 in silence
    const r = run(editCells(hg, { D109: 60.59, B110: 'Điểm thưởng', D110: 1, B111: 'Điểm trừ', D111: 0.5 }));
    expect(scoreCells(r)).toEqual(['score-total-mismatch@E109']);
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ total: 61.09, areas: 60.59, bonus: 1, penalty: 0.5, max: 68, percent: 89.8 });
    // with a final total under them, it is checked (and recalculated) against total + bonus − penalty
    const final = (d: number) => editCells(hg, { D109: 60.59, B110: 'Điểm thưởng', D110: 1, B111: 'Điểm trừ', D111: 0.5, B112: 'Tổng điểm sau khi cộng điểm thưởng, trừ điểm', C112: 68, D112: d, E112: 65.85 });
    const right = run(final(61.09));
    expect(scoreCells(right)).toEqual(['score-total-mismatch@E109']);
    expect(right.scores!.find((s) => s.column === 'D')).toMatchObject({ total: 61.09, stated: 61.09, statedCell: 'D112' });
    const wrong = run(final(61.59));
    expect(byRule(wrong, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['E109', 65.65, 65.85], ['D112', 61.09, 61.59]]);
    // Tính lại điểm corrects the total and, from it, the final score
    expect(writes(wrong)).toEqual(['E109=65.65', 'D112=61.09', 'E112=65.65']);
  });

  it('two score columns of a kind are checked each on its own; points lost are the latest year\'s', () => {
    const years = run(editCells(hg, { D5: 'Kết quả năm 2022', E5: 'Kết quả năm 2023' }));
    expect(scoreCells(years)).toEqual(REAL);
    expect(years.scores!.map((s) => [s.column, s.kind, s.year, s.total])).toEqual([['D', 'result', 2022, 60.59], ['E', 'result', 2023, 65.65]]);
    // before: the points lost were 2022's (column D)
    expect(new Set(years.pointsLost!.map((p) => p.column))).toEqual(new Set(['E']));
    const units = run(editCells(hg, { D5: 'Điểm tự đánh giá (Sở Nội vụ)', E5: 'Điểm tự đánh giá (Sở Tư pháp)' }));
    expect(scoreCells(units)).toEqual(REAL);
    expect(units.scores!.map((s) => [s.column, s.kind, s.total])).toEqual([['D', 'self', 60.59], ['E', 'self', 65.65]]);
  });
});
