/**
 * Where the table ends: signature and notes blocks under it, a second table on the same sheet. Their rows are not the
 * table's tasks; a second table is said to be unchecked, never silently skipped or read under the first one's columns.
 */
import { check } from '../../../src/core/check';
import { findTableEnd } from '../../../src/core/table/extent';
import { Grid, type CellValue } from '../../../src/core/snapshot';
import { canIgnore } from '../../../src/core/ignores';
import { sheet, cellsOf, fixtureSnapshot, TASK_HEAD, insertRows, editCells } from '../../helpers';

const opts = { asOf: '2024-06-15' };
const TITLE: CellValue[] = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'];
const item = (n: number): CellValue[] => [n, `Việc ${n}`, 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024'];
const rules = (rows: CellValue[][]) => check(sheet(rows), opts).findings.map((f) => `${f.rule} ${f.cell}`);

describe('signature and notes blocks under the table', () => {
  it.each([
    ['"Nơi nhận:" and "KT. CHỦ TỊCH" after a blank row', [[], [null, 'Nơi nhận:', null, null, 'KT. CHỦ TỊCH'], [null, '- Như trên;', null, null, 'PHÓ CHỦ TỊCH'], [null, '- Lưu: VT.'], [], [null, null, null, null, 'Nguyễn Văn A']]],
    ['the same right under the last task', [[null, 'Nơi nhận:', null, null, 'KT. CHỦ TỊCH'], [null, '- Như trên;', null, null, 'PHÓ CHỦ TỊCH'], [null, null, null, null, 'Nguyễn Văn A']]],
    ['"TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / "(Đã ký)" in columns A and D', [[], ['Nơi nhận:', null, null, 'TM. ỦY BAN NHÂN DÂN'], ['- Như trên;', null, null, 'CHỦ TỊCH'], [null, null, null, '(Đã ký)'], [null, null, null, 'Nguyễn Văn A']]],
    ['a dateline and the preparer', [[], [null, null, null, 'Huế, ngày 08 tháng 12 năm 2023'], [null, 'Người lập biểu', null, 'GIÁM ĐỐC'], [null, 'Trần Thị B', null, 'Lê Văn C']]],
    ['"Ghi chú: …" in the content column, and in column A', [[null, 'Ghi chú: kinh phí thực hiện từ nguồn CCHC của tỉnh'], ['Ghi chú:', 'Các cơ quan chủ động bố trí kinh phí.']]],
    ['"* Ghi chú" and "Lưu ý"', [['* Ghi chú: (1) số liệu tạm tính'], [null, 'Lưu ý: gửi báo cáo trước ngày 15 hằng tháng']]],
  ] as [string, CellValue[][]][])('%s: not read as lines of the last task', (_name, footer) => {
    // before: every signature line was a line of task 2 with no product, lead agency or deadline (and a name was an
    // invalid amount)
    expect(rules([TITLE, [], TASK_HEAD, item(1), item(2), ...footer])).toEqual([]);
  });

  it('the table still ends at its total and words rows; the footer under them changes nothing', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, item(1), item(2), [null, 'Tổng cộng', null, null, 20], ['(Bằng chữ: Hai mươi triệu đồng)'], [], [null, 'Nơi nhận:', null, null, 'KT. CHỦ TỊCH']]), opts);
    expect(r.findings).toEqual([]);
    expect(r.budget!.stated).toBe(20);
  });

  it('a notes line in the content column between tasks is no line of the task above (3 false missing cells before)', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, item(1), [null, 'Ghi chú: nhiệm vụ này phối hợp với Sở Tư pháp'], item(2)]), opts);
    expect(r.findings).toEqual([]);
    expect(r.counts.items).toBe(2);
  });

  it('a notes line between tasks does not end the table: the tasks under it are still checked', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, item(1), ['Ghi chú: các nhiệm vụ sau do cấp huyện thực hiện'], [2, 'Việc 2', null, 'UBND huyện', 5, 'Quý IV/2024']]), opts);
    expect(cellsOf(r, 'missing-required')).toEqual(['C6']);
    expect(r.counts.items).toBe(2);
  });

  it('a part of a task whose lead agency reads like a title ("Chủ tịch UBND tỉnh") is still the task\'s', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, item(1), [2, 'Việc 2', 'Báo cáo', 'Sở Nội vụ', 5, 'Quý IV/2024'], [null, 'Phần hai', null, 'Chủ tịch', null, null]]), opts);
    expect(cellsOf(r, 'missing-required')).toEqual(['C6', 'F6']);
  });

  it('the real fixtures keep every row: none of them ends early', async () => {
    for (const name of ['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx']) {
      expect(findTableEnd(new Grid(await fixtureSnapshot(name)))).toBeNull();
    }
  });

  it('Huế with its signature block typed under the amount in words: the same findings', async () => {
    const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
    const signed = editCells(hue, { B64: 'Nơi nhận:', F64: 'KT. CHỦ TỊCH', B65: '- Như trên;', F65: 'PHÓ CHỦ TỊCH', F68: 'Nguyễn Văn Cao' });
    const before = check(hue, { asOf: '2018-02-15' }).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(check(signed, { asOf: '2018-02-15' }).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(before);
  });
});

