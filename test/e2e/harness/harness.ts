/**
 * The simulated Excel host of the end-to-end suite. This script takes the place of office.js in the e2e page: it runs
 * (blocking, in <head>) before the real pane bundle and installs
 *
 *   window.Office  onReady (resolves with {host: 'Excel'} once the fixture is loaded), Office.initialize,
 *                  context.requirements.isSetSupported (per ?api=, default ExcelApi 1.20), context.document.settings
 *                  (get/set/remove/saveAsync/refreshAsync, in memory, values round-trip through JSON like Office's),
 *                  actions.associate (recorded; callable from the test), HostType, PlatformType, AsyncResultStatus
 *   window.Excel   run(batch) / run(options, batch), backed by test/excel/fakeExcel.ts holding the fixture's cells —
 *                  the same truthful fake as the adapter's unit tests: Workbook.settings, notes/comments, names,
 *                  fills as Excel reports them, the undo stack, worksheets.onChanged (the add-in's own value writes
 *                  with triggerSource ThisLocalAddin from 1.14, none while it turned events off; a simulated user edit,
 *                  __phuluc.setCell, as "Unknown"), cell-edit mode
 *   window.OfficeExtension.Error   the fake's error class (RichApi.Error with a `code`)
 *   Office.context.document.settings   shares the fake's Workbook.settings storage (office-js-docs-reference #769) and,
 *                  like Excel, empties the undo stack on saveAsync (office-js #3141); the add-in must never call it
 *
 * and the test hooks `window.__phuluc` (selection, cells, fills, notes, syncs …). None of this is in the production
 * bundle: the pane under test is the real src/taskpane/index.tsx, built separately (../webpack.harness.js).
 *
 * URL parameters:
 *   fixture=hue-2018-nhiem-vu   /fixtures/<name>.json, written by ../convert-fixtures.ts (default: the Huế fixture)
 *   api=1.20                    highest ExcelApi version the host supports
 *   platform=PC                 Office.context.platform (OfficeOnline = Excel on the web)
 *   protected=1                 every sheet is protected (writes fail with AccessDenied, like Excel)
 *   sheet=<name>                the active sheet (default: the first)
 */
import { FakeExcel, NO_FILL, OfficeError, cmpVersion, type FakeCell, type FakeFill, type FakeSheet } from '../../excel/fakeExcel';
import { a1, isCellError, parseA1, type CellValue, type SheetSnapshot } from '../../../src/core/snapshot';
import { MARK_COLORS } from '../../../src/core/marks';
import './customFunctions'; // window.CustomFunctions for the Excel functions (=PHULUC.BANGCHU …)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const params = new URLSearchParams(location.search);
const fixture = params.get('fixture') || 'hue-2018-nhiem-vu';
const apiLevel = params.get('api') || '1.20';
const protect = params.get('protected') === '1';
const activeSheet = params.get('sheet');
const platform = (params.get('platform') || 'PC') as 'PC' | 'Mac' | 'OfficeOnline';

const excel = new FakeExcel();
excel.apiVersion = apiLevel;
excel.platform = platform;
// Excel calculates: a SUM the add-in writes (a one-click fix) shows its value (the fixtures themselves hold no formula)
excel.calculate = true;

// ── the workbook ────────────────────────────────────────────────────────────────────────────────────────────────

function toFakeCell(v: CellValue | undefined, formula: string | null | undefined, format: string | null | undefined): FakeCell | null {
  const cell: FakeCell = {};
  if (isCellError(v ?? null)) cell.error = (v as { error: string }).error;
  else if (v !== null && v !== undefined) cell.value = v as string | number | boolean;
  if (formula) cell.formula = formula;
  if (format && format !== 'General') cell.numberFormat = format;
  return Object.keys(cell).length ? cell : null;
}

function fillSheet(sheet: FakeSheet, snap: SheetSnapshot): void {
  const top = snap.origin?.row ?? 1;
  const left = snap.origin?.col ?? 1;
  const rows = Math.max(snap.values.length, snap.formulas?.length ?? 0, snap.numberFormats?.length ?? 0);
  for (let i = 0; i < rows; i++) {
    const vr = snap.values[i] ?? [];
    const fr = snap.formulas?.[i] ?? [];
    const nr = snap.numberFormats?.[i] ?? [];
    const cols = Math.max(vr.length, fr.length, nr.length);
    for (let j = 0; j < cols; j++) {
      const cell = toFakeCell(vr[j], fr[j], nr[j]);
      if (cell) sheet.put(a1(top + i, left + j), [[cell]]);
    }
  }
  sheet.merges = (snap.merges ?? []).map((m) => ({ ...m }));
}

