/**
 * What the buttons do — the pane's and the ribbon's alike. Each action runs alone (PaneStore.exclusive), records its
 * progress, result and any error in the store, and never throws: a failure becomes `state.error`.
 */
import { todayIso, type CheckOptions } from '../core/options';
import type { Lang, SheetReport, Text } from '../core/report';
import { errorDetail, errorText, type MarkOutcome, type PaneHost, type PaneSettings, type RecalcOutcome } from './host';
import { t, formatNum, type StringKey } from './i18n';
import type { PaneStore, PaneMessage } from './store';
import type { Chunk } from './chunks';
import { engine } from './lazyParts';

/** The check options the settings describe (today when no as-of date is set). */
export function checkOptions(settings: PaneSettings, today: string = todayIso()): CheckOptions {
  const o: CheckOptions = { asOf: settings.asOf || today };
  if (settings.planYear !== undefined) o.planYear = settings.planYear;
  if (settings.required) o.required = settings.required;
  if (settings.bands && settings.bands.length) o.bands = settings.bands;
  return o;
}

/**
 * Runs an action that lives in a chunk of its own (./lazyParts.ts): loads the chunk first — the pane shows "Đang tải…"
 * while it comes, when nothing else is running — then runs `use`. A chunk that does not arrive becomes the pane's
 * error message (the network, in both languages); nothing is written.
 */
export async function withChunk<M, T>(c: Chunk<M>, store: PaneStore, use: (m: M) => Promise<T>): Promise<T | undefined> {
  let m = c.loaded();
  if (m === undefined) {
    const idle = !store.get().busy;
    if (idle) store.set({ busy: { phase: 'loading' }, error: undefined });
    try {
      m = await c.load();
    } catch (e) {
      store.set({ error: failure(e) });
      return undefined;
    } finally {
      if (idle && store.get().busy?.phase === 'loading') store.set({ busy: undefined });
    }
  }
  return use(m);
}

/** Both languages of a pane string. */
export function both(key: StringKey, params?: (lang: Lang) => Record<string, string | number>): Text {
  return { vi: t(key, 'vi', params?.('vi')), en: t(key, 'en', params?.('en')) };
}

/** An error as the pane shows it: what to do in both languages, Excel's own words folded under "Chi tiết kỹ thuật". */
export function failure(e: unknown, context?: Text, intent: PaneMessage['intent'] = 'error'): PaneMessage {
  const m: PaneMessage = { intent, text: errorText(e) };
  if (context) m.context = context;
  const detail = errorDetail(e);
  if (detail) m.detail = detail;
  return m;
}

