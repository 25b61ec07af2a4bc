/**
 * Real layouts of the appendix table: two-row headers (with and without their merges), header wordings of the seeds
 * and their variants, a table away from A1, a row numbering the columns. Each case states which columns are read;
 * a wrong column would put every finding of the sheet in the wrong place.
 */
import { check } from '../../../src/core/check';
import { sheet, cellsOf, TASK_HEAD } from '../../helpers';
import { tcvn3Sheet } from '../../legacyText';
import type { CellValue, MergedArea, SheetSnapshot } from '../../../src/core/snapshot';

const opts = { asOf: '2024-06-15' };
const TITLE: CellValue[] = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'];
const down = (col: number, top = 3): MergedArea => ({ top, left: col, bottom: top + 1, right: col });
const across = (left: number, right: number, top = 3): MergedArea => ({ top, left, bottom: top, right });

describe('two-row headers', () => {
  const rows: CellValue[][] = [
    TITLE,
    [],
    ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan', null, 'Thời gian', null],
    [null, null, null, 'Chủ trì', 'Phối hợp', 'Bắt đầu', 'Hoàn thành'],
    [1, 'Việc một', 'Báo cáo', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý I/2024', 'Quý IV/2024'],
    [2, 'Việc hai', 'Báo cáo', null, 'Sở Tư pháp', 'Quý I/2024', null],
  ];
  const merges = [down(1), down(2), down(3), across(4, 5), across(6, 7)];

  it('"Cơ quan" over "Chủ trì | Phối hợp": the lead agency is the Chủ trì column; "Thời gian" over "Bắt đầu | Hoàn thành": the deadline is Hoàn thành', () => {
    const r = check(sheet(rows, { merges }), opts);
    expect(r.table!.headerRows).toEqual([3, 4]);
    expect(r.table!.columns).toMatchObject({ leadAgency: 'D', partner: 'E', deadline: 'G' });
    // the start (F) is no deadline: no overdue "Quý I/2024" there; the empty lead agency and deadline of task 2 are found
    expect(cellsOf(r, 'deadline-overdue')).toEqual([]);
    expect(cellsOf(r, 'missing-required')).toEqual(['D6', 'G6']);
  });

  it('reads Chủ trì and Phối hợp by their own titles, in either order', () => {
    const swapped = rows.map((r, i) => (i === 3 ? [null, null, null, 'Phối hợp', 'Chủ trì', 'Bắt đầu', 'Hoàn thành'] : r));
    const r = check(sheet(swapped, { merges }), opts);
    expect(r.table!.columns).toMatchObject({ partner: 'D', leadAgency: 'E' });
  });

  it('reads the same header when its merges were lost (pasted as values): the sub-titles stand under blank cells', () => {
    const r = check(sheet(rows), opts);
    expect(r.table!.headerRows).toEqual([3, 4]);
    expect(r.table!.columns).toMatchObject({ number: 'A', content: 'B', product: 'C', leadAgency: 'D', partner: 'E', deadline: 'G' });
    expect(cellsOf(r, 'missing-required')).toEqual(['D6', 'G6']);
    expect(r.counts.items).toBe(2);
  });

  it('a one-row "Thời gian bắt đầu | Thời gian hoàn thành" pair: the deadline is the second', () => {
    const r = check(
      sheet([TITLE, [], ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian bắt đầu', 'Thời gian hoàn thành'], [1, 'Việc', 'Báo cáo', 'Sở Nội vụ', 'Quý I/2024', 'Quý IV/2024']]),
      opts,
    );
    expect(r.table!.columns.deadline).toBe('F');
    expect(cellsOf(r, 'deadline-overdue')).toEqual([]);
  });

  it('a sheet with only a start column has no deadline column, and its scope says the deadlines were not checked', () => {
    const r = check(sheet([TITLE, [], ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian bắt đầu'], [1, 'Việc', 'Báo cáo', 'Sở Nội vụ', 'Quý I/2024']]), opts);
    expect(r.table!.columns.deadline).toBeUndefined();
    expect(r.scope!.notRun.map((n) => n.reason)).toContain('no-deadline-column');
  });

  it('"Kinh phí (triệu đồng)" over "Tổng số | Ngân sách tỉnh | Nguồn khác": the budget is the total column', () => {
    const r = check(
      sheet(
        [
          TITLE,
          [],
          ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', null, null, 'Thời gian hoàn thành'],
          [null, null, null, null, 'Tổng số', 'Ngân sách tỉnh', 'Nguồn khác', null],
          [1, 'Việc', 'Báo cáo', 'Sở Nội vụ', 30, 20, 10, 'Quý IV/2024'],
        ],
        { merges: [down(1), down(2), down(3), down(4), across(5, 7), down(8)] },
      ),
      opts,
    );
    expect(r.table!.columns).toMatchObject({ budget: 'E', deadline: 'H' });
    expect(r.budget!.unit).toBe('triệu đồng');
  });
});

describe('header wordings (seeds and common variants), also without diacritics, upper case, broken lines, in TCVN3', () => {
  const heads: CellValue[][] = [
    // Huế 2018 (seed 000) and Cát Hải 2023 (seed 002)
    ['TT', 'Nội dung,\nnhiệm vụ', 'Sản phẩm', 'Cơ quan chủ\ntrì', 'Cơ quan phối\nhợp', 'Kinh phí\ntriển khai (tr. đồng)', 'Thời gian\nhoàn thành'],
    ['TT', 'Nội dung công việc', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Dự toán kinh phí (triệu đồng)', 'Thời gian thực hiện/ hoàn thành'],
    ['STT', 'Nhiệm vụ', 'Kết quả/sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Kinh phí', 'Thời hạn'],
    ['Số TT', 'Tên nhiệm vụ', 'Sản phẩm đầu ra', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp thực hiện', 'Kinh phí thực hiện', 'Hạn hoàn thành'],
    ['S\nTT', 'NỘI DUNG\nCÔNG VIỆC', 'SẢN  PHẨM', 'CƠ QUAN\nCHỦ TRÌ', 'CƠ QUAN\nPHỐI HỢP', 'KINH PHÍ\n(triệu đồng)', 'THỜI GIAN\nHOÀN THÀNH'],
    ['TT', 'Noi dung', 'San pham', 'Co quan chu tri', 'Co quan phoi hop', 'Kinh phi (trieu dong)', 'Thoi gian hoan thanh'],
    ['TT', 'Nội dung', 'Kết quả, sản phẩm', 'Cơ quan, đơn vị chủ trì', 'Cơ quan, đơn vị phối hợp', 'Dự toán (triệu đồng)', 'Thời gian'],
  ];
  const data: CellValue[] = [1, 'Việc một', 'Báo cáo', 'Sở Nội vụ', 'Sở Tư pháp', 10, 'Quý IV/2024'];
  const expected = { number: 'A', content: 'B', product: 'C', leadAgency: 'D', partner: 'E', budget: 'F', deadline: 'G' };
  it.each(heads.map((h) => [h.join(' | ').replace(/\n/g, '⏎'), h]))('%s', (_name, head) => {
    const plain: SheetSnapshot = sheet([TITLE, [], head as CellValue[], data]);
    for (const s of [plain, tcvn3Sheet(plain)]) {
      const r = check(s, opts);
      expect(r.table!.columns).toEqual(expected);
      expect(r.findings.filter((f) => f.rule !== 'legacy-encoding')).toEqual([]);
    }
  });
});

describe('where the table stands', () => {
  const item = (n: number): CellValue[] => [n, `Việc ${n}`, 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024'];
  it('away from A1: a used range starting at C5, or blank columns in front', () => {
    const atC5: SheetSnapshot = { ...sheet([TITLE, [], TASK_HEAD, item(1), [2, 'Việc 2', null, 'Sở', 5, 'Quý IV/2024']]), origin: { row: 5, col: 3 } };
    const r = check(atC5, opts);
    expect(r.table!.columns).toMatchObject({ number: 'C', content: 'D', product: 'E', deadline: 'H' });
    expect(cellsOf(r, 'missing-required')).toEqual(['E9']);
    const pad = (row: CellValue[]) => [null, null, ...row];
    const r2 = check(sheet([pad(TITLE), [], pad(TASK_HEAD), pad(item(1)), pad([2, 'Việc 2', null, 'Sở', 5, 'Quý IV/2024'])]), opts);
    expect(r2.table!.columns).toMatchObject({ number: 'C', content: 'D' });
    expect(cellsOf(r2, 'missing-required')).toEqual(['E5']);
  });

  it.each([
    ['1 | 2 | 3 …', [1, 2, 3, 4, 5, 6]],
    ['"1" | "2" … as text', ['1', '2', '3', '4', '5', '6']],
    ['(1) (2) (3) …', ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']],
    ['A | B | 1 | 2 …', ['A', 'B', '1', '2', '3', '4']],
    ['(1) … (5)=(6)+(7) …', ['(1)', '(2)', '(3)', '(4)', '(5)=(6)+(7)', '(8)']],
  ])('a row numbering the columns (%s) is part of the header, not task 1', (_name, numbers) => {
    const r = check(sheet([TITLE, [], TASK_HEAD, numbers as CellValue[], item(1), item(2)]), opts);
    expect(r.table!.headerRows).toEqual([3, 4]);
    expect(r.counts.items).toBe(2);
    expect(r.findings).toEqual([]);
  });

  it('the column numbers repeated with the header after a page break: one repeated-header finding, no task', () => {
    const nums: CellValue[] = [1, 2, 3, 4, 5, 6];
    const r = check(sheet([TITLE, [], TASK_HEAD, nums, item(1), item(2), TASK_HEAD, nums, item(3)]), opts);
    expect(cellsOf(r, 'repeated-header')).toEqual(['A7']);
    expect(r.counts.items).toBe(3);
    expect(r.findings.map((f) => f.rule)).toEqual(['repeated-header']);
  });

  it('a task numbered 1 with numbers in its cells is still a task', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, [1, 'Việc', 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024'], [2, 'Việc', 'Báo cáo', 'Sở Nội vụ', 20, 'Quý IV/2024']]), opts);
    expect(r.table!.headerRows).toEqual([3]);
    expect(r.counts.items).toBe(2);
  });
});