interface FixtureFile {
  fixture: string;
  sheets: SheetSnapshot[];
}

const state = {
  loaded: false,
  error: undefined as string | undefined,
  associated: new Map<string, (event: unknown) => void>(),
  runErrors: [] as string[],
  runs: 0,
  settingsSaves: 0,
  addinCalls: [] as string[],
};

interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name: string; message: string; code: number };
  asyncContext?: unknown;
}
type Callback<T> = (r: AsyncResult<T>) => void;

function asyncArgs<T>(a?: unknown, b?: unknown): { cb?: Callback<T>; asyncContext?: unknown } {
  if (typeof a === 'function') return { cb: a as Callback<T> };
  return { cb: typeof b === 'function' ? (b as Callback<T>) : undefined, asyncContext: (a as { asyncContext?: unknown } | undefined)?.asyncContext };
}

/**
 * Office.context.document.settings: an in-memory copy of the add-in's settings, loaded with the add-in from the same
 * storage as Workbook.settings (office-js-docs-reference #769). saveAsync writes the whole copy back — dropping keys
 * written through Workbook.settings since — and empties Excel's undo stack (office-js #3141).
 */
class HarnessSettings {
  private live = new Map<string, string>();
  private saved = new Map<string, string>();

  loadFromWorkbook(): void {
    this.live = new Map([...excel.settings].map(([k, v]) => [k, v]));
    this.saved = new Map(this.live);
  }

  get(name: string): unknown {
    const s = this.live.get(name);
    return s === undefined ? null : JSON.parse(s);
  }
  set(name: string, value: unknown): void {
    if (value === undefined) this.live.delete(name);
    else this.live.set(name, JSON.stringify(value));
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const { cb, asyncContext } = asyncArgs<void>(a, b);
    setTimeout(() => {
      this.saved = new Map(this.live);
      excel.settings = new Map(this.live);
      excel.clearUndo('Office.context.document.settings.saveAsync (office-js #3141)');
      state.settingsSaves++;
      cb?.({ status: 'succeeded', value: undefined, asyncContext });
    }, 0);
  }
  refreshAsync(a?: unknown): void {
    const { cb } = asyncArgs<HarnessSettings>(a);
    setTimeout(() => {
      this.live = new Map(this.saved);
      cb?.({ status: 'succeeded', value: this });
    }, 0);
  }
  addHandlerAsync(_type: string, _handler: unknown, a?: unknown, b?: unknown): void {
    const { cb, asyncContext } = asyncArgs<void>(a, b);
    setTimeout(() => cb?.({ status: 'succeeded', value: undefined, asyncContext }), 0);
  }
  removeHandlerAsync(_type: string, a?: unknown, b?: unknown): void {
    const { cb, asyncContext } = asyncArgs<void>(a, b);
    setTimeout(() => cb?.({ status: 'succeeded', value: undefined, asyncContext }), 0);
  }
  dump(): Record<string, Json> {
    return Object.fromEntries([...this.live].map(([k, v]) => [k, JSON.parse(v) as Json]));
  }
}
const settings = new HarnessSettings();

