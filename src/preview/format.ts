/**
 * What a cell shows in the preview grid: a value as Excel would display it with its number format (dates, percent,
 * fixed decimals, thousands), close enough to read a sheet — not a full Excel format engine. Pure; used by the grid
 * (main thread, visible cells only) and by the worker (column widths).
 */
import type { CellValue, SheetSnapshot } from '../core/snapshot';
import type { Lang } from '../core/report';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The format without colours, conditions, quoted text and escapes — only its placeholders. */
function bareFormat(fmt: string): string {
  const first = fmt.split(';')[0] ?? '';
  return first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
}

export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const bare = bareFormat(fmt).toLowerCase();
  return /[dmyhs]/.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** An Excel serial as the date format shows it (d, dd, m, mm, yy, yyyy, h, hh, mm after h, ss); builtin m-d-y as dd/mm/yyyy. */
export function formatSerialDate(serial: number, fmt: string): string {
  const ms = EXCEL_EPOCH_MS + Math.round(serial * 86400) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  let bare = bareFormat(fmt).toLowerCase().trim();
  if (bare === 'mm-dd-yy' || bare === 'm/d/yy' || bare === 'm/d/yyyy' || bare === '') bare = 'dd/mm/yyyy';
  const tokens = bare.match(/yyyy|yy|dd|d|mm|m|hh|h|ss|s|am\/pm|./g) ?? [];
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const nextIsSecond = tokens.slice(i + 1).find((x) => /[a-z]/.test(x))?.startsWith('s') ?? false;
    switch (t) {
      case 'yyyy':
        out += d.getUTCFullYear();
        break;
      case 'yy':
        out += pad(d.getUTCFullYear() % 100);
        break;
      case 'dd':
        out += pad(d.getUTCDate());
        break;
      case 'd':
        out += d.getUTCDate();
        break;
      case 'mm':
        out += lastWasHour || nextIsSecond ? pad(d.getUTCMinutes()) : pad(d.getUTCMonth() + 1);
        break;
      case 'm':
        out += lastWasHour || nextIsSecond ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        break;
      case 'hh':
        out += pad(d.getUTCHours());
        break;
      case 'h':
        out += d.getUTCHours();
        break;
      case 'ss':
        out += pad(d.getUTCSeconds());
        break;
      case 's':
        out += d.getUTCSeconds();
        break;
      default:
        out += t;
    }
    if (/[a-z]/.test(t)) lastWasHour = t === 'h' || t === 'hh';
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number | null, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}|${decimals}|${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 10,
      useGrouping: grouping,
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** A number as the format shows it: decimals from the zeros after the point, grouping from a comma, percent. */
export function formatNumberCell(n: number, fmt: string | null | undefined, lang: Lang): string {
  const bare = fmt && fmt !== 'General' ? bareFormat(fmt) : '';
  if (!bare || !/[0#?]/.test(bare)) {
    // General: up to 10 decimals, no grouping; very large/small numbers as Excel would, in scientific form
    if (n !== 0 && (Math.abs(n) >= 1e11 || Math.abs(n) < 1e-9)) return n.toExponential(5).replace('.', lang === 'vi' ? ',' : '.');
    return numberFormat(lang, null, false).format(n);
  }
  const percent = bare.includes('%');
  const m = /\.([0#?]+)/.exec(bare);
  const decimals = m ? m[1].length : 0;
  const grouping = /[0#?],[0#?]/.test(bare);
  const s = numberFormat(lang, decimals, grouping).format(percent ? n * 100 : n);
  return percent ? `${s}%` : s;
}

/** The text a cell shows. */
export function displayValue(v: CellValue | undefined, fmt: string | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return isDateFormat(fmt) ? formatSerialDate(v, fmt!) : formatNumberCell(v, fmt, lang);
  return v.error;
}

export interface GridLayout {
  /** rows and columns shown (from A1 to the last used cell) */
  rows: number;
  cols: number;
  /** width of every column in px */
  colWidths: number[];
}

export const MIN_COL_WIDTH = 44;
export const MAX_COL_WIDTH = 360;
/** rows looked at to size the columns */
const SAMPLE_ROWS = 2000;

/**
 * Rows, columns and column widths of a sheet: widths from the longest shown text of each column in the first rows
 * (merged cells spanning columns are left out: their text spreads over the area).
 */
export function gridLayout(snapshot: SheetSnapshot): GridLayout {
  const r0 = (snapshot.origin?.row ?? 1) - 1;
  const c0 = (snapshot.origin?.col ?? 1) - 1;
  let width = 0;
  for (const row of snapshot.values) if (row.length > width) width = row.length;
  let rows = r0 + snapshot.values.length;
  let cols = c0 + width;
  const spanning = new Set<string>();
  for (const m of snapshot.merges ?? []) {
    if (m.bottom > rows) rows = m.bottom;
    if (m.right > cols) cols = m.right;
    if (m.right > m.left) spanning.add(`${m.top},${m.left}`);
  }
  const chars = new Array<number>(cols).fill(0);
  const sample = Math.min(snapshot.values.length, SAMPLE_ROWS);
  for (let i = 0; i < sample; i++) {
    const row = snapshot.values[i];
    const fmts = snapshot.numberFormats?.[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined) continue;
      if (spanning.size && spanning.has(`${r0 + i + 1},${c0 + j + 1}`)) continue;
      const text = displayValue(v, fmts?.[j], 'vi');
      const longest = text.split('\n').reduce((a, l) => Math.max(a, l.length), 0);
      if (longest > chars[c0 + j]) chars[c0 + j] = longest;
    }
  }
  const colWidths = chars.map((n) => Math.max(MIN_COL_WIDTH, Math.min(MAX_COL_WIDTH, Math.round(n * 7.2 + 14))));
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1), colWidths: colWidths.length ? colWidths : [MIN_COL_WIDTH] };
}
