/**
 * An annotated copy of a workbook: the marks the add-in puts in Excel (a fill by severity and a note with the
 * message on every finding's cell) plus a report sheet listing the findings, each linked to its cell.
 *
 * Used by the browser preview ("Tải bản có đánh dấu", run in its Web Worker) and by tests. The input bytes are never
 * touched (ExcelJS loads a copy) and every original value, formula and number format is written back unchanged;
 * only the finding cells' fills and notes change, and one sheet is added at the end.
 *
 * The marks (colours, one per cell) come from src/core/marks.ts, the same module the Excel add-in marks with.
 *
 * Known limits (ExcelJS round trip): charts, pivot tables, threaded comments and a few exotic features of the
 * original file are not carried into the copy; cell values, formulas, number formats, merges, styles and notes are.
 */
import type * as ExcelJSType from 'exceljs';
import { parseA1, columnLetter } from '../core/snapshot';
import { RULE_BY_ID, countBySeverity, howToFixText, type Finding, type Lang, type SheetReport } from '../core/report';
import { readWorkbook } from './xlsx';
import { MARK_ARGB, REPORT_SHEET_NAME, planCellMarks, uniqueSheetName } from '../core/marks';

export { MARK_ARGB, planCellMarks, uniqueSheetName };
export const REPORT_SHEET_BASE = REPORT_SHEET_NAME;
/** rows above the findings on the report sheet: title, summary, blank, column headers */
export const REPORT_HEADER_ROWS = 4;
/** Excel keeps at most 32 767 characters in a cell; notes stay well under that */
const MAX_NOTE = 8000;
const MAX_CELL_TEXT = 32000;

export interface AnnotateOptions {
  lang: Lang;
  /** ISO date the deadlines were judged on (shown on the report sheet) */
  asOf: string;
  /** the file's name, for the report sheet's "File" column (default: none) */
  fileName?: string;
}

export type { PlannedMark } from '../core/marks';

