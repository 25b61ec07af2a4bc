/**
 * The preview's background work, independent of the Worker global so tests can drive it in Node: read a file's bytes,
 * parse them (src/io/xlsx.ts), check every sheet (src/core), keep the bytes and reports for the annotated copy.
 * Requests run one at a time, in the order they arrive.
 */
import { check } from '../core/check';
import type { CheckOptions } from '../core/options';
import type { SheetReport, Text } from '../core/report';
import { readSnapshots, WorkbookReadError } from '../io/xlsx';
import { annotateWorkbook } from '../io/annotate';
import { gridLayout } from './format';
import type { FileId, FromWorker, SheetView, ToWorker } from './protocol';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

interface OpenFile {
  name: string;
  bytes: Uint8Array;
  views: SheetView[];
  asOf: string;
}

/** An error → a message in both languages (the reader's errors are written "tiếng Việt / English"). */
export function errorMessage(e: unknown): Text {
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

export class PreviewWorkerCore {
  private readonly files = new Map<FileId, OpenFile>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly post: Post) {}

  /** Queues a request; resolves when it (and everything before it) is done. */
  handle(msg: ToWorker): Promise<void> {
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
      case 'close':
        this.files.delete(msg.id);
        return;
    }
  }

  private async open(id: FileId, name: string, file: Blob, options: CheckOptions): Promise<void> {
    try {
      const t0 = now();
      this.post({ type: 'progress', id, phase: 'reading' });
      const bytes = await blobBytes(file);
      const t1 = now();
      this.post({ type: 'progress', id, phase: 'parsing' });
      const snapshots = await readSnapshots(bytes);
      if (!snapshots.length) throw new WorkbookReadError({ vi: 'Tệp không có trang tính nào.', en: 'The workbook has no worksheets.' }, 'no-workbook');
      const t2 = now();
      const views: SheetView[] = [];
      for (let i = 0; i < snapshots.length; i++) {
        this.post({ type: 'progress', id, phase: 'checking', done: i + 1, total: snapshots.length });
        const snapshot = snapshots[i];
        views.push({ snapshot, report: check(snapshot, options), layout: gridLayout(snapshot) });
      }
      const t3 = now();
      this.files.set(id, { name, bytes, views, asOf: options.asOf });
      this.post({ type: 'loaded', id, sheets: views, asOf: options.asOf, timings: { read: t1 - t0, parse: t2 - t1, check: t3 - t2 } });
    } catch (e) {
      this.post({ type: 'failed', id, error: errorMessage(e), code: e instanceof WorkbookReadError ? e.code : undefined });
    }
  }

  private async recheck(options: CheckOptions): Promise<void> {
    for (const [id, f] of this.files) {
      const reports: SheetReport[] = f.views.map((v) => check(v.snapshot, options));
      f.views = f.views.map((v, i) => ({ ...v, report: reports[i] }));
      f.asOf = options.asOf;
      this.post({ type: 'rechecked', id, reports, asOf: options.asOf });
    }
  }

  private async annotate(id: FileId, requestId: number, lang: 'vi' | 'en'): Promise<void> {
    const f = this.files.get(id);
    try {
      if (!f) throw new Error('Tệp đã đóng. / The file was closed.');
      const out = await annotateWorkbook(
        f.bytes,
        f.views.map((v) => v.report),
        { lang, asOf: f.asOf, fileName: f.name },
      );
      const whole = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
      const buffer = (whole ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength)) as ArrayBuffer;
      this.post({ type: 'annotated', requestId, id, bytes: buffer }, [buffer]);
    } catch (e) {
      this.post({ type: 'annotate-failed', requestId, id, error: errorMessage(e) });
    }
  }
}
