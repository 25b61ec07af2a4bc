/**
 * Writing the recalculated scores into the sheet, and putting the old values back.
 *
 * applyRecalc: one sync re-reads the plan cells (values + formulas) and the sheet's protection; if any cell changed
 * since the check (now holds a formula, no longer holds one, or its value is not the `current` the plan was made
 * from) nothing is written and a RecalcError('stale') lists the cells. Otherwise the previous values are saved (same
 * store as the marks, key `phuluc.recalc.<sheet>`) and one sync writes `computed` into exactly the non-formula cells
 * whose value differs. Formula cells are never written; their value is compared with `computed` and reported.
 *
 * Undo: where ExcelApi 1.20 is available the whole batch runs as `Excel.run({ mergeUndoGroup: true }, …)`
 * (Excel.RunOptions.mergeUndoGroup, documented in @types/office-js: "all context.sync() calls in a single Excel.run
 * are merged into one undo group"), so one Ctrl+Z undoes the recalculation. Below 1.20 each sync is its own undo
 * record; the pane's "revert" (revertRecalc) works either way.
 *
 * revertRecalc restores the saved previous values, for every cell that still holds the value we wrote (a cell the
 * user edited afterwards is left alone and reported), then forgets the saved state.
 */
import { parseA1, rangeA1, type MergedArea } from '../core/snapshot';
import type { RecalcCell } from '../core/report';
import { cellsOf, coalesceCells, normalizeCell, type CellPos } from './addresses';
import { resolveDeps, loadSheetInfo, type ExcelDeps } from './deps';
import { protectedMessage, RecalcError } from './errors';
import type { SettingsStore } from './settings';

export const RECALC_KEY_PREFIX = 'phuluc.recalc.';
export const recalcKey = (sheet: string) => RECALC_KEY_PREFIX + sheet;

/** A cell's raw value as Office.js gives it ("" = empty). */
export type RawValue = string | number | boolean;

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

export interface RecalcState {
  v: 1;
  sheet: string;
  /** oldest `before` per cell across successive recalculations, and the value last written */
  cells: RecalcChange[];
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
/** A text constant starting with "=" reads the same in values and formulas; a real formula never does. */
const isFormula = (f: unknown, v: unknown): boolean => typeof f === 'string' && f.startsWith('=') && f !== v;

/** Loads values+formulas of some cells, coalesced into few ranges; resolves after the caller's sync. */
function queueCellLoads(ws: Excel.Worksheet, cells: readonly CellPos[]): () => Map<string, { value: unknown; formula: unknown }> {
  const areas: MergedArea[] = coalesceCells(cells);
  const ranges = areas.map((a) => {
    const r = ws.getRange(rangeA1(a));
    r.load(['values', 'formulas']);
    return r;
  });
  return () => {
    const out = new Map<string, { value: unknown; formula: unknown }>();
    areas.forEach((a, i) => {
      const v = ranges[i].values;
      const f = ranges[i].formulas;
      for (const c of cellsOf([a])) out.set(rangeA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }), { value: v[c.row - a.top]?.[c.col - a.left], formula: f[c.row - a.top]?.[c.col - a.left] });
    });
    return out;
  };
}

/**
 * The value to write so the cell holds `v` again. Strings get Excel's text prefix (') so "12,5", "01/02" or "=x"
 * come back as the same text instead of being parsed like typed input.
 */
export function restorable(v: RawValue | null | undefined): RawValue {
  if (v === null || v === undefined || v === '') return '';
  return typeof v === 'string' ? "'" + v : v;
}

function validState(s: unknown, sheet: string): s is RecalcState {
  const r = s as RecalcState | null;
  return (
    !!r &&
    typeof r === 'object' &&
    r.v === 1 &&
    r.sheet === sheet &&
    Array.isArray(r.cells) &&
    r.cells.every((c) => c && typeof c.cell === 'string' && parseA1(c.cell) && typeof c.after === 'number' && ['string', 'number', 'boolean'].includes(typeof c.before))
  );
}

