/**
 * The preview's background work, independent of the Worker global so tests can drive it in Node: read a file's bytes,
 * parse them (src/io/xlsx.ts), check every sheet (src/core), answer with the findings first, then hand out rows of
 * cells as the grid asks for them; keep the bytes and reports for the annotated copy (src/io/annotate.ts, the same
 * code as `phuluc check --annotate`). Opening, rechecking and annotating run one at a time, in the order they arrive;
 * row requests and closing are answered at once.
 */
import { check } from '../core/check';
import type { Ignore } from '../core/ignores';
import type { CheckOptions } from '../core/options';
import type { SheetReport, Text } from '../core/report';
import type { SheetSnapshot } from '../core/snapshot';
import { readWorkbookFile, WorkbookReadError } from '../io/xlsx';
import { annotateWorkbook } from '../io/annotate';
import { annotatedName } from '../io/names';
import { asReadError } from '../io/errors';
import { copiesZip, type ZipEntry } from '../io/copiesZip';
import { gridLayout } from './format';
import { LEGACY_NO_COPY, README_NAME, copiesReadme, copiesZipName } from './copiesText';
import type { FileId, FromWorker, RowData, SheetView, ToWorker, WithoutCopy } from './protocol';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

interface OpenFile {
  name: string;
  format: string;
  /** the original bytes, kept for the annotated copy (only when one can be made) */
  bytes: Uint8Array | null;
  snapshots: SheetSnapshot[];
  reports: SheetReport[];
  asOf: string;
  /** the ignores the file carries, applied at every check */
  ignores?: Ignore[];
}

/** An error → a message in both languages (a WorkbookReadError carries its own; anything else is "damaged"). */
export function errorMessage(e: unknown): Text {
  if (e instanceof WorkbookReadError) return e.text;
  const msg = e instanceof Error ? e.message : String(e);
  const parts = msg.split(' / ');
  if (parts.length === 2 && parts[0] && parts[1]) return { vi: parts[0], en: parts[1] };
  return { vi: `Lỗi: ${msg}`, en: `Error: ${msg}` };
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function blobBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  // very old engines: FileReaderSync exists in workers
  const Sync = (globalThis as unknown as { FileReaderSync?: new () => { readAsArrayBuffer(b: Blob): ArrayBuffer } }).FileReaderSync;
  if (Sync) return new Uint8Array(new Sync().readAsArrayBuffer(file));
  throw new Error('Không đọc được tệp. / The file could not be read.');
}

/** The bytes in an ArrayBuffer of their own (transferable without copying anything else). */
function ownBuffer(out: Uint8Array): ArrayBuffer {
  const whole = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
  return (whole ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength)) as ArrayBuffer;
}

/** rows handed out per request at most (the grid asks for blocks of a few hundred) */
export const MAX_ROWS_PER_REQUEST = 2000;
/** findings per message: 15 000 findings in one message take the page's thread ~200 ms to unpack, 1 000 a few ms */
export const FINDINGS_PER_MESSAGE = 1000;

