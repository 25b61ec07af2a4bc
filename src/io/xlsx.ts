/** .xlsx ⇄ SheetSnapshot, through ExcelJS (CLI, preview, tests). */
import type { CellValue, MergedArea, SheetSnapshot } from '../core/snapshot';
import { parseRange, errorFromText } from '../core/snapshot';
import type * as ExcelJSType from 'exceljs';

type ExcelJSModule = typeof ExcelJSType;

export class WorkbookReadError extends Error {
  constructor(
    message: string,
    readonly code: 'not-xlsx' | 'encrypted' | 'corrupt' | 'empty',
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const MS_PER_DAY = 86400000;
/** Excel serial for a JS Date as ExcelJS gives it (UTC midnight = the date shown in Excel). */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  return Math.round(serial * 86400) / 86400;
}

function convertValue(v: unknown): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: v === '' ? null : v };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : { error: '#NUM!' } };
  if (typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : dateToSerial(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: { error: o.error } };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
      return { value: text === '' ? null : text };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const inner = convertValue(o.result);
      const f = typeof o.formula === 'string' ? o.formula : typeof o.sharedFormula === 'string' ? o.sharedFormula : '';
      return { value: inner.value, formula: f ? '=' + f : undefined };
    }
    if (typeof o.text === 'string') return { value: o.text }; // hyperlink
    if ('result' in o) return convertValue(o.result);
  }
  return { value: String(v) };
}

export function worksheetToSnapshot(ws: ExcelJSType.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = (values[r - 1] = []);
    const fr: (string | null)[] = (formulas[r - 1] = []);
    const nr: (string | null)[] = (numberFormats[r - 1] = []);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged cells other than the top-left carry a copy of the master's value in ExcelJS: keep them empty.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { value, formula } = convertValue(cell.value);
      let v = value;
      if (typeof v === 'string') {
        const err = errorFromText(v);
        if (err && formula) v = err;
      }
      vr[c - 1] = v;
      if (formula) {
        fr[c - 1] = formula;
        anyFormula = true;
      }
      if (cell.numFmt) nr[c - 1] = cell.numFmt;
    });
  });
  for (let i = 0; i < values.length; i++) {
    values[i] ??= [];
    formulas[i] ??= [];
    numberFormats[i] ??= [];
    for (let j = 0; j < values[i].length; j++) if (values[i][j] === undefined) values[i][j] = null;
  }
  const merges: MergedArea[] = [];
  const model = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (model) {
    for (const m of Object.values(model)) {
      if (m?.model) merges.push({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right });
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const a = parseRange(ref);
      if (a) merges.push(a);
    }
  }
  return {
    name: ws.name,
    origin: { row: 1, col: 1 },
    values,
    formulas: anyFormula ? formulas : undefined,
    numberFormats,
    merges,
  };
}

let excelJs: ExcelJSModule | null = null;
async function loadExcelJs(): Promise<ExcelJSModule> {
  if (!excelJs) {
    const mod = (await import('exceljs')) as unknown as ExcelJSModule & { default?: ExcelJSModule };
    excelJs = mod.Workbook ? mod : (mod.default as ExcelJSModule);
  }
  return excelJs;
}

function looksEncrypted(bytes: Uint8Array): boolean {
  // Password-protected .xlsx files are OLE compound documents (D0 CF 11 E0), not zip archives.
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Reads every worksheet of an .xlsx file's bytes. Throws WorkbookReadError with a clear message. */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJSType.Workbook> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.length === 0) throw new WorkbookReadError('Tệp rỗng (0 byte). / The file is empty.', 'empty');
  if (looksEncrypted(u8))
    throw new WorkbookReadError(
      'Tệp được đặt mật khẩu hoặc là định dạng .xls cũ; hãy mở trong Excel và lưu lại dạng .xlsx không mật khẩu. / The file is password-protected or an old .xls; save it as .xlsx without a password.',
      'encrypted',
    );
  if (!(u8[0] === 0x50 && u8[1] === 0x4b))
    throw new WorkbookReadError('Không phải tệp .xlsx (Excel 2007 trở lên). / Not an .xlsx workbook.', 'not-xlsx');
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(
      `Tệp .xlsx bị hỏng, không đọc được (${(e as Error).message}). / The .xlsx file is damaged and cannot be read.`,
      'corrupt',
    );
  }
  return wb;
}

export async function readSnapshots(bytes: Uint8Array | ArrayBuffer): Promise<SheetSnapshot[]> {
  const wb = await readWorkbook(bytes);
  const out: SheetSnapshot[] = [];
  wb.eachSheet((ws) => out.push(worksheetToSnapshot(ws)));
  return out;
}
