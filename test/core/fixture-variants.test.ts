/**
 * The rules that the three real sheets happen not to trigger, triggered on those same real sheets by one realistic
 * edit each (a typo, a #REF!, a status column a head of department would add). Every rule is thus shown on a real
 * layout as well as on a minimal hand-made case (test/core/rules/).
 */
import { check } from '../../src/core/check';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { byRule, cellsOf, editCells, fixtureSnapshot } from '../helpers';

let hue: SheetSnapshot;
let cathai: SheetSnapshot;
let hagiang: SheetSnapshot;
beforeAll(async () => {
  [hue, cathai, hagiang] = await Promise.all(['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx'].map(fixtureSnapshot));
});

describe('Huế 2018 with one edit', () => {
  const run = (cells: Record<string, CellValue>, extra = {}) => check(editCells(hue, cells), { asOf: '2018-02-15', ...extra });

  it('table-not-found: the header row deleted', () => {
    const r = run({ A4: null, B4: null, C4: null, D4: null, E4: null, F4: null, G4: null });
    expect(r.found).toBe(false);
    expect(cellsOf(r, 'table-not-found')).toEqual(['A1']);
  });
  it('missing-column: a status column required by the settings', () => {
    expect(cellsOf(run({}, { required: ['content', 'status'] }), 'missing-column')).toEqual(['A4']);
  });
  it('numbering-duplicate: item I.3 typed as 2', () => {
    expect(cellsOf(run({ A9: '2' }), 'numbering-duplicate')).toEqual(['A9']);
  });
  it('invalid-number and cell-error: words and #REF! in the budget column', () => {
    const r = run({ F10: 'năm mươi', F11: { error: '#REF!' } });
    expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.severity])).toEqual([['F10', 'warning']]);
    expect(cellsOf(r, 'cell-error')).toEqual(['F11']);
    expect(r.budget!.total).toBe(26979 - 50 - 40);
  });
  it('budget-subtotal-mismatch: a figure on the section row that is not the sum of its tasks', () => {
    const [f] = byRule(run({ F5: 200 }), 'budget-subtotal-mismatch');
    expect(f).toMatchObject({ cell: 'F5', expected: 210, actual: 200 });
  });
  it('budget-words-mismatch: the words changed to another amount', () => {
    const [f] = byRule(run({ A62: '(Bằng chữ: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng)' }), 'budget-words-mismatch');
    expect(f).toMatchObject({ cell: 'A62', expected: 21950, actual: 26979 });
  });
  it('deadline-unparsed and deadline-invalid', () => {
    const r = run({ G10: 'Sớm nhất có thể', G15: '31/02/2018' });
    expect(cellsOf(r, 'deadline-unparsed')).toEqual(['G10']);
    expect(cellsOf(r, 'deadline-invalid')).toEqual(['G15']);
  });
});

describe('Cát Hải 2023 with a status and a completion-date column added', () => {
  const withStatus = () =>
    editCells(cathai, { G5: 'Tình trạng', H5: 'Ngày hoàn thành', G8: 'Đã hoàn thành', H8: '20/01/2023', G9: 'Chưa hoàn thành', G10: 'Đang thực hiện' });
  it('deadline-late for a task done after its date; deadline-overdue is an error where the status says not done', () => {
    const r = check(withStatus(), { asOf: '2023-03-01' });
    expect(byRule(r, 'deadline-late').map((f) => [f.cell, f.expected, f.actual])).toEqual([['H8', '2023-01-15', '2023-01-20']]);
    const overdue = byRule(r, 'deadline-overdue');
    expect(overdue.find((f) => f.cell === 'E9')!.severity).toBe('error');
    expect(overdue.find((f) => f.cell === 'E8')).toBeUndefined();
    expect(r.table!.columns).toMatchObject({ status: 'G', completedOn: 'H' });
  });
});

describe('Hà Giang 2024 with one edit', () => {
  const run = (cells: Record<string, CellValue>) => check(editCells(hagiang, cells), { asOf: '2024-06-01' });
  it('score-exceeds-max and score-negative', () => {
    const r = run({ D8: 2, D9: -0.5 });
    expect(byRule(r, 'score-exceeds-max').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D8', 1.5, 2]]);
    expect(cellsOf(r, 'score-negative')).toEqual(['D9']);
  });
  it('score-rollup-mismatch: 1.3 typed as 1,9 where 1.3.1 + 1.3.2 = 1,73 — and area 1 no longer adds up either', () => {
    expect(byRule(run({ D10: 1.9 }), 'score-rollup-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['D7', 8, 7.83],
      ['D10', 1.73, 1.9],
    ]);
  });
  it('score-below-threshold: area 2 losing its points', () => {
    const r = run({ D17: 2, D18: 0, D19: 0, D20: 0, D21: 1.5, D24: 0.5 });
    expect(cellsOf(r, 'score-below-threshold')).toEqual(['D17']);
  });
});
