/**
 * The fake Excel application (FakeExcel) and its request context (FakeContext): queued operations applied at
 * `context.sync()`, payload limits, injected failures, the undo stack, events, cell-edit mode, and the user's own
 * structural edits (insert / delete rows and columns, rename a sheet) that move what the add-in wrote.
 * Every behaviour that differs from a kind fake cites where real Excel was seen to do it.
 */
import type { MergedArea } from '../../../src/core/snapshot';
import {
  FakeSheet,
  OfficeError,
  addressOf,
  cmpVersion,
  deleteShift,
  insertShift,
  parseArea,
  shiftArea,
  type Annotation,
  type FakeName,
  type Shift,
} from './model';
import type { FakeObjectBase } from './objects';
import { FakeWorkbook } from './workbook';
import { recalculate } from './calc';

export interface SyncRecord {
  index: number;
  ops: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
  /** the Excel.run the sync belongs to (index into runLog) */
  run: number;
}
export interface WriteRecord {
  sync: number;
  kind: string;
  target: string;
  detail?: unknown;
}
export interface Staged {
  bytes: number;
  commit: () => void;
}
export interface Op {
  write: boolean;
  requestBytes: number;
  /** an API the undo article lists as not supporting undo (it clears the stack; inside a merged group it throws) */
  noUndo?: string;
  /** runs at sync; writes mutate the model at once, loads return what to commit if the whole sync succeeds */
  exec: () => Staged | void;
}
export interface Failure {
  /** sync number (1-based, global) */
  sync: number;
  /** how many of its operations are applied before it fails */
  afterOps: number;
  error?: OfficeError;
}


