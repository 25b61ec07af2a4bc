/**
 * The pane's host inside Excel: a thin PaneHost over the Office.js adapter (src/excel). Create it after
 * Office.onReady — the optional features (sheet-change events) depend on the API sets this Excel supports.
 */
import type { Finding, Lang, RecalcCell, SheetReport } from '../core/report';
import {
  applyMarks,
  applyRecalc,
  clearMarks,
  loadCheckSettings,
  readActiveSheet,
  readSheet,
  resolveDeps,
  revertRecalc,
  saveCheckSettings,
  selectCell,
  type ExcelDeps,
} from '../excel';
import { DEFAULT_PANE_SETTINGS, type PaneHost, type PaneSettings } from '../ui/host';
import { writeReportSheet } from './reportSheet';
import { listSheetNames, writeExplanationSheet } from './scoreSheets';

function toPaneSettings(s: ReturnType<typeof loadCheckSettings>): PaneSettings {
  return { ...s, lang: s.lang ?? DEFAULT_PANE_SETTINGS.lang, autoRefresh: s.autoRefresh ?? DEFAULT_PANE_SETTINGS.autoRefresh };
}

/**
 * Subscribes to `worksheets.onChanged` (ExcelApi 1.9). Edits made by this add-in (ExcelApi 1.14 tells them apart)
 * and edits on sheets other than the active one are ignored.
 */
function subscribeSheetChanges(deps: ExcelDeps, cb: () => void, onError?: (e: unknown) => void): () => void {
  let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  let stopped = false;

  const remove = () => {
    const h = handler;
    handler = undefined;
    if (!h) return;
    // an event handler is removed in the request context it was added with
    const removal =
      typeof Excel !== 'undefined' && h.context
        ? Excel.run(h.context, async (ctx) => {
            h.remove();
            await ctx.sync();
          })
        : Promise.resolve(h.remove());
    removal.catch(() => undefined);
  };

  deps
    .run(async (ctx) => {
      const h = ctx.workbook.worksheets.onChanged.add(async (event) => {
        if (stopped) return;
        if ((event.triggerSource as string | undefined) === 'ThisLocalAddin') return;
        try {
          const activeId = await deps.run(async (c) => {
            const ws = c.workbook.worksheets.getActiveWorksheet();
            ws.load('id');
            await c.sync();
            return ws.id;
          });
          if (activeId !== event.worksheetId) return;
        } catch {
          // could not tell which sheet is active: treat the edit as relevant
        }
        if (!stopped) cb();
      });
      await ctx.sync();
      handler = h;
      if (stopped) remove();
    })
    .catch((e) => {
      // no events: the manual check still works, but the pane must say that auto refresh cannot
      if (!stopped) onError?.(e);
    });

  return () => {
    stopped = true;
    remove();
  };
}

export function createExcelHost(partial?: Partial<ExcelDeps>): PaneHost {
  // resolved on each call: the settings store and Office.context exist only after Office.onReady
  const deps = () => resolveDeps(partial);
  const host: PaneHost = {
    kind: 'excel',
    // the reader reports after each sync that brought data (strictly increasing, ending at 1); until the first sync
    // returns the pane's bar stays indeterminate
    async readActiveSheet(onProgress) {
      return readActiveSheet(deps(), { onProgress });
    },
    selectCell: (address, sheet) => selectCell(address, deps(), { sheet }),
    async applyMarks(findings: readonly Finding[], opts: { sheet: string; lang: Lang }) {
      const r = await applyMarks(findings, deps(), { sheet: opts.sheet, lang: opts.lang });
      return { sheet: r.sheet, cells: r.cells };
    },
    async clearMarks(sheet) {
      const r = await clearMarks(deps(), { sheet });
      return { sheet: r.sheet, restored: r.restored, skipped: r.skipped, hadMarks: r.hadMarks };
    },
    async applyRecalc(plan: readonly RecalcCell[], sheet: string) {
      const r = await applyRecalc(plan, deps(), { sheet });
      return {
        sheet: r.sheet,
        changed: r.changed.map((c) => ({ cell: c.cell, before: c.before === '' ? null : c.before, after: c.after })),
        verifiedFormulas: r.verifiedFormulas,
      };
    },
    async revertRecalc(sheet) {
      const r = await revertRecalc(deps(), { sheet });
      return { sheet: r.sheet, restored: r.restored, skipped: r.skipped, hadRecalc: r.hadRecalc };
    },
    async loadSettings() {
      return toPaneSettings(loadCheckSettings(deps().store));
    },
    async saveSettings(s: PaneSettings) {
      return toPaneSettings(await saveCheckSettings(s, deps().store));
    },
    writeReportSheet: (report: SheetReport, lang: Lang) => writeReportSheet(report, lang, deps()),
    listSheets: () => listSheetNames(deps()),
    readSheet: (name, onProgress) => readSheet(name, deps(), { onProgress }),
    writeExplanationSheet: (diff, lang) => writeExplanationSheet(diff, lang, deps()),
  };
  if (deps().isSetSupported('ExcelApi', '1.9')) host.onSheetChanged = (cb, onError) => subscribeSheetChanges(deps(), cb, onError);
  return host;
}
