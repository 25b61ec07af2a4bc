/** numbering-gap, numbering-duplicate. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { cellsOf, byRule, checkTasks as run } from '../../helpers';
import type { CellValue } from '../../../src/core/snapshot';

describe('numbering', () => {
  it('finds gaps and duplicates in items, sections and lettered sub-items', () => {
    const r = run([
      [null, 'I. MỘT'],
      [1, 'a', 'p', 'q', 1, 'Năm 2024'],
      [3, 'b', 'p', 'q', 1, 'Năm 2024'],
      [3, 'c', 'p', 'q', 1, 'Năm 2024'],
      [null, 'III. BA'],
      [4, 'd'],
      [null, 'a) x', 'p', 'q', 1, 'Năm 2024'],
      [null, 'c) y', 'p', 'q', 1, 'Năm 2024'],
    ]);
    expect(byRule(r, 'numbering-gap').map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['A6', '2', '3'],
      ['B8', 'II', 'III'],
      ['B11', 'b)', 'c)'],
    ]);
    expect(cellsOf(r, 'numbering-duplicate')).toEqual(['A7']);
  });
  it('accepts numbering that restarts per section or runs on, and đ after d', () => {
    const r = run([
      [null, 'I. MỘT'],
      [1, 'a', 'p', 'q', 1, 'Năm 2024'],
      [null, 'II. HAI'],
      [2, 'b'],
      ...['a', 'b', 'c', 'd', 'đ', 'e'].map((l) => [null, `${l}) việc`, 'p', 'q', 1, 'Năm 2024'] as CellValue[]),
      [null, 'III. BA'],
      [1, 'c', 'p', 'q', 1, 'Năm 2024'],
    ]);
    expect(byRule(r, 'numbering-gap')).toEqual([]);
  });
});