const ready: Promise<void> = (async () => {
  const res = await fetch(`/fixtures/${encodeURIComponent(fixture)}.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`fixture ${fixture}: HTTP ${res.status}`);
  const doc = (await res.json()) as FixtureFile;
  if (!doc.sheets?.length) throw new Error(`fixture ${fixture} has no sheets`);
  for (const snap of doc.sheets) {
    const sheet = excel.addSheet(snap.name);
    fillSheet(sheet, snap);
    sheet.protected = protect;
  }
  if (activeSheet) {
    if (!excel.sheet(activeSheet)) throw new Error(`fixture ${fixture} has no sheet "${activeSheet}"`);
    excel.activeName = activeSheet;
  }
  excel.resetLogs();
  settings.loadFromWorkbook();
  state.loaded = true;
})().catch((e: unknown) => {
  state.error = e instanceof Error ? e.message : String(e);
  console.error('[harness]', state.error);
  throw e;
});
ready.catch(() => undefined);

// ── Office ──────────────────────────────────────────────────────────────────────────────────────────────────────



/** highest version of each requirement set this host answers yes to */
const REQUIREMENT_SETS: Record<string, string> = {
  ExcelApi: apiLevel,
  SharedRuntime: '1.1',
  RibbonApi: '1.2',
  AddinCommands: '1.1',
  DialogApi: '1.2',
};

const HostType = Object.freeze({ Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' });
const PlatformType = Object.freeze({ PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' });
const HOST_INFO = Object.freeze({ host: HostType.Excel, platform });

const office = {
  HostType,
  PlatformType,
  AsyncResultStatus: Object.freeze({ Succeeded: 'succeeded', Failed: 'failed' }),
  initialize: undefined as undefined | ((reason?: unknown) => void),
  onReady(cb?: (info: typeof HOST_INFO) => void): Promise<typeof HOST_INFO> {
    return ready.then(() => {
      cb?.(HOST_INFO);
      return HOST_INFO;
    });
  },
  context: {
    host: HostType.Excel,
    platform,
    displayLanguage: 'vi-VN',
    contentLanguage: 'vi-VN',
    diagnostics: { host: HostType.Excel, platform, version: '16.0.e2e' },
    requirements: {
      isSetSupported(name: string, version?: string | number): boolean {
        const max = REQUIREMENT_SETS[name];
        if (max === undefined) return false;
        return cmpVersion(version === undefined ? '1.1' : String(version), max) <= 0;
      },
    },
    document: { settings, url: `https://e2e.invalid/${fixture}.xlsx` },
  },
  actions: {
    associate(name: string, fn: (event: unknown) => void): void {
      state.associated.set(name, fn);
    },
  },
  addin: {
    showAsTaskpane: async () => void state.addinCalls.push('showAsTaskpane'),
    hide: async () => void state.addinCalls.push('hide'),
    onVisibilityModeChanged: async () => async () => undefined,
    setStartupBehavior: async () => void state.addinCalls.push('setStartupBehavior'),
    getStartupBehavior: async () => 'None',
  },
  ribbon: {
    requestUpdate: async () => void state.addinCalls.push('ribbon.requestUpdate'),
  },
};

void ready.then(() => {
  const init = office.initialize;
  if (typeof init === 'function') init('inserted');
});

// ── Excel ───────────────────────────────────────────────────────────────────────────────────────────────────────

type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

async function run<T>(a: unknown, b?: unknown): Promise<T> {
  await ready;
  const batch = (typeof a === 'function' ? a : b) as Batch<T>;
  const options = typeof a === 'function' ? undefined : (a as Excel.RunOptions | undefined);
  if (typeof batch !== 'function') throw new OfficeError('InvalidArgument', 'Excel.run needs a batch function');
  state.runs++;
  try {
    return await excel.run(batch, options && typeof options === 'object' && !('workbook' in options) ? options : undefined);
  } catch (e) {
    state.runErrors.push(`${(e as { code?: string }).code ?? (e as Error).name}: ${(e as Error).message}`);
    throw e;
  }
}

/** a stored setting: JSON text (Workbook.settings as the add-in writes it) or an object (older versions) */
function decode(v: unknown): Json {
  if (typeof v !== 'string') return v as Json;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return v;
  }
}

