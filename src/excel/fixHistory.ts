/**
 * The fixes written on a sheet and not undone yet (the records "fix1", "fix2"… of ./fixes.ts), read after every check
 * so the pane can list them under «Đã sửa». Apart from ./fixes.ts, whose writer the pane loads only when a fix is
 * written or undone (src/taskpane/excelHost.ts).
 */
import type { Text } from '../core/report';
import { resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';
import { locateRecord, readSheetState, validRecord, type JournalRecord, type RawValue, type SheetState } from './journal';

export const FIX_KIND = 'fix';
const FIX_RECORD = /^phuluc\.fix(\d+)\.(.+)$/;

/** The fix records of the sheet, by batch number. */
export function fixBatches(st: Pick<SheetState, 'settings' | 'sheetId'>): number[] {
  const out: number[] = [];
  for (const key of st.settings.keys()) {
    const m = FIX_RECORD.exec(key);
    if (m && m[2] === st.sheetId) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

export const kindOf = (n: number) => `${FIX_KIND}${n}`;

export interface FixBatch {
  batch: number;
  description?: Text;
  /** ISO date it was written */
  at?: string;
  /** the cells as they are now placed (followed through row inserts), what they held and what was written */
  cells: { cell: string; before: RawValue; beforeFormula?: string; after: RawValue; afterFormula?: boolean }[];
}

/** The fix batches of the sheet not undone yet, the last first. */
export async function fixHistory(depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<{ sheet: string; batches: FixBatch[] }> {
  const deps = resolveDeps(depsIn);
  return runBatch(deps, async (ctx) => {
    const st = await readSheetState(ctx, targetSheet(ctx, opts?.sheet));
    const batches: FixBatch[] = [];
    for (const n of fixBatches(st).reverse()) {
      const raw = st.settings.get(`phuluc.${kindOf(n)}.${st.sheetId}`);
      if (!validRecord(raw, kindOf(n), st.sheetId)) continue;
      const rec = raw as JournalRecord;
      const { at } = locateRecord(rec, st.names);
      const cells: FixBatch['cells'] = [];
      rec.cells.forEach((c, i) => {
        if (!c.value || !at[i]) return;
        const out: FixBatch['cells'][number] = { cell: at[i]!, before: c.value.before, after: c.value.after };
        if (c.value.formula !== undefined) out.beforeFormula = c.value.formula;
        if (c.value.afterFormula) out.afterFormula = true;
        cells.push(out);
      });
      const b: FixBatch = { batch: n, cells };
      if (rec.meta?.description) b.description = rec.meta.description as Text;
      if (typeof rec.meta?.at === 'string') b.at = rec.meta.at;
      batches.push(b);
    }
    return { sheet: st.sheet, batches };
  });
}
