/**
 * The preview page's state and what changes it, outside React: which files are open (each parsed and checked by the
 * Web Worker), the as-of date, the language, the selected sheet and cell. The page renders `get()`; nothing here
 * parses a workbook or runs the engine.
 */
import { todayIso, type CheckOptions } from '../core/options';
import type { Lang, SheetReport, Text } from '../core/report';
import type { FileId, FromWorker, Phase, SheetView, Timings, ToWorker, WithoutCopy } from './protocol';
import { RowStore } from './rows';
import { annotatedName } from '../io/names';
import { overviewRows, summaryRowsOf } from './overview';

export { annotatedName };

export const EXAMPLE_URL = 'assets/hue-2018-nhiem-vu.xlsx';
export const EXAMPLE_NAME = 'hue-2018-nhiem-vu.xlsx';
export const EXAMPLE_AS_OF = '2018-02-15';
const LANG_KEY = 'phuluc.preview.lang';
/** `active` when the **Tổng hợp** tab is shown (never a file's id: those are "f1", "f2"…) */
export const OVERVIEW: FileId = 'overview';

export interface FileEntry {
  id: FileId;
  name: string;
  size: number;
  example?: boolean;
  status: 'loading' | 'ready' | 'error';
  phase?: Phase | 'queued';
  done?: number;
  total?: number;
  error?: Text;
  /** the reader's own words for the error (a technical detail) */
  detail?: string;
  sheets?: SheetView[];
  /** "xlsx", "xls", "ods"… */
  format?: string;
  /** an annotated copy can be made (.xlsx/.xlsm) */
  annotatable?: boolean;
  /** the as-of date the reports were made with */
  asOf?: string;
  /** ms this file took to read, parse and check (its own, not the wait behind other files) */
  elapsed?: number;
  timings?: Timings;
  download?: { busy: boolean; error?: Text; done?: string };
}

export interface Selection {
  file: FileId;
  sheet: number;
  address: string;
  /** bumped by each request to go to the cell (a click on the same finding scrolls again) */
  seq: number;
}

/** "Tải tất cả" (the zip of annotated copies) and the overview's .xlsx export. */
export interface BulkState {
  busy: boolean;
  done?: number;
  total?: number;
  /** the zip saved: its name, how many copies, the files without one */
  result?: { name: string; copies: number; without: WithoutCopy[] };
  error?: Text;
}

export interface PreviewState {
  files: FileEntry[];
  /** a file's id, or OVERVIEW */
  active?: FileId;
  /** selected sheet index per file */
  sheet: Record<FileId, number>;
  selection?: Selection;
  asOf: string;
  /** the as-of date was set by the example, not by the user */
  asOfFromExample: boolean;
  lang: Lang;
  fatal?: Text;
  /** a note about how the page runs (opened from a folder: the checks run on the page itself) */
  notice?: Text;
  bulk?: BulkState;
  exported?: { name?: string; error?: Text };
}

