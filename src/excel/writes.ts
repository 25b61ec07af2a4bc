/**
 * Writing values or formulas into cells, recorded so they can be undone exactly: the one entry point for every
 * writer of cell contents (the recalculation, one-click fixes). Built on the journal (./journal.ts).
 *
 *   const res = await writeCells('fix', [{ cell: 'F61', expect: { value: 21950 }, formula: '=SUM(F6:F59)' }], deps);
 *   …
 *   await undoCells('fix', deps);          // puts back what F61 held, if it still holds what was written
 *
 * - `expect` is what the cell held when the plan was made (the check's snapshot): if the sheet changed since, nothing
 *   is written and a RecalcError('stale') lists the cells (the user checks again first).
 * - a value is written as it is; a text always as text (Excel's text prefix), never parsed as a number, date or
 *   formula; a formula as a formula. A cell that already holds what is to be written is left out.
 * - the record keeps, per cell, the OLDEST content across successive writes of the same kind, so one undo goes back to
 *   before the first of them; it is stored before the first write, in a run of its own, and follows the cells through
 *   row/column moves and renames. The writes run as one merged undo step where Excel has it (ExcelApi 1.20).
 * - if the write fails half-way, this batch is put back and the earlier record restored; the error is rethrown.
 */
import { normalizeCell } from './addresses';
import { keepsUndo, resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';
import { protectedMessage, RecalcError } from './errors';
import { existingTracks, isFormula, locateRecord, readSheetState, recordKey, recordOf, restorable, revertRecord, storeRecord, type JournalRecord, type RawValue, type RecordedCell, type SheetState } from './journal';
import { MAX_SETTING_BYTES, settingBytes, tooLargeError } from './settings';

export interface CellWrite {
  /** "F61" on the target sheet */
  cell: string;
  /**
   * what the cell must hold now: a value (null = empty), whether it holds a formula (its text), and — when the write
   * changes it — its number format, as the check saw them
   */
  expect?: { value?: RawValue | null; formula?: string | null; numberFormat?: string };
  /** what to write: a value … */
  value?: RawValue;
  /** … or a formula ("=SUM(F6:F59)") */
  formula?: string;
  /**
   * the number format the cell gets, set before the value: a number written into a Text-formatted cell ("@") would
   * stay text, as typing it would (Excel: "numbers formatted as text")
   */
  numberFormat?: string;
}

export interface CellWritten {
  cell: string;
  /** what it held: a value ("" = empty), or its formula */
  before: RawValue;
  beforeFormula?: string;
  /** what it holds now */
  after: RawValue;
  afterFormula?: boolean;
  /** the number format before and after, when the write changed it */
  format?: { before: string; after: string };
}

export interface WriteResult {
  sheet: string;
  /** the record's kind (writeCells may choose it from the sheet's state: a new record on top of a stack) */
  kind: string;
  written: CellWritten[];
  /** whether the writes were one undo step (ExcelApi 1.20) */
  undoGrouped: boolean;
}

const sameNumberish = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b || ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined));

/** What to put in Range.values so the cell holds exactly `w`. */
function toWrite(w: CellWrite): RawValue {
  if (w.formula !== undefined) return w.formula;
  return typeof w.value === 'string' ? restorable(w.value) : w.value ?? '';
}

/** A record of the first version (v1, keyed by the sheet name) → the journal's shape; `kind` is kept. */
export function legacyValues(kind: string) {
  return (raw: unknown, st: SheetState): JournalRecord | null => {
    const r = raw as { v?: number; cells?: { cell?: unknown; before?: unknown; after?: unknown }[] } | null;
    if (!r || r.v !== 1 || !Array.isArray(r.cells)) return null;
    const cells: RecordedCell[] = [];
    for (const c of r.cells) {
      const cell = typeof c.cell === 'string' ? normalizeCell(c.cell) : null;
      if (!cell || typeof c.after !== 'number' || !['string', 'number', 'boolean'].includes(typeof c.before)) return null;
      cells.push({ cell, value: { before: c.before as RawValue, after: c.after } });
    }
    return { v: 2, kind, sheetId: st.sheetId, sheet: st.sheet, cells, fills: [], tracks: [] };
  };
}

