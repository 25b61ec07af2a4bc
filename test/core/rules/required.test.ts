/** missing-required, missing-column. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { check } from '../../../src/core/check';
import { sheet, cellsOf, checkTasks as run } from '../../helpers';

const opts = { asOf: '2024-06-15' };

describe('missing-required', () => {
  it('flags an empty mandatory cell and not a filled one', () => {
    const r = run([
      [1, 'Việc một', 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024'],
      [2, 'Việc hai', null, 'Sở Nội vụ', 10, 'Quý IV/2024'],
    ]);
    expect(cellsOf(r, 'missing-required')).toEqual(['C5']);
  });
  it('counts a cell merged down from the row above as filled, and a title merged across as missing', () => {
    const r = run(
      [
        [1, 'Việc một', 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024'],
        [2, 'Việc hai', null, 'Sở Nội vụ', 10, null],
        [3, 'Việc ba rất dài', null, 'Sở Tư pháp', 10, 'Năm 2024'],
      ],
      { merges: [{ top: 4, left: 6, bottom: 5, right: 6 }, { top: 5, left: 3, bottom: 5, right: 3 }, { top: 6, left: 2, bottom: 6, right: 3 }] },
    );
    expect(cellsOf(r, 'missing-required')).toEqual(['C5', 'C6']);
  });
  it('follows the configured columns and reports a configured column the table lacks', () => {
    const r = check(sheet([['TT', 'Nội dung', 'Cơ quan chủ trì'], [1, 'Việc', null]]), { ...opts, required: ['leadAgency', 'budget'] });
    expect(cellsOf(r, 'missing-required')).toEqual(['C2']);
    expect(cellsOf(r, 'missing-column')).toEqual(['A1']);
  });
});
