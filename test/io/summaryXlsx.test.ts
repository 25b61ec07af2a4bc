/**
 * The overview's .xlsx export (src/io/summaryXlsx.ts over the project's own writer): one row per file, numbers as
 * numbers (sortable), the rank column, the header row frozen and filterable, the notes sheet; read back by the
 * project's reader and by ExcelJS as a second reader.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { check } from '../../src/core/check';
import { fileSummaries } from '../../src/core/summary';
import { readSnapshots } from '../../src/io/xlsx';
import { summaryFileName, summaryXlsx } from '../../src/io/summaryXlsx';
import { checkFixture, fixtureSnapshot } from '../helpers';
import { selfSheet } from '../hagiangVariants';

async function rows() {
  const hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
  const opts = { asOf: '2018-02-15' };
  return fileSummaries([
    { file: 'hue.xlsx', sheets: [await checkFixture('hue-2018-nhiem-vu.xlsx', opts)] },
    { file: 'a.xlsx', sheets: [check(selfSheet(hagiang), opts)] },
    { file: 'c.xlsx', sheets: [check(selfSheet(hagiang, { D14: 2, D7: 8.83, D109: 61.59 }), opts)] },
    { file: 'hong.xlsx', sheets: [], error: 'Tệp bị hỏng.' },
  ]);
}

describe('summaryXlsx', () => {
  it('reads back: a header row, one row per file, numbers as numbers, the rank, the notes sheet', async () => {
    const bytes = summaryXlsx(await rows(), { lang: 'vi', asOf: '2018-02-15' });
    const [sheet, notes] = await readSnapshots(bytes);
    expect(sheet.name).toBe('Tổng hợp');
    expect(sheet.values).toHaveLength(5);
    const head = sheet.values[0] as string[];
    const col = (h: string) => head.indexOf(h);
    expect(sheet.values[1][col('Tệp')]).toBe('hue.xlsx');
    expect(sheet.values[1][col('Kinh phí tính được')]).toBe(26979);
    expect(sheet.values[1][col('Kinh phí ghi ở dòng tổng')]).toBe(21950);
    expect(typeof sheet.values[1][col('Lỗi')]).toBe('number');
    const rank = col('Điểm tự đánh giá — hạng');
    expect(rank).toBeGreaterThan(0);
    expect([sheet.values[2][rank], sheet.values[3][rank]]).toEqual([2, 1]);
    expect(sheet.values[2][col('Điểm tự đánh giá — tỷ lệ (%)')]).toBe(89.1);
    expect(sheet.numberFormats?.[2]?.[col('Điểm tự đánh giá — tỷ lệ (%)')]).toBe('0.0');
    expect(sheet.values[4][col('Trạng thái')]).toBe('Không đọc được');
    expect(sheet.values[4][col('Ghi chú')]).toBe('Tệp bị hỏng.');
    expect(notes.name).toBe('Ghi chú');
    expect(notes.values[0]).toEqual(['Ngày đối chiếu thời hạn', '15/02/2018']);
    expect(String(notes.values[2][1])).toContain('(1, 1, 3)');
  });

  it('the header row is frozen and carries Excel’s filter (sort) buttons over the whole table', async () => {
    const bytes = summaryXlsx(await rows(), { lang: 'en', asOf: '2018-02-15' });
    const parts = unzipSync(bytes);
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+5"\/>/);
    expect(xml).toContain('state="frozen"');
    expect(strFromU8(parts['xl/workbook.xml'])).toMatch(/<definedName name="_xlnm\._FilterDatabase" localSheetId="0" hidden="1">'Overview'!\$A\$1:\$[A-Z]+\$5<\/definedName>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Overview');
    expect(ws.autoFilter).toMatch(/^A1:[A-Z]+5$/);
    expect(ws.getCell('A1').value).toBe('File');
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('names the file after the as-of date', () => {
    expect(summaryFileName('2018-02-15', 'vi')).toBe('phuluc-tong-hop-2018-02-15.xlsx');
    expect(summaryFileName('2018-02-15', 'en')).toBe('phuluc-overview-2018-02-15.xlsx');
  });
});
