/** cell-error. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { byRule, checkTasks as run } from '../../helpers';

describe('cell-error', () => {
  it('reports #REF! and #VALUE! cells inside the table', () => {
    const r = run([[1, 'a', 'p', 'q', { error: '#REF!' }, 'Năm 2024'], [2, { error: '#VALUE!' }, 'p', 'q', 1, 'Năm 2024']], {
      formulas: [[], [], [], [null, null, null, null, '=SUM(#REF!)']],
    });
    expect(byRule(r, 'cell-error').map((f) => [f.cell, f.actual])).toEqual([
      ['E4', '#REF!'],
      ['B5', '#VALUE!'],
    ]);
  });
});
