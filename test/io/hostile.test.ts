/**
 * Hostile and broken files made by the test itself: every one is read within the documented limits or refused with a
 * clear message in both languages (the library's own words only as a technical detail), never a hang or a crash.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readWorkbookFile, readSnapshots, WorkbookReadError } from '../../src/io/xlsx';
import { LIMITS } from '../../src/io/limits';
import { openZip, readEntry, useNativeInflate, writeZip } from '../../src/io/zip';
import { zlibInflate } from '../../src/cli/zlibInflate';
import { check } from '../../src/core/check';
import { DECL, REL, sheetXml, workbook, zip } from './pkg';
import { zipBomb } from './bomb';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (f: string) => new Uint8Array(readFileSync(path.join(FIXTURES, f)));

/** A copy of a package with one entry's central directory record edited (flags, method…). */
function patchCentral(bytes: Uint8Array, name: string, edit: (dv: DataView, at: number) => void): Uint8Array {
  const out = new Uint8Array(bytes);
  const dv = new DataView(out.buffer);
  for (let p = out.length - 22; p > 0; p--) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + len)) === name) {
      edit(dv, p);
      return out;
    }
  }
  throw new Error(`${name} not in the package`);
}

async function refusal(bytes: Uint8Array, options?: Parameters<typeof readWorkbookFile>[1]): Promise<WorkbookReadError> {
  try {
    await readWorkbookFile(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    const err = e as WorkbookReadError;
    // a message for people in both languages, no JavaScript or library words in it
    for (const t of [err.text.vi, err.text.en]) {
      expect(t.length).toBeGreaterThan(10);
      expect(t).not.toMatch(/TypeError|RangeError|undefined|null|Cannot read|Unexpected|xml:|zip:|sheet:/);
    }
    return err;
  }
  throw new Error('the file was read');
}

describe('limits', () => {
  it.each([
    ['fflate, streaming (the preview)', null],
    ["Node's zlib, whole part (the CLI)", 'zlib'],
  ])('a zip bomb (a sheet part inflating far past the limit, whatever size it declares) is refused as too large — %s', async (_label, inflater) => {
    if (inflater) useNativeInflate(zlibInflate);
    const bomb = zipBomb(LIMITS.partBytes + 1024 * 1024);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    try {
      const err = await refusal(bomb);
      expect(err.code).toBe('too-large');
      expect(err.text.vi).toMatch(/vượt giới hạn/);
      expect(err.text.en).toMatch(/256 MB/);
    } finally {
      useNativeInflate(null);
    }
  });

  it('more filled cells than the limit', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const err = await refusal(workbook({ sheets: [{ name: 'A', xml: sheetXml(rows) }] }), { limits: { filledCells: 20 } });
    expect(err.code).toBe('too-large');
    expect(err.text.en).toMatch(/more than 20 filled cells/);
  });

  it('a part larger than the part limit, and a file larger than the file limit', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const bytes = workbook({ sheets: [{ name: 'A', xml: sheetXml(rows) }] });
    expect((await refusal(bytes, { limits: { partBytes: 2000 } })).code).toBe('too-large');
    expect((await refusal(bytes, { limits: { fileBytes: 100 } })).code).toBe('too-large');
  });
});

