/**
 * Layouts of section subtotals and of the total that real budget appendices use: "Cộng", "Cộng mục I", "Tổng I",
 * "Tổng cộng (II)" under Roman-numbered sections, a "TỔNG SỐ" row right under the header.
 */
import { byRule, checkTasks as run } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';
import { totalKind } from '../../../src/core/table/rows';

const t = (n: number, a: CellValue): CellValue[] => [n, 'Nhiệm vụ', 'Kế hoạch', 'Sở Nội vụ', a, 'Quý IV/2024'];
const label = (text: string, a: CellValue, col = 1): CellValue[] => (col === 0 ? [text, null, null, null, a, null] : [null, text, null, null, a, null]);

describe('section subtotals and totals', () => {
  it.each([
    ['Cộng', 'Cộng'],
    ['Cộng mục I', 'Cộng mục II'],
    ['Cộng (I)', 'Cộng (II)'],
    ['Tổng I', 'Tổng II'],
    ['Tổng cộng (I)', 'Tổng cộng (II)'],
    ['Tổng số mục I', 'Tổng số mục II'],
    ['Cộng phần I:', 'Cộng phần II:'],
  ])('reads "%s" / "%s" as the subtotals of sections I and II', (s1, s2) => {
    const rows = [['I', 'MỤC MỘT'], t(1, 100), t(2, 200), label(s1, 300), ['II', 'MỤC HAI'], t(1, 50), label(s2, 50), label('Tổng cộng (I+II)', 350)];
    const r = run(rows);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ total: 350, stated: 350, statedCell: 'E11' });
    expect(r.budget!.sections.map((s) => [s.label, s.sum, s.statedCell])).toEqual([['I', 300, 'E7'], ['II', 50, 'E10']]);
    // a wrong subtotal is found where it is, and only there
    rows[6] = label(s2, 70);
    expect(run(rows).findings.map((f) => [f.rule, f.cell])).toEqual([['budget-subtotal-mismatch', 'E10']]);
  });
  it('tells a section total from the grand total (before, "Tổng I" ended the table: section II was never read)', () => {
    expect(['Tổng I', 'Tổng cộng (II)', 'Tổng số 3', 'TỔNG IV:'].map(totalKind)).toEqual(['subtotal', 'subtotal', 'subtotal', 'subtotal']);
    expect(['Tổng cộng', 'Tổng cộng (I+II)', 'TỔNG SỐ', 'Tổng kinh phí', 'Tổng số:'].map(totalKind)).toEqual(['total', 'total', 'total', 'total', 'total']);
  });
  it('reads the rows below a total that stands right under the header (before: 0, and a false total mismatch)', () => {
    const rows = [label('TỔNG SỐ', 350), ['I', 'MỤC MỘT', null, null, 300], t(1, 100), t(2, 200), ['II', 'MỤC HAI', null, null, 50], t(1, 50)];
    const r = run(rows);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ total: 350, stated: 350, statedCell: 'E4' });
    expect(r.counts).toMatchObject({ sections: 2, items: 3 });
    rows[0] = label('TỔNG SỐ', 400);
    const [f] = byRule(run(rows), 'budget-total-mismatch');
    expect([f.cell, f.expected, f.actual]).toEqual(['E4', 350, 400]);
    expect(f.fix!.edits[0].after.formula).toBe('=SUM(E6:E7,E9)');
  });
  it('checks a total on top and one at the end alike, and its breakdown by source', () => {
    const r = run([
      label('TỔNG CỘNG', 350, 0),
      label('Trong đó: - Ngân sách tỉnh', 250),
      label('- Ngân sách huyện', 100),
      ['I', 'MỤC MỘT'],
      t(1, 100),
      t(2, 200),
      ['II', 'MỤC HAI'],
      t(1, 50),
      label('Tổng cộng', 300),
      ['Bằng chữ: Ba trăm năm mươi triệu đồng'],
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['budget-total-mismatch', 'E12'],
      ['budget-words-mismatch', 'A13'],
    ]);
    expect(r.budget!.total).toBe(350);
  });
});
