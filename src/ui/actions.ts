/**
 * What the buttons do — the pane's and the ribbon's alike. Each action runs alone (PaneStore.exclusive), records its
 * progress, result and any error in the store, and never throws: a failure becomes `state.error`.
 */
import { check } from '../core/check';
import { todayIso, type CheckOptions } from '../core/options';
import type { Lang, SheetReport, Text } from '../core/report';
import { errorText, type PaneHost, type PaneSettings } from './host';
import { t, formatNum, type StringKey } from './i18n';
import type { PaneStore, PaneMessage } from './store';

/** The check options the settings describe (today when no as-of date is set). */
export function checkOptions(settings: PaneSettings, today: string = todayIso()): CheckOptions {
  const o: CheckOptions = { asOf: settings.asOf || today };
  if (settings.planYear !== undefined) o.planYear = settings.planYear;
  if (settings.required) o.required = settings.required;
  if (settings.bands && settings.bands.length) o.bands = settings.bands;
  return o;
}

/** Both languages of a pane string. */
export function both(key: StringKey, params?: (lang: Lang) => Record<string, string | number>): Text {
  return { vi: t(key, 'vi', params?.('vi')), en: t(key, 'en', params?.('en')) };
}

function failure(e: unknown, context?: Text): PaneMessage {
  return { intent: 'error', text: errorText(e), context };
}

/** Lets the browser paint (the progress bar) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface CheckRun {
  /** colour the findings' cells (default true) */
  mark?: boolean;
  /** for tests: the date used when the settings name none */
  today?: string;
}

async function doCheck(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun): Promise<SheetReport | undefined> {
  store.set({ busy: { phase: 'reading' }, error: undefined, notice: undefined });
  let report: SheetReport;
  const options = checkOptions(settings, run.today);
  try {
    const snapshot = await host.readActiveSheet((p) => {
      if (Number.isFinite(p)) store.set({ busy: { phase: 'reading', progress: Math.max(0, Math.min(1, p)) } });
    });
    store.set({ busy: { phase: 'checking' } });
    await nextFrame();
    report = check(snapshot, options);
  } catch (e) {
    store.set({ busy: undefined, error: failure(e) });
    return undefined;
  }
  store.set({ report, asOf: options.asOf, busy: run.mark === false ? undefined : { phase: 'marking' } });
  if (run.mark !== false) {
    try {
      // a sheet without a table gets no marks; an empty list still clears the marks of an earlier check
      await host.applyMarks(report.found ? report.findings : [], { sheet: report.sheet, lang: settings.lang });
    } catch (e) {
      store.set({ error: failure(e, both('error.markFailed')) });
    }
  }
  store.set({ busy: undefined });
  return report;
}

/** Kiểm tra: read the active sheet, check it, show the report, mark the cells. */
export function runCheck(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun = {}): Promise<SheetReport | undefined> {
  return store.exclusive(() => doCheck(host, store, settings, run));
}

export interface RecalcRun extends CheckRun {
  /** check the sheet first and use that plan (the ribbon), instead of the report on show (the pane) */
  checkFirst?: boolean;
}

/** Tính lại điểm: write the report's recalculation plan, then check again so the report and marks match the sheet. */
export function runRecalc(host: PaneHost, store: PaneStore, settings: PaneSettings, run: RecalcRun = {}): Promise<void> {
  return store.exclusive(async () => {
    let report = store.get().report;
    if (run.checkFirst || !report) {
      report = await doCheck(host, store, settings, run);
      if (!report || store.get().error) return;
    }
    const plan = report.recalc ?? [];
    if (!plan.length) {
      store.set({ notice: { intent: 'info', text: both('recalc.noPlan') }, error: undefined });
      return;
    }
    store.set({ busy: { phase: 'recalculating' }, error: undefined, notice: undefined });
    try {
      const outcome = await host.applyRecalc(plan, report.sheet);
      store.set({ recalc: outcome, revert: undefined, busy: undefined });
      if (outcome.changed.length) await doCheck(host, store, settings, run);
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Hoàn tác: put back the values the last recalculation replaced. */
export function runRevert(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun = {}): Promise<void> {
  return store.exclusive(async () => {
    store.set({ busy: { phase: 'reverting' }, error: undefined, notice: undefined });
    try {
      const outcome = await host.revertRecalc(store.get().recalc?.sheet ?? store.get().report?.sheet);
      store.set({ revert: outcome, recalc: undefined, busy: undefined });
      const parts: Text[] = [];
      if (!outcome.hadRecalc) parts.push(both('recalc.nothingToRevert'));
      else parts.push(both('recalc.reverted', () => ({ n: outcome.restored.length })));
      if (outcome.skipped.length) parts.push(both('recalc.skipped', () => ({ cells: outcome.skipped.join(', ') })));
      const notice: PaneMessage = {
        intent: outcome.skipped.length ? 'warning' : 'success',
        text: { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') },
      };
      store.set({ notice });
      if (outcome.restored.length && store.get().report) {
        await doCheck(host, store, settings, run);
        if (!store.get().error) store.set({ notice });
      }
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Xóa đánh dấu: the marked cells get their own fill back. */
export function runClearMarks(host: PaneHost, store: PaneStore): Promise<void> {
  return store.exclusive(async () => {
    store.set({ busy: { phase: 'clearing' }, error: undefined, notice: undefined });
    try {
      const outcome = await host.clearMarks();
      let text = outcome.hadMarks ? both('marks.cleared', (l) => ({ n: formatNum(outcome.restored, l) })) : both('marks.none');
      if (outcome.skipped.length) {
        const s = both('marks.skipped', () => ({ cells: outcome.skipped.join(', ') }));
        text = { vi: `${text.vi} ${s.vi}`, en: `${text.en} ${s.en}` };
      }
      store.set({ busy: undefined, notice: { intent: 'success', text } });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Báo cáo: a new sheet listing the findings, each linked to its cell. */
export function runReportSheet(host: PaneHost, store: PaneStore, lang: Lang): Promise<void> {
  return store.exclusive(async () => {
    const report = store.get().report;
    if (!report || !host.writeReportSheet) return;
    store.set({ busy: { phase: 'report' }, error: undefined, notice: undefined });
    try {
      const name = await host.writeReportSheet(report, lang);
      store.set({ busy: undefined, notice: { intent: 'success', text: both('report.written', () => ({ name })) } });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}