const STRINGS = {
  title: { vi: 'Phụ lục — báo cáo kiểm tra{file} (đối chiếu ngày {date})', en: 'Phuluc — check report{file} (as of {date})' },
  summary: { vi: '{error} lỗi, {warning} cảnh báo, {info} thông tin', en: '{error} errors, {warning} warnings, {info} notes' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  ruleId: { vi: 'Mã quy tắc', en: 'Rule id' },
  howToFix: { vi: 'Cách sửa', en: 'How to fix' },
  message: { vi: 'Nội dung', en: 'Message' },
  none: { vi: 'Không có phát hiện nào.', en: 'No findings.' },
  'sev.error': { vi: 'Lỗi', en: 'Error' },
  'sev.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'sev.info': { vi: 'Thông tin', en: 'Note' },
} as const;

function s(key: keyof typeof STRINGS, lang: Lang, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A sheet name as Excel writes it in a reference: quoted, inner quotes doubled. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Text for a cell: always a plain string value (ExcelJS never turns a string into a formula), capped at Excel's limit. */
function text(v: string, max = MAX_CELL_TEXT): string {
  return v.length > max ? v.slice(0, max - 1) + '…' : v;
}

/** One row of the report sheet (findings rows only). */
export interface ReportRow {
  file: string;
  sheet: string;
  cell: string;
  severity: string;
  rule: string;
  ruleId: string;
  message: string;
  /** the rule's advice and the finding's suggested fix */
  howToFix: string;
}

/** The report sheet's finding rows, in report order (the order of `reports`, then of each report's findings). */
export function reportRows(reports: readonly SheetReport[], opts: AnnotateOptions): ReportRow[] {
  const { lang } = opts;
  const rows: ReportRow[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push({
        file: opts.fileName ?? '',
        sheet: r.sheet,
        cell: f.cell,
        severity: s(`sev.${f.severity}`, lang),
        rule: RULE_BY_ID[f.rule]?.title[lang] ?? f.rule,
        ruleId: f.rule,
        message: f.message?.[lang] ?? f.message?.vi ?? '',
        howToFix: howToFixText(f, lang),
      });
    }
  }
  return rows;
}

function toBytes(out: ArrayBuffer | Uint8Array | ExcelJSType.Buffer): Uint8Array {
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
  return new Uint8Array((out as ArrayBuffer).slice(0));
}

/**
 * The annotated copy of `bytes` (an .xlsx file): finding cells filled by severity with a note (a cell that already has
 * a note keeps it and gets the fill only, as in the add-in), and a report sheet appended. Sheets whose report found no
 * table get no marks (as in the add-in) but their findings are listed. Throws WorkbookReadError for unreadable files.
 */
export async function annotateWorkbook(bytes: Uint8Array, reports: readonly SheetReport[], opts: AnnotateOptions): Promise<Uint8Array> {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'vi';
  const wb = await readWorkbook(bytes); // loads a copy: `bytes` is never written to

  // ── marks: fill + note on every finding's cell ──
  for (const report of reports) {
    if (!report.found) continue;
    const ws = wb.getWorksheet(report.sheet);
    if (!ws) continue;
    for (const m of planCellMarks(report.findings, lang)) {
      let cell = ws.getCell(m.row, m.col);
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) cell = cell.master;
      // ExcelJS shares one style object between cells of the same style: give this cell its own, fill replaced.
      cell.style = {
        ...cell.style,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_ARGB[m.severity] } },
      };
      if (!cell.note && m.text) cell.note = text(m.text, MAX_NOTE);
    }
  }

  // ── the report sheet ──
  const taken: string[] = [];
  wb.eachSheet((w) => taken.push(w.name));
  const name = uniqueSheetName(REPORT_SHEET_BASE, taken);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: REPORT_HEADER_ROWS }] });
  const all = reports.flatMap((r) => r.findings);
  const c = countBySeverity(all);
  const fileLabel = opts.fileName ? (lang === 'vi' ? ` tệp «${opts.fileName}»` : ` of “${opts.fileName}”`) : '';
  ws.getCell('A1').value = text(s('title', lang, { file: fileLabel, date: displayDate(opts.asOf, lang) }));
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = s('summary', lang, c);
  const headers = [s('file', lang), s('sheet', lang), s('cell', lang), s('severity', lang), s('rule', lang), s('message', lang), s('ruleId', lang), s('howToFix', lang)];
  const head = ws.getRow(REPORT_HEADER_ROWS);
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  [28, 18, 8, 11, 32, 90, 24, 70].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(8).alignment = { wrapText: true, vertical: 'top' };

  const rows = reportRows(reports, { ...opts, lang });
  const sheetOf = new Set(taken);
  rows.forEach((r, i) => {
    const row = ws.getRow(REPORT_HEADER_ROWS + 1 + i);
    row.getCell(1).value = text(r.file);
    row.getCell(2).value = text(r.sheet);
    const target = parseA1(r.cell);
    if (target && sheetOf.has(r.sheet)) {
      // An internal link as Excel and LibreOffice both follow it: HYPERLINK("#'Sheet'!F61", "F61"), its result cached.
      // (ExcelJS's own internal-link writer emits an external relationship as well, which Excel resolves to a file.)
      const addr = columnLetter(target.col) + target.row;
      const ref = `#${quoteSheet(r.sheet)}!${addr}`.replace(/"/g, '""');
      row.getCell(3).value = { formula: `HYPERLINK("${ref}","${addr}")`, result: addr };
      row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
    } else {
      row.getCell(3).value = text(r.cell);
    }
    row.getCell(4).value = r.severity;
    row.getCell(5).value = text(r.rule);
    row.getCell(6).value = text(r.message);
    row.getCell(7).value = r.ruleId;
    row.getCell(8).value = text(r.howToFix);
  });
  if (!rows.length) ws.getCell(REPORT_HEADER_ROWS + 1, 6).value = s('none', lang);

  const out = await wb.xlsx.writeBuffer();
  return toBytes(out);
}
