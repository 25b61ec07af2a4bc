/**
 * Workbooks in the older and other formats — .xls (Excel 97–2003, still common in provincial offices), .xlsb, .ods,
 * Excel 2003 XML and the HTML tables some systems export as ".xls" — read through SheetJS (the maintained 0.20 line,
 * published as `@e965/xlsx`). The library is loaded only when such a file is opened: a dynamic import, its own chunk
 * in the preview, required lazily by the CLI.
 */
import type * as XLSXType from '@e965/xlsx';
import type { CellValue, MergedArea, SheetSnapshot } from '../core/snapshot';
import { isDateFormat } from '../core/rules/deadlines';
import { WorkbookReadError } from './errors';
import { LIMITS, type Limits } from './limits';

export type LegacyFormat = 'xls' | 'xlsb' | 'ods' | 'xml2003' | 'html';

type XLSXModule = typeof XLSXType;
let lib: Promise<XLSXModule> | null = null;

function loadSheetJs(): Promise<XLSXModule> {
  lib ??= import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx').then((m) => {
    const mod = m as Partial<XLSXModule> & { default?: XLSXModule };
    return typeof mod.read === 'function' ? (mod as XLSXModule) : (mod.default as XLSXModule);
  });
  return lib;
}

const ERROR_CODES: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellValue(c: XLSXType.CellObject): CellValue {
  switch (c.t) {
    case 's': {
      const s = String(c.v ?? '');
      return s === '' ? null : s;
    }
    case 'n':
      return typeof c.v === 'number' ? (Number.isFinite(c.v) ? c.v : { error: '#NUM!' }) : null;
    case 'b':
      return Boolean(c.v);
    case 'e':
      return { error: typeof c.w === 'string' && c.w.startsWith('#') ? c.w : (ERROR_CODES[Number(c.v)] ?? '#VALUE!') };
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return Number.isNaN(d.getTime()) ? null : (d.getTime() - EXCEL_EPOCH) / 86400000;
    }
    default:
      return null;
  }
}

/** SheetJS warns on the console about things it guesses (ODS number formats): keep the user's terminal clean. */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<string, (...a: unknown[]) => void>;
  const saved = { error: c.error, warn: c.warn, log: c.log };
  c.error = c.warn = c.log = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(c, saved);
  }
}

function tooMany(limit: number): WorkbookReadError {
  return new WorkbookReadError(
    {
      vi: `Tệp có hơn ${limit.toLocaleString('vi-VN')} ô có dữ liệu, vượt giới hạn kiểm tra. Hãy tách bảng ra tệp nhỏ hơn.`,
      en: `The workbook holds more than ${limit.toLocaleString('en-US')} filled cells, over the limit. Split the table into smaller files.`,
    },
    'too-large',
  );
}

/** Reads every sheet of a workbook SheetJS understands. Throws WorkbookReadError. */
export async function readLegacy(bytes: Uint8Array, format: LegacyFormat, limits: Limits = LIMITS): Promise<SheetSnapshot[]> {
  let XLSX: XLSXModule;
  try {
    XLSX = await loadSheetJs();
  } catch (e) {
    throw new WorkbookReadError(
      {
        vi: 'Không tải được bộ đọc định dạng cũ (.xls, .xlsb, .ods). Hãy tải lại trang hoặc lưu tệp thành .xlsx.',
        en: 'The reader for older formats (.xls, .xlsb, .ods) could not be loaded. Reload the page or save the file as .xlsx.',
      },
      'unsupported',
      e instanceof Error ? e.message : String(e),
    );
  }
  let wb: XLSXType.WorkBook;
  try {
    wb = quietly(() =>
      XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false, dense: true, cellHTML: false, cellText: true, WTF: false }),
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg))
      throw new WorkbookReadError(
        {
          vi: 'Tệp được đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu và lưu lại rồi kiểm tra.',
          en: 'The file is password-protected. Open it in Excel, remove the password, save it and check it again.',
        },
        'encrypted',
        msg,
      );
    const ext = format === 'html' || format === 'xml2003' ? '' : ` .${format}`;
    throw new WorkbookReadError(
      {
        vi: `Tệp${ext} bị hỏng hoặc có dạng không đọc được. Hãy mở trong Excel và lưu lại dạng .xlsx.`,
        en: `The${ext} file is damaged or in a form that cannot be read. Open it in Excel and save it as .xlsx.`,
      },
      'corrupt',
      msg,
    );
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const meta = wb.Workbook?.Sheets ?? [];
  let filled = 0;
  const out: SheetSnapshot[] = [];
  wb.SheetNames.forEach((name, si) => {
    const ws = wb.Sheets[name] as XLSXType.WorkSheet & { '!data'?: (XLSXType.CellObject | undefined)[][]; '!type'?: string };
    if (!ws || ws['!type'] === 'chart') return;
    const data = ws['!data'] ?? [];
    const values: CellValue[][] = [];
    const numberFormats: (string | null | undefined)[][] = [];
    let formulas: (string | null | undefined)[][] | undefined;
    let maxRow = 0;
    let maxCol = 0;
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        let v = cellValue(cell);
        const f = typeof cell.f === 'string' && cell.f ? '=' + cell.f : null;
        if (v === null && !f) continue;
        if (++filled > limits.filledCells) throw tooMany(limits.filledCells);
        const z = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null;
        if (date1904 && typeof v === 'number' && z && isDateFormat(z)) v += 1462;
        (values[r] ??= [])[c] = v;
        if (z) (numberFormats[r] ??= [])[c] = z;
        if (f) ((formulas ??= [])[r] ??= [])[c] = f;
        if (r + 1 > maxRow) maxRow = r + 1;
        if (c + 1 > maxCol) maxCol = c + 1;
      }
    }
    const EMPTY = Object.freeze([]) as unknown as CellValue[];
    for (let r = 0; r < maxRow; r++) {
      const row = values[r];
      if (!row) values[r] = EMPTY;
      else if (row.length <= 4096) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      numberFormats[r] ??= EMPTY as unknown as (string | null)[];
      if (formulas) formulas[r] ??= EMPTY as unknown as (string | null)[];
    }
    values.length = maxRow;
    numberFormats.length = maxRow;
    if (formulas) formulas.length = maxRow;
    const merges: MergedArea[] = [];
    for (const m of ws['!merges'] ?? []) {
      const area = { top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 };
      if (area.top > maxRow || area.left > maxCol) continue;
      merges.push({ ...area, bottom: Math.min(area.bottom, maxRow), right: Math.min(area.right, maxCol) });
    }
    const snap: SheetSnapshot = { name, origin: { row: 1, col: 1 }, values, formulas, numberFormats, merges };
    const hidden = meta[si]?.Hidden;
    if (hidden === 1) snap.visibility = 'hidden';
    else if (hidden === 2) snap.visibility = 'veryHidden';
    out.push(snap);
  });
  return out;
}
