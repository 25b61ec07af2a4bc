/**
 * A second reader for the tests: ExcelJS's full load turned into a SheetSnapshot, as the project read workbooks before
 * its own streaming reader. Kept to cross-check src/io on the fixtures (values, formats, merges must agree).
 */
import ExcelJS from 'exceljs';
import type { CellValue, MergedArea, SheetSnapshot } from '../../src/core/snapshot';
import { errorFromText, parseRange } from '../../src/core/snapshot';

const MS_PER_DAY = 86400000;
function dateToSerial(d: Date): number {
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
      const f = typeof o.formula === 'string' ? o.formula : '';
      return { value: inner.value, formula: f ? '=' + f : undefined };
    }
    if (typeof o.text === 'string') return { value: o.text };
    if ('result' in o) return convertValue(o.result);
  }
  return { value: String(v) };
}

function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = (values[r - 1] = []);
    const fr: (string | null)[] = (formulas[r - 1] = []);
    const nr: (string | null)[] = (numberFormats[r - 1] = []);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { value, formula } = convertValue(cell.value);
      let v = value;
      if (typeof v === 'string') {
        const err = errorFromText(v);
        if (err && formula) v = err;
      }
      vr[c - 1] = v;
      if (formula) fr[c - 1] = formula;
      if (cell.numFmt && cell.numFmt !== 'General') nr[c - 1] = cell.numFmt;
    });
  });
  const merges: MergedArea[] = [];
  for (const ref of ws.model.merges ?? []) {
    const a = parseRange(ref);
    if (a) merges.push(a);
  }
  return { name: ws.name, values, formulas, numberFormats, merges };
}

/** Every worksheet of an .xlsx, read by ExcelJS. */
export async function referenceSnapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const out: SheetSnapshot[] = [];
  wb.eachSheet((ws) => out.push(worksheetToSnapshot(ws)));
  return out;
}

/** Every cell that holds something, as "A1" → value / formula / format, so two readers can be compared cell by cell. */
export function cellMap(s: SheetSnapshot): Map<string, { value: CellValue; formula: string | null; format: string | null }> {
  const out = new Map<string, { value: CellValue; formula: string | null; format: string | null }>();
  const r0 = (s.origin?.row ?? 1) - 1;
  const c0 = (s.origin?.col ?? 1) - 1;
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const formula = s.formulas?.[i]?.[j] ?? null;
      if ((v === null || v === undefined) && !formula) return;
      let col = '';
      for (let n = c0 + j + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
      out.set(`${col}${r0 + i + 1}`, { value: v ?? null, formula, format: s.numberFormats?.[i]?.[j] ?? null });
    }),
  );
  return out;
}
