/**
 * Following cells that Excel moves. When the user inserts or deletes rows or columns, or renames the sheet, the
 * addresses the add-in recorded no longer point at the cells it wrote. Excel itself keeps defined names pointing at
 * their cells through all of that, so the recorded cells are also kept as hidden, sheet-scoped names: each name refers
 * to a union of single cells ("='Phụ lục'!$F$61,'Phụ lục'!$G$70,…"), at most MAX_NAME_FORMULA characters, in the
 * record's order. Reading the names back gives each cell's address now; a cell that was deleted reads "#REF!".
 *
 * The names are hidden (NamedItem.visible = false, so Formulas › Name Manager does not list them), carry a comment
 * saying what they are, and are deleted with the record. When they are missing or unreadable (a user deleted them, an
 * old file) the recorded addresses are used as they are, and each cell is still checked for the add-in's mark before
 * anything is restored.
 */
import { parseA1 } from '../core/snapshot';
import { a1Of, quoteSheet } from './addresses';

/** a name's formula holds at most 8 192 characters (Excel specifications); we stay well below */
export const MAX_NAME_FORMULA = 7500;
export const TRACK_PREFIX = '_phuluc_';
const COMMENT = 'phuluc: các ô phần bổ trợ đã ghi (để hoàn tác đúng ô). Xóa đánh dấu sẽ xóa tên này.';

function absolute(a1: string): string {
  const p = parseA1(a1)!;
  return a1Of({ row: p.row, col: p.col }).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

/** The unions for `cells` (A1, in order), each within MAX_NAME_FORMULA characters: [first index, formula][]. */
export function trackFormulas(sheet: string, cells: readonly string[], maxChars = MAX_NAME_FORMULA): [number, string][] {
  const ref = quoteSheet(sheet);
  const out: [number, string][] = [];
  let cur = '';
  let start = 0;
  cells.forEach((c, i) => {
    const part = `${ref}!${absolute(c)}`;
    if (cur && cur.length + 1 + part.length > maxChars) {
      out.push([start, cur]);
      cur = '';
    }
    if (!cur) {
      cur = '=' + part;
      start = i;
    } else cur += ',' + part;
  });
  if (cur) out.push([start, cur]);
  return out;
}

export const trackName = (kind: string, i: number) => `${TRACK_PREFIX}${kind}_${i + 1}`;

/** Queues hidden names following `cells`; returns their names, in order. */
export function queueTrack(ws: Excel.Worksheet, sheet: string, kind: string, cells: readonly string[]): string[] {
  const names: string[] = [];
  trackFormulas(sheet, cells).forEach(([, formula], i) => {
    const name = trackName(kind, i);
    const item = ws.names.add(name, formula, COMMENT);
    item.visible = false;
    names.push(name);
  });
  return names;
}

/** Splits a union formula at the commas outside quoted sheet names; the leading "=" goes. */
export function splitUnion(formula: string): string[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** One part of a name's formula → the cell it refers to now, or null when it was deleted ("#REF!"). */
export function trackedCell(part: string): string | null {
  const bang = part.lastIndexOf('!');
  const ref = (bang < 0 ? part : part.slice(bang + 1)).replace(/\$/g, '');
  if (ref.includes('#REF')) return null;
  const p = parseA1(ref);
  return p ? a1Of({ row: p.row, col: p.col }) : null;
}

/**
 * Reads what the names say now. `loaded` is the sheet's names (name → formula) loaded by the caller. Returns one entry
 * per recorded cell (its address now, or null when deleted), or null when the names do not account for every cell
 * (missing, edited): then the recorded addresses are all there is.
 */
export function locate(names: readonly string[], count: number, loaded: ReadonlyMap<string, string>): (string | null)[] | null {
  if (!names.length) return null;
  const out: (string | null)[] = [];
  for (const n of names) {
    const formula = loaded.get(n.toLowerCase());
    if (formula === undefined) return null;
    for (const part of splitUnion(formula)) out.push(trackedCell(part));
  }
  return out.length === count ? out : null;
}

/** Queues the load of every name of the sheet; the getter gives lower-cased name → formula. */
export function queueNames(ws: Excel.Worksheet): () => Map<string, string> {
  const items = ws.names;
  items.load('items/name,items/formula');
  return () => new Map(items.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));
}

/** Queues the deletion of the names that exist (`loaded` from queueNames). */
export function queueUntrack(ws: Excel.Worksheet, names: readonly string[], loaded: ReadonlyMap<string, string>): void {
  for (const n of names) if (loaded.has(n.toLowerCase())) ws.names.getItem(n).delete();
}
