/**
 * Writing the recalculated scores into the sheet, and putting the old values back ("Hoàn tác").
 *
 * applyRecalc: one sync re-reads the plan cells (values + formulas), the sheet's protection and its records; if any
 * cell changed since the check (now holds a formula, no longer holds one, or its value is not the `current` the plan
 * was made from) nothing is written and a RecalcError('stale') lists the cells. Otherwise the previous values are
 * recorded in the journal (./journal.ts, kind "recalc": the oldest value of every cell across successive
 * recalculations, followed through row/column moves), in a run of its own, and one sync writes `computed` into
 * exactly the non-formula cells whose value differs. Formula cells are never written; their value is compared with
 * `computed` and reported.
 *
 * Undo: where ExcelApi 1.20 is available the writes run as `Excel.run({ mergeUndoGroup: true }, …)`, so one Ctrl+Z
 * undoes the recalculation; the record is stored before, outside that group. Below 1.20 Excel's undo cannot take
 * back an add-in's writes at all (see the README); the pane's Hoàn tác (revertRecalc) works on every version: it puts
 * back the recorded value of every cell that still holds the value written (a cell the user edited afterwards is left
 * alone and reported; one already back, e.g. by Ctrl+Z, counts as restored), then forgets the record.
 */
import type { RecalcCell } from '../core/report';
import { normalizeCell, posOf } from './addresses';
import { keepsUndo, resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';
import { protectedMessage, RecalcError } from './errors';
import {
  existingTracks,
  isFormula,
  locateRecord,
  readSheetState,
  recordKey,
  recordOf,
  restorable,
  revertRecord,
  storeRecord,
  type JournalRecord,
  type RawValue,
  type RecordedCell,
  type SheetState,
} from './journal';
import { MAX_SETTING_BYTES, settingBytes, tooLargeError } from './settings';

export { restorable, type RawValue };
export const RECALC_KIND = 'recalc';

export interface RecalcChange {
  cell: string;
  before: RawValue;
  after: number;
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
export function legacyRecalc(raw: unknown, st: SheetState): JournalRecord | null {
  const r = raw as { v?: number; cells?: { cell?: unknown; before?: unknown; after?: unknown }[] } | null;
  if (!r || r.v !== 1 || !Array.isArray(r.cells)) return null;
  const cells: RecordedCell[] = [];
  for (const c of r.cells) {
    const cell = typeof c.cell === 'string' ? normalizeCell(c.cell) : null;
    if (!cell || typeof c.after !== 'number' || !['string', 'number', 'boolean'].includes(typeof c.before)) return null;
    cells.push({ cell, value: { before: c.before as RawValue, after: c.after } });
  }
  return { v: 2, kind: RECALC_KIND, sheetId: st.sheetId, sheet: st.sheet, cells, fills: [], tracks: [] };
}

export async function applyRecalc(plan: readonly RecalcCell[], depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RecalcResult> {
  const deps = resolveDeps(depsIn);
  const undoGrouped = keepsUndo(deps);
  const cells: (RecalcCell & { address: string })[] = [];
  for (const p of plan) {
    const address = normalizeCell(p.cell);
    if (!address) throw new RecalcError('invalid-address', `Địa chỉ ô không hợp lệ: ${p.cell}`, `Not a cell address: ${p.cell}`, [p.cell]);
    cells.push({ ...p, address });
  }

  return runBatch(
    deps,
    async (ctx) => {
      // ── read: the sheet, its records, and the plan cells as they are now (two syncs) ──
      const st = await readSheetState(ctx, targetSheet(ctx, opts?.sheet));
      const { ws, sheet, sheetId } = st;
      if (st.protected) {
        const [vi, en] = protectedMessage(sheet);
        throw new RecalcError('protected', vi, en);
      }
      const ranges = cells.map((c) => {
        const r = ws.getRange(c.address);
        r.load(['values', 'formulas']);
        return r;
      });
      await ctx.sync();

      const stale: string[] = [];
      const changed: (RecalcChange & { formula?: string })[] = [];
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
          const before = value === null || value === undefined ? '' : (value as RawValue);
          changed.push({ cell: p.address, before, after: p.computed });
        }
      });
      if (stale.length)
        throw new RecalcError(
          'stale',
          `Trang tính đã thay đổi sau lần kiểm tra (ô ${stale.join(', ')}); hãy bấm «Kiểm tra» lại trước khi tính lại điểm. Chưa ghi gì vào trang tính.`,
          `The sheet changed since it was checked (cells ${stale.join(', ')}); check it again before recalculating. Nothing was written.`,
          stale,
        );
      if (!changed.length) return { sheet, changed, verifiedFormulas, undoGrouped };

      // ── record the old values (merged with an earlier, unreverted recalculation: its oldest value stands) ──
      const { rec: prev, legacyKeys } = recordOf(st, RECALC_KIND, legacyRecalc);
      const merged = new Map<string, RecordedCell>();
      if (prev) {
        const { at } = locateRecord(prev, st.names);
        prev.cells.forEach((c, i) => {
          if (at[i]) merged.set(at[i]!, { ...c, cell: at[i]! });
        });
      }
      const prevHere: JournalRecord | null = prev ? { ...prev, cells: [...merged.values()] } : null;
      for (const c of changed) {
        const old = merged.get(c.cell)?.value;
        merged.set(c.cell, { cell: c.cell, value: { before: old ? old.before : c.before, ...(old?.formula !== undefined ? { formula: old.formula } : {}), after: c.after } });
      }
      const record: JournalRecord = { v: 2, kind: RECALC_KIND, sheetId, sheet, cells: [...merged.values()], fills: [], tracks: [] };
      const bytes = settingBytes(record);
      if (bytes > MAX_SETTING_BYTES) throw tooLargeError(bytes);
      const stored = await storeRecord(deps, sheetId, RECALC_KIND, record, existingTracks(prev, st.names), legacyKeys);

      // ── write (one sync) ──
      for (const c of changed) ws.getRange(c.cell).values = [[c.after]];
      try {
        await ctx.sync();
      } catch (err) {
        // put this batch's old values back and the earlier record with them
        try {
          for (const c of changed) ws.getRange(c.cell).values = [[restorable(c.before)]];
          await ctx.sync();
          await storeRecord(deps, sheetId, RECALC_KIND, prevHere, stored?.tracks ?? [], prevHere ? [] : [recordKey(RECALC_KIND, sheetId)]);
        } catch (rollbackError) {
          (err as { rollbackError?: unknown }).rollbackError = rollbackError;
        }
        throw err;
      }
      return { sheet, changed: changed.map(({ cell, before, after }) => ({ cell, before, after })), verifiedFormulas, undoGrouped };
    },
    { writes: true, undoGroup: true },
  );
}

export async function revertRecalc(depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RevertResult> {
  const deps = resolveDeps(depsIn);
  const { sheet, result } = await revertRecord(deps, RECALC_KIND, {
    sheet: opts?.sheet,
    markColors: new Set(),
    legacy: legacyRecalc,
    onProtected: (name) => {
      const [vi, en] = protectedMessage(name);
      return new RecalcError('protected', vi, en);
    },
  });
  if (!result) return { sheet, restored: [], skipped: [], hadRecalc: false };
  // a cell already back (Ctrl+Z, an earlier attempt) holds its old value: it counts as restored
  return { sheet, restored: [...result.restored, ...result.already].sort(byPosition), skipped: result.skipped.sort(byPosition), hadRecalc: true };
}

const byPosition = (a: string, b: string) => {
  const pa = posOf(a);
  const pb = posOf(b);
  return pa.col - pb.col || pa.row - pb.row;
};

/** the key of a sheet's recalculation record */
export const recalcKey = (sheetId: string) => recordKey(RECALC_KIND, sheetId);