export class PreviewWorkerCore {
  private readonly files = new Map<FileId, OpenFile>();
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `pause` is awaited between the steps of the work (after reading, after parsing, between sheets and files): on the
   * page's own thread (inlineWorker.ts) it gives the page its turn; in a Web Worker there is none.
   */
  constructor(
    private readonly post: Post,
    private readonly pause: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Handles a request; resolves when it (and, for queued ones, everything before it) is done. */
  handle(msg: ToWorker): Promise<void> {
    if (msg.type === 'rows') {
      this.rows(msg.id, msg.sheet, msg.from, msg.to);
      return Promise.resolve();
    }
    if (msg.type === 'close') {
      this.files.delete(msg.id);
      return Promise.resolve();
    }
    const run = this.queue.then(() => this.dispatch(msg));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatch(msg: ToWorker): Promise<void> {
    switch (msg.type) {
      case 'open':
        return this.open(msg.id, msg.name, msg.file, msg.options);
      case 'recheck':
        return this.recheck(msg.options);
      case 'annotate':
        return this.annotate(msg.id, msg.requestId, msg.lang);
      case 'annotate-all':
        return this.annotateAll(msg);
    }
  }

  private async open(id: FileId, name: string, file: Blob, options: CheckOptions): Promise<void> {
    try {
      const t0 = now();
      this.post({ type: 'progress', id, phase: 'reading' });
      const bytes = await blobBytes(file);
      const t1 = now();
      this.post({ type: 'progress', id, phase: 'parsing' });
      await this.pause();
      const p0 = now();
      const book = await readWorkbookFile(bytes, {
        onProgress: (f) => this.post({ type: 'progress', id, phase: 'parsing', done: Math.round(f * 100), total: 100 }),
      });
      if (!book.sheets.length) throw new WorkbookReadError({ vi: 'Tệp không có trang tính nào.', en: 'The workbook has no worksheets.' }, 'no-workbook');
      const t2 = now();
      let paused = 0;
      const views: SheetView[] = [];
      const reports: SheetReport[] = [];
      for (let i = 0; i < book.sheets.length; i++) {
        this.post({ type: 'progress', id, phase: 'checking', done: i + 1, total: book.sheets.length });
        const q = now();
        await this.pause();
        paused += now() - q;
        const s = book.sheets[i];
        // the ignores the file carries ("Bỏ qua" in the Excel add-in) are honoured
        const report = check(s, book.ignores ? { ...options, ignores: book.ignores } : options);
        reports.push(report);
        views.push({ meta: { name: s.name, visibility: s.visibility, merges: s.merges ?? [], layout: gridLayout(s) }, report });
      }
      const t3 = now();
      this.files.set(id, { name, format: book.format, bytes: book.annotatable ? bytes : null, snapshots: book.sheets, reports, asOf: options.asOf, ignores: book.ignores });
      this.postReports(id, reports, (trimmed, findingsTotal) => ({
        type: 'loaded',
        id,
        sheets: views.map((v, i) => ({ ...v, report: trimmed[i] })),
        asOf: options.asOf,
        format: book.format,
        annotatable: book.annotatable,
        // the file's own work: the pauses given to the page are not counted
        timings: { read: t1 - t0, parse: t2 - p0, check: t3 - t2 - paused },
        findingsTotal,
      }));
    } catch (e) {
      const err = asReadError(e);
      this.post({ type: 'failed', id, error: err.text, code: err.code, ...(err.detail ? { detail: err.detail } : {}) });
    }
  }

  /** Sends reports with their first findings in `head`, the rest in 'findings' messages of FINDINGS_PER_MESSAGE. */
  private postReports(id: FileId, reports: SheetReport[], head: (trimmed: SheetReport[], findingsTotal: number[]) => FromWorker): void {
    const trimmed = reports.map((r) => (r.findings.length > FINDINGS_PER_MESSAGE ? { ...r, findings: r.findings.slice(0, FINDINGS_PER_MESSAGE) } : r));
    this.post(head(trimmed, reports.map((r) => r.findings.length)));
    reports.forEach((r, sheet) => {
      for (let from = FINDINGS_PER_MESSAGE; from < r.findings.length; from += FINDINGS_PER_MESSAGE)
        this.post({ type: 'findings', id, sheet, from, findings: r.findings.slice(from, from + FINDINGS_PER_MESSAGE) });
    });
  }

  private rows(id: FileId, sheet: number, from: number, to: number): void {
    const f = this.files.get(id);
    const s = f?.snapshots[sheet];
    if (!s) return;
    const r0 = s.origin?.row ?? 1;
    const c0 = s.origin?.col ?? 1;
    const first = Math.max(1, Math.floor(from));
    const last = Math.min(Math.floor(to), first + MAX_ROWS_PER_REQUEST - 1);
    const rows: RowData[] = [];
    for (let r = first; r <= last; r++) {
      const vals = s.values[r - r0];
      const fmts = s.numberFormats?.[r - r0];
      // from column A: the grid addresses cells by their sheet column
      const pad = c0 - 1;
      rows.push({
        values: vals ? (pad ? [...new Array(pad).fill(null), ...vals] : vals.slice()) : [],
        formats: fmts ? (pad ? [...new Array(pad).fill(null), ...fmts] : fmts.slice()) : [],
      });
    }
    this.post({ type: 'rows', id, sheet, from: first, rows });
  }

  private async recheck(options: CheckOptions): Promise<void> {
    for (const [id, f] of this.files) {
      await this.pause();
      f.reports = f.snapshots.map((s) => check(s, f.ignores ? { ...options, ignores: f.ignores } : options));
      f.asOf = options.asOf;
      this.postReports(id, f.reports, (reports, findingsTotal) => ({ type: 'rechecked', id, reports, asOf: options.asOf, findingsTotal }));
    }
  }

  private async annotate(id: FileId, requestId: number, lang: 'vi' | 'en'): Promise<void> {
    const f = this.files.get(id);
    try {
      if (!f) throw new Error('Tệp đã đóng. / The file was closed.');
      if (!f.bytes) throw new WorkbookReadError(LEGACY_NO_COPY, 'unsupported');
      const buffer = ownBuffer(await annotateWorkbook(f.bytes, f.reports, { lang, asOf: f.asOf, fileName: f.name }));
      this.post({ type: 'annotated', requestId, id, bytes: buffer, name: annotatedName(f.name, f.format) }, [buffer]);
    } catch (e) {
      this.post({ type: 'annotate-failed', requestId, id, error: errorMessage(e) });
    }
  }

  /** "Tải tất cả": every file's annotated copy in one zip, one file at a time (progress after each). */
  private async annotateAll(msg: ToWorker & { type: 'annotate-all' }): Promise<void> {
    const { requestId, lang } = msg;
    const copies: (ZipEntry & { file: string })[] = [];
    const without: WithoutCopy[] = [...msg.without];
    try {
      let done = 0;
      for (const id of msg.ids) {
        await this.pause();
        const f = this.files.get(id);
        if (f && !f.bytes) without.push({ name: f.name, reason: LEGACY_NO_COPY });
        else if (f) {
          try {
            copies.push({ file: f.name, name: annotatedName(f.name, f.format), bytes: await annotateWorkbook(f.bytes!, f.reports, { lang, asOf: f.asOf, fileName: f.name }) });
          } catch (e) {
            without.push({ name: f.name, reason: errorMessage(e) });
          }
        }
        this.post({ type: 'annotate-all-progress', requestId, done: ++done, total: msg.ids.length });
      }
      if (!copies.length)
        throw new WorkbookReadError({ vi: 'Không tệp nào làm được bản có đánh dấu.', en: 'None of the files can have an annotated copy.' }, 'unsupported');
      const zip = copiesZip(copies, {
        name: README_NAME[lang],
        text: (names) => copiesReadme(lang, msg.asOf, copies.map((c, i) => ({ file: c.file, copy: names[i] })), without),
      });
      const buffer = ownBuffer(zip.bytes);
      this.post({ type: 'annotated-all', requestId, bytes: buffer, name: copiesZipName(msg.asOf, lang), copies: zip.names, without }, [buffer]);
    } catch (e) {
      this.post({ type: 'annotate-all-failed', requestId, error: errorMessage(e), without });
    }
  }
}