/** Joins sentences of both languages into one text. */
function joined(parts: Text[]): Text {
  return { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** What the marking left undone, as a notice (undefined when nothing). */
function markNotice(o: MarkOutcome): PaneMessage | undefined {
  const parts: Text[] = [];
  if (o.refused?.length) parts.push(both('marks.refused', () => ({ cells: o.refused!.join(', ') })));
  if (o.unrestorable?.length) parts.push(both('marks.gradient', () => ({ cells: o.unrestorable!.join(', ') })));
  if (o.omitted) parts.push(both('marks.omitted', (l) => ({ n: formatNum(o.omitted!, l) })));
  return parts.length ? { intent: 'warning', text: joined(parts) } : undefined;
}

/** Lets the browser paint (the progress bar) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface CheckRun {
  /** colour the findings' cells (default true) */
  mark?: boolean;
  /**
   * an automatic re-check after the user's edit: where the host's writes would wipe the user's undo history
   * (`host.keepsUndo === false`), the marks are left as they are and the pane says so
   */
  auto?: boolean;
  /** for tests: the date used when the settings name none */
  today?: string;
}

/**
 * Reads, checks (with the ignores the workbook carries), marks; then asks the host which fixes of the sheet can still
 * be undone. For the actions of this module and of ./fixActions.ts, inside their `store.exclusive`.
 */
export async function doCheck(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun): Promise<SheetReport | undefined> {
  store.set({ busy: { phase: 'reading' }, error: undefined, notice: undefined });
  let report: SheetReport;
  const options = checkOptions(settings, run.today);
  const notices: Text[] = [];
  let ignores = store.get().ignores;
  if (host.loadIgnores) {
    try {
      ignores = await host.loadIgnores();
    } catch {
      // a file whose ignores cannot be read shows every finding, and says so
      ignores = [];
      notices.push(both('ignored.loadFailed'));
    }
  }
  if (ignores?.length) options.ignores = ignores;
  // the engine is a chunk of its own (./lazyParts.ts), usually there already: it loads while Excel reads the sheet
  const loading = engine.load();
  loading.catch(() => undefined); // awaited below; a failure is reported there, after the read
  try {
    const snapshot = await host.readActiveSheet((p) => {
      if (Number.isFinite(p)) store.set({ busy: { phase: 'reading', progress: Math.max(0, Math.min(1, p)) } });
    });
    store.set({ busy: { phase: 'checking' } });
    const { check } = await loading;
    await nextFrame();
    report = check(snapshot, options);
    // without its merged areas a merged value reads as blank cells: say where findings may be wrong
    if (snapshot.limits?.includes('merges-unreadable') && report.found) notices.push(both('read.mergesUnreadable'));
  } catch (e) {
    store.set({ busy: undefined, error: failure(e) });
    return undefined;
  }
  const mark = run.mark !== false && !(run.auto && host.keepsUndo === false);
  store.set({ report, asOf: options.asOf, ignores, busy: mark ? { phase: 'marking' } : undefined });
  if (run.mark !== false && !mark) notices.push(both('auto.marksKept'));
  let warning: PaneMessage | undefined;
  if (mark) {
    try {
      // a sheet without a table gets no marks; an empty list still clears the marks of an earlier check
      const outcome = await host.applyMarks(report.found ? report.findings : [], { sheet: report.sheet, lang: settings.lang });
      warning = markNotice(outcome);
    } catch (e) {
      store.set({ error: failure(e, both('error.markFailed')) });
    }
  }
  if (warning) notices.push(warning.text);
  if (host.fixHistory) {
    try {
      store.set({ fixes: await host.fixHistory(report.sheet) });
    } catch {
      store.set({ fixes: undefined }); // the list is a convenience: Hoàn tác still asks the workbook itself
    }
  }
  store.set({
    busy: undefined,
    notice: notices.length ? { intent: warning || notices.length > 1 || !run.auto ? 'warning' : 'info', text: joined(notices) } : undefined,
  });
  return report;
}

/** Kiểm tra: read the active sheet, check it, show the report, mark the cells. */
export function runCheck(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun = {}): Promise<SheetReport | undefined> {
  return store.exclusive(() => doCheck(host, store, settings, run));
}

export interface RecalcRun extends CheckRun {
  /** check the sheet first and use that plan (the ribbon), instead of the report on show (the pane) */
  checkFirst?: boolean;
  /** the ribbon button ran it: the message says so (the pane may have been closed) */
  fromRibbon?: boolean;
}

/** cells named in a one-line message before "…" */
const NOTICE_CELLS = 6;
const cellList = (cells: readonly string[]) => (cells.length > NOTICE_CELLS ? `${cells.slice(0, NOTICE_CELLS).join(', ')}, …` : cells.join(', '));

/**
 * The message at the top of the pane after "Tính lại điểm": what was written, and which formula cells disagree —
 * in one or two sentences; the panel below lists them all. Said as from the ribbon when the ribbon ran it.
 */
export function recalcNotice(outcome: RecalcOutcome, fromRibbon = false): PaneMessage {
  const bad = outcome.verifiedFormulas.filter((f) => !f.ok).map((f) => f.cell);
  const parts: Text[] = [
    outcome.changed.length
      ? both(fromRibbon ? 'recalc.doneRibbon' : 'recalc.done', (l) => ({ n: formatNum(outcome.changed.length, l), cells: cellList(outcome.changed.map((c) => c.cell)) }))
      : both(fromRibbon ? 'recalc.doneNoneRibbon' : 'recalc.doneNone'),
  ];
  if (bad.length) parts.push(both('recalc.doneBad', (l) => ({ n: formatNum(bad.length, l), cells: cellList(bad) })));
  return { intent: bad.length ? 'warning' : 'success', text: joined(parts) };
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
      const done = recalcNotice(outcome, run.fromRibbon);
      store.set({ recalc: outcome, revert: undefined, busy: undefined, notice: done });
      if (outcome.changed.length) {
        await doCheck(host, store, settings, run);
        // the check's own notice (marks left undone) goes after what was written
        const after = store.get().notice;
        store.set({ notice: after ? { intent: 'warning', text: joined([done.text, after.text]) } : done });
      }
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
      const notice: PaneMessage = { intent: outcome.skipped.length ? 'warning' : 'success', text: joined(parts) };
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
      const parts: Text[] = [outcome.hadMarks ? both('marks.cleared', (l) => ({ n: formatNum(outcome.restored + (outcome.already ?? 0), l) })) : both('marks.none')];
      if (outcome.skipped.length) parts.push(both('marks.skipped', () => ({ cells: outcome.skipped.join(', ') })));
      if (outcome.keptEdited?.length) parts.push(both('marks.keptEdited', () => ({ cells: outcome.keptEdited!.join(', ') })));
      if (outcome.gone) parts.push(both('marks.gone', (l) => ({ n: formatNum(outcome.gone!, l) })));
      const warn = outcome.skipped.length || outcome.keptEdited?.length;
      store.set({ busy: undefined, notice: { intent: warn ? 'warning' : 'success', text: joined(parts) } });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Tự kiểm tra Excel: the host tests itself; the report goes back to the caller (the settings panel shows it). */
export function runSelfTest(host: PaneHost, store: PaneStore, onStep?: (done: number, total: number) => void) {
  return store.exclusive(async () => {
    if (!host.selfTest) return undefined;
    store.set({ busy: { phase: 'selftest' }, error: undefined, notice: undefined });
    try {
      const outcome = await host.selfTest((done, total) => {
        store.set({ busy: { phase: 'selftest', progress: total ? done / total : undefined } });
        onStep?.(done, total);
      });
      store.set({ busy: undefined });
      return outcome;
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
      return undefined;
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
