/** Every rule on a minimal hand-made sheet: the smallest case that triggers it, and its negative. */
import { check } from '../../src/core/check';
import { sheet, cellsOf, byRule } from '../helpers';
import { fold } from '../../src/core/vn/text';
import type { CellValue } from '../../src/core/snapshot';

const HEAD: CellValue[] = ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'];
const opts = { asOf: '2024-06-15' };
const run = (rows: CellValue[][], extra = {}) => check(sheet([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], [], HEAD, ...rows], extra), opts);

describe('table-not-found', () => {
  it('reports a sheet of prose, an empty sheet and a sheet of numbers without crashing', () => {
    for (const rows of [[['Kính gửi các sở, ban, ngành'], ['Nội dung công văn…']], [], [[1, 2, 3], [4, 5, 6]]] as CellValue[][][]) {
      const r = check(sheet(rows), opts);
      expect(r.found).toBe(false);
      expect(cellsOf(r, 'table-not-found')).toEqual(['A1']);
    }
  });
  it('is not raised when a table exists', () => {
    expect(run([[1, 'Việc', 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024']]).found).toBe(true);
  });
});

describe('header recognition', () => {
  it('matches synonyms regardless of case, diacritic placement, line breaks and order', () => {
    const r = check(
      sheet([
        ['THỜI HẠN', 'SẢN\nPHẨM', 'stt', 'Nội   dung công việc', 'Đơn vị  CHỦ TRÌ', 'Cơ quan phối hợp', 'Dự toán (nghìn đồng)', 'Tình trạng', 'Ngày hoàn thành'],
        ['Năm 2024', 'Báo cáo', 1, 'Việc một', 'Sở Nội vụ', 'Sở Tài chính', 5, 'Đã hoàn thành', '10/3/2024'],
      ]),
      opts,
    );
    expect(r.table!.columns).toEqual({ deadline: 'A', product: 'B', number: 'C', content: 'D', leadAgency: 'E', partner: 'F', budget: 'G', status: 'H', completedOn: 'I' });
    expect(r.budget!.unit).toBe('nghìn đồng');
  });
  it('treats hoà and hòa alike, and decomposed (NFD) text like composed', () => {
    expect(fold('Hòa Bình')).toBe(fold('hoà  bình'));
    const r = check(sheet([['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp'.normalize('NFD'), 'Thời gian'], [1, 'x', 'y', 'z', 'Năm 2024']]), opts);
    expect(r.table!.columns.partner).toBe('D');
  });
});

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

describe('budget', () => {
  it('adds items, counts a merged amount once and never counts subtotals', () => {
    const r = run(
      [
        [null, 'I. MỤC MỘT'],
        [1, 'a', 'p', 'q', 0.1, 'Năm 2024'],
        [2, 'b', 'p', 'q', null, 'Năm 2024'],
        [null, 'Cộng mục I', null, null, 0.1],
        [null, 'II. MỤC HAI'],
        [1, 'c', 'p', 'q', 0.2, 'Năm 2024'],
        [null, 'Tổng cộng', null, null, 0.3],
      ],
      { merges: [{ top: 5, left: 5, bottom: 6, right: 5 }] },
    );
    expect(r.budget).toMatchObject({ total: 0.3, stated: 0.3 });
    expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
    expect(byRule(r, 'budget-subtotal-mismatch')).toEqual([]);
  });
  it('reports a wrong subtotal and a wrong total with the difference', () => {
    const r = run([
      [null, 'I. MỤC MỘT'],
      [1, 'a', 'p', 'q', '1.500', 'Năm 2024'],
      [null, 'Cộng mục I', null, null, 1400],
      [null, 'Tổng cộng', null, null, '1.400'],
    ]);
    expect(byRule(r, 'budget-subtotal-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['E6', 1500, 1400]]);
    const [t] = byRule(r, 'budget-total-mismatch');
    expect(t.message.vi).toBe('Tổng cộng ghi 1.400 triệu đồng nhưng tổng các nhiệm vụ là 1.500 triệu đồng (chênh 100).');
    expect(t.message.en).toBe('The total states 1,400 triệu đồng but the tasks add up to 1,500 triệu đồng (off by 100).');
  });
  it('compares the amount in words with the stated total', () => {
    const rows: CellValue[][] = [
      [1, 'a', 'p', 'q', 1500, 'Năm 2024'],
      [null, 'Tổng cộng', null, null, 1500],
      ['Bằng chữ: Một tỷ năm trăm triệu đồng'],
    ];
    expect(byRule(run(rows), 'budget-words-mismatch')).toEqual([]);
    rows[2] = ['Bằng chữ: Một tỷ bốn trăm triệu đồng'];
    const [f] = byRule(run(rows), 'budget-words-mismatch');
    expect(f).toMatchObject({ cell: 'A6', expected: 1500, actual: 1400, severity: 'error' });
  });
  it('reports text that is not a number and keeps going', () => {
    const r = run([
      [1, 'a', 'p', 'q', 'Lồng ghép', 'Năm 2024'],
      [2, 'b', 'p', 'q', '12..5', 'Năm 2024'],
      [3, 'c', 'p', 'q', 7, 'Năm 2024'],
    ]);
    expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.severity])).toEqual([
      ['E4', 'warning'],
      ['E5', 'error'],
    ]);
    expect(r.budget!.total).toBe(7);
  });
  it('flags numbers stored as text', () => {
    expect(cellsOf(run([[1, 'a', 'p', 'q', '2.019', 'Năm 2024']]), 'number-as-text')).toEqual(['E4']);
    expect(cellsOf(run([[1, 'a', 'p', 'q', 2019, 'Năm 2024']]), 'number-as-text')).toEqual([]);
  });
});

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

describe('structure', () => {
  it('recognises a repeated header and a row cut by a page break', () => {
    const r = run([
      [1, 'Xây dựng Đề án theo quy định tại Nghị định số 62/2020/NĐ-CP', 'Đề án', 'Sở Nội vụ', 1, 'Năm 2024'],
      HEAD,
      [null, 'của Chính phủ.'],
      [2, 'b', 'p', 'q', 1, 'Năm 2024'],
    ]);
    expect(cellsOf(r, 'repeated-header')).toEqual(['A5']);
    expect(cellsOf(r, 'row-fragment')).toEqual(['B6']);
    expect(r.counts.items).toBe(2);
    expect(cellsOf(r, 'missing-required')).toEqual([]);
  });
});

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

describe('deadlines', () => {
  const H: CellValue[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng', 'Ngày hoàn thành'];
  const runS = (rows: CellValue[][], asOf = '2024-06-15') =>
    check(sheet([['KẾ HOẠCH NĂM 2024'], H, ...rows], { formats: [[], [], ...rows.map(() => [null, null, null, 'dd/mm/yyyy', null, 'dd/mm/yyyy'])] }), { asOf });
  it('error when the status says not done, warning when unknown, nothing when done', () => {
    const r = runS([
      [1, 'a', 'q', 'Quý I/2024', 'Chưa hoàn thành'],
      [2, 'b', 'q', 'Quý I/2024', 'Không rõ'],
      [3, 'c', 'q', 'Quý I/2024', 'Đã hoàn thành'],
      [4, 'd', 'q', 'Quý IV/2024', 'Đang thực hiện'],
    ]);
    expect(byRule(r, 'deadline-overdue').map((f) => [f.cell, f.severity])).toEqual([
      ['D3', 'error'],
      ['D4', 'warning'],
    ]);
  });
  it('reads Excel date cells and flags late completion', () => {
    const r = runS([[1, 'a', 'q', 45371, 'Đã hoàn thành', 45380]]); // due 20/3/2024, done 29/3/2024
    expect(byRule(r, 'deadline-late').map((f) => [f.cell, f.expected, f.actual])).toEqual([['F3', '2024-03-20', '2024-03-29']]);
  });
  it('"Trước ngày X" is due on X: not overdue on X, overdue the day after', () => {
    const rows: CellValue[][] = [[1, 'a', 'q', 'Trước ngày 20/3/2024', 'Chưa nộp']];
    expect(byRule(runS(rows, '2024-03-20'), 'deadline-overdue')).toEqual([]);
    expect(cellsOf(runS(rows, '2024-03-21'), 'deadline-overdue')).toEqual(['D3']);
  });
  it('reports unparsed and invalid deadlines, and deadlines outside the plan year', () => {
    const r = runS([
      [1, 'a', 'q', 'Sớm nhất có thể'],
      [2, 'b', 'q', '31/02/2024'],
      [3, 'c', 'q', 'Năm 2023'],
      [4, 'd', 'q', 'Quý IV/2023'],
      [5, 'e', 'q', 'Tháng 6/2025'],
      [6, 'f', 'q', 'Thường xuyên'],
    ]);
    expect(cellsOf(r, 'deadline-unparsed')).toEqual(['D3']);
    expect(cellsOf(r, 'deadline-invalid')).toEqual(['D4']);
    expect(cellsOf(r, 'deadline-outside-plan-year')).toEqual(['D5', 'D7']);
  });
});

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
  it('reports a parent that differs from its children beyond rounding, and a wrong total', () => {
    const r = runS([
      ['1', 'A', 3, 2.5],
      ['1.1', 'a', 1, 0.86],
      ['1.2', 'b', 2, 1.5],
      [null, 'Tổng số', 3, 2.5],
    ]);
    expect(byRule(r, 'score-rollup-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D2', 2.36, 2.5]]);
    expect(byRule(r, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D5', 2.36, 2.5]]);
    expect(r.recalc!.filter((c) => c.current !== c.computed).map((c) => [c.cell, c.computed])).toEqual([
      ['D2', 2.36],
      ['D5', 2.36],
    ]);
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

describe('bad input never crashes', () => {
  it('survives 5 000-character cells, errors everywhere, booleans and ragged rows', () => {
    const long = 'Quý IV/2024 '.repeat(420);
    const r = run([
      [1, long, long, { error: '#N/A' }, long, long],
      [true, false, null],
      [{ error: '#REF!' }],
      [2, 'x', 'y', 'z', '9'.repeat(5000), '31/02/2024'],
    ]);
    expect(r.found).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
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
    expect(byRule(r, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D7', 2.75, 3.5]]);
    expect(cellsOf(r, 'score-below-threshold')).toEqual(['D5']);
    expect(r.criteria!.map((c) => [c.number, c.children.length])).toEqual([
      ['I', 2],
      ['II', 1],
    ]);
  });
});

describe('options', () => {
  it('a bad as-of date or plan year gives a clear message, not a crash', () => {
    const s = sheet([HEAD, [1, 'a', 'p', 'q', 1, 'Năm 2024']]);
    for (const [o, text] of [
      [{ asOf: '2024-02-30' }, '2024-02-30'],
      [{ asOf: 'hôm nay' }, 'hôm nay'],
      [{ asOf: '2024-06-15', planYear: 24 }, '24'],
    ] as const) {
      const r = check(s, o as { asOf: string; planYear?: number });
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0].rule).toBe('check-failed');
      expect(r.findings[0].message.vi).toContain(text);
    }
  });
});
