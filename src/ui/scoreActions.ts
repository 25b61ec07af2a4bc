/**
 * What the scoring buttons do: compare two sheets of the workbook (self-assessment against the appraisal pasted as
 * another sheet) and write the draft bảng giải trình as a new sheet. Like every action, each runs alone
 * (PaneStore.exclusive), records its progress and result in the store, and never throws.
 */
import type { Lang, Text } from '../core/report';
import type { ScoreDiff } from '../core/scores/types';
import { appraisedScoreColumn, diffScores, selfScoreColumn } from '../core/scores/diff';
import { checkOptions, type CheckRun } from './actions';
import { errorText, type PaneHost, type PaneSettings } from './host';
import { st, type ScoreStringKey } from './scoreStrings';
import type { PaneStore } from './store';
import { engine } from './lazyParts';

const both = (key: ScoreStringKey, params?: Record<string, string | number>, en?: Record<string, string | number>): Text => ({
  vi: st(key, 'vi', params),
  en: st(key, 'en', en ?? params),
});

/** Reads both sheets, checks them with the pane's settings, and compares them criterion by criterion. */
export function runCompareSheets(host: PaneHost, store: PaneStore, settings: PaneSettings, selfSheet: string, appraisalSheet: string, run: CheckRun = {}): Promise<ScoreDiff | undefined> {
  return store.exclusive(async () => {
    if (!host.readSheet) return undefined;
    if (selfSheet === appraisalSheet) {
      store.set({ error: { intent: 'warning', text: both('compare.same') } });
      return undefined;
    }
    store.set({ busy: { phase: 'comparing' }, error: undefined, notice: undefined, comparison: undefined });
    try {
      const options = checkOptions(settings, run.today);
      const { check } = await engine.load();
      const selfSnap = await host.readSheet(selfSheet, (p) => store.set({ busy: { phase: 'comparing', progress: Math.max(0, Math.min(1, p)) / 2 } }));
      const apprSnap = await host.readSheet(appraisalSheet, (p) => store.set({ busy: { phase: 'comparing', progress: 0.5 + Math.max(0, Math.min(1, p)) / 2 } }));
      const self = check(selfSnap, options);
      const appr = check(apprSnap, options);
      for (const r of [self, appr]) {
        if (!r.scores?.length || !r.criteria?.length) {
          store.set({ busy: undefined, error: { intent: 'warning', text: both('compare.noScores', { sheet: r.sheet }) } });
          return undefined;
        }
      }
      const selfCol = selfScoreColumn(self);
      const apprCol = appraisedScoreColumn(appr);
      if (!selfCol || !apprCol) {
        const sheet = selfCol ? appr.sheet : self.sheet;
        store.set({ busy: undefined, error: { intent: 'warning', text: both('compare.noColumn', { sheet, what: selfCol ? 'thẩm định' : 'tự đánh giá' }, { sheet, what: selfCol ? 'appraisal' : 'self-assessment' }) } });
        return undefined;
      }
      const comparison = diffScores({ report: self, column: selfCol.column }, { report: appr, column: apprCol.column });
      store.set({ busy: undefined, comparison });
      return comparison;
    } catch (e) {
      store.set({ busy: undefined, error: { intent: 'error', text: errorText(e) } });
      return undefined;
    }
  });
}

/** Tạo bảng giải trình: a new sheet with the draft explanation table of `diff`. */
export function runExplanationSheet(host: PaneHost, store: PaneStore, diff: ScoreDiff, lang: Lang): Promise<void> {
  return store.exclusive(async () => {
    if (!host.writeExplanationSheet) return;
    store.set({ busy: { phase: 'explanation' }, error: undefined, notice: undefined });
    try {
      const name = await host.writeExplanationSheet(diff, lang);
      store.set({ busy: undefined, notice: { intent: 'success', text: both('appraisal.written', { name }) } });
    } catch (e) {
      store.set({ busy: undefined, error: { intent: 'error', text: errorText(e) } });
    }
  });
}