export interface WriteOptions {
  sheet?: string;
  /** kind-specific extras kept with the record (a fix's description, the date) */
  meta?: Record<string, unknown>;
}

/**
 * `kind` is the record's kind, or a function choosing it from the sheet's state once it is read (one-click fixes
 * keep a stack of records, "fix1", "fix2"…, and each batch starts a new one).
 */
export async function writeCells(kindIn: string | ((st: SheetState) => string), writes: readonly CellWrite[], depsIn?: Partial<ExcelDeps>, opts?: WriteOptions): Promise<WriteResult> {
  const deps = resolveDeps(depsIn);
  const undoGrouped = keepsUndo(deps);
  const cells = writes.map((w) => {
    const cell = normalizeCell(w.cell);
    if (!cell) throw new RecalcError('invalid-address', `Địa chỉ ô không hợp lệ: ${w.cell}`, `Not a cell address: ${w.cell}`, [w.cell]);
    return { ...w, cell };
  });

  return runBatch(
    deps,
    async (ctx) => {
      // ── read: the sheet, its records, and the cells as they are now (two syncs) ──
      const st = await readSheetState(ctx, targetSheet(ctx, opts?.sheet));
      const { ws, sheet, sheetId } = st;
      const kind = typeof kindIn === 'string' ? kindIn : kindIn(st);
      if (st.protected) {
        const [vi, en] = protectedMessage(sheet);
        throw new RecalcError('protected', vi, en);
      }
      const ranges = cells.map((c) => {
        const r = ws.getRange(c.cell);
        if (c.numberFormat !== undefined) r.load(['values', 'formulas', 'numberFormat']);
        else r.load(['values', 'formulas']);
        return r;
      });
      await ctx.sync();

      const stale: string[] = [];
      const todo: CellWritten[] = [];
      cells.forEach((w, i) => {
        const value = ranges[i].values[0]?.[0] as RawValue | null | undefined;
        const f = ranges[i].formulas[0]?.[0];
        const formula = isFormula(f, value) ? (f as string) : null;
        const format = w.numberFormat !== undefined ? String(ranges[i].numberFormat[0]?.[0] ?? 'General') : undefined;
        if (w.expect) {
          if (w.expect.formula !== undefined && (w.expect.formula ?? null) !== formula) stale.push(w.cell);
          else if ('value' in w.expect && !formula && !sameNumberish(value, w.expect.value)) stale.push(w.cell);
          else if (format !== undefined && w.expect.numberFormat !== undefined && w.expect.numberFormat !== format && w.numberFormat !== format) stale.push(w.cell);
          if (stale[stale.length - 1] === w.cell) return;
        }
        const formatChanges = format !== undefined && format !== w.numberFormat;
        const already = (w.formula !== undefined ? formula === w.formula : !formula && sameNumberish(value, w.value)) && !formatChanges;
        if (already) return;
        const before: CellWritten = { cell: w.cell, before: formula ?? (value === null || value === undefined ? '' : value), after: w.formula ?? w.value ?? '' };
        if (formula) before.beforeFormula = formula;
        if (w.formula !== undefined) before.afterFormula = true;
        if (formatChanges) before.format = { before: format!, after: w.numberFormat! };
        todo.push(before);
      });
      if (stale.length)
        throw new RecalcError(
          'stale',
          `Trang tính đã thay đổi sau lần kiểm tra (ô ${stale.join(', ')}); hãy bấm «Kiểm tra» lại rồi thử lại. Chưa ghi gì vào trang tính.`,
          `The sheet changed since it was checked (cells ${stale.join(', ')}); check it again and retry. Nothing was written.`,
          stale,
        );
      if (!todo.length) return { sheet, kind, written: [], undoGrouped };

      // ── record what they held (merged with an earlier, unreverted batch of this kind: its oldest content stands) ──
      const { rec: prev, legacyKeys } = recordOf(st, kind, legacyValues(kind));
      const merged = new Map<string, RecordedCell>();
      if (prev) {
        const { at } = locateRecord(prev, st.names);
        prev.cells.forEach((c, i) => {
          if (at[i]) merged.set(at[i]!, { ...c, cell: at[i]! });
        });
      }
      const prevHere: JournalRecord | null = prev ? { ...prev, cells: [...merged.values()] } : null;
      for (const t of todo) {
        const prevCell = merged.get(t.cell);
        const old = prevCell?.value;
        const value: NonNullable<RecordedCell['value']> = old
          ? { before: old.before, ...(old.formula !== undefined ? { formula: old.formula } : {}), after: t.after }
          : { before: t.beforeFormula ?? t.before, ...(t.beforeFormula !== undefined ? { formula: t.beforeFormula } : {}), after: t.after };
        if (t.afterFormula) value.afterFormula = true;
        const cell: RecordedCell = { cell: t.cell, value };
        // the oldest number format stands, as the oldest content does
        const format = prevCell?.format ?? (t.format ? { ...t.format } : undefined);
        if (format) cell.format = { before: format.before, after: t.format?.after ?? format.after };
        merged.set(t.cell, cell);
      }
      const record: JournalRecord = { v: 2, kind, sheetId, sheet, cells: [...merged.values()], fills: [], tracks: [] };
      if (opts?.meta || prev?.meta) record.meta = { ...(prev?.meta ?? {}), ...(opts?.meta ?? {}) };
      const bytes = settingBytes(record);
      if (bytes > MAX_SETTING_BYTES) throw tooLargeError(bytes);
      const stored = await storeRecord(deps, sheetId, kind, record, existingTracks(prev, st.names), legacyKeys);

      // ── write (one sync): a cell's number format first, so the value lands as what it is ──
      const byCell = new Map(cells.map((c) => [c.cell, c]));
      for (const t of todo) {
        const target = ws.getRange(t.cell);
        if (t.format) target.numberFormat = [[t.format.after]];
        target.values = [[toWrite(byCell.get(t.cell)!)]];
      }
      try {
        await ctx.sync();
      } catch (err) {
        // put this batch's old contents back (values first, then the formats), and the earlier record with them
        try {
          for (const t of todo) ws.getRange(t.cell).values = [[t.beforeFormula ?? restorable(t.before)]];
          for (const t of todo) if (t.format) ws.getRange(t.cell).numberFormat = [[t.format.before]];
          await ctx.sync();
          await storeRecord(deps, sheetId, kind, prevHere, stored?.tracks ?? [], prevHere ? [] : [recordKey(kind, sheetId)]);
        } catch (rollbackError) {
          (err as { rollbackError?: unknown }).rollbackError = rollbackError;
        }
        throw err;
      }
      return { sheet, kind, written: todo, undoGrouped };
    },
    { writes: true, undoGroup: true },
  );
}

export interface UndoResult {
  sheet: string;
  /** cells put back (or already back: Excel's Ctrl+Z) */
  restored: string[];
  /** cells edited since the write: left alone */
  skipped: string[];
  /** false when there was nothing to undo */
  hadRecord: boolean;
}

/** Puts back what `writeCells(kind, …)` replaced, wherever the cells are now; then forgets the record. */
export async function undoCells(kind: string, depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string; onProtected?: (sheet: string) => Error }): Promise<UndoResult> {
  const deps = resolveDeps(depsIn);
  const { sheet, result } = await revertRecord(deps, kind, {
    sheet: opts?.sheet,
    markColors: new Set(),
    legacy: legacyValues(kind),
    onProtected:
      opts?.onProtected ??
      ((name) => {
        const [vi, en] = protectedMessage(name);
        return new RecalcError('protected', vi, en);
      }),
  });
  if (!result) return { sheet, restored: [], skipped: [], hadRecord: false };
  return { sheet, restored: [...result.restored, ...result.already], skipped: result.skipped, hadRecord: true };
}

export { recordKey, type SheetState };