/** The worker as the controller sees it (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ControllerDeps {
  worker: WorkerLike;
  /** today's date (ISO) */
  today?: string;
  fetchExample?: () => Promise<Blob>;
  /** saves a finished download; default: an <a download> click */
  save?: (blob: Blob, name: string) => void;
  /** shown above the files (how the page runs) */
  notice?: Text;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function storedLang(storage: ControllerDeps['storage']): Lang | undefined {
  try {
    const v = storage?.getItem(LANG_KEY);
    return v === 'en' || v === 'vi' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function saveWithAnchor(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class PreviewController {
  private state: PreviewState;
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private nextRequest = 1;
  private readonly started = new Map<FileId, number>();
  private readonly pending = new Map<number, { id: FileId; name: string }>();
  /** the "Tải tất cả" request whose answer is awaited */
  private bulkRequest = 0;
  /** results whose findings are still arriving in parts, applied once complete */
  private readonly incoming = new Map<FileId, { msg: FromWorker & { type: 'loaded' | 'rechecked' }; reports: SheetReport[]; got: number[]; total: number[] }>();
  private readonly worker: WorkerLike;
  private readonly deps: ControllerDeps;
  /** the cells of the open sheets, fetched from the worker as the grid shows them */
  readonly rows: RowStore;

  constructor(deps: ControllerDeps) {
    this.deps = deps;
    this.worker = deps.worker;
    this.rows = new RowStore((id, sheet, from, to) => this.worker.postMessage({ type: 'rows', id, sheet, from, to }));
    this.state = {
      files: [],
      sheet: {},
      asOf: deps.today ?? todayIso(),
      asOfFromExample: false,
      lang: storedLang(deps.storage) ?? 'vi',
      ...(deps.notice ? { notice: deps.notice } : {}),
    };
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      const detail = e?.message ?? '';
      const error: Text = { vi: `Bộ kiểm tra chạy nền bị lỗi. ${detail}`.trim(), en: `The background checker failed. ${detail}`.trim() };
      this.set({
        fatal: error,
        files: this.state.files.map((f) => (f.status === 'loading' ? { ...f, status: 'error', error } : f)),
      });
    };
  }

  get = (): PreviewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private updateFile(id: FileId, patch: Partial<FileEntry>): void {
    this.set({ files: this.state.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) });
  }

  private options(): CheckOptions {
    return { asOf: this.state.asOf };
  }

  private add(file: Blob, name: string, example = false): FileId {
    const id = `f${this.nextId++}`;
    const entry: FileEntry = { id, name, size: file.size, example, status: 'loading', phase: 'queued' };
    this.started.set(id, Date.now());
    this.set({ files: [...this.state.files, entry], active: this.state.active ?? id });
    this.worker.postMessage({ type: 'open', id, name, file, options: this.options() });
    return id;
  }

  /** Opens dropped or picked files (any kind: what is not a readable .xlsx gets a message in its tab). */
  openFiles(files: readonly File[]): void {
    if (!files.length) return;
    // the example gives way to the user's own files, and so does its as-of date
    const example = this.state.files.filter((f) => f.example);
    for (const f of example) this.close(f.id);
    if (this.state.asOfFromExample) this.set({ asOf: this.deps.today ?? todayIso(), asOfFromExample: false });
    let first: FileId | undefined;
    for (const f of files) {
      const id = this.add(f, f.name || 'tệp.xlsx');
      first ??= id;
    }
    // several files at once: the overview of all of them first; one file: that file
    if (first) this.set({ active: files.length > 1 ? OVERVIEW : first });
  }

  /** The bundled example, judged on 15 Feb 2018 — shown when no file is given. */
  async openExample(): Promise<void> {
    if (this.state.files.length) return;
    this.set({ asOf: EXAMPLE_AS_OF, asOfFromExample: true });
    try {
      const fetchExample =
        this.deps.fetchExample ??
        (async () => {
          const res = await fetch(EXAMPLE_URL);
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.blob();
        });
      const blob = await fetchExample();
      if (this.state.files.length) return; // the user was quicker
      this.add(blob, EXAMPLE_NAME, true);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.set({ fatal: { vi: `Không tải được tệp ví dụ (${msg}).`, en: `Could not load the example file (${msg}).` } });
    }
  }

  close(id: FileId): void {
    this.worker.postMessage({ type: 'close', id });
    this.rows.drop(id);
    this.incoming.delete(id);
    const files = this.state.files.filter((f) => f.id !== id);
    const active = !files.length ? undefined : this.state.active === id ? (files.length > 1 ? OVERVIEW : files[0].id) : this.state.active;
    const selection = this.state.selection?.file === id ? undefined : this.state.selection;
    this.set({ files, active, selection });
  }

  /** "Đóng tất cả": every file closed (the originals are untouched; nothing is kept). */
  closeAll(): void {
    for (const f of this.state.files) {
      this.worker.postMessage({ type: 'close', id: f.id });
      this.rows.drop(f.id);
      this.incoming.delete(f.id);
    }
    this.set({ files: [], active: undefined, selection: undefined, bulk: undefined, exported: undefined });
  }

  setActive(id: FileId): void {
    this.set({ active: id });
  }

  setSheet(id: FileId, index: number): void {
    this.set({ sheet: { ...this.state.sheet, [id]: index } });
  }

  /** Goes to a cell of the active file's current sheet: the grid scrolls there and highlights it. */
  select(address: string): void {
    const file = this.state.active;
    if (!file || file === OVERVIEW) return;
    const sheet = this.state.sheet[file] ?? 0;
    this.set({ selection: { file, sheet, address, seq: (this.state.selection?.seq ?? 0) + 1 } });
  }

  setLang(lang: Lang): void {
    this.set({ lang });
    try {
      this.deps.storage?.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts for this visit
    }
  }

  setAsOf(asOf: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf === this.state.asOf) return;
    this.set({ asOf, asOfFromExample: false });
    this.worker.postMessage({ type: 'recheck', options: this.options() });
  }

  /** Saves a file the page built (the bảng giải trình) the way downloads are saved. */
  save = (blob: Blob, name: string): void => {
    (this.deps.save ?? saveWithAnchor)(blob, name);
  };

  /** Builds the annotated copy in the worker and saves it as "<name>-phuluc.xlsx"; the original File is untouched. */
  download(id: FileId): void {
    const f = this.state.files.find((x) => x.id === id);
    if (!f || f.status !== 'ready' || f.download?.busy) return;
    const requestId = this.nextRequest++;
    this.pending.set(requestId, { id, name: annotatedName(f.name, f.format) });
    this.updateFile(id, { download: { busy: true } });
    this.worker.postMessage({ type: 'annotate', id, requestId, lang: this.state.lang });
  }

  /**
   * "Tải tất cả": the annotated copies of every file read, in one zip built by the worker, with a text file listing
   * the files that have no copy (unreadable, or of an old format) and why. Waits for files still loading.
   */
  downloadAll(): void {
    const files = this.state.files;
    if (this.state.bulk?.busy || !files.length || files.some((f) => f.status === 'loading')) return;
    const requestId = this.nextRequest++;
    this.bulkRequest = requestId;
    const ids = files.filter((f) => f.status === 'ready').map((f) => f.id);
    const without = files.filter((f) => f.status === 'error').map((f) => ({ name: f.name, reason: f.error ?? { vi: 'Không đọc được tệp.', en: 'The file could not be read.' } }));
    this.set({ bulk: { busy: true, done: 0, total: ids.length } });
    this.worker.postMessage({ type: 'annotate-all', requestId, lang: this.state.lang, ids, without, asOf: this.state.asOf });
  }

  /** The overview as an .xlsx workbook (one row per file, sortable, with the rank columns), written on the page. */
  async exportSummary(): Promise<void> {
    const rows = summaryRowsOf(overviewRows(this.state.files, this.state.lang));
    if (!rows.length) return;
    try {
      const { summaryXlsx, summaryFileName } = await import(/* webpackChunkName: "summary-xlsx" */ '../io/summaryXlsx');
      const name = summaryFileName(this.state.asOf, this.state.lang);
      const bytes = summaryXlsx(rows, { lang: this.state.lang, asOf: this.state.asOf });
      this.save(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
      this.set({ exported: { name } });
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      this.set({ exported: { error: { vi: m, en: m } } });
    }
  }

  /** Holds a result until every sheet's findings have arrived; returns it complete, or null while parts are missing. */
  private complete(msg: FromWorker & { type: 'loaded' | 'rechecked' }): (FromWorker & { type: 'loaded' | 'rechecked' }) | null {
    const reports = msg.type === 'loaded' ? msg.sheets.map((s) => s.report) : msg.reports;
    if (reports.every((r, i) => r.findings.length >= (msg.findingsTotal?.[i] ?? 0))) return msg;
    this.incoming.set(msg.id, {
      msg,
      reports: reports.map((r) => ({ ...r, findings: [...r.findings] })),
      got: reports.map((r) => r.findings.length),
      total: msg.findingsTotal ?? [],
    });
    return null;
  }

  private receiveFindings(msg: FromWorker & { type: 'findings' }): (FromWorker & { type: 'loaded' | 'rechecked' }) | null {
    const inc = this.incoming.get(msg.id);
    if (!inc) return null;
    const list = inc.reports[msg.sheet].findings;
    for (let i = 0; i < msg.findings.length; i++) list[msg.from + i] = msg.findings[i];
    inc.got[msg.sheet] += msg.findings.length;
    if (!inc.got.every((n, i) => n >= (inc.total[i] ?? 0))) return null;
    this.incoming.delete(msg.id);
    const m = inc.msg;
    return m.type === 'loaded' ? { ...m, sheets: m.sheets.map((s, i) => ({ ...s, report: inc.reports[i] })) } : { ...m, reports: inc.reports };
  }

  private receive(msg: FromWorker): void {
    const known = (id: FileId) => this.state.files.some((f) => f.id === id);
    if (msg.type === 'findings') {
      const whole = this.receiveFindings(msg);
      if (whole) this.receive(whole);
      return;
    }
    if ((msg.type === 'loaded' || msg.type === 'rechecked') && msg.findingsTotal && !this.complete(msg)) return;
    switch (msg.type) {
      case 'progress':
        if (known(msg.id)) this.updateFile(msg.id, { phase: msg.phase, done: msg.done, total: msg.total });
        return;
      case 'loaded': {
        if (!known(msg.id)) return;
        // this file's own time (the worker's): a batch's files wait for each other, and that wait is not theirs
        const t = msg.timings;
        const elapsed = t ? t.read + t.parse + t.check : Date.now() - (this.started.get(msg.id) ?? Date.now());
        this.updateFile(msg.id, { status: 'ready', sheets: msg.sheets, asOf: msg.asOf, phase: undefined, elapsed, timings: t, format: msg.format, annotatable: msg.annotatable });
        return;
      }
      case 'failed':
        if (known(msg.id)) this.updateFile(msg.id, { status: 'error', error: msg.error, detail: msg.detail, phase: undefined });
        return;
      case 'rows':
        if (known(msg.id)) this.rows.receive(msg.id, msg.sheet, msg.from, msg.rows);
        return;
      case 'rechecked': {
        const f = this.state.files.find((x) => x.id === msg.id);
        if (!f?.sheets) return;
        const sheets = f.sheets.map((v, i) => ({ ...v, report: msg.reports[i] ?? v.report }));
        this.updateFile(msg.id, { sheets, asOf: msg.asOf });
        return;
      }
      case 'annotated': {
        const req = this.pending.get(msg.requestId);
        this.pending.delete(msg.requestId);
        if (!req) return;
        if (msg.name) req.name = msg.name;
        const type = /\.xlsm$/i.test(req.name) ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        const blob = new Blob([msg.bytes], { type });
        try {
          (this.deps.save ?? saveWithAnchor)(blob, req.name);
          if (known(msg.id)) this.updateFile(msg.id, { download: { busy: false, done: req.name } });
        } catch (e) {
          const m = e instanceof Error ? e.message : String(e);
          if (known(msg.id)) this.updateFile(msg.id, { download: { busy: false, error: { vi: m, en: m } } });
        }
        return;
      }
      case 'annotate-failed':
        this.pending.delete(msg.requestId);
        if (known(msg.id)) this.updateFile(msg.id, { download: { busy: false, error: msg.error } });
        return;
      case 'annotate-all-progress':
        if (msg.requestId === this.bulkRequest && this.state.bulk?.busy) this.set({ bulk: { busy: true, done: msg.done, total: msg.total } });
        return;
      case 'annotated-all': {
        if (msg.requestId !== this.bulkRequest) return;
        try {
          this.save(new Blob([msg.bytes], { type: 'application/zip' }), msg.name);
          this.set({ bulk: { busy: false, result: { name: msg.name, copies: msg.copies.length, without: msg.without } } });
        } catch (e) {
          const m = e instanceof Error ? e.message : String(e);
          this.set({ bulk: { busy: false, error: { vi: m, en: m } } });
        }
        return;
      }
      case 'annotate-all-failed':
        if (msg.requestId === this.bulkRequest) this.set({ bulk: { busy: false, error: msg.error } });
        return;
    }
  }
}

/** The reports of a file's sheets, for callers that only need those. */
export function reportsOf(f: FileEntry): SheetReport[] {
  return (f.sheets ?? []).map((s) => s.report);
}
