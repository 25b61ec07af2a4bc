/** What every rule receives, and the small helpers they share (finding construction, reading numbers). */
import { CellValue, Grid, a1, columnLetter, isCellError } from '../snapshot';
import type { Finding, RuleId, Severity, Text } from '../report';
import { RULE_BY_ID } from '../report';
import type { Band, CheckOptions } from '../options';
import { DEFAULT_BANDS, DEFAULT_REQUIRED } from '../options';
import type { Table } from '../table/rows';
import { Dec } from '../decimal';
import { MAX_MAGNITUDE, parseNumber } from '../vn/number';
import { isValidDate } from '../vn/period';
import { normaliseCode } from '../scores/applicable';

export interface ResolvedOptions {
  asOf: string;
  planYear?: number;
  required: CheckOptions['required'] & object;
  requiredExplicit: boolean;
  bands: Band[];
  dueSoonDays: number;
  areaThresholdPercent: number;
  /** normalised criterion codes that do not apply (CheckOptions.notApplicable) */
  notApplicable: ReadonlySet<string>;
}

export class OptionsError extends Error {}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates what hosts pass in: a bad as-of date or plan year gets a clear message, not a crash deep inside a rule. */
export function resolveOptions(o: CheckOptions): ResolvedOptions {
  const m = ISO_DATE.exec(o.asOf ?? '');
  const valid = m && isValidDate(+m[1], +m[2], +m[3]);
  if (!valid)
    throw new OptionsError(`Ngày đối chiếu «${o.asOf}» không hợp lệ (cần dạng YYYY-MM-DD). / The as-of date "${o.asOf}" is not a valid YYYY-MM-DD date.`);
  if (o.planYear !== undefined && !(Number.isInteger(o.planYear) && o.planYear >= 1900 && o.planYear <= 2200))
    throw new OptionsError(`Năm kế hoạch «${o.planYear}» không hợp lệ. / The plan year "${o.planYear}" is not valid.`);
  return {
    asOf: o.asOf,
    planYear: o.planYear,
    required: o.required ?? DEFAULT_REQUIRED,
    requiredExplicit: o.required !== undefined,
    bands: o.bands && o.bands.length ? [...o.bands].sort((a, b) => b.minPercent - a.minPercent) : DEFAULT_BANDS,
    dueSoonDays: o.dueSoonDays ?? 14,
    areaThresholdPercent: o.areaThresholdPercent ?? 50,
    notApplicable: new Set((o.notApplicable ?? []).map(normaliseCode).filter(Boolean)),
  };
}

export interface RuleContext {
  table: Table;
  grid: Grid;
  options: ResolvedOptions;
  planYear?: number;
  numbers: NumberReader;
}

export type Rule = (ctx: RuleContext) => Finding[];

export function finding(
  rule: RuleId,
  row: number,
  col: number,
  message: Text,
  extra: { severity?: Severity; expected?: string | number; actual?: string | number; related?: string[]; gist?: Text } = {},
): Finding {
  const f: Finding = {
    rule,
    severity: extra.severity ?? RULE_BY_ID[rule].severity,
    cell: a1(row, col),
    row,
    column: columnLetter(col),
    message,
  };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  if (extra.related?.length) f.related = extra.related;
  if (extra.gist) f.gist = extra.gist;
  return f;
}

export type NumberCell =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: Dec;
      decimals: number;
      asText: boolean;
      text?: string;
      /** a unit written in the cell ("1.500 triệu", "1.500đ"); `value` is converted to the column's unit */
      unit?: { text: string; exponent: number };
    }
  | { kind: 'invalid'; text: string; reason: InvalidReason | string; malformed: boolean }
  | { kind: 'error'; error: string };

/** Why a cell could not be read as a number, when it matters to the message. */
export type InvalidReason = 'too large' | 'unit without column unit' | 'unit in score column' | 'not finite' | 'percent in score column' | 'formula without value';

const formatDecimalsMemo = new Map<string, number | null>();

/** Decimals a number format shows: "0.00" → 2, "#,##0" → 0; null for General (the value's own decimals count). */
export function formatDecimals(format: string): number | null {
  // a sheet uses a handful of formats, asked about for every number cell
  let d = formatDecimalsMemo.get(format);
  if (d === undefined) {
    d = formatDecimalsOf(format);
    if (formatDecimalsMemo.size >= 1000) formatDecimalsMemo.clear();
    formatDecimalsMemo.set(format, d);
  }
  return d;
}

