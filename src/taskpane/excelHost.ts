/**
 * The pane's host inside Excel: a thin PaneHost over the Office.js adapter (src/excel). Create it after
 * Office.onReady — the optional features (sheet-change events, undo) depend on the API sets this Excel supports.
 */
import { REPORT_SHEET_NAME } from '../core/marks';
import type { Finding, FixPlan, Lang, RecalcCell, SheetReport } from '../core/report';
import { todayIso } from '../core/options';
// the adapter's modules one by one (not the ../excel barrel): what the pane needs for a check is in its first chunk,
// the rest — self-test, recalculation and fix writers, the two sheet writers — is loaded when first used
import { keepsUndo, resolveDeps, type ExcelDeps } from '../excel/deps';
import { readActiveSheet, readSheet } from '../excel/read';
import { applyMarks, clearMarks } from '../excel/marks';
import { selectCell } from '../excel/select';
import { loadCheckSettings, saveCheckSettings } from '../excel/settings';
import { loadIgnores, sheetIdsReader, updateIgnores } from '../excel/ignores';
import { fixHistory } from '../excel/fixHistory';
import type { SelfTestDeps } from '../excel/selftest';
import { chunk } from '../ui/chunks';
import { DEFAULT_PANE_SETTINGS, type FixCellChange, type PaneHost, type PaneSettings, type ReadLimit } from '../ui/host';
import { isExplanationSheet, listSheetNames } from './sheetNames';

/** The adapter's parts the pane loads on demand: each a chunk of its own (src/ui/chunks.ts: retried after a failure). */
const selfTestPart = chunk(() => import(/* webpackChunkName: "excel-selftest" */ '../excel/selftest'));
const recalcPart = chunk(() => import(/* webpackChunkName: "excel-recalc" */ '../excel/recalc'));
const fixesPart = chunk(() => import(/* webpackChunkName: "excel-fixes" */ '../excel/fixes'));
const reportSheetPart = chunk(() => import(/* webpackChunkName: "report-sheet" */ './reportSheet'));
const explanationSheetPart = chunk(() => import(/* webpackChunkName: "explanation-sheet" */ './scoreSheets'));

function toPaneSettings(s: Awaited<ReturnType<typeof loadCheckSettings>>): PaneSettings {
  return { ...s, lang: s.lang ?? DEFAULT_PANE_SETTINGS.lang, autoRefresh: s.autoRefresh ?? DEFAULT_PANE_SETTINGS.autoRefresh };
}

/** Whether a sheet is one of the add-in's report sheets ("Phuluc – Báo cáo", "… (2)"): its edits are not a reason to re-check. */
export function isReportSheet(name: string): boolean {
  return name === REPORT_SHEET_NAME || (name.startsWith(REPORT_SHEET_NAME) && /^ \(\d+\)$/.test(name.slice(REPORT_SHEET_NAME.length)));
}

/**
 * Subscribes to `worksheets.onChanged` (ExcelApi 1.9). Ignored: edits made by this add-in (ExcelApi 1.14 tells them
 * apart; below it the adapter turns events off around its writes), edits on sheets other than the active one, and
 * edits on the add-in's report sheets.
 */
