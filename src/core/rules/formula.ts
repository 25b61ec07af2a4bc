/**
 * The few formula shapes a total is written with, read exactly or not at all: "=SUM(F6:F60)",
 * "=SUM(F6:F11,F13:F17)", "=SUM(F6:F11)+SUM(F13:F17)", "=F5+F12+F18", "=SUBTOTAL(9,F6:F60)". Anything else
 * (other functions, constants, minus signs, other sheets, names, whole columns) gives null: the caller then says
 * nothing about the formula rather than guess.
 */
import { columnNumber } from '../snapshot';

export interface FormulaRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** inside SUM/SUBTOTAL (text in the range is skipped) rather than a bare "+F21" (text would be coerced) */
  inSum: boolean;
  /** SUBTOTAL(9|109, …): cells that hold SUBTOTAL formulas themselves are left out by Excel */
  subtotal: boolean;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/;

/** Reads "=SUM(…)+F5+…" into its references; null when the formula is anything else. */
export function parseSumFormula(formula: string | null | undefined): FormulaRef[] | null {
  if (typeof formula !== 'string') return null;
  let s = formula.trim();
  if (!s.startsWith('=')) return null;
  s = s.slice(1).replace(/\s+/g, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (!s || s.length > 4000) return null;
  const refs: FormulaRef[] = [];
  let i = 0;
  const cell = (): { row: number; col: number } | null => {
    const m = CELL.exec(s.slice(i));
    if (!m) return null;
    const next = s[i + m[0].length];
    if (next !== undefined && /[A-Za-z0-9_.!(]/.test(next)) return null; // a name, a function, another sheet
    i += m[0].length;
    return { row: parseInt(m[2], 10), col: columnNumber(m[1]) };
  };
  const ref = (inSum: boolean, subtotal: boolean): boolean => {
    const a = cell();
    if (!a) return false;
    let b = a;
    if (s[i] === ':') {
      i++;
      const c = cell();
      if (!c) return false;
      b = c;
    }
    refs.push({ top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col), inSum, subtotal });
    return true;
  };
  const term = (): boolean => {
    const upper = s.slice(i).toUpperCase();
    let subtotal = false;
    if (upper.startsWith('SUM(')) i += 4;
    else {
      const m = /^SUBTOTAL\((9|109)[,;]/.exec(upper);
      if (!m) return ref(false, false);
      i += m[0].length;
      subtotal = true;
    }
    for (;;) {
      if (!ref(true, subtotal)) return false;
      if (s[i] === ',' || s[i] === ';') {
        i++;
        continue;
      }
      if (s[i] !== ')') return false;
      i++;
      return true;
    }
  };
  for (;;) {
    if (!term()) return null;
    if (i === s.length) return refs;
    if (s[i] !== '+') return null;
    i++;
  }
}

/** "F6:F11,F13:F17" — rows of one column as the shortest list of ranges (consecutive rows joined). */
export function rowsAsRanges(rows: readonly number[], column: string): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === k ? `${column}${sorted[k]}` : `${column}${sorted[k]}:${column}${sorted[j]}`);
    k = j + 1;
  }
  return out;
}