describe('huge areas in small files', () => {
  const hue = fixture('hue-2018-nhiem-vu.xlsx');

  /** The Huế workbook with its sheet part edited. */
  function editHue(edit: (xml: string) => string): Uint8Array {
    const z = openZip(hue);
    return writeZip(
      hue,
      z.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: new TextEncoder().encode(edit(new TextDecoder().decode(readEntry(z, e)))) } : { copy: e })),
    );
  }

  it('one merged area H1:XFD1048576: read in a few kilobytes, clamped to the data, checked as before', async () => {
    const bytes = editHue((x) => x.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="H1:XFD1048576"/>`));
    const [s] = await readSnapshots(bytes);
    const [plain] = await readSnapshots(hue);
    expect(s.merges!.length).toBe(plain.merges!.length);
    const r = check(s, { asOf: '2018-02-15' });
    expect(r.findings).toEqual(check(plain, { asOf: '2018-02-15' }).findings);
  });

  it('a stray value at XFD1048576: the snapshot stays sparse and the sheet is still checked', async () => {
    const bytes = editHue((x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const [s] = await readSnapshots(bytes);
    expect(s.values.length).toBe(1048576);
    expect(s.values[1048575][16383]).toBe('x');
    expect(Object.keys(s.values[1048575]).length).toBe(1);
    expect(s.values[100000]).toEqual([]);
    const r = check(s, { asOf: '2018-02-15' });
    expect(r.findings.some((f) => f.rule === 'budget-total-mismatch' && f.cell === 'F61')).toBe(true);
  });
});

describe('damaged and foreign files', () => {
  it('a sheet whose part is missing, or whose relationship points nowhere, is a damaged file (not "no table")', async () => {
    const bytes = workbook({ sheets: [{ name: 'Phụ lục', xml: sheetXml('') }] });
    const z = openZip(bytes);
    const without = writeZip(bytes, z.entries.filter((e) => e.name !== 'xl/worksheets/sheet1.xml').map((e) => ({ copy: e })));
    let err = await refusal(without);
    expect(err.code).toBe('corrupt');
    expect(err.text.vi).toMatch(/Phụ lục/);
    const norel = writeZip(
      bytes,
      z.entries.map((e) =>
        e.name === 'xl/_rels/workbook.xml.rels'
          ? { name: e.name, data: new TextEncoder().encode(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`) }
          : { copy: e },
      ),
    );
    err = await refusal(norel);
    expect(err.code).toBe('corrupt');
  });

  it('a zip with no workbook, a Word document, an OpenDocument text', async () => {
    expect((await refusal(zip({ 'anh.jpg': new Uint8Array([1, 2, 3]) }))).code).toBe('no-workbook');
    const docx = zip({
      '[Content_Types].xml': `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
      '_rels/.rels': `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/document.xml': '<w:document xmlns:w="x"/>',
    });
    const err = await refusal(docx);
    expect(err.code).toBe('not-workbook');
    expect(err.text.vi).toMatch(/Word/);
    const odt = zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' });
    expect((await refusal(odt)).code).toBe('not-workbook');
  });

  it('an .ods or .xlsb named .xlsx is read for what it is', async () => {
    expect((await readWorkbookFile(fixture('hue-2018-nhiem-vu.ods'))).format).toBe('ods');
    expect((await readWorkbookFile(fixture('hue-2018-nhiem-vu.xlsb'))).format).toBe('xlsb');
    expect((await readWorkbookFile(fixture('hue-2018-nhiem-vu.xls'))).format).toBe('xls');
  });

  it('a file cut short, a broken part, cells beyond the sheet, a shared string that does not exist', async () => {
    const hue = fixture('hue-2018-nhiem-vu.xlsx');
    for (const n of [100, hue.length / 2, hue.length - 10]) expect((await refusal(hue.subarray(0, Math.floor(n)))).code).toBe('corrupt');
    const bad = [
      sheetXml('<row r="1"><c r="A1"><v>1</v></c></row'),
      sheetXml('<row r="1048577"><c><v>1</v></c></row>'),
      sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>'),
      sheetXml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'),
      sheetXml('<row r="1"><c r="A1"><v>mười</v></c></row>'),
    ];
    for (const xml of bad) {
      const err = await refusal(workbook({ sheets: [{ name: 'A', xml }], sharedStrings: ['x'] }));
      expect(err.code).toBe('corrupt');
      expect(err.detail).toBeTruthy();
    }
  });

  it('password-protected workbooks (encrypted OOXML in an OLE file, an encrypted zip entry)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    const err = await refusal(ole);
    expect(err.code).toBe('encrypted');
    expect(err.text.vi).toMatch(/mật khẩu/);
    const locked = patchCentral(workbook({ sheets: [{ name: 'A', xml: sheetXml('') }] }), 'xl/worksheets/sheet1.xml', (dv, p) => dv.setUint16(p + 8, dv.getUint16(p + 8, true) | 1, true));
    expect((await refusal(locked)).code).toBe('encrypted');
  });

  it('an unsupported compression method', async () => {
    const out = patchCentral(workbook({ sheets: [{ name: 'A', xml: sheetXml('') }] }), 'xl/worksheets/sheet1.xml', (dv, p) => dv.setUint16(p + 10, 14, true));
    expect((await refusal(out)).code).toBe('unsupported');
  });

  it('empty, PDF, CSV, random bytes, a .doc', async () => {
    expect((await refusal(new Uint8Array(0))).code).toBe('empty');
    expect((await refusal(new TextEncoder().encode('%PDF-1.7\n...'))).text.vi).toMatch(/PDF/);
    expect((await refusal(new TextEncoder().encode('TT,Nội dung\n1,Rà soát\n'))).text.vi).toMatch(/CSV/);
    expect((await refusal(new Uint8Array([0, 1, 2, 3, 250, 251, 7, 8, 0, 0, 1]))).code).toBe('not-workbook');
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < 'WordDocument'.length; i++) doc[600 + 2 * i] = 'WordDocument'.charCodeAt(i);
    expect((await refusal(doc)).text.vi).toMatch(/Word/);
  });
});