function subscribeSheetChanges(deps: ExcelDeps, cb: () => void, onError?: (e: unknown) => void): () => void {
  let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  let stopped = false;

  const remove = () => {
    const h = handler;
    handler = undefined;
    if (!h) return;
    // an event handler is removed in the request context it was added with
    deps
      .run(
        async (ctx) => {
          h.remove();
          await ctx.sync();
        },
        h.context ? { previousObjects: h.context as Excel.RequestContext } : undefined,
      )
      .catch(() => undefined);
  };

  deps
    .run(async (ctx) => {
      const h = ctx.workbook.worksheets.onChanged.add(async (event) => {
        if (stopped) return;
        if ((event.triggerSource as string | undefined) === 'ThisLocalAddin') return;
        try {
          const relevant = await deps.run(async (context) => {
            const active = context.workbook.worksheets.getActiveWorksheet();
            active.load('id');
            const changed = context.workbook.worksheets.getItemOrNullObject(event.worksheetId);
            changed.load('name');
            await context.sync();
            return active.id === event.worksheetId && !(!changed.isNullObject && (isReportSheet(changed.name) || isExplanationSheet(changed.name)));
          });
          if (!relevant) return;
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

export function createExcelHost(partial?: Partial<SelfTestDeps>): PaneHost {
  // resolved on each call: the settings store and Office.context exist only after Office.onReady
  const deps = () => resolveDeps(partial);
  const host: PaneHost = {
    kind: 'excel',
    keepsUndo: keepsUndo(deps()),
    // the reader reports after each sync that brought data (strictly increasing, ending at 1); until the first sync
    // returns the pane's bar stays indeterminate
    async readActiveSheet(onProgress) {
      const snap = await readActiveSheet(deps(), { onProgress });
      const limits: ReadLimit[] = [];
      if (!snap.excel.mergesComplete && snap.values.length) limits.push('merges-unreadable');
      return limits.length ? { ...snap, limits } : snap;
    },
    selectCell: (address, sheet) => selectCell(address, deps(), { sheet }),
    async applyMarks(findings: readonly Finding[], opts: { sheet: string; lang: Lang }) {
      const r = await applyMarks(findings, deps(), { sheet: opts.sheet, lang: opts.lang });
      return { sheet: r.sheet, cells: r.cells, refused: r.refusedAnnotations, unrestorable: r.unrestorable, omitted: r.omitted };
    },
    async clearMarks(sheet) {
      const r = await clearMarks(deps(), { sheet });
      return { sheet: r.sheet, restored: r.restored, skipped: r.skipped, hadMarks: r.hadMarks, already: r.already, keptEdited: r.keptEdited, gone: r.gone };
    },
    async applyRecalc(plan: readonly RecalcCell[], sheet: string) {
      const { applyRecalc } = await recalcPart.load();
      const r = await applyRecalc(plan, deps(), { sheet });
      return {
        sheet: r.sheet,
        changed: r.changed.map((c) => ({ cell: c.cell, before: c.before === '' ? null : c.before, after: c.after })),
        verifiedFormulas: r.verifiedFormulas,
      };
    },
    async revertRecalc(sheet) {
      const { revertRecalc } = await recalcPart.load();
      const r = await revertRecalc(deps(), { sheet });
      return { sheet: r.sheet, restored: r.restored, skipped: r.skipped, hadRecalc: r.hadRecalc };
    },
    async loadSettings() {
      return toPaneSettings(await loadCheckSettings(deps().store));
    },
    async saveSettings(s: PaneSettings) {
      return toPaneSettings(await saveCheckSettings(s, deps().store));
    },
    async writeReportSheet(report: SheetReport, lang: Lang) {
      const { writeReportSheet } = await reportSheetPart.load();
      return writeReportSheet(report, lang, deps());
    },
    async applyFix(plan: FixPlan, sheet: string) {
      const { applyFixPlan } = await fixesPart.load();
      const r = await applyFixPlan(plan, deps(), { sheet, today: todayIso() });
      const written: FixCellChange[] = r.written.map((w) => {
        const c: FixCellChange = { cell: w.cell, before: w.beforeFormula ?? w.before, after: w.after };
        if (w.beforeFormula) c.beforeFormula = w.beforeFormula;
        if (w.afterFormula) c.afterFormula = true;
        if (w.format) c.format = w.format;
        return c;
      });
      return { sheet: r.sheet, batch: r.batch, description: r.description, written };
    },
    async undoFix(sheet) {
      const { undoLastFix } = await fixesPart.load();
      const r = await undoLastFix(deps(), { sheet });
      return { sheet: r.sheet, hadFix: r.hadFix, batch: r.batch, description: r.description, restored: r.restored, skipped: r.skipped, remaining: r.remaining };
    },
    async fixHistory(sheet) {
      return (await fixHistory(deps(), { sheet })).batches;
    },
    loadIgnores: () => loadIgnores(deps().store, sheetIdsReader(deps().run)),
    updateIgnores: (change) => updateIgnores(deps().store, change, sheetIdsReader(deps().run)),
    async selfTest(onStep) {
      const { runSelfTest, formatSelfTestReport } = await selfTestPart.load();
      const report = await runSelfTest({ ...deps(), info: partial?.info, eventWaitMs: partial?.eventWaitMs }, (done, total) => onStep?.(done, total));
      const count = (s: string) => report.checks.filter((c) => c.status === s).length;
      return { text: formatSelfTestReport(report), passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
    },
    listSheets: () => listSheetNames(deps()),
    readSheet: (name, onProgress) => readSheet(name, deps(), { onProgress }),
    async writeExplanationSheet(diff, lang) {
      const { writeExplanationSheet } = await explanationSheetPart.load();
      return writeExplanationSheet(diff, lang, deps());
    },
  };
  if (deps().isSetSupported('ExcelApi', '1.9')) host.onSheetChanged = (cb, onError) => subscribeSheetChanges(deps(), cb, onError);
  return host;
}
