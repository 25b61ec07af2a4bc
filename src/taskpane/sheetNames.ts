/**
 * The workbook's sheets as the pane needs them without loading the bảng giải trình writer (./scoreSheets.ts): their
 * names, to compare a self-assessment sheet with the appraisal pasted as another sheet; and which of them the add-in
 * wrote, so that typing there starts no re-check.
 */
import { EXPLANATION_SHEET_NAME } from '../core/scores/explanation';
import { resolveDeps, runBatch, type ExcelDeps } from '../excel/deps';

/** The workbook's sheet names, in tab order, and the active sheet's. One sync. */
export async function listSheetNames(deps?: Partial<ExcelDeps>): Promise<{ names: string[]; active: string }> {
  return runBatch(resolveDeps(deps), async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    return { names: sheets.items.map((w) => w.name), active: active.name };
  });
}

/** Whether a sheet is one of the explanation sheets the add-in wrote ("Bảng giải trình", "… (2)"): a unit types its
 * reasons there, which is no reason to re-check. */
export function isExplanationSheet(name: string): boolean {
  return Object.values(EXPLANATION_SHEET_NAME).some((base) => name === base || (name.startsWith(base) && /^ \(\d+\)$/.test(name.slice(base.length))));
}
