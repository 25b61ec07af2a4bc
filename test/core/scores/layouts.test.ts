/**
 * PAR-Index scoring on the layouts and cell contents real criteria sheets have, each a realistic edit of the real Hà
 * Giang sheet (test/fixtures/hagiang-2024-chi-so.xlsx): read right, or said that it could not be read — never a
 * roll-up claimed over the wrong children, never a wrong value in the recalculation plan (Tính lại điểm).
 */
import { check } from '../../../src/core/check';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import type { SheetReport } from '../../../src/core/report';
import { byRule, cellsOf, editCells, fixtureSnapshot } from '../../helpers';

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
