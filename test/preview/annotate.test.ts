/**
 * annotateWorkbook: the three fixtures and a hand-made workbook with formulas, dates, styles, notes and merges.
 * The copy keeps every original value, formula, number format and merge; finding cells carry the add-in's fills and
 * a note; a report sheet lists the findings with a link to each cell; text stays text.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { annotateWorkbook, MARK_ARGB, planCellMarks, REPORT_HEADER_ROWS, REPORT_SHEET_BASE, uniqueSheetName } from '../../src/io/annotate';
import { readSnapshots, WorkbookReadError } from '../../src/io/xlsx';
import { check } from '../../src/core/check';
import { MARK_COLORS, planMarks } from '../../src/excel/marks';
import { howToFixText, type Finding, type SheetReport } from '../../src/core/report';
import type { SheetSnapshot } from '../../src/core/snapshot';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const AS_OF = '2018-02-15';

async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

/** Every cell of every original sheet: value, formula, number format — through ExcelJS, as the file holds them. */
function cellDump(wb: ExcelJS.Workbook, sheets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null || cell.value === undefined) return;
        out[`${name}!${cell.address}`] = { value: cell.value, formula: cell.formula ?? null, numFmt: cell.numFmt ?? null, type: cell.type };
      }),
    );
    out[`${name}!merges`] = [...ws.model.merges].sort();
  }
  return out;
}

