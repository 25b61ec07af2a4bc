/**
 * The per-file summary rows shared by the CLI's --summary and the preview's overview (src/core/summary.ts): status,
 * counts, the budget summed exactly over the sheets (never across units), ranks with ties (1, 1, 3), and the table the
 * .xlsx export writes.
 */
import { check } from '../../src/core/check';
import type { SheetReport } from '../../src/core/report';
import { fileSummaries, summaryRows, summaryScoreColumns, summaryTable, type SummaryInput } from '../../src/core/summary';
import { checkFixture, checkTasks, fixtureSnapshot, sheet } from '../helpers';
import { selfSheet } from '../hagiangVariants';

const budgetReport = (total: number, stated: number | null, unit: string): SheetReport => ({
  sheet: 'S',
  found: true,
  counts: { rows: 1, sections: 0, items: 1, subItems: 0, repeatedHeaders: 0, fragments: 0 },
  findings: [],
  budget: { column: 'E', total, stated, unit, sections: [], decimals: 1 },
});

describe('summaryRows', () => {
  it('Huế: checked, its counts, overdue tasks and the budget computed vs stated', async () => {
    const hue = await checkFixture('hue-2018-nhiem-vu.xlsx', { asOf: '2018-02-15' });
    const [row] = summaryRows([{ file: 'hue.xlsx', sheets: [hue] }]);
    expect(row).toMatchObject({ file: 'hue.xlsx', status: 'ok', sheets: 1, budgetTotal: 26979, budgetStated: 21950, budgetUnit: 'triệu đồng', message: '' });
    expect(row.errors).toBe(hue.findings.filter((f) => f.severity === 'error').length);
    expect(row.warnings).toBe(hue.findings.filter((f) => f.severity === 'warning').length);
    expect(row.overdue).toBe(hue.deadlines!.overdue.length);
    expect(row.overdue).toBeGreaterThan(0);
  });

  it('unreadable, skipped and not-checked files keep their reason', () => {
    const none = check(sheet([['Danh sách cán bộ'], ['Nguyễn Văn A']]), { asOf: '2024-06-01' });
    const rows = summaryRows([
      { file: 'a.xlsx', sheets: [], error: 'Tệp bị hỏng.' },
      { file: 'b.txt', sheets: [], skipped: 'không phải bảng tính' },
      { file: 'c.xlsx', sheets: [none] },
    ]);
    expect(rows.map((r) => [r.status, r.message])).toEqual([
      ['unreadable', 'Tệp bị hỏng.'],
      ['skipped', 'không phải bảng tính'],
      ['not-checked', ''],
    ]);
    expect(rows[2].notChecked).toEqual(['table: no-table']);
  });

  it('sums the sheets’ budgets exactly, and not at all when their units differ', () => {
    const [same] = summaryRows([{ file: 'x', sheets: [budgetReport(0.1, 0.1, 'tỷ đồng'), budgetReport(0.2, 0.2, 'tỷ đồng')] }]);
    expect(same.budgetTotal).toBe(0.3); // 0.1 + 0.2 in floating point is 0.30000000000000004
    expect(same.budgetStated).toBe(0.3);
    const [mixed] = summaryRows([{ file: 'y', sheets: [budgetReport(30, 30, 'triệu đồng'), budgetReport(2, 2, 'tỷ đồng')] }]);
    expect(mixed).toMatchObject({ budgetTotal: null, budgetStated: null, budgetUnit: 'triệu đồng / tỷ đồng' });
    const [unstated] = summaryRows([{ file: 'z', sheets: [budgetReport(5, null, 'triệu đồng')] }]);
    expect(unstated).toMatchObject({ budgetTotal: 5, budgetStated: null });
  });
});

describe('fileSummaries ranks the files on each score column', () => {
  it('ties share a rank and the next is skipped (1, 1, 3); a file without the column is not ranked', async () => {
    const hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const opts = { asOf: '2024-06-01' };
    const inputs: SummaryInput[] = [
      { file: 'a.xlsx', sheets: [check(selfSheet(hagiang), opts)] },
      { file: 'b.xlsx', sheets: [check(selfSheet(hagiang), opts)] },
      { file: 'c.xlsx', sheets: [check(selfSheet(hagiang, { D14: 2, D7: 8.83, D109: 61.59 }), opts)] },
      { file: 'hue.xlsx', sheets: [checkTasks([[1, 'Nhiệm vụ', 'Báo cáo', 'Sở Nội vụ', 10, 'Quý IV/2024']])] },
      { file: 'hong.xlsx', sheets: [], error: 'hỏng' },
    ];
    const rows = fileSummaries(inputs);
    const self = (i: number) => rows[i].scores.find((s) => s.key === 'self');
    expect([self(0)?.rank, self(1)?.rank, self(2)?.rank]).toEqual([2, 2, 1]);
    expect(self(0)).toMatchObject({ total: 60.59, percent: 89.1, band: 'B', of: 3 });
    expect(rows[3].scores).toEqual([]);
    expect(rows[4].status).toBe('unreadable');
    expect(summaryScoreColumns(rows).map((c) => c.key)).toContain('self');
  });
});

describe('summaryTable (the overview’s .xlsx)', () => {
  it('one header row, numbers as numbers, a status in words, the rank column, the reason of a file not read', async () => {
    const hue = await checkFixture('hue-2018-nhiem-vu.xlsx', { asOf: '2018-02-15' });
    const hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const rows = fileSummaries([
      { file: 'hue.xlsx', sheets: [hue] },
      { file: 'hg.xlsx', sheets: [check(selfSheet(hagiang), { asOf: '2018-02-15' })] },
      { file: 'hong.xlsx', sheets: [], error: 'Tệp bị hỏng.' },
    ]);
    const t = summaryTable(rows, 'vi');
    expect(t.header.slice(0, 10)).toEqual(['Tệp', 'Trạng thái', 'Số trang tính', 'Lỗi', 'Cảnh báo', 'Lưu ý', 'Nhiệm vụ quá hạn', 'Kinh phí tính được', 'Kinh phí ghi ở dòng tổng', 'Đơn vị kinh phí']);
    expect(t.header).toContain('Điểm tự đánh giá — hạng');
    expect(t.header[t.header.length - 1]).toBe('Ghi chú');
    expect(t.rows[0].slice(0, 2)).toEqual(['hue.xlsx', 'Đã kiểm tra']);
    expect(t.rows[0][7]).toBe(26979);
    expect(t.rows[0][8]).toBe(21950);
    const rank = t.header.indexOf('Điểm tự đánh giá — hạng');
    expect(t.rows[1][rank]).toBe(1);
    expect(t.decimals[rank]).toBe(0);
    expect(t.rows[2].slice(0, 4)).toEqual(['hong.xlsx', 'Không đọc được', null, null]);
    expect(t.rows[2][t.header.length - 1]).toBe('Tệp bị hỏng.');
    expect(summaryTable(rows, 'en').header[1]).toBe('Status');
  });
});
