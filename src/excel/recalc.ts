/**
 * Writing the recalculated scores into the sheet, and putting the old values back ("Hoàn tác").
 *
 * applyRecalc: one sync re-reads the plan cells (values + formulas) and the sheet's protection; if any cell changed
 * since the check (now holds a formula, no longer holds one, or its value is not the `current` the plan was made
 * from) nothing is written and a RecalcError('stale') lists the cells. Otherwise `computed` goes into exactly the
 * non-formula cells whose value differs, through writeCells (./writes.ts, kind "recalc"): the previous values are
 * recorded first (the oldest value of every cell across successive recalculations, followed through row/column moves)
 * and written back if the write fails half-way. Formula cells are never written; their value is compared with
 * `computed` and reported. A cell formatted as Text ("@") gets the General format with its number (recorded and put
 * back by Hoàn tác): Excel keeps a number written into a Text cell as text, which no SUM would add.
 *
 * Undo: where ExcelApi 1.20 is available the writes run as `Excel.run({ mergeUndoGroup: true }, …)`, so one Ctrl+Z
 * undoes the recalculation; the record is stored before, outside that group. Below 1.20 Excel's undo cannot take
 * back an add-in's writes at all (see the README); the pane's Hoàn tác (revertRecalc) works on every version: it puts
 * back the recorded value of every cell that still holds the value written (a cell the user edited afterwards is left
 * alone and reported; one already back, e.g. by Ctrl+Z, counts as restored), then forgets the record.
 */
import type { RecalcCell } from '../core/report';
import { normalizeCell, posOf } from './addresses';
import { keepsUndo, loadSheetInfo, resolveDeps, runBatch, type ExcelDeps } from './deps';
import { protectedMessage, RecalcError } from './errors';
import { isFormula, recordKey, restorable, type RawValue } from './journal';
import { legacyValues, undoCells, writeCells } from './writes';

export { restorable, type RawValue };
export const RECALC_KIND = 'recalc';

export interface RecalcChange {
  cell: string;
  before: RawValue;
  after: number;
  /** a cell formatted as Text ("@") gets the General format, or the number written would stay text */
  textFormat?: true;
}

export interface FormulaCheck {
  cell: string;
  expected: number;
  actual: number | null;
  ok: boolean;
}

export interface RecalcResult {
  sheet: string;
  changed: RecalcChange[];
  verifiedFormulas: FormulaCheck[];
  /** whether the writes were grouped into one undo step (ExcelApi 1.20) */
  undoGrouped: boolean;
}

export interface RevertResult {
  sheet: string;
  restored: string[];
  /** cells edited since the recalculation: not touched */
  skipped: string[];
  hadRecalc: boolean;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function decimalsOf(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * A formula's value agrees with the computed figure when it shows the same at the precision `computed` was
 * rounded to (computed 10.25 accepts 10.2499999; computed 10 accepts 10.4 — the engine rounds to shown decimals).
 */
export function formulaAgrees(actual: number | null, expected: number): boolean {
  if (actual === null) return false;
  const tol = 0.5 * Math.pow(10, -decimalsOf(expected)) + 1e-9 * Math.max(1, Math.abs(expected));
  return Math.abs(actual - expected) < tol;
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A record of the add-in's first version (`phuluc.recalc.<sheet name>`, v1) → the journal's shape. */
export const legacyRecalc = legacyValues(RECALC_KIND);

export async function applyRecalc(plan: readonly RecalcCell[], depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RecalcResult> {
  const deps = resolveDeps(depsIn);
  const cells: (RecalcCell & { address: string })[] = [];
  for (const p of plan) {
    const address = normalizeCell(p.cell);
    if (!address) throw new RecalcError('invalid-address', `Địa chỉ ô không hợp lệ: ${p.cell}`, `Not a cell address: ${p.cell}`, [p.cell]);
    cells.push({ ...p, address });
  }

  // ── read: protection + the plan cells as they are now (one sync); formula cells are only verified ──
  const { sheet, changed, verifiedFormulas } = await runBatch(deps, async (ctx) => {
    const ws = loadSheetInfo(ctx, opts?.sheet);
    const ranges = cells.map((c) => {
      const r = ws.getRange(c.address);
      r.load(['values', 'formulas', 'numberFormat']);
      return r;
    });
    await ctx.sync();
    if (ws.protection.protected) {
      const [vi, en] = protectedMessage(ws.name);
      throw new RecalcError('protected', vi, en);
    }
    const stale: string[] = [];
    const changed: RecalcChange[] = [];
    const verifiedFormulas: FormulaCheck[] = [];
    cells.forEach((p, i) => {
      const value = ranges[i].values[0]?.[0];
      const formula = ranges[i].formulas[0]?.[0];
      const hasFormula = isFormula(formula, value);
      if (p.formula) {
        if (!hasFormula) stale.push(p.address);
        else {
          const actual = asNumber(value);
          verifiedFormulas.push({ cell: p.address, expected: p.computed, actual, ok: formulaAgrees(actual, p.computed) });
        }
        return;
      }
      if (hasFormula || !sameNumber(asNumber(value), p.current)) {
        stale.push(p.address);
        return;
      }
      if (!sameNumber(asNumber(value), p.computed)) {
        const c: RecalcChange = { cell: p.address, before: value === null || value === undefined ? '' : (value as RawValue), after: p.computed };
        if (ranges[i].numberFormat?.[0]?.[0] === '@') c.textFormat = true;
        changed.push(c);
      }
    });
    if (stale.length)
      throw new RecalcError(
        'stale',
        `Trang tính đã thay đổi sau lần kiểm tra (ô ${stale.join(', ')}); hãy bấm «Kiểm tra» lại trước khi tính lại điểm. Chưa ghi gì vào trang tính.`,
        `The sheet changed since it was checked (cells ${stale.join(', ')}); check it again before recalculating. Nothing was written.`,
        stale,
      );
    return { sheet: ws.name, changed, verifiedFormulas };
  });
  if (!changed.length) return { sheet, changed, verifiedFormulas, undoGrouped: keepsUndo(deps) };

  // ── write through the journal: recorded first, one undo step, rolled back on failure ──
  const res = await writeCells(
    RECALC_KIND,
    changed.map((c) => ({
      cell: c.cell,
      expect: { value: c.before === '' ? null : c.before, formula: null, ...(c.textFormat ? { numberFormat: '@' } : {}) },
      value: c.after,
      ...(c.textFormat ? { numberFormat: 'General' } : {}),
    })),
    deps,
    { sheet },
  );
  return { sheet: res.sheet, changed, verifiedFormulas, undoGrouped: res.undoGrouped };
}

export async function revertRecalc(depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RevertResult> {
  const res = await undoCells(RECALC_KIND, depsIn, opts);
  if (!res.hadRecord) return { sheet: res.sheet, restored: [], skipped: [], hadRecalc: false };
  // a cell already back (Ctrl+Z, an earlier attempt) holds its old value: it counts as restored
  return { sheet: res.sheet, restored: res.restored.sort(byPosition), skipped: res.skipped.sort(byPosition), hadRecalc: true };
}

const byPosition = (a: string, b: string) => {
  const pa = posOf(a);
  const pb = posOf(b);
  return pa.col - pb.col || pa.row - pb.row;
};

/** the key of a sheet's recalculation record */
export const recalcKey = (sheetId: string) => recordKey(RECALC_KIND, sheetId);
