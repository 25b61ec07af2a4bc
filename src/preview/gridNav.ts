/**
 * The grid's arithmetic, pure: column widths fitted to the view (long text columns are narrowed first, so the budget
 * and deadline columns of a usual appendix are in view at 1366 px), text cut at a word boundary for a narrow column,
 * and where an arrow key, Home/End or Page Up/Down moves the active cell (a merged area is one cell).
 */
import type { MergeLookup } from './merges';

/** A text column is never narrowed below this (about 15 characters). */
export const MIN_FIT_WIDTH = 110;
/** the cap on a column's width when the sheet is too wide to fit anyway (it scrolls sideways, inside the grid) */
export const WIDE_SHEET_CAP = 200;

/**
 * The widths shown: each column as measured, but no wider than a common cap chosen so the columns fill `available`
 * pixels (the widest text columns give way first; narrow number columns keep their width). When even the minimum
 * cap does not fit, the sheet scrolls inside the grid and the cap is WIDE_SHEET_CAP.
 */
export function fitColumns(widths: readonly number[], available: number): number[] {
  const total = widths.reduce((a, w) => a + w, 0);
  if (total <= available || available <= 0) return widths.slice();
  const widthAt = (cap: number) => widths.reduce((a, w) => a + Math.min(w, cap), 0);
  if (widthAt(MIN_FIT_WIDTH) > available) return widths.map((w) => Math.min(w, WIDE_SHEET_CAP));
  // the largest cap that fits: binary search over whole pixels
  let lo = MIN_FIT_WIDTH;
  let hi = Math.max(...widths);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthAt(mid) <= available) lo = mid;
    else hi = mid - 1;
  }
  return widths.map((w) => Math.min(w, lo));
}

/** average width of a character of the grid's 13 px font, as format.ts's gridLayout measures columns */
export const CHAR_PX = 7.2;
const CELL_PADDING = 8;

/**
 * The text as it fits a cell of `width` pixels on one line: whole words then "…" (a word longer than the cell is cut
 * inside). Unchanged when it fits; the full text is the cell's tooltip and the line under the grid.
 */
export function cutAtWord(text: string, width: number): string {
  const max = Math.max(1, Math.floor((width - CELL_PADDING) / CHAR_PX));
  const flat = text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text;
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max); // the last character makes room for the ellipsis
  const space = room.lastIndexOf(' ', max - 1);
  const cut = space > max / 3 ? room.slice(0, space) : room.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

export interface CellPos {
  row: number;
  col: number;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
}

/**
 * Where a key moves the active cell (a merged area's top-left cell stands for it): arrows by one cell (past a merged
 * area's far edge), Home / End to the row's first / last column (with Ctrl: the sheet's first / last cell), Page Up /
 * Page Down by `page` rows. Stays inside 1…rows × 1…cols.
 */
export function moveCell(from: CellPos, key: NavKey, opts: { rows: number; cols: number; page: number; ctrl?: boolean; merges: MergeLookup }): CellPos {
  const { rows, cols, merges } = opts;
  const area = merges.masterAt(from.row, from.col);
  const bottom = area ? area.bottom : from.row;
  const right = area ? area.right : from.col;
  let { row, col } = from;
  switch (key) {
    case 'ArrowUp':
      row -= 1;
      break;
    case 'ArrowDown':
      row = bottom + 1;
      break;
    case 'ArrowLeft':
      col -= 1;
      break;
    case 'ArrowRight':
      col = right + 1;
      break;
    case 'Home':
      col = 1;
      if (opts.ctrl) row = 1;
      break;
    case 'End':
      col = cols;
      if (opts.ctrl) row = rows;
      break;
    case 'PageUp':
      row -= Math.max(1, opts.page);
      break;
    case 'PageDown':
      row += Math.max(1, opts.page);
      break;
  }
  row = Math.min(rows, Math.max(1, row));
  col = Math.min(cols, Math.max(1, col));
  // a covered cell of a merged area: its top-left cell; moving up or left out of an area lands on the area itself
  const m = merges.covering(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}