describe('annotateWorkbook on the fixtures', () => {
  const files = ['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx'];

  it.each(files)('%s: values unchanged, fills and notes on the finding cells, report sheet listing every finding', async (file) => {
    const original = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    const before = Buffer.from(original); // to prove the input is not touched
    const snaps = await readSnapshots(original);
    const reports = snaps.map((s) => check(s, { asOf: AS_OF }));
    expect(reports.some((r) => r.findings.length > 0)).toBe(true);

    const out = await annotateWorkbook(original, reports, { lang: 'vi', asOf: AS_OF, fileName: file });
    expect(Buffer.from(original).equals(before)).toBe(true);
    expect(out.length).toBeGreaterThan(0);

    // ── the project's own reader: the original sheets read back identically, plus one report sheet ──
    const again = await readSnapshots(out);
    expect(again.map((s) => s.name)).toEqual([...snaps.map((s) => s.name), REPORT_SHEET_BASE]);
    for (let i = 0; i < snaps.length; i++) expect(again[i]).toEqual(snaps[i]);
    // and the engine finds the same things in the copy
    for (let i = 0; i < snaps.length; i++) expect(check(again[i], { asOf: AS_OF }).findings).toEqual(reports[i].findings);

    // ── ExcelJS: values, formulas and formats cell by cell; the marks; the report sheet ──
    const a = await loadBook(original);
    const b = await loadBook(out);
    const names = snaps.map((s) => s.name);
    expect(cellDump(b, names)).toEqual(cellDump(a, names));

    for (const r of reports) {
      const ws = b.getWorksheet(r.sheet)!;
      const orig = a.getWorksheet(r.sheet)!;
      const marks = planCellMarks(r.findings, 'vi');
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        const cell = ws.getCell(m.address);
        const target = cell.isMerged ? cell.master : cell;
        expect({ cell: m.address, fill: fillOf(target) }).toEqual({ cell: m.address, fill: MARK_ARGB[m.severity] });
        expect(noteText(target)).toBe(m.text);
      }
      // cells without findings keep their fill (a finding inside a merged area marks the area's top-left cell)
      const marked = new Set(marks.map((m) => orig.getCell(m.address).master?.address ?? m.address));
      orig.eachRow((row) =>
        row.eachCell((cell) => {
          if (!marked.has(cell.master?.address ?? cell.address)) {
            expect([cell.address, fillOf(ws.getCell(cell.address))]).toEqual([cell.address, fillOf(cell)]);
          }
        }),
      );
    }

    const rep = b.getWorksheet(REPORT_SHEET_BASE)!;
    expect(rep).toBeDefined();
    expect(String(rep.getCell('A1').value)).toContain(file);
    expect(String(rep.getCell('A1').value)).toContain('15/02/2018');
    expect(rep.getRow(REPORT_HEADER_ROWS).values).toEqual([undefined, 'Tệp', 'Trang tính', 'Ô', 'Mức độ', 'Quy tắc', 'Nội dung', 'Mã quy tắc', 'Cách sửa']);
    const all = reports.flatMap((r) => r.findings.map((f) => ({ sheet: r.sheet, f })));
    expect(rep.rowCount).toBe(REPORT_HEADER_ROWS + all.length);
    all.forEach(({ sheet, f }, i) => {
      const row = rep.getRow(REPORT_HEADER_ROWS + 1 + i);
      expect(row.getCell(1).value).toBe(file);
      expect(row.getCell(2).value).toBe(sheet);
      expect(row.getCell(3).formula).toBe(`HYPERLINK("#'${sheet}'!${f.cell}","${f.cell}")`);
      expect(row.getCell(3).result).toBe(f.cell);
      expect(row.getCell(4).value).toBe({ error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' }[f.severity]);
      expect(row.getCell(6).value).toBe(f.message.vi);
      expect(row.getCell(7).value).toBe(f.rule);
      expect(row.getCell(8).value).toBe(howToFixText(f, 'vi'));
    });
  });

  it('Huế: F61 (budget total) is red with the message; Cát Hải: B37 yellow, F31/F35 red; Hà Giang: D109/E109 red', async () => {
    const expectCells: Record<string, Record<string, string>> = {
      'hue-2018-nhiem-vu.xlsx': { F61: MARK_ARGB.error, G14: MARK_ARGB.error },
      'cathai-2023-danh-muc.xlsx': { B37: MARK_ARGB.warning, F31: MARK_ARGB.error, F35: MARK_ARGB.error, A14: MARK_ARGB.info },
      'hagiang-2024-chi-so.xlsx': { D109: MARK_ARGB.error, E109: MARK_ARGB.error },
    };
    for (const [file, cells] of Object.entries(expectCells)) {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
      const snaps = await readSnapshots(bytes);
      const reports = snaps.map((s) => check(s, { asOf: AS_OF }));
      const b = await loadBook(await annotateWorkbook(bytes, reports, { lang: 'en', asOf: AS_OF }));
      const ws = b.getWorksheet(snaps[0].name)!;
      for (const [addr, argb] of Object.entries(cells)) expect([file, addr, fillOf(ws.getCell(addr))]).toEqual([file, addr, argb]);
      if (file.startsWith('hue')) expect(noteText(ws.getCell('F61'))).toMatch(/states 21,950 .*26,979/);
      const rep = b.getWorksheet(REPORT_SHEET_BASE)!;
      expect(rep.getRow(REPORT_HEADER_ROWS).values).toEqual([undefined, 'File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Rule id', 'How to fix']);
      expect(String(rep.getCell('A1').value)).toContain('as of 2018-02-15');
    }
  });
});

describe('annotateWorkbook on a hand-made workbook', () => {
  async function makeBook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    ws.getCell('A1').value = '=1+1'; // text that looks like a formula
    ws.getCell('A2').value = '+84 912';
    ws.getCell('A3').value = '-5 ngày';
    ws.getCell('A4').value = '@all';
    ws.getCell('B1').value = 1.5;
    ws.getCell('B2').value = 2.25;
    ws.getCell('B3').value = { formula: 'SUM(B1:B2)', result: 3.75 };
    ws.getCell('B4').value = { formula: 'B3*2', result: 7.5 };
    ws.getCell('B1').numFmt = '#,##0.00';
    ws.getCell('B3').numFmt = '0.0%';
    ws.getCell('C1').value = new Date(Date.UTC(2024, 2, 20));
    ws.getCell('C1').numFmt = 'dd/mm/yyyy';
    ws.getCell('C2').value = { richText: [{ text: 'Chữ ' }, { text: 'đậm', font: { bold: true } }] };
    ws.getCell('C3').value = true;
    ws.getCell('C4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    // two cells sharing one style with a user fill: only one gets a finding
    const userFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    ws.getCell('D1').value = 'xanh 1';
    ws.getCell('D2').value = 'xanh 2';
    ws.getCell('D1').fill = userFill;
    ws.getCell('D2').fill = userFill;
    // a cell with the user's own note
    ws.getCell('E1').value = 'ghi chú';
    ws.getCell('E1').note = 'Ghi chú của người dùng';
    // a merged area; the finding names a cell inside it
    ws.getCell('F1').value = 'gộp';
    ws.mergeCells('F1:G2');
    wb.addWorksheet(REPORT_SHEET_BASE).getCell('A1').value = 'an earlier report';
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  const finding = (cell: string, severity: Finding['severity'], vi: string, en = vi): Finding => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return { rule: 'invalid-number', severity, cell, row: Number(m[2]), column: m[1], message: { vi, en } };
  };

  it('keeps values, formulas, formats, rich text, dates, errors, other fills and notes; marks only the finding cells', async () => {
    const bytes = await makeBook();
    const before = Buffer.from(bytes);
    const report: SheetReport = {
      sheet: 'Dữ liệu',
      found: true,
      counts: { rows: 4, sections: 0, items: 0, subItems: 0, repeatedHeaders: 0, fragments: 0 },
      findings: [
        finding('A1', 'info', '=1+1', '=1+1'),
        finding('B3', 'warning', 'cảnh báo B3'),
        finding('B3', 'error', 'lỗi B3'),
        finding('B3', 'info', 'cảnh báo B3'), // a repeated message appears once in the note
        finding('D1', 'error', '@lỗi D1'),
        finding('E1', 'warning', 'ô có ghi chú'),
        finding('G2', 'error', 'trong vùng gộp'),
      ],
    };
    const other: SheetReport = { ...report, sheet: REPORT_SHEET_BASE, found: false, findings: [finding('A1', 'info', '-bảng cũ')] };
    const out = await annotateWorkbook(bytes, [report, other], { lang: 'vi', asOf: '2024-03-01', fileName: '=cmd|x.xlsx' });
    expect(Buffer.from(bytes).equals(before)).toBe(true);

    const snapsBefore: SheetSnapshot[] = await readSnapshots(bytes);
    const snapsAfter = await readSnapshots(out);
    expect(snapsAfter.slice(0, 2)).toEqual(snapsBefore);
    expect(snapsAfter[2].name).toBe(`${REPORT_SHEET_BASE} (2)`);
    expect(snapsAfter[0].values[0][0]).toBe('=1+1');
    expect(snapsAfter[0].formulas?.[0]?.[0] ?? null).toBeNull();
    expect(snapsAfter[0].formulas?.[2]?.[1]).toBe('=SUM(B1:B2)');

    const a = await loadBook(bytes);
    const b = await loadBook(out);
    expect(cellDump(b, ['Dữ liệu', REPORT_SHEET_BASE])).toEqual(cellDump(a, ['Dữ liệu', REPORT_SHEET_BASE]));
    const ws = b.getWorksheet('Dữ liệu')!;
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(fillOf(ws.getCell('A1'))).toBe(MARK_ARGB.info);
    expect(fillOf(ws.getCell('B3'))).toBe(MARK_ARGB.error);
    expect(noteText(ws.getCell('B3'))).toBe('cảnh báo B3\nlỗi B3');
    expect(ws.getCell('B3').numFmt).toBe('0.0%');
    expect(fillOf(ws.getCell('D1'))).toBe(MARK_ARGB.error);
    expect(fillOf(ws.getCell('D2'))).toBe('FF00FF00'); // the shared style was not changed
    expect(fillOf(ws.getCell('E1'))).toBe(MARK_ARGB.warning);
    expect(noteText(ws.getCell('E1'))).toBe('Ghi chú của người dùng'); // the user's note is kept, as in the add-in
    expect(fillOf(ws.getCell('F1'))).toBe(MARK_ARGB.error); // the merged area's top-left cell carries the mark
    expect(noteText(ws.getCell('F1'))).toBe('trong vùng gộp');
    expect(fillOf(ws.getCell('B1'))).toBeUndefined();
    // no marks on a sheet without a table
    expect(fillOf(b.getWorksheet(REPORT_SHEET_BASE)!.getCell('A1'))).toBeUndefined();

    const rep = b.getWorksheet(`${REPORT_SHEET_BASE} (2)`)!;
    const body = (i: number) => rep.getRow(REPORT_HEADER_ROWS + 1 + i);
    expect(rep.rowCount).toBe(REPORT_HEADER_ROWS + 8);
    // every text is a plain string, never a formula, even when it starts with = + - @
    for (let i = 0; i < 8; i++) {
      for (const col of [1, 2, 4, 5, 6, 7]) {
        const c = body(i).getCell(col);
        expect(c.formula).toBeUndefined();
        expect(c.type).toBe(ExcelJS.ValueType.String);
      }
    }
    expect(body(0).getCell(1).value).toBe('=cmd|x.xlsx');
    expect(body(0).getCell(6).value).toBe('=1+1');
    expect(body(4).getCell(6).value).toBe('@lỗi D1');
    expect(body(7).getCell(2).value).toBe(REPORT_SHEET_BASE);
    expect(body(7).getCell(6).value).toBe('-bảng cũ');
    expect(body(6).getCell(3).formula).toBe(`HYPERLINK("#'Dữ liệu'!G2","G2")`);
    expect(body(7).getCell(3).formula).toBe(`HYPERLINK("#'${REPORT_SHEET_BASE}'!A1","A1")`);
  });

  it('rejects what is not an .xlsx with WorkbookReadError', async () => {
    await expect(annotateWorkbook(new TextEncoder().encode('hello'), [], { lang: 'vi', asOf: '2024-01-01' })).rejects.toBeInstanceOf(WorkbookReadError);
    // an .xls (an OLE file) cannot be patched: the message says to save it as .xlsx
    await expect(annotateWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), [], { lang: 'vi', asOf: '2024-01-01' })).rejects.toMatchObject({
      code: 'unsupported',
      text: { vi: expect.stringMatching(/\.xlsx/) },
    });
  });
});

describe('the marks are the add-in’s marks', () => {
  it('same colours as src/excel/marks.ts', () => {
    for (const sev of ['error', 'warning', 'info'] as const) expect('FF' + MARK_COLORS[sev].replace('#', '').toUpperCase()).toBe(MARK_ARGB[sev]);
  });

  it('same cells, severities and texts as planMarks, on every fixture', async () => {
    for (const file of ['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx']) {
      const [snap] = await readSnapshots(readFileSync(path.join(FIXTURES, file)));
      const r = check(snap, { asOf: AS_OF });
      for (const lang of ['vi', 'en'] as const) {
        const ours = planCellMarks(r.findings, lang).map((m) => [m.address, m.severity, m.text]);
        const theirs = [...planMarks(r.findings, lang).values()].map((m) => [m.address, m.severity, m.text]);
        expect(ours).toEqual(theirs);
      }
    }
  });

  it('uniqueSheetName', () => {
    expect(uniqueSheetName('Phuluc – Báo cáo', ['A'])).toBe('Phuluc – Báo cáo');
    expect(uniqueSheetName('Phuluc – Báo cáo', ['phuluc – báo cáo', 'Phuluc – Báo cáo (2)'])).toBe('Phuluc – Báo cáo (3)');
  });
});