const w = window as unknown as Record<string, unknown>;
w.Office = office;
w.Excel = { run, ErrorCodes: { accessDenied: 'AccessDenied', itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument', apiNotFound: 'ApiNotFound' } };
w.OfficeExtension = { Error: OfficeError };

// ── test hooks ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface CellDump {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  error?: string;
  fill?: FakeFill;
}
export interface SheetDump {
  sheet: string;
  protected: boolean;
  merges: string[];
  /** every cell with content, a number format or a fill other than none, by A1 address */
  cells: Record<string, CellDump>;
  notes: Record<string, string>;
  comments: Record<string, string>;
}

const sameFill = (a: FakeFill, b: FakeFill) =>
  a.color.toUpperCase() === b.color.toUpperCase() &&
  a.pattern === b.pattern &&
  a.patternColor.toUpperCase() === b.patternColor.toUpperCase() &&
  a.tintAndShade === b.tintAndShade &&
  a.patternTintAndShade === b.patternTintAndShade;

function dumpCell(c: FakeCell | undefined): CellDump | null {
  if (!c) return null;
  const d: CellDump = {};
  if (c.value !== undefined && c.value !== '') d.value = c.value;
  if (c.formula) d.formula = c.formula;
  if (c.numberFormat && c.numberFormat !== 'General') d.numberFormat = c.numberFormat;
  if (c.error) d.error = c.error;
  if (c.fill && !sameFill(c.fill, NO_FILL)) d.fill = { ...c.fill };
  return Object.keys(d).length ? d : null;
}

function sheetOf(name?: string): FakeSheet {
  const s = excel.sheet(name ?? excel.activeName);
  if (!s) throw new Error(`no sheet "${name ?? excel.activeName}"`);
  return s;
}

/** every stored cell, and every cell of the used range */
function storedCells(sheet: FakeSheet): [number, number][] {
  const out: [number, number][] = sheet.storedKeys();
  const box = sheet.usedBox();
  if (box) for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.push([r, c]);
  return out;
}

function dump(name?: string): SheetDump {
  const sheet = sheetOf(name);
  const cells: Record<string, CellDump> = {};
  for (const [r, c] of storedCells(sheet)) {
    const d = dumpCell(sheet.get(r, c));
    if (d) cells[a1(r, c)] = d;
  }
  const notes: Record<string, string> = {};
  for (const n of excel.notes.values()) if (n.sheet === sheet.name) notes[n.cell] = n.content;
  const comments: Record<string, string> = {};
  for (const m of excel.comments.values()) if (m.sheet === sheet.name) comments[m.cell] = m.content;
  return {
    sheet: sheet.name,
    protected: sheet.protected,
    merges: sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
    cells,
    notes,
    comments,
  };
}

function cellAt(address: string, sheet?: string): FakeCell | undefined {
  if (!parseA1(address)) throw new Error(`not a cell address: ${address}`);
  return sheetOf(sheet).cell(address);
}

const hooks = {
  fixture,
  apiLevel,
  /** resolves when the workbook holds the fixture (rejects if it could not be loaded) */
  ready,
  get loaded() {
    return state.loaded;
  },
  get error() {
    return state.error;
  },
  /** the fake itself, for poking around in DevTools */
  excel,
  markColors: MARK_COLORS,
  sheetNames: () => excel.sheets.map((s) => s.name),
  activeSheet: () => excel.activeName,
  selection: () => (excel.selection ? { ...excel.selection } : null),
  cell: (address: string, sheet?: string) => dumpCell(cellAt(address, sheet)) ?? {},
  value: (address: string, sheet?: string) => {
    const c = cellAt(address, sheet);
    return c?.error ?? (c?.value === undefined ? null : c.value);
  },
  fill: (address: string, sheet?: string) => sheetOf(sheet).fill(address),
  dump,
  notes: () => [...excel.notes.values()].map((n) => ({ ...n })),
  comments: () => [...excel.comments.values()].map((n) => ({ ...n })),
  syncCount: () => excel.syncCount,
  writes: () => excel.writes,
  writeLog: () => excel.writeLog.map((w) => ({ sync: w.sync, kind: w.kind, target: w.target })),
  runs: () => state.runs,
  runErrors: () => [...state.runErrors],
  /** the add-in's settings as the workbook holds them (Workbook.settings), values decoded */
  settings: () => Object.fromEntries([...excel.settings].map(([k, v]) => [k, decode(JSON.parse(v))])) as Record<string, Json>,
  /** the undo stack: records made and every time it was emptied (and why) */
  undo: () => ({ records: excel.undo.records, clears: excel.undo.clears.map((c) => c.reason) }),
  /** defined names (the add-in's are hidden and follow its cells) */
  names: () => excel.names.map((n) => ({ name: n.name, visible: n.visible })),
  /** the user's structural edits: everything on the sheet moves with its cells */
  insertRows: (sheet: string, at: number, count = 1) => excel.insertRows(sheet, at, count),
  renameSheet: (from: string, to: string) => excel.renameSheet(from, to),
  settingsSaves: () => state.settingsSaves,
  associated: () => [...state.associated.keys()],
  addinCalls: () => [...state.addinCalls],
  /** runs a ribbon function the way Office does; resolves when it calls event.completed() (or after timeoutMs) */
  invokeCommand(name: string, timeoutMs = 20000): Promise<{ completed: boolean }> {
    const fn = state.associated.get(name);
    if (!fn) return Promise.reject(new Error(`no function associated with "${name}"`));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ completed: false }), timeoutMs);
      fn({
        source: { id: name },
        completed: () => {
          clearTimeout(timer);
          resolve({ completed: true });
        },
      });
    });
  },
  /** what the user typing into a cell would do (outside any Excel.run, not logged as the add-in's write) */
  setCell(address: string, value: string | number | boolean | null, sheet?: string): void {
    if (!parseA1(address)) throw new Error(`not a cell address: ${address}`);
    excel.userEdit(sheetOf(sheet).name, address.toUpperCase(), value);
  },
  /** the user starts / ends typing in a cell (a batch must wait: delayForCellEdit) */
  startCellEdit: () => excel.startCellEdit(),
  endCellEdit: () => excel.endCellEdit(),
  /** handlers registered on worksheets.onChanged, and events sent so far */
  changeListeners: () => excel.changeHandlers.size,
  changeEvents: () => excel.changeEvents,
  /** a cell's hyperlink (the report sheet links each finding to its cell) */
  hyperlink: (address: string, sheet?: string) => cellAt(address, sheet)?.hyperlink ?? null,
  setProtected(on: boolean, sheet?: string): void {
    sheetOf(sheet).protected = on;
  },
};

w.__phuluc = hooks;