export async function applyRecalc(plan: readonly RecalcCell[], deps?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RecalcResult> {
  const { run, isSetSupported, store } = resolveDeps(deps);
  const undoGrouped = isSetSupported('ExcelApi', '1.20');
  const cells: (RecalcCell & { address: string })[] = [];
  for (const p of plan) {
    const address = normalizeCell(p.cell);
    if (!address) throw new RecalcError('invalid-address', `Địa chỉ ô không hợp lệ: ${p.cell}`, `Not a cell address: ${p.cell}`, [p.cell]);
    cells.push({ ...p, address });
  }

  return run(
    async (ctx) => {
      // ── read: protection + the plan cells as they are now (one sync) ──
      const ws = loadSheetInfo(ctx, opts?.sheet);
      const now = queueCellLoads(
        ws,
        cells.map((c) => parseA1(c.address)!),
      );
      await ctx.sync();
      const sheet = ws.name;
      if (ws.protection.protected) {
        const [vi, en] = protectedMessage(sheet);
        throw new RecalcError('protected', vi, en);
      }
      const current = now();

      const stale: string[] = [];
      const changed: RecalcChange[] = [];
      const verifiedFormulas: FormulaCheck[] = [];
      for (const p of cells) {
        const c = current.get(p.address)!;
        const hasFormula = isFormula(c.formula, c.value);
        if (p.formula) {
          if (!hasFormula) stale.push(p.address);
          else {
            const actual = asNumber(c.value);
            verifiedFormulas.push({ cell: p.address, expected: p.computed, actual, ok: formulaAgrees(actual, p.computed) });
          }
          continue;
        }
        if (hasFormula || !sameNumber(asNumber(c.value), p.current)) {
          stale.push(p.address);
          continue;
        }
        if (!sameNumber(asNumber(c.value), p.computed)) {
          const before = c.value === null || c.value === undefined ? '' : (c.value as RawValue);
          changed.push({ cell: p.address, before, after: p.computed });
        }
      }
      if (stale.length)
        throw new RecalcError(
          'stale',
          `Trang đã thay đổi sau lần kiểm tra (ô ${stale.join(', ')}); hãy kiểm tra lại trước khi tính lại điểm. Chưa ghi gì vào trang.`,
          `The sheet changed since it was checked (cells ${stale.join(', ')}); check it again before recalculating. Nothing was written.`,
          stale,
        );
      if (!changed.length) return { sheet, changed, verifiedFormulas, undoGrouped };

      // ── remember the old values (merged with an earlier, unreverted recalculation), then write (one sync) ──
      const key = recalcKey(sheet);
      const prevRaw = store.get<unknown>(key);
      const prev = validState(prevRaw, sheet) ? prevRaw : undefined;
      const merged = new Map<string, RecalcChange>((prev?.cells ?? []).map((c) => [c.cell, c]));
      for (const c of changed) {
        const old = merged.get(c.cell);
        merged.set(c.cell, { cell: c.cell, before: old ? old.before : c.before, after: c.after });
      }
      store.set(key, { v: 1, sheet, cells: [...merged.values()] } satisfies RecalcState);
      await store.save();

      for (const c of changed) ws.getRange(c.cell).values = [[c.after]];
      try {
        await ctx.sync();
      } catch (err) {
        await undoWrites(ctx, ws, changed, store, key, prev).catch((rollbackError) => {
          (err as { rollbackError?: unknown }).rollbackError = rollbackError;
        });
        throw err;
      }
      return { sheet, changed, verifiedFormulas, undoGrouped };
    },
    undoGrouped ? { mergeUndoGroup: true } : undefined,
  );
}

/** After a failed write sync: put this batch's old values back and restore the previously saved state. */
async function undoWrites(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  changed: RecalcChange[],
  store: SettingsStore,
  key: string,
  prev: RecalcState | undefined,
): Promise<void> {
  for (const c of changed) ws.getRange(c.cell).values = [[restorable(c.before)]];
  await ctx.sync();
  if (prev) store.set(key, prev);
  else store.remove(key);
  await store.save();
}

export async function revertRecalc(deps?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<RevertResult> {
  const { run, isSetSupported, store } = resolveDeps(deps);
  const undoGrouped = isSetSupported('ExcelApi', '1.20');
  return run(
    async (ctx) => {
      const ws = loadSheetInfo(ctx, opts?.sheet);
      await ctx.sync();
      const sheet = ws.name;
      const key = recalcKey(sheet);
      const raw = store.get<unknown>(key);
      if (raw === undefined) return { sheet, restored: [], skipped: [], hadRecalc: false };
      if (!validState(raw, sheet)) {
        store.remove(key);
        await store.save();
        return { sheet, restored: [], skipped: [], hadRecalc: false };
      }
      if (ws.protection.protected) {
        const [vi, en] = protectedMessage(sheet);
        throw new RecalcError('protected', vi, en);
      }
      const now = queueCellLoads(
        ws,
        raw.cells.map((c) => parseA1(c.cell)!),
      );
      await ctx.sync();
      const current = now();
      const restored: string[] = [];
      const skipped: string[] = [];
      for (const c of raw.cells) {
        const cur = current.get(normalizeCell(c.cell)!)!;
        if (!isFormula(cur.formula, cur.value) && sameNumber(asNumber(cur.value), c.after)) {
          ws.getRange(c.cell).values = [[restorable(c.before)]];
          restored.push(c.cell);
        } else skipped.push(c.cell);
      }
      if (restored.length) await ctx.sync();
      store.remove(key);
      await store.save();
      return { sheet, restored, skipped, hadRecalc: true };
    },
    undoGrouped ? { mergeUndoGroup: true } : undefined,
  );
}
