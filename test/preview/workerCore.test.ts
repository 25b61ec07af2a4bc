/**
 * The preview worker's logic in Node: open (read, parse, check), failures with a message, recheck with a new as-of
 * date, the annotated copy — with the messages the page receives.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { FINDINGS_PER_MESSAGE, PreviewWorkerCore, errorMessage } from '../../src/preview/workerCore';
import type { FromWorker } from '../../src/preview/protocol';
import { readSnapshots } from '../../src/io/xlsx';
import { REPORT_SHEET_BASE } from '../../src/io/annotate';
import { encryptedWorkbook } from '../io/encrypted';
import { unzipSync, strFromU8 } from 'fflate';
import { InlineWorker } from '../../src/preview/inlineWorker';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const blob = (file: string) => new Blob([readFileSync(path.join(FIXTURES, file))]);

function setup() {
  const out: FromWorker[] = [];
  const transfers: (Transferable[] | undefined)[] = [];
  const core = new PreviewWorkerCore((m, t) => {
    out.push(m);
    transfers.push(t);
  });
  return { core, out, transfers };
}

describe('PreviewWorkerCore', () => {
  it('opens a workbook: progress, then the findings and the grid layout without the cells; rows on demand', async () => {
    const { core, out } = setup();
    await core.handle({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: { asOf: '2018-02-15' } });
    expect([...new Set(out.filter((m) => m.type === 'progress').map((m) => (m as { phase: string }).phase))]).toEqual(['reading', 'parsing', 'checking']);
    const loaded = out.find((m) => m.type === 'loaded');
    if (loaded?.type !== 'loaded') throw new Error('not loaded');
    expect(loaded).toMatchObject({ asOf: '2018-02-15', format: 'xlsx', annotatable: true });
    expect(loaded.sheets).toHaveLength(1);
    const [v] = loaded.sheets;
    expect(v.report.findings.some((f) => f.rule === 'budget-total-mismatch' && f.cell === 'F61')).toBe(true);
    expect(v.meta.layout.rows).toBeGreaterThanOrEqual(61);
    expect(v.meta.layout.colWidths).toHaveLength(v.meta.layout.cols);
    expect(v.meta.merges.length).toBeGreaterThan(0);
    expect(JSON.stringify(loaded)).not.toContain('Sở Tư pháp'); // no cell text in it (D6 holds it)
    expect(structuredClone(loaded)).toEqual(loaded); // crosses the worker boundary (structured clone) as it is

    await core.handle({ type: 'rows', id: 'a', sheet: 0, from: 60, to: 62 });
    const rows = out[out.length - 1];
    if (rows.type !== 'rows') throw new Error('no rows');
    expect(rows.from).toBe(60);
    expect(rows.rows).toHaveLength(3);
    expect(rows.rows[1].values[5]).toBe('21.950');
    expect(structuredClone(rows)).toEqual(rows);
  });

  it('a report with many findings is sent in parts of FINDINGS_PER_MESSAGE', async () => {
    const { core, out } = setup();
    const { generate } = await import('../../scripts/bench-data');
    const { snapshotToXlsx } = await import('../../scripts/bench-xlsx');
    await core.handle({ type: 'open', id: 'b', name: 'big.xlsx', file: new Blob([snapshotToXlsx(generate(4000))]), options: { asOf: '2024-03-01' } });
    const loaded = out.find((m) => m.type === 'loaded');
    if (loaded?.type !== 'loaded') throw new Error('not loaded');
    const total = loaded.findingsTotal![0];
    expect(total).toBeGreaterThan(FINDINGS_PER_MESSAGE);
    expect(loaded.sheets[0].report.findings).toHaveLength(FINDINGS_PER_MESSAGE);
    const parts = out.filter((m) => m.type === 'findings');
    expect(parts.map((m) => (m as { from: number }).from)).toEqual(Array.from({ length: parts.length }, (_, i) => (i + 1) * FINDINGS_PER_MESSAGE));
    expect(FINDINGS_PER_MESSAGE + parts.reduce((n, m) => n + (m as { findings: unknown[] }).findings.length, 0)).toBe(total);
  });

  it('an .xls opens like an .xlsx; its annotated copy is refused with the reason', async () => {
    const { core, out } = setup();
    await core.handle({ type: 'open', id: 'x', name: 'cu.xls', file: blob('hue-2018-nhiem-vu.xls'), options: { asOf: '2018-02-15' } });
    expect(out.find((m) => m.type === 'loaded')).toMatchObject({ format: 'xls', annotatable: false });
    await core.handle({ type: 'annotate', id: 'x', requestId: 1, lang: 'vi' });
    expect(out[out.length - 1]).toMatchObject({ type: 'annotate-failed', error: { vi: expect.stringMatching(/\.xlsx/) } });
  });

  it('a damaged, a password-protected and a non-xlsx file each fail with a message; the next file still opens', async () => {
    const { core, out } = setup();
    const good = readFileSync(path.join(FIXTURES, 'cathai-2023-danh-muc.xlsx'));
    await Promise.all([
      core.handle({ type: 'open', id: 'bad', name: 'hong.xlsx', file: new Blob([good.subarray(0, 1000)]), options: { asOf: '2024-01-01' } }),
      core.handle({ type: 'open', id: 'pw', name: 'mk.xlsx', file: new Blob([encryptedWorkbook()]), options: { asOf: '2024-01-01' } }),
      core.handle({ type: 'open', id: 'txt', name: 'a.txt', file: new Blob(['hello']), options: { asOf: '2024-01-01' } }),
      core.handle({ type: 'open', id: 'ok', name: 'c.xlsx', file: new Blob([good]), options: { asOf: '2024-01-01' } }),
    ]);
    const failed = Object.fromEntries(out.filter((m) => m.type === 'failed').map((m) => [(m as { id: string }).id, m]));
    expect(failed.bad).toMatchObject({ code: 'corrupt', error: { vi: expect.stringMatching(/bị hỏng/), en: expect.stringMatching(/damaged/) }, detail: expect.any(String) });
    expect(failed.pw).toMatchObject({ code: 'encrypted', error: { vi: expect.stringMatching(/mật khẩu/) } });
    expect(failed.txt).toMatchObject({ code: 'not-workbook' });
    expect(out.some((m) => m.type === 'loaded' && m.id === 'ok')).toBe(true);
  });

  it('rechecks every open file with a new as-of date, without parsing again', async () => {
    const { core, out } = setup();
    await core.handle({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: { asOf: '2017-06-01' } });
    const first = out.find((m) => m.type === 'loaded');
    if (first?.type !== 'loaded') throw new Error('not loaded');
    expect(first.sheets[0].report.findings.filter((f) => f.rule === 'deadline-overdue')).toHaveLength(0);
    await core.handle({ type: 'recheck', options: { asOf: '2018-02-15' } });
    const re = out.find((m) => m.type === 'rechecked');
    if (re?.type !== 'rechecked') throw new Error('not rechecked');
    expect(re.asOf).toBe('2018-02-15');
    expect(re.reports[0].findings.filter((f) => f.rule === 'deadline-overdue').length).toBeGreaterThan(0);
  });

  it('builds the annotated copy from the latest reports and transfers its bytes', async () => {
    const { core, out, transfers } = setup();
    await core.handle({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: { asOf: '2018-02-15' } });
    await core.handle({ type: 'annotate', id: 'a', requestId: 7, lang: 'en' });
    const i = out.findIndex((m) => m.type === 'annotated');
    const msg = out[i];
    if (msg?.type !== 'annotated') throw new Error(JSON.stringify(out[out.length - 1]));
    expect(msg.requestId).toBe(7);
    expect(transfers[i]).toEqual([msg.bytes]);
    expect(msg.name).toBe('hue-phuluc.xlsx');
    const sheets = await readSnapshots(new Uint8Array(msg.bytes));
    expect(sheets.map((s) => s.name)).toEqual(['Phụ lục', REPORT_SHEET_BASE]);
    expect(sheets[1].values[0][0]).toMatch(/^Phuluc — findings of “hue.xlsx” \(as of 2018-02-15\)/);

    await core.handle({ type: 'close', id: 'a' });
    await core.handle({ type: 'annotate', id: 'a', requestId: 8, lang: 'vi' });
    expect(out[out.length - 1]).toMatchObject({ type: 'annotate-failed', requestId: 8, error: { vi: 'Tệp đã đóng.' } });
  });

  it('errorMessage splits "vi / en" messages', () => {
    expect(errorMessage(new Error('Tệp rỗng. / Empty.'))).toEqual({ vi: 'Tệp rỗng.', en: 'Empty.' });
    expect(errorMessage('boom')).toEqual({ vi: 'Lỗi: boom', en: 'Error: boom' });
  });

  it('"Tải tất cả": one zip with each copy and a text file naming the files without one (an .xls, an unreadable file)', async () => {
    const { core, out, transfers } = setup();
    const opts = { asOf: '2018-02-15' };
    await core.handle({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: opts });
    await core.handle({ type: 'open', id: 'b', name: 'HUE.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: opts });
    await core.handle({ type: 'open', id: 'c', name: 'cu.xls', file: blob('hue-2018-nhiem-vu.xls'), options: opts });
    const without = [{ name: 'hong.xlsx', reason: { vi: 'Tệp bị hỏng.', en: 'Damaged.' } }];
    await core.handle({ type: 'annotate-all', requestId: 3, lang: 'vi', ids: ['a', 'b', 'c'], without, asOf: '2018-02-15' });
    expect(out.filter((m) => m.type === 'annotate-all-progress').map((m) => (m as { done: number }).done)).toEqual([1, 2, 3]);
    const i = out.findIndex((m) => m.type === 'annotated-all');
    const msg = out[i];
    if (msg?.type !== 'annotated-all') throw new Error(JSON.stringify(out[out.length - 1]));
    expect(transfers[i]).toEqual([msg.bytes]);
    expect(msg.name).toBe('phuluc-ban-danh-dau-2018-02-15.zip');
    expect(msg.copies).toEqual(['hue-phuluc.xlsx', 'HUE-phuluc (2).xlsx']);
    expect(msg.without.map((w) => w.name)).toEqual(['hong.xlsx', 'cu.xls']);
    const files = unzipSync(new Uint8Array(msg.bytes));
    expect(Object.keys(files)).toEqual(['00-DOC-TRUOC.txt', 'hue-phuluc.xlsx', 'HUE-phuluc (2).xlsx']);
    const readme = strFromU8(files['00-DOC-TRUOC.txt'].subarray(3));
    expect(readme).toContain('ngày 15/02/2018');
    expect(readme).toContain('  - hue-phuluc.xlsx  (từ hue.xlsx)');
    expect(readme).toContain('2 tệp không có bản có đánh dấu:');
    expect(readme).toContain('  - hong.xlsx: Tệp bị hỏng.');
    expect(readme).toMatch(/ {2}- cu\.xls: Bản có đánh dấu chỉ làm được cho tệp \.xlsx/);
    // each copy is the same as the single download
    const sheets = await readSnapshots(files['hue-phuluc.xlsx']);
    expect(sheets.map((x) => x.name)).toEqual(['Phụ lục', REPORT_SHEET_BASE]);

    // nothing to put in it: a clear refusal, with the reasons
    await core.handle({ type: 'annotate-all', requestId: 4, lang: 'en', ids: ['c'], without: [], asOf: '2018-02-15' });
    expect(out[out.length - 1]).toMatchObject({ type: 'annotate-all-failed', requestId: 4, error: { en: 'None of the files can have an annotated copy.' }, without: [{ name: 'cu.xls' }] });
  });

  it('with a pause between steps (the checker on the page’s own thread), the times exclude the pauses', async () => {
    // a clock that moves only while paused: the file's own work then takes no time at all
    let clock = 0;
    const spy = jest.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const out: FromWorker[] = [];
      let pauses = 0;
      const core = new PreviewWorkerCore(
        (m) => out.push(m),
        async () => {
          pauses++;
          clock += 1000;
        },
      );
      await core.handle({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: { asOf: '2018-02-15' } });
      const loaded = out.find((m) => m.type === 'loaded');
      if (loaded?.type !== 'loaded') throw new Error('not loaded');
      expect(pauses).toBe(2); // after reading, before the one sheet
      expect(loaded.timings).toEqual({ read: 0, parse: 0, check: 0 });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('InlineWorker (the checker on the page, for a page opened from a folder)', () => {
  it('answers like the Web Worker, each message in a task of its own, in order', async () => {
    const w = new InlineWorker();
    const got: FromWorker[] = [];
    const done = new Promise<void>((resolve) => {
      w.onmessage = (e) => {
        got.push(e.data);
        // the page asks for rows once the file is there
        if (e.data.type === 'loaded') w.postMessage({ type: 'rows', id: 'a', sheet: 0, from: 61, to: 61 });
        if (e.data.type === 'rows') resolve();
      };
    });
    w.postMessage({ type: 'open', id: 'a', name: 'hue.xlsx', file: blob('hue-2018-nhiem-vu.xlsx'), options: { asOf: '2018-02-15' } });
    expect(got).toEqual([]); // nothing answered synchronously
    await done;
    const types = got.map((m) => m.type);
    expect(types.indexOf('loaded')).toBeGreaterThan(types.lastIndexOf('progress'));
    expect(types[types.length - 1]).toBe('rows');
    const loaded = got.find((m) => m.type === 'loaded');
    if (loaded?.type !== 'loaded') throw new Error('not loaded');
    expect(loaded.sheets[0].report.findings.some((f) => f.cell === 'F61' && f.rule === 'budget-total-mismatch')).toBe(true);
    const rows = got[got.length - 1];
    if (rows.type !== 'rows') throw new Error('no rows');
    expect(rows.rows[0].values[5]).toBe('21.950');
    w.terminate();
  });
});
