/**
 * Injection points shared by every adapter function, so the adapter can be driven by a fake object model in tests.
 *
 * - `run` is `Excel.run` (optionally with `Excel.RunOptions`, e.g. `{ mergeUndoGroup: true }` from ExcelApi 1.20).
 * - `isSetSupported` is `Office.context.requirements.isSetSupported`.
 * - `store` is where the adapter keeps what it needs to undo its own writes (see settings.ts).
 */
import { officeSettingsStore, type SettingsStore } from './settings';

export type ExcelBatch<T> = (ctx: Excel.RequestContext) => Promise<T>;
export type ExcelRunner = <T>(batch: ExcelBatch<T>, options?: Excel.RunOptions) => Promise<T>;
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelDeps {
  run: ExcelRunner;
  isSetSupported: IsSetSupported;
  store: SettingsStore;
}

export const defaultRun: ExcelRunner = <T>(batch: ExcelBatch<T>, options?: Excel.RunOptions): Promise<T> =>
  options ? Excel.run(options, batch) : Excel.run(batch);

export const defaultIsSetSupported: IsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);

export function resolveDeps(deps?: Partial<ExcelDeps>): ExcelDeps {
  return {
    run: deps?.run ?? defaultRun,
    isSetSupported: deps?.isSetSupported ?? defaultIsSetSupported,
    // created lazily: Office.context.document only exists once Office.onReady has fired
    store: deps?.store ?? officeSettingsStore(),
  };
}

/** The worksheet a call is about: the named one, else the active one. */
export function targetSheet(ctx: Excel.RequestContext, name?: string): Excel.Worksheet {
  return name === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(name);
}

/** The target sheet with its name and protection queued for loading (read them after the caller's next sync). */
export function loadSheetInfo(ctx: Excel.RequestContext, name?: string): Excel.Worksheet {
  const ws = targetSheet(ctx, name);
  ws.load('name');
  ws.protection.load('protected');
  return ws;
}

/** Largest payload we put in one `context.sync()`. Excel on the web rejects requests/responses over 5 MB. */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;

/** Office.js error codes raised when one sync's request or response is too large. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
