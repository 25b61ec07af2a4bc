/**
 * One-click fixes ("Sửa"): writing a fix plan of the report (src/core/fixes) into the sheet, and undoing it
 * ("Hoàn tác"), through writeCells / undoCells (./writes.ts).
 *
 *   const res = await applyFixPlan(finding.fix, deps, { sheet: 'Phụ lục' });   // F61 := =SUM(F6:F59), F21 := 2019
 *   …
 *   await undoLastFix(deps, { sheet: 'Phụ lục' });                            // F61 and F21 as they were
 *
 * - every cell of the plan must still hold what the check saw (value, formula, and — where the plan changes it — the
 *   number format): otherwise nothing is written and the error names the cells (RecalcError 'stale');
 * - a protected sheet is refused before anything is written, naming Excel's menu to unprotect it;
 * - the batch is one undo step where Excel has it (ExcelApi 1.20) and is recorded first, so Hoàn tác works on every
 *   version; a write that fails half-way is put back;
 * - each batch is a record of its own, "fix1", "fix2"… per sheet: Hoàn tác undoes the LAST batch, then the one
 *   before, so every undo is exact even when two batches touched neighbouring cells. The records carry the plan's
 *   description and are listed by fixHistory (./fixHistory.ts: after the file is closed and reopened too).
 */
import type { FixPlan, Text } from '../core/report';
import { resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';
import { readSheetState, validRecord, type RawValue } from './journal';
import { undoCells, writeCells, type CellWrite, type CellWritten } from './writes';
import { FIX_KIND, fixBatches, fixHistory, kindOf, type FixBatch } from './fixHistory';

export { FIX_KIND, fixHistory, type FixBatch };

/** The writes a plan asks for: each cell checked against what the check saw. */
export function planWrites(plan: FixPlan): CellWrite[] {
  return plan.edits.map((e) => {
    const w: CellWrite = {
      cell: e.cell,
      expect: { value: e.before.formula ? undefined : (e.before.value as RawValue | null), formula: e.before.formula ?? null },
    };
    if (e.before.formula) delete w.expect!.value;
    if (e.after.formula) w.formula = e.after.formula;
    else w.value = e.after.value === null ? '' : (e.after.value as RawValue);
    if (e.after.numberFormat !== e.before.numberFormat) {
      w.numberFormat = e.after.numberFormat;
      w.expect!.numberFormat = e.before.numberFormat;
    }
    return w;
  });
}

export interface FixApplied {
  sheet: string;
  /** the batch number (Hoàn tác undoes the highest first) */
  batch: number;
  written: CellWritten[];
  undoGrouped: boolean;
  description: Text;
}

export async function applyFixPlan(plan: FixPlan, depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string; today?: string }): Promise<FixApplied> {
  const deps = resolveDeps(depsIn);
  let batch = 0;
  const res = await writeCells(
    (st) => {
      const existing = fixBatches(st);
      batch = (existing[existing.length - 1] ?? 0) + 1;
      return kindOf(batch);
    },
    planWrites(plan),
    deps,
    { sheet: opts?.sheet, meta: { description: plan.description, kind: plan.kind, ...(opts?.today ? { at: opts.today } : {}) } },
  );
  return { sheet: res.sheet, batch, written: res.written, undoGrouped: res.undoGrouped, description: plan.description };
}

export interface FixUndone {
  sheet: string;
  /** the batch undone (0 when there was none) */
  batch: number;
  description?: Text;
  restored: string[];
  /** cells edited since the fix: left alone */
  skipped: string[];
  hadFix: boolean;
  /** batches still to undo on this sheet */
  remaining: number;
}

/** Undoes the last fix batch of the sheet (the active one by default). */
export async function undoLastFix(depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<FixUndone> {
  const deps = resolveDeps(depsIn);
  const head = await runBatch(deps, async (ctx) => {
    const st = await readSheetState(ctx, targetSheet(ctx, opts?.sheet));
    const batches = fixBatches(st);
    const last = batches[batches.length - 1];
    const raw = last !== undefined ? st.settings.get(`phuluc.${kindOf(last)}.${st.sheetId}`) : undefined;
    const description = validRecord(raw, kindOf(last ?? 0), st.sheetId) ? (raw.meta?.description as Text | undefined) : undefined;
    return { sheet: st.sheet, batches, last, description };
  });
  if (head.last === undefined) return { sheet: head.sheet, batch: 0, restored: [], skipped: [], hadFix: false, remaining: 0 };
  const res = await undoCells(kindOf(head.last), deps, { sheet: head.sheet });
  return {
    sheet: res.sheet,
    batch: head.last,
    description: head.description,
    restored: res.restored,
    skipped: res.skipped,
    hadFix: res.hadRecord,
    remaining: head.batches.length - 1,
  };
}
