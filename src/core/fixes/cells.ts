/** Small pieces every fix plan is made of: a cell's content before, a number stored as text turned into a number. */
import type { FixCellContent, FixEdit } from '../report';
import { Dec } from '../decimal';
import { Grid, a1, columnLetter, isCellError } from '../snapshot';
import type { NumberReader } from '../rules/context';
import { formatNumber, formatNumberEn } from '../vn/number';

/** Excel's Text number format: a number or formula written into such a cell stays text. */
export const TEXT_FORMAT = '@';

export function cellContent(grid: Grid, row: number, col: number): FixCellContent {
  const v = grid.value(row, col);
  const out: FixCellContent = { value: isCellError(v) ? v.error : v, numberFormat: grid.numberFormat(row, col) };
  const f = grid.formula(row, col);
  if (f) out.formula = f;
  return out;
}

const columnFormats = new WeakMap<Grid, Map<number, string>>();

/** The format most used by the real numbers of a column (General when none): found once per grid and column. */
function columnNumberFormat(grid: Grid, col: number): string {
  let byCol = columnFormats.get(grid);
  if (!byCol) columnFormats.set(grid, (byCol = new Map()));
  const known = byCol.get(col);
  if (known !== undefined) return known;
  const seen = new Map<string, number>();
  for (let r = grid.top; r <= grid.bottom; r++) {
    if (typeof grid.value(r, col) !== 'number') continue;
    const f = grid.numberFormat(r, col);
    if (f !== TEXT_FORMAT) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  let best = 'General';
  let n = 0;
  for (const [f, k] of seen) if (k > n) [best, n] = [f, k];
  byCol.set(col, best);
  return best;
}

/**
 * The number format a written number or formula should have: the cell's own, unless it is Text ("@"), where the
 * number would stay text — then the format most used by the column's real numbers, else General.
 */
export function keptFormat(grid: Grid, row: number, col: number): string {
  const own = grid.numberFormat(row, col);
  return own === TEXT_FORMAT ? columnNumberFormat(grid, col) : own;
}

/** A decimal as a JS number, only when the number is exactly that decimal (15 significant digits or fewer). */
export function exactNumber(d: Dec): number | null {
  const n = d.toNumber();
  const back = Dec.fromNumber(n);
  return back && back.eq(d) ? n : null;
}

/** The edit that turns the text "2.019" in a cell into the number 2019, keeping the cell's format; null when it cannot. */
export function numberFromTextEdit(grid: Grid, numbers: NumberReader, row: number, col: number, hint: 'money' | 'score'): FixEdit | null {
  const c = numbers.read(row, col, hint);
  if (c.kind !== 'number' || !c.asText || grid.formula(row, col)) return null;
  const value = exactNumber(c.value);
  if (value === null) return null;
  const before = cellContent(grid, row, col);
  return { cell: a1(row, col), row, column: columnLetter(col), before, after: { value, numberFormat: keptFormat(grid, row, col) } };
}

export function shown(d: Dec): { vi: string; en: string } {
  return { vi: formatNumber(d), en: formatNumberEn(d) };
}
