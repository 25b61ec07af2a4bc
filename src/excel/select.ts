/** Going to a finding: activate its sheet and select its cell, in one sync. */
import { splitSheetAddress } from './addresses';
import { resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';

/**
 * `address` is "F61" (on `opts.sheet`, else the active sheet) or sheet-qualified ("'Phụ lục 1'!F61"); a range
 * ("F5:F9") is selected as a whole.
 */
export async function selectCell(address: string, deps?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<void> {
  const d = resolveDeps(deps);
  const parts = splitSheetAddress(address);
  const sheet = parts.sheet ?? opts?.sheet;
  await runBatch(d, async (ctx) => {
    const ws = targetSheet(ctx, sheet);
    ws.activate();
    ws.getRange(parts.address).select();
    await ctx.sync();
  });
}
