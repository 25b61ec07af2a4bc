/**
 * The scoring features of the Excel host over the truthful fake (test/excel/fakeExcel.ts): a unit's workbook holds
 * its self-assessment and, pasted as another sheet, the council's appraisal; the pane lists the sheets, reads both,
 * compares them, and writes the bảng giải trình as a new sheet.
 */
import { createExcelHost } from '../../src/taskpane/excelHost';
import { check } from '../../src/core/check';
import { appraisedScoreColumn, diffScores, selfScoreColumn } from '../../src/core/scores/diff';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { FakeExcel, type CellInput } from '../excel/fakeExcel';
import { fixtureSnapshot } from '../helpers';
import { appraisalFile, selfSheet } from '../hagiangVariants';

function putSnapshot(x: FakeExcel, name: string, s: SheetSnapshot): void {
  const sheet = x.addSheet(name);
  const grid: CellInput[][] = s.values.map((row, i) =>
    row.map((v, j): CellInput => {
      if (v === null || typeof v === 'object') return null;
      const fmt = s.numberFormats?.[i]?.[j];
      return fmt ? { value: v, numberFormat: fmt } : v;
    }),
  );
  sheet.put('A1', grid);
  sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
}

let hagiang: SheetSnapshot;
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});

test('lists the sheets, reads both, and writes the bảng giải trình: text as text, numbers with their formats, header frozen', async () => {
  const x = new FakeExcel();
  putSnapshot(x, 'Tự đánh giá', selfSheet(hagiang));
  putSnapshot(x, 'Kết quả thẩm định', appraisalFile(hagiang));
  const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported });

  expect(await host.listSheets!()).toEqual({ names: ['Tự đánh giá', 'Kết quả thẩm định'], active: 'Tự đánh giá' });
  const options = { asOf: '2024-06-01' };
  const self = check(await host.readSheet!('Tự đánh giá'), options);
  const appr = check(await host.readSheet!('Kết quả thẩm định'), options);
  expect(self.sheet).toBe('Tự đánh giá');
  const diff = diffScores({ report: self, column: selfScoreColumn(self)!.column }, { report: appr, column: appraisedScoreColumn(appr)!.column });
  expect(diff.onlyInAppraisal.map((c) => c.code)).toEqual(['1.8']);
  expect(diff.cuts.map((c) => [c.code, c.diff])).toEqual([['1.5', -0.5]]);

  const writesBefore = x.writes;
  const name = await host.writeExplanationSheet!(diff, 'vi');
  expect(name).toBe('Bảng giải trình');
  const ws = x.sheet(name)!;
  expect(ws.get(4, 1)?.value).toBe('STT');
  expect(ws.get(5, 2)?.value).toBe('1.5. Sáng kiến trong cải cách hành chính');
  expect([ws.get(5, 3)?.value, ws.get(5, 4)?.value, ws.get(5, 5)?.value, ws.get(5, 6)?.value]).toEqual([2, 1, 0.5, -0.5]);
  expect(ws.get(5, 6)?.numberFormat).toBe('0.00');
  expect(ws.get(5, 8)?.value ?? '').toBe(''); // lý do đề nghị: for the unit to write
  expect(ws.get(6, 2)?.value).toBe('Tổng chênh lệch');
  expect(ws.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 8 },
    { top: 2, left: 1, bottom: 2, right: 8 },
  ]);
  expect(ws.frozenRows).toBe(4);
  expect(x.activeName).toBe(name);
  expect(x.writes).toBeGreaterThan(writesBefore);
  // the sheets compared are untouched
  expect(check(await host.readSheet!('Tự đánh giá'), options).findings).toEqual(self.findings);
  // a second table gets its own sheet
  expect(await host.writeExplanationSheet!(diff, 'en')).toBe('Explanation table');
  expect(await host.writeExplanationSheet!(diff, 'vi')).toBe('Bảng giải trình (2)');
});

test('a sheet that is no longer there (renamed or deleted since the list was read) fails with Excel\'s error', async () => {
  const x = new FakeExcel();
  putSnapshot(x, 'Tự đánh giá', selfSheet(hagiang));
  const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported });
  await expect(host.readSheet!('Không có')).rejects.toMatchObject({ code: 'ItemNotFound' });
});
