/**
 * A1-address plumbing for the adapter: sheet-qualified addresses, coalescing scattered cells into few ranges, and
 * splitting long address lists so every string handed to `worksheet.getRanges()` stays under Excel's limit.
 */
import { parseA1, parseRange, rangeA1, type MergedArea } from '../core/snapshot';

/** Excel accepts a quoted sheet name everywhere, so always quote ("It's" → 'It''s'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualify(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** "'Phụ lục 1'!F61" → { sheet: "Phụ lục 1", address: "F61" }; "F61" → { address: "F61" }. */
export function splitSheetAddress(full: string): { sheet?: string; address: string } {
  const s = full.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { address: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1) };
}

/** "F61" / "$F$61" → "F61"; null when not a single cell. */
export function normalizeCell(address: string): string | null {
  const p = parseA1(splitSheetAddress(address).address);
  return p ? rangeA1({ top: p.row, left: p.col, bottom: p.row, right: p.col }) : null;
}

export interface CellPos {
  row: number;
  col: number;
}

/**
 * Cells → few rectangles: vertical runs per column, then runs with the same rows in adjacent columns joined.
 * Deterministic (sorted by column, then row); duplicates are ignored. With `maxGap` > 0 a run may also swallow up to
 * that many cells that are not in the list (only for reads, where an extra cell costs less than an extra call).
 */
export function coalesceCells(cells: readonly CellPos[], maxGap = 0): MergedArea[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    rows.push(c.row);
    byCol.set(c.col, rows);
  }
  const runs: MergedArea[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && r <= prev + 1 + maxGap) {
        prev = r;
        continue;
      }
      runs.push({ top: start, bottom: prev, left: col, right: col });
      start = prev = r;
    }
  }
  // join a run with the identical run in the next column
  const open = new Map<string, MergedArea>();
  const out: MergedArea[] = [];
  for (const r of runs) {
    const k = `${r.top}:${r.bottom}`;
    const o = open.get(k);
    if (o && o.right === r.left - 1) o.right = r.right;
    else {
      const n = { ...r };
      open.set(k, n);
      out.push(n);
    }
  }
  return out;
}

/** Every cell of some areas, row-major within each area. */
export function cellsOf(areas: readonly MergedArea[]): CellPos[] {
  const out: CellPos[] = [];
  for (const a of areas) for (let row = a.top; row <= a.bottom; row++) for (let col = a.left; col <= a.right; col++) out.push({ row, col });
  return out;
}

export function parseAreas(addresses: readonly string[]): MergedArea[] {
  const out: MergedArea[] = [];
  for (const a of addresses) {
    const p = parseRange(a);
    if (p) out.push(p);
  }
  return out;
}

/** Excel rejects address strings over 8 192 characters (office-js #5198: getRanges fails at 8 207); we stay at 8 000. */
export const MAX_ADDRESS_CHARS = 8000;
/** #5198 also saw a list of 513 areas refused while shorter than 8 192 characters: we send at most 500 */
export const MAX_ADDRESS_AREAS = 500;

/**
 * Joins addresses with "," into as few strings as possible, each at most `maxChars` long and of at most `maxAreas`
 * areas, in order. An address that alone exceeds the limit is an error (it cannot be sent at all).
 */
export function joinAddressLists(addresses: readonly string[], maxChars = MAX_ADDRESS_CHARS, maxAreas = MAX_ADDRESS_AREAS): string[] {
  const out: string[] = [];
  let cur = '';
  let n = 0;
  for (const a of addresses) {
    if (a.length > maxChars) throw new RangeError(`address longer than ${maxChars} characters: ${a.slice(0, 40)}…`);
    if (!cur) {
      cur = a;
      n = 1;
    } else if (cur.length + 1 + a.length <= maxChars && n < maxAreas) {
      cur += ',' + a;
      n++;
    } else {
      out.push(cur);
      cur = a;
      n = 1;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** "F61" → { row: 61, col: 6 }; the caller knows it is a cell */
export function posOf(a1: string): CellPos {
  const p = parseA1(a1)!;
  return { row: p.row, col: p.col };
}

/** { row: 61, col: 6 } → "F61" */
export function a1Of(p: CellPos): string {
  return rangeA1({ top: p.row, left: p.col, bottom: p.row, right: p.col });
}
