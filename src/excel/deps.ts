/**
 * Injection points shared by every adapter function, so the adapter can be driven by a fake object model in tests,
 * and the one place where an Excel.run gets its options.
 *
 * - `run` is `Excel.run` (with `Excel.RunOptions`);
 * - `isSetSupported` is `Office.context.requirements.isSetSupported`;
 * - `platform` is `Office.context.platform` ("OfficeOnline" = Excel on the web), which decides how an oversized
 *   request is recognised;
 * - `store` is where the check settings live (src/excel/settings.ts); the journal of the add-in's own writes goes
 *   through the same Workbook.settings inside its batches (src/excel/journal.ts).
 */
import { workbookSettingsStore, type SettingsStore } from './settings';

export type ExcelBatch<T> = (ctx: Excel.RequestContext) => Promise<T>;
export type ExcelRunner = <T>(batch: ExcelBatch<T>, options?: Excel.RunOptions) => Promise<T>;
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelDeps {
  run: ExcelRunner;
  isSetSupported: IsSetSupported;
  platform?: string;
  store: SettingsStore;
}

export const defaultRun: ExcelRunner = <T>(batch: ExcelBatch<T>, options?: Excel.RunOptions): Promise<T> =>
  options ? Excel.run(options, batch) : Excel.run(batch);

export const defaultIsSetSupported: IsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);

function defaultPlatform(): string | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.platform as unknown as string | undefined) : undefined;
  } catch {
    return undefined;
  }
}

export function resolveDeps(deps?: Partial<ExcelDeps>): ExcelDeps {
  const run = deps?.run ?? defaultRun;
  return {
    run,
    isSetSupported: deps?.isSetSupported ?? defaultIsSetSupported,
    platform: deps?.platform ?? defaultPlatform(),
    store: deps?.store ?? workbookSettingsStore(run),
  };
}

/** Whether this Excel keeps the add-in's writes on the user's undo stack (ExcelApi 1.20; see the README). */
export function keepsUndo(deps: Pick<ExcelDeps, 'isSetSupported'>): boolean {
  return deps.isSetSupported('ExcelApi', '1.20');
}

export interface BatchOptions {
  /** the batch writes to the sheet (events are turned off around it where Excel cannot tell who wrote) */
  writes?: boolean;
  /** merge all its syncs into one undo step where Excel supports it (ExcelApi 1.20) */
  undoGroup?: boolean;
}

/**
 * Excel.run with the options every batch of the add-in wants:
 * - `delayForCellEdit: true` — while the user is typing in a cell, Excel waits until the edit ends instead of failing
 *   the batch with InvalidOperationInCellEditMode (Excel.RunOptions.delayForCellEdit docs), so a check or an automatic
 *   re-check never interrupts the user;
 * - `mergeUndoGroup: true` for a write batch that asks for it, where ExcelApi 1.20 is there (Excel.RunOptions.
 *   mergeUndoGroup: "all context.sync() calls in a single Excel.run are merged into one undo group");
 * - below ExcelApi 1.14, where a WorksheetChanged event cannot say that the add-in made the change (triggerSource
 *   comes with 1.14), events are turned off around the add-in's own writes (Runtime.enableEvents, ExcelApi 1.8) and
 *   on again afterwards, even when the batch fails.
 */
export async function runBatch<T>(deps: Pick<ExcelDeps, 'run' | 'isSetSupported'>, batch: ExcelBatch<T>, opts: BatchOptions = {}): Promise<T> {
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (opts.writes && opts.undoGroup && keepsUndo(deps)) options.mergeUndoGroup = true;
  const eventsOff = !!opts.writes && !deps.isSetSupported('ExcelApi', '1.14') && deps.isSetSupported('ExcelApi', '1.8');
  if (!eventsOff) return deps.run(batch, options);
  return deps.run(async (ctx) => {
    ctx.runtime.enableEvents = false;
    try {
      return await batch(ctx);
    } finally {
      ctx.runtime.enableEvents = true;
      await ctx.sync().catch(() =>
        // the context is unusable after some failures: switch the events back on in a fresh one
        deps.run(async (c) => {
          c.runtime.enableEvents = true;
          await c.sync();
        }).catch(() => undefined),
      );
    }
  }, options);
}

/** The target sheet: by name, else the active one. */
export function targetSheet(ctx: Excel.RequestContext, name?: string): Excel.Worksheet {
  return name === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(name);
}

/** The target sheet with its name, id and protection queued for loading (read them after the caller's next sync). */
export function loadSheetInfo(ctx: Excel.RequestContext, name?: string): Excel.Worksheet {
  const ws = targetSheet(ctx, name);
  ws.load(['name', 'id']);
  ws.protection.load('protected');
  return ws;
}

/** Largest payload we put in one `context.sync()`. Excel on the web rejects requests/responses over 5 MB. */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;
/** a sync this large that fails with a bare GeneralException on the web is taken as too large (office-js #1314) */
export const LARGE_SYNC_BYTES = 1024 * 1024;

const errorCode = (e: unknown) => (e as { code?: unknown } | null)?.code;

/** Office.js error codes raised when one sync's request or response is too large. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Whether a failed sync should be retried smaller: the payload limit codes; RangeExceedsLimit ("the cell count in the
 * range has exceeded the maximum supported number" — the large-range article says to retry with a smaller block);
 * and, on Excel on the web, a bare GeneralException for a sync of at least LARGE_SYNC_BYTES, which is how the web
 * sometimes answers an oversized payload (office-js #1314).
 */
export function isSizeError(e: unknown, sync: { platform?: string; bytes?: number } = {}): boolean {
  if (isPayloadLimitError(e) || errorCode(e) === 'RangeExceedsLimit') return true;
  return errorCode(e) === 'GeneralException' && sync.platform === 'OfficeOnline' && (sync.bytes ?? 0) >= LARGE_SYNC_BYTES;
}
