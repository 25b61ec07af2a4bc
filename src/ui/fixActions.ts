/**
 * The actions behind "Sửa" (a finding's fix plan, or a rule group's combined plan, after the user saw its preview),
 * "Hoàn tác" of a fix, "Bỏ qua" and "Đưa lại". Like ./actions.ts: each runs alone, never throws, and checks the sheet
 * again afterwards so the report, the marks and the lists match the workbook.
 */
import { ignoreFor, sameIgnore, type Ignore } from '../core/ignores';
import { todayIso } from '../core/options';
import type { Finding, FixPlan, Text } from '../core/report';
import { both, doCheck, failure, type CheckRun } from './actions';
import type { PaneHost, PaneSettings } from './host';
import { formatNum } from './i18n';
import type { PaneMessage, PaneStore } from './store';

/** "F61, F21" — at most `max` cells named, then "…" */
function cellList(cells: readonly string[], max = 8): string {
  return cells.length > max ? `${cells.slice(0, max).join(', ')}, …` : cells.join(', ');
}

function joined(parts: Text[]): Text {
  return { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** Re-checks after a write and keeps `notice` on show (unless the re-check itself failed). */
async function recheckWith(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun, notice: PaneMessage): Promise<void> {
  store.set({ notice });
  if (!store.get().report) return;
  await doCheck(host, store, settings, run);
  if (!store.get().error) store.set({ notice });
}

/** Sửa: writes a plan the user previewed, in one batch, then checks the sheet again. */
export function runFix(host: PaneHost, store: PaneStore, settings: PaneSettings, plan: FixPlan, run: CheckRun = {}): Promise<void> {
  return store.exclusive(async () => {
    const report = store.get().report;
    if (!host.applyFix || !report) return;
    store.set({ busy: { phase: 'fixing' }, error: undefined, notice: undefined });
    try {
      const out = await host.applyFix(plan, report.sheet);
      store.set({ busy: undefined });
      const cells = out.written.map((w) => w.cell);
      const notice: PaneMessage = cells.length
        ? { intent: 'success', text: both('fix.done', (l) => ({ n: formatNum(cells.length, l), cells: cellList(cells) })) }
        : { intent: 'info', text: both('fix.nothing') };
      await recheckWith(host, store, settings, run, notice);
    } catch (e) {
      // protected, changed since the check, failed half-way (put back): nothing was left half-written
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Hoàn tác (a fix): puts back what the last fix of the sheet replaced, then checks again. */
export function runUndoFix(host: PaneHost, store: PaneStore, settings: PaneSettings, run: CheckRun = {}): Promise<void> {
  return store.exclusive(async () => {
    if (!host.undoFix) return;
    store.set({ busy: { phase: 'reverting' }, error: undefined, notice: undefined });
    try {
      const out = await host.undoFix(store.get().report?.sheet);
      store.set({ busy: undefined });
      const parts: Text[] = [];
      if (!out.hadFix) parts.push(both('fix.nothingToUndo'));
      else parts.push(both('fix.undone', (l) => ({ n: formatNum(out.restored.length, l), cells: cellList(out.restored) })));
      if (out.skipped.length) parts.push(both('fix.undoSkipped', () => ({ cells: cellList(out.skipped) })));
      const notice: PaneMessage = { intent: out.skipped.length ? 'warning' : out.hadFix ? 'success' : 'info', text: joined(parts) };
      if (out.hadFix) await recheckWith(host, store, settings, run, notice);
      else store.set({ notice, fixes: [] });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Bỏ qua: the workbook remembers to ignore this finding on this cell; the sheet is checked again. */
export function runIgnore(host: PaneHost, store: PaneStore, settings: PaneSettings, f: Finding, run: CheckRun = {}): Promise<void> {
  return store.exclusive(async () => {
    const report = store.get().report;
    if (!host.updateIgnores || !report) return;
    const ig = ignoreFor(f, report.sheet, run.today ?? todayIso());
    if (!ig) return;
    store.set({ busy: { phase: 'ignoring' }, error: undefined, notice: undefined });
    try {
      const ignores = await host.updateIgnores({ add: [ig] });
      store.set({ busy: undefined, ignores });
      await recheckWith(host, store, settings, run, { intent: 'success', text: both('ignore.done', () => ({ cell: f.cell })) });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}

/** Đưa lại: forgets some ignores (or all of the checked sheet's); the findings are shown again. */
export function runUnignore(host: PaneHost, store: PaneStore, settings: PaneSettings, which: readonly Ignore[] | 'all', run: CheckRun = {}): Promise<void> {
  return store.exclusive(async () => {
    const report = store.get().report;
    if (!host.updateIgnores || !report) return;
    const hidden = report.ignored ?? [];
    const n = which === 'all' ? hidden.length : hidden.filter((x) => which.some((w) => sameIgnore(w, x.ignore))).length;
    store.set({ busy: { phase: 'ignoring' }, error: undefined, notice: undefined });
    try {
      const ignores = await host.updateIgnores({ remove: which, sheet: report.sheet });
      store.set({ busy: undefined, ignores });
      const text = n || which === 'all' ? both('ignored.restored', (l) => ({ n: formatNum(n, l) })) : both('ignored.dropped', (l) => ({ n: formatNum(which.length, l) }));
      await recheckWith(host, store, settings, run, { intent: 'success', text });
    } catch (e) {
      store.set({ busy: undefined, error: failure(e) });
    }
  });
}
