/**
 * A budget over several columns: "Kinh phí (triệu đồng)" merged over "Tổng số | Ngân sách tỉnh | Ngân sách huyện"
 * (or the sources alone). The "Tổng số" column is the budget wherever it stands, each column is added up on its own,
 * and the sources must add up to "Tổng số" on every row (budget-sources-mismatch).
 */
import { byRule, sheet } from '../../helpers';
import { check } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';

/** Title, blank, a two-row header (the budget group over D:F), then `rows` from row 5. */
function run(subs: string[], rows: CellValue[][], group = 'Kinh phí (triệu đồng)') {
  const head1 = ['TT', 'Nội dung', 'Cơ quan chủ trì', group, null, null, 'Thời gian hoàn thành'];
  const head2 = [null, null, null, ...subs, null];
  const merges = [
    { top: 3, left: 4, bottom: 3, right: 6 },
    ...[1, 2, 3, 7].map((c) => ({ top: 3, left: c, bottom: 4, right: c })),
  ];
  return check(sheet([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], [], head1, head2, ...rows], { merges }), { asOf: '2024-06-15' });
}
const task = (n: number, ...amounts: CellValue[]): CellValue[] => [n, `Nhiệm vụ ${n}`, 'Sở Nội vụ', ...amounts, 'Quý IV/2024'];
const total = (...amounts: CellValue[]): CellValue[] => ['Tổng cộng', null, null, ...amounts, null];
const SUBS = ['Tổng số', 'Ngân sách tỉnh', 'Ngân sách huyện'];

describe('a budget over several columns', () => {
  it('totals the "Tổng số" column and checks each source column on its own', () => {
    const r = run(SUBS, [task(1, 500, 300, 200), task(2, 100, 100, null), total(600, 400, 200)]);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ column: 'D', total: 600, stated: 600, unit: 'triệu đồng' });
    expect(r.budget!.sources).toEqual([
      { column: 'E', header: 'Ngân sách tỉnh', total: 400, stated: 400 },
      { column: 'F', header: 'Ngân sách huyện', total: 200, stated: 200 },
    ]);
    expect(r.table!.headers).toMatchObject({ E: 'Kinh phí (triệu đồng) / Ngân sách tỉnh' });
  });
  it('finds a row whose sources do not add up to its total, and a wrong total of one source, once each', () => {
    const r = run(SUBS, [task(1, 500, 300, 300), task(2, 100, 100, null), total(600, 400, 250)]);
    expect(r.findings.map((f) => [f.rule, f.cell, f.message.vi])).toEqual([
      ['budget-sources-mismatch', 'D5', 'Tổng số D5 ghi 500 nhưng các nguồn E5, F5 cộng lại 600 (chênh 100).'],
      ['budget-total-mismatch', 'F7', 'Cột F «Ngân sách huyện»: Tổng cộng ghi 250 triệu đồng nhưng tổng các nhiệm vụ là 300 triệu đồng (chênh 50).'],
    ]);
    // the source column's total gets its own SUM fix
    expect(byRule(r, 'budget-total-mismatch')[0].fix!.edits[0].after.formula).toBe('=SUM(F5)');
  });
  it('finds the "Tổng số" column wherever it stands (before: the first sub-column, Ngân sách tỉnh, was the budget)', () => {
    const r = run(['Ngân sách tỉnh', 'Ngân sách huyện', 'Tổng số'], [task(1, 300, 200, 500), task(2, 100, null, 100), total(400, 200, 600)]);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ column: 'F', total: 600, stated: 600 });
  });
  it('says so when "Tổng số" is empty beside amounts by source (the budget total would leave them out)', () => {
    const r = run(SUBS, [task(1, 500, 300, 200), task(2, null, 100, null), total(600, 400, 200)]);
    expect(byRule(r, 'budget-sources-mismatch').map((f) => [f.cell, f.message.vi])).toEqual([
      ['D6', 'D6 («Tổng số») để trống nhưng các nguồn E6 ghi 100: khoản này không được tính vào tổng kinh phí. Hãy ghi Tổng số của dòng.'],
    ]);
    expect(byRule(r, 'budget-total-mismatch').map((f) => f.cell)).toEqual(['D7']);
  });
  it('without a "Tổng số" column the budget is the sum of the sources (before: only the first one, 400)', () => {
    const rows = [task(1, 300, 200, null), task(2, 100, null, 50), total(400, 200, 50), ['Bằng chữ: Sáu trăm năm mươi triệu đồng']];
    const r = run(['NSTW', 'NSĐP', 'Nguồn khác'], rows);
    expect(r.findings).toEqual([]);
    expect(r.budget).toMatchObject({ column: 'D:F', total: 650, stated: 650, words: { amount: 650 } });
    expect(r.budget!.sources!.map((s) => [s.column, s.header, s.total])).toEqual([['D', 'NSTW', 400], ['E', 'NSĐP', 200], ['F', 'Nguồn khác', 50]]);
    rows[3] = ['Bằng chữ: Bốn trăm triệu đồng'];
    expect(byRule(run(['NSTW', 'NSĐP', 'Nguồn khác'], rows), 'budget-words-mismatch').map((f) => f.expected)).toEqual([650]);
  });
  it('reads "Tổng số | Trong đó: …" as a part of the total: less is normal, more is found', () => {
    const subs = ['Tổng số', 'Trong đó: NS tỉnh', 'NS huyện'];
    expect(run(subs, [task(1, 500, 300, null), task(2, 100, null, null), total(600, 300, null)]).findings).toEqual([]);
    const r = run(subs, [task(1, 500, 300, 300), task(2, 100, null, null), total(600, 300, 300)]);
    expect(byRule(r, 'budget-sources-mismatch').map((f) => [f.cell, f.message.vi])).toEqual([
      ['D5', 'Các cột «Trong đó» E5, F5 cộng lại 600, nhiều hơn Tổng số D5 là 500 (vượt 100).'],
    ]);
  });
  it('keeps one amount column where the sub-columns are no sources', () => {
    // an estimate: the amount is "Thành tiền"; "Số lượng" and "Đơn giá" are no amounts to add
    const est = run(['Số lượng', 'Đơn giá', 'Thành tiền'], [task(1, 2, 50, 100), task(2, 1, 20, 20), total(null, null, 120)]);
    expect(est.findings).toEqual([]);
    expect(est.budget).toMatchObject({ column: 'F', total: 120, stated: 120 });
    expect(est.budget!.sources).toBeUndefined();
    // a text column of the source next to the amount: never read as money
    const src = run(['Tổng số', 'Nguồn kinh phí', 'Ghi chú'], [task(1, 500, 'Ngân sách tỉnh', null), task(2, 100, 'Lồng ghép', null), total(600, null, null)]);
    expect(src.findings).toEqual([]);
    expect(src.budget).toMatchObject({ column: 'D', total: 600 });
  });
  it('reads every source column as money: unreadable cells and numbers stored as text are found there', () => {
    const r = run(SUBS, [task(1, 500, '300', '2..00'), task(2, 100, 100, null), total(600, 400, null)]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['number-as-text', 'E5'],
      ['invalid-number', 'F5'],
    ]);
    expect(byRule(r, 'number-as-text')[0].fix).toBeDefined();
  });
});
