/** The preview page's state machine, with a fake worker: what it asks the worker and what it makes of the answers. */
import { PreviewController, annotatedName, EXAMPLE_AS_OF, OVERVIEW, type WorkerLike } from '../../src/preview/controller';
import type { FromWorker, ToWorker } from '../../src/preview/protocol';
import type { SheetReport } from '../../src/core/report';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  reply(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
}

const report = (sheet: string): SheetReport => ({
  sheet,
  found: true,
  counts: { rows: 1, sections: 0, items: 1, subItems: 0, repeatedHeaders: 0, fragments: 0 },
  findings: [{ rule: 'budget-total-mismatch', severity: 'error', cell: 'F61', row: 61, column: 'F', message: { vi: 'sai', en: 'wrong' } }],
});
const view = (sheet: string) => ({ meta: { name: sheet, merges: [], layout: { rows: 1, cols: 1, colWidths: [44] } }, report: report(sheet) });
const LOADED = { format: 'xlsx', annotatable: true } as const;

function setup() {
  const worker = new FakeWorker();
  const saved: { name: string; size: number; type: string }[] = [];
  const store = new Map<string, string>();
  const ctl = new PreviewController({
    worker,
    today: '2026-11-22',
    fetchExample: async () => new Blob(['example-bytes']),
    save: (blob, name) => saved.push({ name, size: blob.size, type: blob.type }),
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
  });
  return { worker, ctl, saved, store };
}

