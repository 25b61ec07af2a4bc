/**
 * Ribbon buttons (manifest.xml, Home tab › "Kiểm tra phụ lục"). With the shared runtime there is no separate commands page:
 * src/taskpane/index.tsx imports this module, so the functions are registered in the same runtime as the pane, and
 * they run the same actions (src/ui/actions.ts) on the same store (src/ui/store.ts): a check made from the ribbon is
 * what the pane shows, and an error is shown in the pane (which is opened for it where Office allows).
 * The names must match <FunctionName> in manifest.xml (scripts/validate-manifest.js and test/manifest.test.ts check
 * both sides). Importable without Office (tests, the browser preview): nothing touches Office until a button is used.
 * A button pressed before the pane was ever shown works the same: the engine and the recalculation writer are chunks
 * (src/ui/lazyParts.ts, src/taskpane/excelHost.ts) that the action loads when it needs them, and a chunk that does not
 * arrive is an error like any other, shown in the pane.
 */
import { failure, runCheck, runClearMarks, runRecalc } from '../ui/actions';
import { DEFAULT_PANE_SETTINGS, type PaneHost, type PaneSettings } from '../ui/host';
import { paneStore, type PaneStore } from '../ui/store';
import { createExcelHost } from '../taskpane/excelHost';

/** Ribbon function names, exactly as in manifest.xml. */
export const RIBBON_FUNCTIONS = ['checkActiveSheet', 'recalcScores', 'clearMarks'] as const;
export type RibbonFunction = (typeof RIBBON_FUNCTIONS)[number];

type CommandEvent = Pick<Office.AddinCommands.Event, 'completed'>;

let host: PaneHost | undefined;
let store: PaneStore = paneStore;

/** The pane hands over its host (one host per runtime); tests pass a fake host and store. */
export function setCommandHost(h: PaneHost | undefined, s: PaneStore = paneStore): void {
  host = h;
  store = s;
}

function currentHost(): PaneHost {
  return (host ??= createExcelHost());
}

async function settingsOf(h: PaneHost): Promise<PaneSettings> {
  try {
    return { ...DEFAULT_PANE_SETTINGS, ...(await h.loadSettings()) };
  } catch {
    return { ...DEFAULT_PANE_SETTINGS };
  }
}

/** Opens the task pane so the user sees the error (SharedRuntime 1.1); silently does nothing elsewhere. */
function showPane(): void {
  try {
    const addin = typeof Office !== 'undefined' ? (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin : undefined;
    addin?.showAsTaskpane?.()?.catch(() => undefined);
  } catch {
    // no shared runtime: the error stays in the store for when the pane opens
  }
}

/** Runs a command's work; whatever happens, the error is recorded and `event.completed()` is called once. */
async function command(event: CommandEvent, work: (h: PaneHost, s: PaneSettings) => Promise<unknown>): Promise<void> {
  try {
    const h = currentHost();
    await work(h, await settingsOf(h));
    if (store.get().error) showPane();
  } catch (e) {
    store.set({ busy: undefined, error: failure(e) });
    showPane();
  } finally {
    try {
      event.completed();
    } catch {
      // Office already considers the command finished
    }
  }
}

/** Kiểm tra trang: read, check, mark; the report goes to the shared store for the pane. */
function checkActiveSheet(event: CommandEvent): Promise<void> {
  return command(event, (h, s) => runCheck(h, store, s));
}

/**
 * Tính lại điểm: check the active sheet now, then write its recalculation plan. It writes into the user's file while
 * the pane may be closed, and Excel has no notification an add-in can raise (Office.addin offers showAsTaskpane and
 * hide only, SharedRuntime 1.1): so the pane is shown, with the message at its top saying what was written (from the
 * ribbon) and the «Hoàn tác» under it. Where the pane cannot be shown the message waits in the store for its opening.
 */
function recalcScores(event: CommandEvent): Promise<void> {
  return command(event, async (h, s) => {
    await runRecalc(h, store, s, { checkFirst: true, fromRibbon: true });
    if (store.get().recalc || store.get().notice) showPane();
  });
}

/** Xóa đánh dấu. */
function clearMarks(event: CommandEvent): Promise<void> {
  return command(event, (h) => runClearMarks(h, store));
}

export const ribbonHandlers: Record<RibbonFunction, (event: CommandEvent) => Promise<void>> = {
  checkActiveSheet,
  recalcScores,
  clearMarks,
};

/**
 * Associates the handlers with the ribbon. Returns false when there is nothing to associate with: a plain
 * browser without office.js, or an Office build without the shared runtime (Office.actions missing).
 */
export function registerRibbonCommands(): boolean {
  if (typeof Office === 'undefined' || !Office.actions || typeof Office.actions.associate !== 'function') {
    return false;
  }
  Office.actions.associate('checkActiveSheet', checkActiveSheet);
  Office.actions.associate('recalcScores', recalcScores);
  Office.actions.associate('clearMarks', clearMarks);
  return true;
}

registerRibbonCommands();
