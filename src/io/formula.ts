/**
 * Shared formulas: a sheet stores the formula once, on its first cell (`<f t="shared" ref="F6:F60" si="0">F5+1</f>`),
 * and every other cell of the group only says `<f t="shared" si="0"/>`. Each cell's own formula is the first one with
 * its relative references moved by the cell's offset, as Excel does when it fills a formula down or across.
 */
import { columnLetter, columnNumber } from '../core/snapshot';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** what may stand just before a reference: not part of a name, a number or another reference */
function boundaryBefore(s: string, i: number): boolean {
  if (i === 0) return true;
  const c = s[i - 1];
  return !/[A-Za-z0-9_.$\\\u00C0-\uFFFF]/.test(c);
}

const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(\u00C0-\uFFFF])/y;

function moveCol(letters: string, abs: string, d: number): string | null {
  if (abs || !d) return abs + letters;
  const c = columnNumber(letters) + d;
  return c >= 1 && c <= MAX_COL ? columnLetter(c) : null;
}

function moveRow(digits: string, abs: string, d: number): string | null {
  if (abs || !d) return abs + digits;
  const r = parseInt(digits, 10) + d;
  return r >= 1 && r <= MAX_ROW ? String(r) : null;
}

/**
 * `formula` (without "=") with its relative references moved by `dRow` rows and `dCol` columns. Text in double
 * quotes, quoted sheet names and bracketed parts (structured references, external books) are left alone; a
 * reference moved off the sheet becomes #REF! as in Excel.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (boundaryBefore(formula, i) && /[$A-Za-z0-9]/.test(ch)) {
      ROWS.lastIndex = i;
      let m = ROWS.exec(formula);
      if (m) {
        const a = moveRow(m[2], m[1], dRow);
        const b = moveRow(m[4], m[3], dRow);
        out += a && b ? `${a}:${b}` : '#REF!';
        i = ROWS.lastIndex;
        continue;
      }
      CELL.lastIndex = i;
      m = CELL.exec(formula);
      if (m && columnNumber(m[2]) <= MAX_COL) {
        const c = moveCol(m[2], m[1], dCol);
        const r = moveRow(m[4], m[3], dRow);
        out += c && r ? c + r : '#REF!';
        i = CELL.lastIndex;
        continue;
      }
      COLS.lastIndex = i;
      m = COLS.exec(formula);
      if (m && columnNumber(m[2]) <= MAX_COL && columnNumber(m[4]) <= MAX_COL) {
        const a = moveCol(m[2], m[1], dCol);
        const b = moveCol(m[4], m[3], dCol);
        out += a && b ? `${a}:${b}` : '#REF!';
        i = COLS.lastIndex;
        continue;
      }
      // a name, a function or a number: copy the whole word so its tail is not read as a reference
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.\\\u00C0-\uFFFF]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
