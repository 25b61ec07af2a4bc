/**
 * The streaming .xlsx reader (src/io/ooxml.ts through readWorkbookFile): the fixtures cell for cell against ExcelJS as
 * a second reader, and hand-made packages for every kind of value, formula, format and layout the engine uses.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readWorkbookFile, readSnapshots } from '../../src/io/xlsx';
import { cellMap, referenceSnapshots } from './reference';
import { DECL, NS, REL, asXlsm, sheetXml, stylesXml, workbook, zip } from './pkg';
import type { SheetSnapshot } from '../../src/core/snapshot';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

async function one(bytes: Uint8Array): Promise<SheetSnapshot> {
  const [s] = await readSnapshots(bytes);
  return s;
}

describe('the fixtures, against ExcelJS as a second reader', () => {
  it.each(['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx'])('%s: same cells, formats, merges', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    const ours = await readWorkbookFile(bytes);
    const theirs = await referenceSnapshots(bytes);
    expect(ours.format).toBe('xlsx');
    expect(ours.annotatable).toBe(true);
    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    ours.sheets.forEach((s, i) => {
      expect([...cellMap(s)]).toEqual([...cellMap(theirs[i])]);
      expect(s.merges).toEqual(theirs[i].merges);
      expect(s.values.length).toBe(theirs[i].values.length);
      expect(s.fonts).toEqual(['Calibri']);
    });
  });
});

describe('values, formulas and formats', () => {
  const styles = stylesXml(
    [
      [164, 'dd/mm/yyyy'],
      [165, '#,##0.00" tr.đ"'],
    ],
    [
      [0, 0],
      [164, 1],
      [165, 0],
      [3, 0],
      [14, 0],
      [9, 0],
    ],
    ['Times New Roman', '.VnTime'],
  );
  const sst = `${DECL}<sst xmlns="${NS}"><si><t>Nội dung</t></si><si><r><rPr><rFont val="VNI-Times"/></rPr><t>Chữ </t></r><r><t xml:space="preserve">đậm</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si><si><t>_x0041__x005F_x0042_ và _x000D_</t></si><si><t/></si></sst>`;
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
    '<row r="2"><c r="A2" s="1"><v>45371</v></c><c r="B2" s="2"><v>21950</v></c><c r="C2" s="3"><v>1234.5</v></c><c r="D2" s="4"><v>43101</v></c><c r="E2" s="5"><v>0.5</v></c></row>' +
    '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="inlineStr"><is><t>nội tuyến</t></is></c><c r="D3" t="d"><v>2024-03-20T12:00:00</v></c><c r="E3" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>' +
    '<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>3</v></c><c r="B4"><v>1</v></c><c r="C4"><v>2</v></c><c r="D4" t="str"><f>"x"&amp;A1</f><v>xNội dung</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
    '<row r="5"><c r="A5"><f t="shared" ref="A5:A7" si="0">B5*2</f><v>2</v></c><c r="B5"><v>1</v></c></row>' +
    '<row r="6"><c r="A6"><f t="shared" si="0"/><v>4</v></c><c r="B6"><v>2</v></c></row>' +
    '<row r="7"><c r="A7"><f t="shared" si="0"/></c></row>';

  let s: SheetSnapshot;
  beforeAll(async () => {
    s = await one(workbook({ sheets: [{ name: 'Dữ liệu', xml: sheetXml(rows) }], sharedStrings: sst, styles }));
  });

  it('shared, rich-text (without phonetic runs) and escaped strings; an empty shared string is an empty cell', () => {
    expect(s.values[0]).toEqual(['Nội dung', 'Chữ đậm', 'A_x0042_ và \r']);
  });

  it('numbers with custom and built-in formats (General is no format)', () => {
    expect(s.values[1]).toEqual([45371, 21950, 1234.5, 43101, 0.5]);
    expect(s.numberFormats![1]).toEqual(['dd/mm/yyyy', '#,##0.00" tr.đ"', '#,##0', 'mm-dd-yy', '0%']);
    expect(s.numberFormats![0]).toEqual([]);
  });

  it('booleans, errors, inline strings (rich too) and ISO dates', () => {
    expect(s.values[2]).toEqual([true, { error: '#REF!' }, 'nội tuyến', 45371.5, 'ab']);
  });

  it('formulas with their cached results; shared formulas moved to each cell; a formula without a result is kept', () => {
    expect(s.values[3]).toEqual([3, 1, 2, 'xNội dung', { error: '#DIV/0!' }]);
    expect(s.formulas![3]).toEqual(['=SUM(B4:C4)', undefined, undefined, '="x"&A1', '=1/0']);
    expect(s.formulas![4][0]).toBe('=B5*2');
    expect(s.formulas![5][0]).toBe('=B6*2');
    expect(s.formulas![6][0]).toBe('=B7*2');
    expect(s.values[6]).toEqual([null]);
    expect(s.values.length).toBe(7);
  });

  it('the fonts the cells use, rich-text run fonts included', () => {
    expect(s.fonts!.sort()).toEqual(['.VnTime', 'Times New Roman', 'VNI-Times']);
  });
});

describe('layout', () => {
  it('cells and rows without r follow the previous ones', async () => {
    const s = await one(workbook({ sheets: [{ name: 'A', xml: sheetXml('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>') }] }));
    expect(s.values).toEqual([[1, 2], [], [null, 3, 4], [5]]);
  });

  it('an x: prefix on every element reads the same', async () => {
    const xml = `${DECL}<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>`;
    const s = await one(workbook({ sheets: [{ name: 'A', xml }] }));
    expect(s.values).toEqual([[], [null, 7]]);
    expect(s.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 2 }]);
  });

  it('merged areas are clamped to the cells that hold something; the declared used range is not trusted', async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row><row r="3"><c r="C3"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1"/><mergeCell ref="H1:XFD1048576"/><mergeCell ref="A5:B9"/></mergeCells>', '<dimension ref="A1:XFD1048576"/>');
    const s = await one(workbook({ sheets: [{ name: 'A', xml }] }));
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(s.values.length).toBe(3);
  });

  it('sheet names, order and visibility; chart sheets are left out', async () => {
    const bytes = workbook({
      sheets: [
        { name: 'Hiện', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: 'Ẩn', xml: sheetXml(''), state: 'hidden' },
        { name: 'Rất ẩn', xml: sheetXml(''), state: 'veryHidden' },
      ],
    });
    const sheets = await readSnapshots(bytes);
    expect(sheets.map((x) => [x.name, x.visibility])).toEqual([
      ['Hiện', undefined],
      ['Ẩn', 'hidden'],
      ['Rất ẩn', 'veryHidden'],
    ]);
  });

  it('the 1904 date system: date cells are moved to Excel’s usual count, numbers are not', async () => {
    const styles = stylesXml([], [[0, 0], [14, 0]]);
    const s = await one(workbook({ sheets: [{ name: 'A', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>42369</v></c><c r="B1"><v>42369</v></c></row>') }], styles, date1904: true }));
    expect(s.values[0]).toEqual([42369 + 1462, 42369]);
  });

  it('an .xlsm reads like an .xlsx, named as such', async () => {
    const wb = await readWorkbookFile(asXlsm(workbook({ sheets: [{ name: 'A', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] })));
    expect(wb.format).toBe('xlsm');
    expect(wb.sheets[0].values).toEqual([[1]]);
  });

  it('a part written in UTF-16 with a byte order mark', async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Hà Giang</t></is></c></row>');
    const u16 = new Uint8Array(2 + xml.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      u16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const s = await one(workbook({ sheets: [{ name: 'A', xml: '' }], extra: { 'xl/worksheets/sheet1.xml': u16 } }));
    expect(s.values).toEqual([['Hà Giang']]);
  });

  it('relationship targets given as absolute part names', async () => {
    const bytes = workbook({ sheets: [{ name: 'A', xml: sheetXml('<row r="1"><c r="A1"><v>5</v></c></row>') }] });
    const { openZip, readEntry } = await import('../../src/io/zip');
    const z = openZip(bytes);
    const parts: Record<string, Uint8Array | string> = {};
    for (const e of z.entries) parts[e.name] = readEntry(z, e);
    parts['xl/_rels/workbook.xml.rels'] = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`;
    expect((await one(zip(parts))).values).toEqual([[5]]);
  });
});
