/** The table finder and check() itself: no table, headers, page-break structure, bad input, options. Minimal hand-made sheets: the smallest case that triggers each rule, and its negative. */
import { check } from '../../../src/core/check';
import { sheet, cellsOf, TASK_HEAD as HEAD, checkTasks as run } from '../../helpers';
import { fold } from '../../../src/core/vn/text';
import type { CellValue } from '../../../src/core/snapshot';

const opts = { asOf: '2024-06-15' };

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