export type ChangeHandler = (event: Record<string, unknown>) => unknown;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  activeName = '';
  apiVersion = '1.20';
  /** Office.context.platform: "PC", "Mac" or "OfficeOnline" (Excel on the web) */
  platform: 'PC' | 'Mac' | 'OfficeOnline' = 'PC';
  /**
   * Excel on the web refuses a request or response over 5 MB (docs: "Resource limits and performance optimization",
   * Excel add-ins section); the desktop has no such limit, but the adapter plans for the smallest.
   */
  maxPayloadBytes = 5 * 1024 * 1024;
  /**
   * On the web an oversized sync is sometimes answered with a bare GeneralException ("An internal error has
   * occurred") instead of the payload error codes — office-js issue #1314.
   */
  webOversizeAsGeneralException = true;
  /** address strings over 8 192 characters: getRanges fails with InvalidArgument (office-js #5198) */
  maxAddressChars = 8192;
  /** getMergedAreasOrNullObject fails on a range holding more than 512 merged areas (RangeAreas docs) */
  maxMergedAreas = 512;
  /** a defined name's formula holds at most 8 192 characters (Excel specifications: formula contents) */
  maxFormulaChars = 8192;
  /**
   * The add-in settings of a document hold about 2 MB (office-js #621, a maintainer citing the Office.Settings
   * docs; #3957 saw "The argument is invalid or missing" already near 1 MB): past this a write fails InvalidArgument.
   */
  maxSettingsBytes = 2 * 1024 * 1024;
  /**
   * Reading a range of more than this many cells: its values come back null ("large" reads may return null — the
   * large-range article: read in blocks and retry smaller) or the sync fails with RangeExceedsLimit (error codes).
   */
  maxRangeCells = 5_000_000;
  largeRead: 'null' | 'RangeExceedsLimit' = 'null';
  quirks = {
    /** getCellProperties gives pattern null for a solid fill as for No Fill (office-js #4900) */
    solidPatternNull: true,
    /** a sync with getMergedAreasOrNullObject empties the undo stack (office-js #5918, Version 2505; not confirmed since) */
    mergedAreasClearUndo: false,
  };
  notes = new Map<string, Annotation>();
  comments = new Map<string, Annotation>();
  names: FakeName[] = [];
  /**
   * Excel's automatic calculation of SUM / "+" formulas after every write (./calc.ts). Off by default: most tests
   * set the value Excel would show themselves; the e2e harness and the fix tests turn it on.
   */
  calculate = false;
  /** Workbook.settings (ExcelApi 1.4): JSON text per key */
  settings = new Map<string, string>();
  private nextId = 1;
  selection?: { sheet: string; address: string };
  syncLog: SyncRecord[] = [];
  writeLog: WriteRecord[] = [];
  runLog: (Excel.RunOptions | undefined)[] = [];
  /** every address string passed to worksheet.getRanges() */
  rangesAddressLog: string[] = [];
  /** make sync number `sync` fail after `afterOps` of its operations have been applied */
  failure?: Failure;
  /** more injected failures, each used once */
  failures: Failure[] = [];

  // ── undo ──
  /**
   * What happened to the user's undo stack. Before ExcelApi 1.20 any write by an add-in empties it (office-js #3788:
   * "most of the set operation of Excel API will disable undo/redo, by design"; #6170 on Version 2507; the ExcelApi
   * 1.20 page: "adds undo support for Excel JavaScript APIs"). From 1.20 each sync with writes is one undo record, or
   * one per Excel.run with `mergeUndoGroup` (Excel.RunOptions docs); the APIs the undo article lists as unsupported
   * still empty it. Office.context.document.settings.saveAsync() empties it on every version (office-js #3141, open).
   */
  undo = { records: 0, clears: [] as { sync: number; reason: string }[] };

  // ── events ──
  /** Runtime.enableEvents (ExcelApi 1.8) */
  eventsEnabled = true;
  changeHandlers = new Set<ChangeHandler>();
  changeEvents = 0;

  // ── cell-edit mode ──
  /**
   * While the user edits a cell a batch fails with InvalidOperationInCellEditMode, unless it was run with
   * `delayForCellEdit: true`, which makes Excel wait until the edit ends (Excel.RunOptions.delayForCellEdit docs).
   */
  cellEditMode = false;
  private editEnded: (() => void)[] = [];

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{${String(this.nextSheet++).padStart(8, '0')}-0001-0000-0000-000000000000}`);
    this.sheets.push(s);
    if (!this.activeName) this.activeName = name;
    return s;
  }
  private nextSheet = 1;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  get writes(): number {
    return this.writeLog.length;
  }

  supports(version: string): boolean {
    return cmpVersion(version, this.apiVersion) <= 0;
  }

  newId(): string {
    return `comment-${this.nextId++}`;
  }

  clearUndo(reason: string): void {
    this.undo.clears.push({ sync: this.syncLog.length, reason });
  }

  /** the adapter's `run` dependency */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> => {
    this.runLog.push(options);
    const ctx = new FakeContext(this, this.runLog.length - 1, options);
    if (this.cellEditMode && options?.delayForCellEdit) await new Promise<void>((resolve) => this.editEnded.push(resolve));
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.mergedWrites) this.undo.records++;
    return result;
  };

  /** the adapter's `isSetSupported` dependency */
  isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && this.supports(version);

  resetLogs(): void {
    this.syncLog = [];
    this.writeLog = [];
    this.runLog = [];
    this.rangesAddressLog = [];
    this.undo = { records: 0, clears: [] };
    this.changeEvents = 0;
  }

  startCellEdit(): void {
    this.cellEditMode = true;
  }

  endCellEdit(): void {
    this.cellEditMode = false;
    for (const f of this.editEnded.splice(0)) f();
  }

  // ── events (worksheets.onChanged, ExcelApi 1.9) ──

  /**
   * Sends a WorksheetChanged event to the handlers, asynchronously like Excel. `triggerSource` exists from ExcelApi
   * 1.14 (WorksheetChangedEventArgs docs); the add-in's own changes raise no event while it has turned events off.
   */
  emitChange(sheetName: string, address: string, source: 'ThisLocalAddin' | 'Unknown'): void {
    const sheet = this.sheet(sheetName);
    if (!sheet || !this.changeHandlers.size) return;
    if (source === 'ThisLocalAddin' && !this.eventsEnabled) return;
    const event: Record<string, unknown> = { type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: sheet.id, address };
    if (this.supports('1.14')) event.triggerSource = source;
    this.changeEvents++;
    for (const h of [...this.changeHandlers]) setTimeout(() => void Promise.resolve(h({ ...event })).catch(() => undefined), 0);
  }

  /** What the user typing into a cell does: outside any Excel.run, not the add-in's write. */
  userEdit(sheetName: string, address: string, value: string | number | boolean | null): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const a = parseArea(address)!;
    const c = sheet.mutable(a.top, a.left);
    delete c.formula;
    delete c.error;
    c.value = value === null ? '' : value;
    if (this.calculate) recalculate(sheet);
    // a user's own edit is on the undo stack (from ExcelApi 1.20 builds the add-in keeps it there)
    this.undo.records++;
    this.emitChange(sheet.name, addressOf(a.top, a.left), 'Unknown');
  }

  // ── the user's structural edits: everything the add-in left on the sheet moves with the cells ──

  insertRows(sheetName: string, at: number, count = 1): void {
    this.restructure(sheetName, insertShift(at, count), (i) => i);
  }
  deleteRows(sheetName: string, at: number, count = 1): void {
    this.restructure(sheetName, deleteShift(at, count), (i) => i);
  }
  insertColumns(sheetName: string, at: number, count = 1): void {
    this.restructure(sheetName, (i) => i, insertShift(at, count));
  }
  deleteColumns(sheetName: string, at: number, count = 1): void {
    this.restructure(sheetName, (i) => i, deleteShift(at, count));
  }

  /** Renames a sheet as the user would: notes, comments and names follow (they refer to the sheet, not its name). */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`no sheet ${from}`);
    s.name = to;
    if (this.activeName === from) this.activeName = to;
    if (this.selection?.sheet === from) this.selection.sheet = to;
    this.notes = new Map([...this.notes.values()].map((n) => (n.sheet === from ? { ...n, sheet: to } : n)).map((n) => [`${n.sheet}!${n.cell}`, n]));
    for (const c of this.comments.values()) if (c.sheet === from) c.sheet = to;
  }

  restructure(sheetName: string, rows: Shift, cols: Shift): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    s.shift(rows, cols);
    const move = (a: Annotation): Annotation | null => {
      if (a.sheet !== s.name) return a;
      const p = parseArea(a.cell)!;
      const r = rows(p.top);
      const c = cols(p.left);
      return r === null || c === null ? null : { ...a, cell: addressOf(r, c) };
    };
    const notes = new Map<string, Annotation>();
    for (const n of this.notes.values()) {
      const m = move(n);
      if (m) notes.set(`${m.sheet}!${m.cell}`, m);
    }
    this.notes = notes;
    for (const [id, c] of [...this.comments]) {
      const m = move(c);
      if (m) this.comments.set(id, m);
      else this.comments.delete(id);
    }
    for (const n of this.names)
      if (n.target === s) n.areas = n.areas.map((a: MergedArea | null) => (a ? shiftArea(a, rows, cols) : null));
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  private queue: Op[] = [];
  /** whether this run (with mergeUndoGroup) wrote anything: one undo record for the whole run */
  mergedWrites = false;
  readonly merged: boolean;

  constructor(
    readonly excel: FakeExcel,
    readonly runIndex: number,
    readonly options?: Excel.RunOptions,
  ) {
    this.merged = !!options?.mergeUndoGroup && excel.supports('1.20');
    this.workbook = new FakeWorkbook(this);
    // the runtime's accessors are plain object getters and need the context they belong to
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- used inside the object literal's getters below
    const ctx = this;
    this.runtime = {
      get enableEvents(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'runtime.enableEvents is write-only in this fake');
      },
      set enableEvents(v: boolean) {
        ctx.requireApi('1.8', 'Runtime.enableEvents');
        ctx.enqueue({ write: false, requestBytes: 60, exec: () => void (ctx.excel.eventsEnabled = v) });
      },
    };
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  write(kind: string, target: () => string, apply: () => unknown, requestBytes = 120, noUndo?: string): void {
    this.enqueue({
      write: true,
      requestBytes,
      noUndo,
      exec: () => {
        if (noUndo && this.merged) throw new OfficeError('UndoNotSupported', `${noUndo} cannot be grouped into one undo step`);
        const detail = apply();
        this.excel.writeLog.push({ sync: this.excel.syncLog.length, kind, target: target(), detail });
      },
    });
  }

  requireApi(version: string, what: string): void {
    this.enqueue({
      write: false,
      requestBytes: 0,
      exec: () => {
        if (!this.excel.supports(version)) throw new OfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
      },
    });
  }

  /** for objects: a load of `props` on `obj`, staged and committed at sync */
  load(obj: FakeObjectBase, props: string[], requestBytes: number): void {
    this.enqueue({ write: false, requestBytes, exec: () => obj.stage(props) });
  }

  async sync(): Promise<void> {
    const ex = this.excel;
    const ops = this.queue;
    this.queue = [];
    const rec: SyncRecord = { index: ex.syncLog.length + 1, ops: ops.length, writes: 0, requestBytes: 0, responseBytes: 0, run: this.runIndex };
    ex.syncLog.push(rec);
    await Promise.resolve();
    const fail = (e: OfficeError): never => {
      rec.error = e.code;
      throw e;
    };
    const oversize = (code: string) =>
      ex.platform === 'OfficeOnline' && ex.webOversizeAsGeneralException ? new OfficeError('GeneralException', 'An internal error has occurred.') : new OfficeError(code);
    if (ex.cellEditMode && !this.options?.delayForCellEdit) fail(new OfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
    rec.requestBytes = ops.reduce((s, o) => s + o.requestBytes, 0);
    if (rec.requestBytes > ex.maxPayloadBytes) fail(oversize('RequestPayloadSizeLimitExceeded'));
    const injected = [ex.failure, ...ex.failures].find((f) => f && f.sync === rec.index);
    if (injected && injected !== ex.failure) ex.failures.splice(ex.failures.indexOf(injected), 1);
    const staged: Staged[] = [];
    const writesBefore = ex.writeLog.length;
    let noUndo: string | undefined;
    const account = () => {
      rec.writes = ex.writeLog.length - writesBefore;
      if (!rec.writes) return;
      if (ex.calculate) for (const s of ex.sheets) recalculate(s);
      if (!ex.supports('1.20')) ex.clearUndo('a write by the add-in before ExcelApi 1.20');
      else if (noUndo) ex.clearUndo(`${noUndo} does not support undo`);
      else if (this.merged) this.mergedWrites = true;
      else ex.undo.records++;
      // the add-in's own value changes are WorksheetChanged events too
      for (const w of ex.writeLog.slice(writesBefore))
        if (w.kind === 'values') {
          const bang = w.target.lastIndexOf('!');
          ex.emitChange(w.target.slice(0, bang), w.target.slice(bang + 1), 'ThisLocalAddin');
        }
    };
    for (let i = 0; i < ops.length; i++) {
      if (injected && i === injected.afterOps) {
        account();
        fail(injected.error ?? new OfficeError('GeneralException', 'injected failure'));
      }
      try {
        const s = ops[i].exec();
        if (s) staged.push(s);
        if (ops[i].write && ops[i].noUndo) noUndo = ops[i].noUndo;
      } catch (e) {
        account();
        fail(e instanceof OfficeError ? e : new OfficeError('GeneralException', String(e)));
      }
    }
    if (injected && injected.afterOps >= ops.length) {
      account();
      fail(injected.error ?? new OfficeError('GeneralException', 'injected failure'));
    }
    rec.responseBytes = staged.reduce((s, x) => s + x.bytes, 0);
    if (rec.responseBytes > ex.maxPayloadBytes) {
      account();
      fail(oversize('ResponsePayloadSizeLimitExceeded'));
    }
    for (const s of staged) s.commit();
    account();
  }
}
