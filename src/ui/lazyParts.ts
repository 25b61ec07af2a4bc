/**
 * The pane's parts that are chunks of their own (./chunks.ts). The first paint — the header, the buttons, the tabs —
 * needs none of them:
 *
 *   pane-check      the engine (`check`) and the Kết quả view: loaded as soon as the pane has painted (preloadCheck),
 *                   so it is there by the time the first check has read the sheet; a check waits for it if not
 *   pane-settings   the Cài đặt tab (its form fields, the self-test's report box)
 *   pane-scores     the So sánh tab, the appraisal panel and the bảng giải trình action
 *   pane-fixes      the fix preview, «Đã sửa» with its Hoàn tác, and the actions Sửa / Hoàn tác / Bỏ qua / Đưa lại
 *   pane-recalc     the panel listing what «Tính lại điểm» wrote
 *
 * The Excel host loads its own rarely used adapters the same way (src/taskpane/excelHost.ts): the self-test, the
 * recalculation and fix writers, the findings sheet and the bảng giải trình sheet. scripts/check-bundle.js keeps the
 * first paint's JavaScript under its limit.
 */
import { chunk } from './chunks';

export const engine = chunk(() => import(/* webpackChunkName: "pane-check" */ '../core/check'));
export const resultParts = chunk(() => import(/* webpackChunkName: "pane-check" */ './Results'));
export const settingsParts = chunk(() => import(/* webpackChunkName: "pane-settings" */ './SettingsPanel'));
export const scoreParts = chunk(() => import(/* webpackChunkName: "pane-scores" */ './scoreParts'));
export const fixParts = chunk(() => import(/* webpackChunkName: "pane-fixes" */ './fixParts'));
export const recalcParts = chunk(() => import(/* webpackChunkName: "pane-recalc" */ './RecalcPanel'));

/**
 * Starts loading the engine and the results view once the pane has painted, when the browser is idle (at the latest
 * after `timeoutMs`). A failure here is silent: the check that needs them loads them again and says if it cannot.
 */
export function preloadCheck(timeoutMs = 1000): () => void {
  const load = () => {
    for (const c of [engine, resultParts]) c.load().catch(() => undefined);
  };
  const w = typeof window !== 'undefined' ? (window as Window & { requestIdleCallback?: typeof requestIdleCallback; cancelIdleCallback?: typeof cancelIdleCallback }) : undefined;
  if (w?.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(load, { timeout: timeoutMs });
    return () => w.cancelIdleCallback!(id);
  }
  const id = setTimeout(load, 0);
  return () => clearTimeout(id);
}