describe('PreviewController', () => {
  it('with no file, opens the example as of 2018-02-15; the user’s files replace it and today comes back', async () => {
    const { worker, ctl } = setup();
    expect(ctl.get().asOf).toBe('2026-11-22');
    await ctl.openExample();
    expect(ctl.get().asOf).toBe(EXAMPLE_AS_OF);
    const open = worker.sent[0];
    expect(open).toMatchObject({ type: 'open', name: 'hue-2018-nhiem-vu.xlsx', options: { asOf: '2018-02-15' } });
    expect(ctl.get().files[0]).toMatchObject({ example: true, status: 'loading' });

    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')]);
    expect(ctl.get().files.map((f) => f.name)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(ctl.get().asOf).toBe('2026-11-22');
    expect(worker.sent.map((m) => m.type)).toEqual(['open', 'close', 'open', 'open']);
    expect(worker.sent[2]).toMatchObject({ options: { asOf: '2026-11-22' } });
    // several files at once: the overview of them first
    expect(ctl.get().active).toBe(OVERVIEW);
  });

  it('a date the user chose stays when files are added', async () => {
    const { ctl } = setup();
    await ctl.openExample();
    ctl.setAsOf('2018-03-01');
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    expect(ctl.get().asOf).toBe('2018-03-01');
  });

  it('progress, results, failures and rechecks update the right file', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')]);
    const [a, b] = ctl.get().files.map((f) => f.id);
    worker.reply({ type: 'progress', id: a, phase: 'checking', done: 1, total: 2 });
    expect(ctl.get().files[0]).toMatchObject({ phase: 'checking', done: 1, total: 2 });
    worker.reply({ type: 'loaded', id: a, sheets: [view('S')], asOf: '2026-11-22', timings: { read: 1, parse: 2, check: 3 }, ...LOADED });
    worker.reply({ type: 'failed', id: b, error: { vi: 'hỏng', en: 'damaged' }, code: 'corrupt' });
    expect(ctl.get().files.map((f) => f.status)).toEqual(['ready', 'error']);
    expect(ctl.get().files[1].error).toEqual({ vi: 'hỏng', en: 'damaged' });

    ctl.setAsOf('2025-01-01');
    expect(worker.sent[worker.sent.length - 1]).toEqual({ type: 'recheck', options: { asOf: '2025-01-01' } });
    ctl.setAsOf('not a date');
    expect(worker.sent.filter((m) => m.type === 'recheck')).toHaveLength(1);
    worker.reply({ type: 'rechecked', id: a, reports: [{ ...report('S'), findings: [] }], asOf: '2025-01-01' });
    expect(ctl.get().files[0].sheets?.[0].report.findings).toEqual([]);
    expect(ctl.get().files[0].asOf).toBe('2025-01-01');
  });

  it('select() targets the active file’s current sheet and bumps seq each time', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    const id = ctl.get().files[0].id;
    worker.reply({ type: 'loaded', id, sheets: [view('S1'), view('S2')], asOf: 'x', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    ctl.setSheet(id, 1);
    ctl.select('F61');
    expect(ctl.get().selection).toEqual({ file: id, sheet: 1, address: 'F61', seq: 1 });
    ctl.select('F61');
    expect(ctl.get().selection?.seq).toBe(2);
  });

  it('download: asks the worker, saves "<name>-phuluc.xlsx", reports failures', () => {
    const { worker, ctl, saved } = setup();
    ctl.openFiles([new File(['a'], 'Báo cáo.xlsx')]);
    const id = ctl.get().files[0].id;
    ctl.download(id); // not ready yet: nothing happens
    expect(worker.sent.filter((m) => m.type === 'annotate')).toHaveLength(0);
    worker.reply({ type: 'loaded', id, sheets: [view('S')], asOf: 'x', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    ctl.setLang('en');
    ctl.download(id);
    ctl.download(id); // busy: not twice
    const req = worker.sent.filter((m) => m.type === 'annotate');
    expect(req).toEqual([{ type: 'annotate', id, requestId: 1, lang: 'en' }]);
    expect(ctl.get().files[0].download).toEqual({ busy: true });
    worker.reply({ type: 'annotated', id, requestId: 1, bytes: new Uint8Array([1, 2, 3]).buffer, name: 'Báo cáo-phuluc.xlsx' });
    expect(saved).toEqual([{ name: 'Báo cáo-phuluc.xlsx', size: 3, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
    expect(ctl.get().files[0].download).toEqual({ busy: false, done: 'Báo cáo-phuluc.xlsx' });
    ctl.download(id);
    worker.reply({ type: 'annotate-failed', id, requestId: 2, error: { vi: 'x', en: 'y' } });
    expect(ctl.get().files[0].download).toEqual({ busy: false, error: { vi: 'x', en: 'y' } });
  });

  it('remembers the language; a worker crash fails the files still loading', () => {
    const { worker, ctl, store } = setup();
    ctl.setLang('en');
    expect(store.get('phuluc.preview.lang')).toBe('en');
    const again = new PreviewController({ worker: new FakeWorker(), storage: { getItem: (k) => store.get(k) ?? null, setItem: () => undefined } });
    expect(again.get().lang).toBe('en');
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    worker.onerror?.({ message: 'boom' } as ErrorEvent);
    expect(ctl.get().files[0]).toMatchObject({ status: 'error', error: { en: 'The background checker failed. boom' } });
  });

  it('annotatedName: <name>-phuluc.xlsx; a macro-enabled workbook keeps .xlsm (Excel refuses one named .xlsx)', () => {
    expect(annotatedName('hue-2018.xlsx')).toBe('hue-2018-phuluc.xlsx');
    expect(annotatedName('A.XLSX')).toBe('A-phuluc.xlsx');
    expect(annotatedName('.xlsx')).toBe('phu-luc-phuluc.xlsx');
    expect(annotatedName('so-lieu.xlsm')).toBe('so-lieu-phuluc.xlsm');
    expect(annotatedName('doi-ten.xlsx', 'xlsm')).toBe('doi-ten-phuluc.xlsm');
    expect(annotatedName('that-ra-xlsx.xlsm', 'xlsx')).toBe('that-ra-xlsx-phuluc.xlsx');
  });

  it('a large report arrives in parts: the file is shown once every finding is there', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    const id = ctl.get().files[0].id;
    const f = report('S').findings[0];
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...f, row: i + 1, cell: `F${i + 1}` }));
    const first = { ...view('S'), report: { ...report('S'), findings: many.slice(0, 1000) } };
    worker.reply({ type: 'loaded', id, sheets: [first], asOf: 'x', timings: { read: 0, parse: 0, check: 0 }, ...LOADED, findingsTotal: [2500] });
    expect(ctl.get().files[0].status).toBe('loading');
    worker.reply({ type: 'findings', id, sheet: 0, from: 2000, findings: many.slice(2000) });
    expect(ctl.get().files[0].status).toBe('loading');
    worker.reply({ type: 'findings', id, sheet: 0, from: 1000, findings: many.slice(1000, 2000) });
    expect(ctl.get().files[0].status).toBe('ready');
    expect(ctl.get().files[0].sheets?.[0].report.findings).toEqual(many);
    // a recheck in parts too
    worker.reply({ type: 'rechecked', id, reports: [{ ...report('S'), findings: many.slice(0, 1000) }], asOf: 'y', findingsTotal: [1500] });
    expect(ctl.get().files[0].asOf).toBe('x');
    worker.reply({ type: 'findings', id, sheet: 0, from: 1000, findings: many.slice(1000, 1500) });
    expect(ctl.get().files[0].asOf).toBe('y');
    expect(ctl.get().files[0].sheets?.[0].report.findings).toHaveLength(1500);
  });

  it('rows: the grid asks for blocks of rows once; the answers are kept for it, and dropped with the file', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    const id = ctl.get().files[0].id;
    worker.reply({ type: 'loaded', id, sheets: [view('S')], asOf: 'x', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    const src = ctl.rows.source(id, 0);
    let changes = 0;
    src.subscribe(() => changes++);
    src.ensure(1, 250);
    src.ensure(10, 20); // already asked
    expect(worker.sent.filter((m) => m.type === 'rows')).toEqual([
      { type: 'rows', id, sheet: 0, from: 1, to: 200 },
      { type: 'rows', id, sheet: 0, from: 201, to: 400 },
    ]);
    expect(src.get(5)).toBeUndefined();
    worker.reply({ type: 'rows', id, sheet: 0, from: 1, rows: Array.from({ length: 200 }, (_, i) => ({ values: [i + 1], formats: [] })) });
    expect(src.get(5)).toEqual({ values: [5], formats: [] });
    expect(changes).toBe(1);
    ctl.close(id);
    expect(src.get(5)).toBeUndefined();
  });

  it('a file’s time is its own (the worker’s read + parse + check), not the wait behind the files before it', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')]);
    const [a, b] = ctl.get().files.map((f) => f.id);
    worker.reply({ type: 'loaded', id: a, sheets: [view('S')], asOf: 'x', timings: { read: 2, parse: 30, check: 8 }, ...LOADED });
    worker.reply({ type: 'loaded', id: b, sheets: [view('S')], asOf: 'x', timings: { read: 1, parse: 10, check: 4 }, ...LOADED });
    expect(ctl.get().files.map((f) => f.elapsed)).toEqual([40, 15]);
    expect(ctl.get().files[0].timings).toEqual({ read: 2, parse: 30, check: 8 });
  });

  it('the overview: several files open on it, one file on that file; closing a file keeps the overview', () => {
    const { ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx')]);
    expect(ctl.get().active).toBe(ctl.get().files[0].id);
    ctl.openFiles([new File(['b'], 'b.xlsx'), new File(['c'], 'c.xlsx')]);
    expect(ctl.get().active).toBe(OVERVIEW);
    ctl.select('A1'); // no file on the overview: nothing selected
    expect(ctl.get().selection).toBeUndefined();
    const [, b] = ctl.get().files.map((f) => f.id);
    ctl.setActive(b);
    ctl.close(b);
    expect(ctl.get().active).toBe(OVERVIEW);
  });

  it('"Đóng tất cả" closes every file in the worker and on the page', () => {
    const { worker, ctl } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')]);
    const ids = ctl.get().files.map((f) => f.id);
    ctl.closeAll();
    expect(ctl.get().files).toEqual([]);
    expect(ctl.get().active).toBeUndefined();
    expect(worker.sent.filter((m) => m.type === 'close').map((m) => (m as { id: string }).id)).toEqual(ids);
  });

  it('"Tải tất cả": waits for the files still loading; asks the worker for the read files, tells it the unreadable ones; saves the zip', () => {
    const { worker, ctl, saved } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'hong.xlsx'), new File(['c'], 'c.xlsx')]);
    const [a, b, c] = ctl.get().files.map((f) => f.id);
    worker.reply({ type: 'loaded', id: a, sheets: [view('S')], asOf: '2026-11-22', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    worker.reply({ type: 'failed', id: b, error: { vi: 'Tệp bị hỏng.', en: 'Damaged.' } });
    ctl.downloadAll(); // c is still loading
    expect(worker.sent.some((m) => m.type === 'annotate-all')).toBe(false);
    worker.reply({ type: 'loaded', id: c, sheets: [view('S')], asOf: '2026-11-22', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    ctl.downloadAll();
    ctl.downloadAll(); // busy: not twice
    const req = worker.sent.filter((m) => m.type === 'annotate-all');
    expect(req).toEqual([{ type: 'annotate-all', requestId: 1, lang: 'vi', ids: [a, c], without: [{ name: 'hong.xlsx', reason: { vi: 'Tệp bị hỏng.', en: 'Damaged.' } }], asOf: '2026-11-22' }]);
    worker.reply({ type: 'annotate-all-progress', requestId: 1, done: 1, total: 2 });
    expect(ctl.get().bulk).toEqual({ busy: true, done: 1, total: 2 });
    const without = [{ name: 'hong.xlsx', reason: { vi: 'Tệp bị hỏng.', en: 'Damaged.' } }];
    worker.reply({ type: 'annotated-all', requestId: 1, bytes: new Uint8Array([1, 2]).buffer, name: 'phuluc-ban-danh-dau-2026-11-22.zip', copies: ['a-phuluc.xlsx', 'c-phuluc.xlsx'], without });
    expect(saved).toEqual([{ name: 'phuluc-ban-danh-dau-2026-11-22.zip', size: 2, type: 'application/zip' }]);
    expect(ctl.get().bulk).toEqual({ busy: false, result: { name: 'phuluc-ban-danh-dau-2026-11-22.zip', copies: 2, without } });
    ctl.downloadAll();
    worker.reply({ type: 'annotate-all-failed', requestId: 2, error: { vi: 'x', en: 'y' }, without });
    expect(ctl.get().bulk).toEqual({ busy: false, error: { vi: 'x', en: 'y' } });
  });

  it('the overview’s export saves an .xlsx named after the as-of date', async () => {
    const { worker, ctl, saved } = setup();
    ctl.openFiles([new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')]);
    const [a, b] = ctl.get().files.map((f) => f.id);
    worker.reply({ type: 'loaded', id: a, sheets: [view('S')], asOf: '2026-11-22', timings: { read: 0, parse: 0, check: 0 }, ...LOADED });
    worker.reply({ type: 'failed', id: b, error: { vi: 'hỏng', en: 'damaged' } });
    await ctl.exportSummary();
    expect(saved).toEqual([{ name: 'phuluc-tong-hop-2026-11-22.xlsx', size: expect.any(Number), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
    expect(saved[0].size).toBeGreaterThan(1000);
    expect(ctl.get().exported).toEqual({ name: 'phuluc-tong-hop-2026-11-22.xlsx' });
  });
});