function formatDecimalsOf(format: string): number | null {
  if (!format || /^general$/i.test(format) || format === '@') return null;
  const section = format.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const m = /[0#?](?:[.,]([0#?]+))?/.exec(section);
  if (!m) return null;
  const dot = section.indexOf('.');
  if (dot < 0) return 0;
  const after = /^[0#?]+/.exec(section.slice(dot + 1));
  return after ? after[0].length : 0;
}

/** Reads numbers out of cells once, with the hint of the column they stand in. */
export class NumberReader {
  /** per column, per row offset */
  private cache = new Map<number, NumberCell[]>();
  /** money columns: the power of ten of the unit their header names (triệu đồng → 6), null when none is named */
  private units = new Map<number, number | null>();
  /** per column (negative: read as scores), text → its reading */
  private textCells = new Map<number, Map<string, NumberCell>>();
  constructor(private readonly grid: Grid) {}

  /** Says which unit a money column counts in, so "1.500 triệu" in it can be converted (before any read). */
  setColumnUnit(col: number, exponent: number | null): void {
    this.units.set(col, exponent);
    this.cache.delete(col);
    this.textCells.delete(col);
    this.textCells.delete(-col);
  }

  read(row: number, col: number, hint: 'money' | 'score'): NumberCell {
    let column = this.cache.get(col);
    if (!column) this.cache.set(col, (column = []));
    const i = row - this.grid.top;
    let v = column[i];
    if (!v) {
      const raw = this.grid.value(row, col);
      const format = this.grid.numberFormat(row, col);
      v = this.compute(raw, format, hint, col);
      if (hint === 'score') v = scoreCell(v, format);
      if (v.kind === 'empty') v = formulaWithoutValue(v, this.grid.formula(row, col));
      column[i] = v;
    }
    return v;
  }

  private compute(raw: CellValue, format: string, hint: 'money' | 'score', col: number): NumberCell {
    if (typeof raw === 'string' && raw.length <= TEXT_MEMO_LENGTH) {
      // The same texts recur down a column ("427", "Lồng ghép"): read each once per column and hint. A number cell
      // is immutable data, shared like the small whole numbers below.
      const key = hint === 'money' ? col : -col;
      let memo = this.textCells.get(key);
      if (!memo) this.textCells.set(key, (memo = new Map()));
      let cell = memo.get(raw);
      if (!cell) {
        cell = this.computeText(raw, hint, col);
        if (memo.size < TEXT_MEMO_SIZE) memo.set(raw, cell);
      }
      return cell;
    }
    if (raw === null || raw === undefined) return EMPTY;
    if (isCellError(raw)) return { kind: 'error', error: raw.error };
    if (typeof raw === 'number') {
      const shown = formatDecimals(format);
      // Whole amounts shown without decimals are the common case: share one immutable cell per value.
      if ((shown === null || shown === 0) && Number.isInteger(raw) && raw >= 0 && raw < SMALL_INT_CELLS) {
        return (smallIntCells[raw] ??= { kind: 'number', value: Dec.fromNumber(raw)!, decimals: 0, asText: false });
      }
      // As Excel shows it (15 significant digits), so 3.3000000000000003 is 3,3.
      const d = Dec.fromExcel(raw);
      if (!d) return { kind: 'invalid', text: String(raw), reason: 'not finite', malformed: true };
      if (d.abs().cmp(MAX_MAGNITUDE) >= 0) return { kind: 'invalid', text: String(raw), reason: 'too large', malformed: true };
      return { kind: 'number', value: d, decimals: shown ?? Math.min(d.decimals, Dec.trustedDecimals(raw)), asText: false };
    }
    if (typeof raw === 'boolean') return { kind: 'invalid', text: String(raw), reason: 'boolean', malformed: false };
    return this.computeText(raw, hint, col);
  }

  private computeText(raw: string, hint: 'money' | 'score', col: number): NumberCell {
    const text = raw.trim();
    if (text === '' ) return { kind: 'empty' };
    if (/^[-–—]+$/.test(text)) return { kind: 'empty' };
    const p = parseNumber(text, hint);
    if (p === null) return { kind: 'invalid', text, reason: 'not a number', malformed: false };
    if (!p.ok) return { kind: 'invalid', text, reason: p.reason, malformed: true };
    if (!p.unit) return { kind: 'number', value: p.value, decimals: p.decimals, asText: true, text };
    // A unit in the cell: converted exactly to the column's unit, or reported (never added as if it were that unit).
    if (hint === 'score') return { kind: 'invalid', text, reason: 'unit in score column', malformed: false };
    const colExp = this.units.get(col);
    if (colExp === undefined || colExp === null) return { kind: 'invalid', text, reason: 'unit without column unit', malformed: false };
    const value = p.value.shift(p.unit.exponent - colExp);
    if (value.abs().cmp(MAX_MAGNITUDE) >= 0) return { kind: 'invalid', text, reason: 'too large', malformed: true };
    return { kind: 'number', value, decimals: value.decimals, asText: true, text, unit: p.unit };
  }
}

const EMPTY: NumberCell = { kind: 'empty' };

/**
 * What a score cell cannot be, read as what it is: a rate ("73%", or 0,73 shown as 73 % by a percent format) is not a
 * number of points, and a formula without a stored value (a file saved by a tool that does not calculate) has no
 * value to read. Both are refused (an `invalid-number` finding) rather than read as 0,73 points or as an empty cell.
 */
function scoreCell(cell: NumberCell, format: string): NumberCell {
  if (cell.kind === 'number' && !cell.asText && format.includes('%') && !/^"[^"]*%[^"]*"$/.test(format))
    return { kind: 'invalid', text: `${formatNumber(cell.value.mul(Dec.fromInt(100)))}%`, reason: 'percent in score column', malformed: false };
  if (cell.kind === 'invalid' && !cell.malformed && /^[-+]?\d+(?:[.,]\d+)?\s*%$/.test(cell.text))
    return { ...cell, reason: 'percent in score column' };
  return cell;
}

/**
 * A formula with no stored value (a file saved by a tool that does not calculate) has no value to read: refused (an
 * `invalid-number` finding) in a score or a budget column rather than read as an empty cell. A formula that may give
 * empty text on purpose (it holds "": `=IF(E5="";"";E5*2)`) is empty — the file cannot tell the two apart, since both
 * are stored without a value.
 */
function formulaWithoutValue(cell: NumberCell, formula: string | null): NumberCell {
  if (!formula || formula.includes('""')) return cell;
  return { kind: 'invalid', text: formula, reason: 'formula without value', malformed: false };
}
/** texts up to this long are remembered per column, up to this many */
const TEXT_MEMO_LENGTH = 64;
const TEXT_MEMO_SIZE = 20000;
const SMALL_INT_CELLS = 10000;
const smallIntCells: NumberCell[] = [];

export function valueOf(c: NumberCell): Dec | null {
  return c.kind === 'number' ? c.value : null;
}

import { formatNumber, formatNumberEn } from '../vn/number';
import type { ColumnRole } from '../report';
import type { Item } from '../table/rows';

/** A number in both languages' notation: 21950 → "21.950" / "21,950". */
export function num(d: Dec, decimals?: number): Text {
  return { vi: formatNumber(d, decimals), en: formatNumberEn(d, decimals) };
}

export const ROLE_NAMES: Record<ColumnRole, Text> = {
  number: { vi: 'STT', en: 'No.' },
  content: { vi: 'Nội dung', en: 'Task' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  leadAgency: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  partner: { vi: 'Cơ quan phối hợp', en: 'Partner agencies' },
  budget: { vi: 'Kinh phí', en: 'Budget' },
  deadline: { vi: 'Thời gian hoàn thành', en: 'Deadline' },
  status: { vi: 'Tình trạng', en: 'Status' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Completion date' },
  maxScore: { vi: 'Điểm tối đa', en: 'Maximum score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
};

/** "III.3", "4.b)", "1.3.1": how a reader names an item. */
export function itemLabel(item: Item | undefined): string {
  if (!item) return '?';
  if (item.kind === 'subitem') return `${item.parent ? itemLabel(item.parent) + '.' : ''}${item.number}`;
  if (item.numbering?.kind === 'arabic' && item.numbering.parts.length > 1) return item.number;
  return item.section ? `${item.section.label}.${item.number}` : item.number;
}

const viDates = new Map<string, string>();

/** "2024-03-20" → "20/03/2024" (remembered: thousands of findings name the same few dates). */
export function isoToVi(iso: string): string {
  let vi = viDates.get(iso);
  if (vi === undefined) {
    const [y, m, d] = iso.split('-');
    vi = `${d}/${m}/${y}`;
    if (viDates.size >= 4096) viDates.clear();
    viDates.set(iso, vi);
  }
  return vi;
}
