/**
 * The SUM formula a wrong total or subtotal should hold: exactly the rows it stands for, as contiguous ranges where
 * nothing else countable lies between them, so a subtotal is never counted twice and a merged amount once; the
 * amounts stored as text inside those ranges are turned into numbers in the same plan (SUM would skip them).
 */
import type { FixEdit, FixPlan, Text } from '../report';
import { Dec } from '../decimal';
import { Grid, a1, columnLetter } from '../snapshot';
import type { NumberReader } from '../rules/context';
import { cellContent, exactNumber, keptFormat, numberFromTextEdit, shown } from './cells';
import { formatNumber, formatNumberEn } from '../vn/number';

/** Excel: at most 8 192 characters in a formula and 255 arguments to a function. */
const MAX_FORMULA = 8192;
const MAX_ARGS = 255;
/** cells named in a description; the plan's edits list them all */
const LISTED = 5;

/**
 * "=SUM(F6:F11,F13:F17)" for `rows` of column `col`: consecutive runs joined across rows that hold nothing SUM would
 * add (empty cells, words such as «Lồng ghép»); any other cell between two rows ends the range. null when the
 * formula would be too long for Excel.
 */
export function sumFormula(grid: Grid, numbers: NumberReader, col: number, rows: readonly number[], hint: 'money' | 'score'): string | null {
  // the rows in order, each once (a budget scope comes so already: no copy)
  const want = strictlyAscending(rows) ? rows : [...new Set(rows)].sort((a, b) => a - b);
  if (!want.length) return null;
  const letter = columnLetter(col);
  const harmless = (r: number): boolean => {
    if (grid.formula(r, col)) return false;
    const c = numbers.read(r, col, hint);
    return c.kind === 'empty' || (c.kind === 'invalid' && !c.malformed);
  };
  const ranges: string[] = [];
  let start = want[0];
  let end = want[0];
  for (let k = 1; k <= want.length; k++) {
    const next = want[k];
    let joinable = next !== undefined;
    // rows strictly between two consecutive wanted rows are never wanted themselves
    for (let r = end + 1; joinable && r < next; r++) if (!harmless(r)) joinable = false;
    if (joinable) {
      end = next;
      continue;
    }
    ranges.push(start === end ? `${letter}${start}` : `${letter}${start}:${letter}${end}`);
    if (next !== undefined) start = end = next;
  }
  const sums: string[] = [];
  for (let k = 0; k < ranges.length; k += MAX_ARGS) sums.push(`SUM(${ranges.slice(k, k + MAX_ARGS).join(',')})`);
  const formula = '=' + sums.join('+');
  return formula.length <= MAX_FORMULA ? formula : null;
}

function strictlyAscending(rows: readonly number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (!(rows[i] > rows[i - 1])) return false;
  return true;
}

export interface SumFixInput {
  grid: Grid;
  numbers: NumberReader;
  col: number;
  /** the total or subtotal cell */
  row: number;
  /** the rows it should add */
  rows: readonly number[];
  hint: 'money' | 'score';
  /** what the formula will give */
  expected: Dec;
  kind: 'sum-formula' | 'score-sum-formula';
}

/** The plan: the formula in the total cell, and every amount stored as text in its ranges turned into a number. */
export function sumFixPlan(input: SumFixInput): FixPlan | null {
  const { grid, numbers, col, row, rows, hint } = input;
  if (!rows.length || rows.includes(row)) return null;
  const formula = sumFormula(grid, numbers, col, rows, hint);
  const expected = exactNumber(input.expected);
  if (!formula || expected === null) return null;
  const conversions: FixEdit[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const c = numbers.read(r, col, hint);
    if (c.kind === 'invalid' && !c.malformed) continue; // words: SUM skips them, as the check does
    if (c.kind === 'error' || c.kind === 'invalid') return null; // an amount nobody can read: no formula can be trusted
    if (c.kind === 'number' && c.asText) {
      const e = numberFromTextEdit(grid, numbers, r, col, hint);
      if (!e) return null;
      conversions.push(e);
    }
  }
  const cell = a1(row, col);
  const main: FixEdit = {
    cell,
    row,
    column: columnLetter(col),
    before: cellContent(grid, row, col),
    after: { value: expected, formula, numberFormat: keptFormat(grid, row, col) },
  };
  const value = shown(input.expected);
  const listed = conversions.slice(0, LISTED);
  const more = conversions.length - listed.length;
  const conv: Text = conversions.length
    ? {
        vi: `; đổi ${listed.map((e) => `${e.cell} «${e.before.value}»`).join(', ')}${more ? ` và ${formatNumber(Dec.fromInt(more))} ô khác` : ''} từ văn bản thành số để SUM cộng được`,
        en: `; turn ${listed.map((e) => `${e.cell} "${e.before.value}"`).join(', ')}${more ? ` and ${formatNumberEn(Dec.fromInt(more))} more cells` : ''} from text into numbers so SUM adds them`,
      }
    : { vi: '', en: '' };
  return {
    kind: input.kind,
    description: {
      vi: `Ghi công thức ${formula} vào ${cell} (kết quả ${value.vi})${conv.vi}.`,
      en: `Write the formula ${formula} into ${cell} (giving ${value.en})${conv.en}.`,
    },
    edits: [main, ...conversions],
  };
}