describe('two tables on one sheet', () => {
  it('"PHỤ LỤC II" with the same header after the first table\'s total: said to be unchecked, not skipped in silence', () => {
    const r = check(
      sheet([['PHỤ LỤC I'], TITLE, TASK_HEAD, item(1), item(2), [null, 'Tổng cộng', null, null, 20], [], ['PHỤ LỤC II'], ['DANH MỤC ĐỀ ÁN NĂM 2024'], TASK_HEAD, item(1), [2, 'Việc', null, 'Sở', 5, null], [null, 'Tổng cộng', null, null, 15]]),
      opts,
    );
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['second-table A10']);
    expect(r.findings[0].message.vi).toContain('PHỤ LỤC II');
    expect(r.findings[0].message.vi).toContain('CHƯA được kiểm tra');
    expect(r.budget!.stated).toBe(20);
    expect(canIgnore(r.findings[0])).toBe(false);
  });

  it('the same header under a title, no totals: no duplicate numbers, no repeated-header, the first table\'s tasks only', () => {
    // before: "repeated-header A8", "numbering-duplicate A9", "numbering-duplicate A10" and the second table's gaps
    const r = check(sheet([['PHỤ LỤC I'], TITLE, TASK_HEAD, item(1), item(2), [], ['PHỤ LỤC II'], TASK_HEAD, item(1), [2, 'Việc', null, 'Sở', 5, null]]), opts);
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['second-table A8']);
    expect(r.counts.items).toBe(2);
  });

  it('a second table of another shape is not read under the first one\'s columns', () => {
    // before: its tasks were read with the first header's columns: a "missing" deadline in F, where it has none
    const r = check(
      sheet([['PHỤ LỤC I'], TITLE, TASK_HEAD, item(1), item(2), [], ['PHỤ LỤC II'], ['STT', 'Tên văn bản', 'Cơ quan chủ trì', 'Thời gian trình'], [1, 'Quyết định', 'Sở Tư pháp', 'Quý III/2024'], [2, 'Nghị quyết', 'Sở Nội vụ', null]]),
      opts,
    );
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['second-table A8']);
  });

  it('the same header, no title, numbering starting again at 1 (or sections again at I): a second table', () => {
    expect(rules([TITLE, [], TASK_HEAD, item(1), item(2), [], TASK_HEAD, item(1), item(2)])).toEqual(['second-table A7']);
    const sec = (l: string): CellValue[] => [l, `Mục ${l}`];
    expect(rules([TITLE, [], TASK_HEAD, sec('I'), item(1), sec('II'), item(2), TASK_HEAD, sec('I'), item(1)])).toEqual(['second-table A8']);
  });

  it('a page-break header after a total on top of the table, or after a section total, is still the same table', () => {
    // before: the total on top (or "Tổng cộng (I)") counted as the first table's end: "second-table", not checked
    const top: CellValue[] = [null, 'TỔNG SỐ', null, null, 30];
    expect(rules([TITLE, [], TASK_HEAD, top, item(1), item(2), TASK_HEAD, item(3)])).toEqual(['repeated-header A7']);
    const sec = (l: string): CellValue[] => [l, `Mục ${l}`];
    const secTotal: CellValue[] = [null, 'Tổng cộng (I)', null, null, 20];
    expect(rules([TITLE, [], TASK_HEAD, sec('I'), item(1), item(2), secTotal, TASK_HEAD, sec('II'), item(3)])).toEqual(['repeated-header A8']);
    // after the grand total it is a second table, as before
    expect(rules([TITLE, [], TASK_HEAD, item(1), item(2), [null, 'Tổng cộng', null, null, 20], TASK_HEAD, item(1)])).toEqual(['second-table A7']);
  });

  it('a header repeated by a page break, numbering running on, is still the same table', () => {
    expect(rules([TITLE, [], TASK_HEAD, item(1), item(2), TASK_HEAD, item(3)])).toEqual(['repeated-header A6']);
    const sec = (l: string): CellValue[] => [l, `Mục ${l}`];
    expect(rules([TITLE, [], TASK_HEAD, sec('I'), item(1), TASK_HEAD, sec('II'), item(1)])).toEqual(['repeated-header A6']);
  });

  it('a second table under the signature block of the first', () => {
    const r = check(sheet([TITLE, [], TASK_HEAD, item(1), [], [null, 'Nơi nhận:', null, null, 'KT. CHỦ TỊCH'], [], ['PHỤ LỤC II'], TASK_HEAD, item(1)]), opts);
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['second-table A9']);
  });

  it('Cát Hải with a second appendix pasted under it: its own findings, and one for the second table', async () => {
    const cathai = await fixtureSnapshot('cathai-2023-danh-muc.xlsx');
    const before = check(cathai, { asOf: '2023-06-30' }).findings.map((f) => `${f.rule} ${f.cell}`);
    const two = insertRows(cathai, 48, [[], ['PHỤ LỤC II'], ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/ hoàn thành', 'Sản phẩm'], [1, 'Rà soát', 'Phòng Nội vụ', null, null, null]]);
    const after = check(two, { asOf: '2023-06-30' }).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(after).toEqual([...before, 'second-table A50']);
  });
});
