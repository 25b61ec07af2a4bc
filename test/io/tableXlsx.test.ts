/** The self-contained .xlsx writer: what it writes reads back the same (through ExcelJS, the reader the CLI uses). */
import { writeXlsx, crc32, utf8, safeSheetName } from '../../src/io/tableXlsx';
import { explanationXlsx, explanationFileName } from '../../src/io/explanationXlsx';
import ExcelJS from 'exceljs';
import { readSnapshots } from '../../src/io/xlsx';
import { check } from '../../src/core/check';
import { editSnapshot, fixtureSnapshot } from '../helpers';

describe('writeXlsx', () => {
  it('writes text, numbers with their decimals, bold headers, widths, merges and a frozen header that read back', async () => {
    const bytes = writeXlsx([
      {
        name: 'Bảng giải trình',
        rows: [
          [{ v: 'BẢNG GIẢI TRÌNH', bold: true }, null],
          ['=SUM(A1:A2) stays text', { v: 0.8617, decimals: 2 }],
          ['Tiếng Việt: Đối thoại ừ ữ ự & <b> "x"', -0.5],
          ['control\u0001chars are dropped', { v: 1, decimals: 0 }],
        ],
        widths: [40, 10],
        merges: ['A1:B1'],
        freezeRows: 1,
      },
    ]);
    const [s] = await readSnapshots(bytes);
    expect(s.name).toBe('Bảng giải trình');
    expect(s.values[0][0]).toBe('BẢNG GIẢI TRÌNH');
    expect(s.values[1]).toEqual(['=SUM(A1:A2) stays text', 0.8617]);
    expect(s.formulas?.[1]?.[0] ?? null).toBeNull();
    expect(s.values[2]).toEqual(['Tiếng Việt: Đối thoại ừ ữ ự & <b> "x"', -0.5]);
    expect(s.values[3][0]).toBe('controlchars are dropped');
    expect(s.numberFormats?.[1]?.[1]).toBe('0.00');
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    // ExcelJS as a second, independent reader (the project's reader keeps no fonts or widths)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('makes sheet names valid and unique', async () => {
    expect(safeSheetName('a/b:c?*[d]')).toBe('a b c   d');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    const bytes = writeXlsx([{ name: 'Bảng', rows: [['a']] }, { name: 'bảng', rows: [['b']] }]);
    expect((await readSnapshots(bytes)).map((s) => s.name)).toEqual(['Bảng', 'bảng (2)']);
  });

  it('zip and text primitives: CRC-32 and UTF-8 as the standards give them', () => {
    expect(crc32(utf8('123456789')).toString(16)).toBe('cbf43926');
    expect([...utf8('đ€😀')]).toEqual([0xc4, 0x91, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });
});

describe('explanationXlsx', () => {
  it('the bảng giải trình of a sheet with self and appraisal columns, as its own file', async () => {
    const hg = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const cells: Record<string, number | string | null> = { D5: 'Điểm tự đánh giá', E5: 'Điểm thẩm định', D109: 60.59 };
    for (let r = 7; r <= 109; r++) cells[`E${r}`] = (hg.values[r - 1][3] as number | null) ?? null;
    Object.assign(cells, { E14: 0.5, E7: 7.33, E109: 60.09 });
    const report = check(editSnapshot(hg, cells), { asOf: '2024-06-01' });
    const [s] = await readSnapshots(explanationXlsx(report.appraisal!, 'vi'));
    expect(s.name).toBe('Bảng giải trình');
    expect(s.values[3]).toEqual(['STT', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch', 'Tài liệu kiểm chứng', 'Lý do đề nghị']);
    expect(s.values[4].slice(0, 6)).toEqual([1, '1.5. Sáng kiến trong cải cách hành chính', 2, 1, 0.5, -0.5]);
    expect(String(s.values[4][6])).toContain('Được UBND tỉnh phê duyệt');
    expect(s.values[4][7] ?? null).toBeNull();
    expect(s.values[5].slice(1, 6)).toEqual(['Tổng chênh lệch', null, null, null, -0.5]);
    expect(s.numberFormats?.[4]?.[5]).toBe('0.00');
    expect(explanationFileName('Sở Nội vụ/tự đánh giá.xlsx', 'vi')).toBe('Sở Nội vụ-tự đánh giá-bang-giai-trinh.xlsx');
  });
});
