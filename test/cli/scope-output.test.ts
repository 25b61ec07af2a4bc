/**
 * Issue 7, points 14 and 16 in the command line: a workbook with no appendix table is "not checked" (exit 3, status
 * not-checked, said plainly), every sheet's scope is shown in text, JSON and CSV; control characters from cells never
 * reach the terminal or the CSV raw.
 */
import { mkdtempSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run, HG, HUE } from './run';
import { exitCode, findingsCsv, safe, toJson, toText } from '../../src/cli/output';

async function workbook(file: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trang 1');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

// A control sequence that would clear a terminal and colour it, a NUL, a C1 control and a right-to-left override.
const NASTY = 'Sớm\u001b[2J\u001b[31m\u0000\u0085\u202eabc\u2066';

describe('14. a workbook with no appendix table is not checked', () => {
  let dir: string;
  let plain: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'phuluc-scope-'));
    plain = await workbook(path.join(dir, 'b-notes.xlsx'), [['Ghi chú'], ['Danh sách cán bộ dự họp'], ['Nguyễn Văn A', 'Sở Nội vụ']]);
    copyFileSync(HUE, path.join(dir, 'a-hue.xlsx'));
  });

  it('exit 3 and a plain "not checked" in text, never 0 or "no problems"', async () => {
    const r = await run(['check', plain, '--as-of', '2024-06-15']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('CHƯA KIỂM TRA');
    expect(r.out).toContain('không trang tính nào có bảng phụ lục');
    expect(r.out).not.toContain('không có vấn đề');
    const en = await run(['check', plain, '--as-of', '2024-06-15', '--lang', 'en']);
    expect(en.out).toContain('NOT CHECKED');
  });

  it('--summary says not-checked, in text, CSV and JSON', async () => {
    const csv = await run(['check', dir, '--summary', '--format', 'csv', '--as-of', '2018-02-15']);
    expect(csv.code).toBe(3);
    const [head, hue, notes] = csv.out.trim().split('\n');
    expect(head.split(',').slice(-3)).toEqual(['checked', 'not_checked', 'message']);
    expect(hue).toMatch(/^.*a-hue\.xlsx,ok,/);
    expect(hue).toContain('table required numbers budget deadlines plan-year,scores: no-score-columns');
    expect(notes).toMatch(/b-notes\.xlsx,not-checked,1,/);
    expect(notes).toContain('table: no-table');
    const text = await run(['check', dir, '--summary', '--as-of', '2018-02-15']);
    expect(text.out).toMatch(/b-notes\.xlsx.*CHƯA KIỂM TRA/);
    const json = JSON.parse((await run(['check', dir, '--summary', '--format', 'json', '--as-of', '2018-02-15'])).out);
    expect(json.files.map((f: { status: string }) => f.status)).toEqual(['ok', 'not-checked']);
  });

  it('JSON carries each sheet\'s scope; the findings CSV has a not-checked row', async () => {
    const json = JSON.parse((await run(['check', HG, '--format', 'json', '--as-of', '2024-06-01'])).out);
    expect(json.files[0].sheets[0].summary.scope).toMatchObject({
      checked: true,
      ran: ['table', 'required', 'numbers', 'deadlines', 'plan-year', 'scores'],
      notRun: [{ family: 'budget', reason: 'no-budget-column', message: { vi: 'kinh phí: không có cột kinh phí', en: 'budget: no budget column' } }],
    });
    const none = JSON.parse((await run(['check', plain, '--format', 'json'])).out);
    expect(none.files[0].sheets[0].summary.scope).toMatchObject({ checked: false, ran: [] });
    const csv = await run(['check', plain, '--format', 'csv']);
    expect(csv.out).toContain(',not-checked,warning,');
  });

  it('the text output names what ran and what could not on a checked sheet', async () => {
    const r = await run(['check', HG, '--as-of', '2024-06-01']);
    // the line wraps at 100 columns: read it as one
    expect(r.out.replace(/\n +/g, ' ')).toContain('Đã kiểm tra: cấu trúc bảng, ô bắt buộc, số liệu, thời hạn, năm kế hoạch, điểm; chưa kiểm tra: kinh phí: không có cột kinh phí');
  });

  it('exit codes: unreadable 2 before not-checked 3 before errors 1', () => {
    const checked = { file: 'a', sheets: [{ sheet: 's', found: true, counts: {} as never, findings: [] }] };
    const notChecked = { file: 'b', sheets: [{ sheet: 's', found: false, counts: {} as never, findings: [] }] };
    const withError = { file: 'c', sheets: [{ ...checked.sheets[0], findings: [{ severity: 'error' } as never] }] };
    expect(exitCode([checked])).toBe(0);
    expect(exitCode([checked, withError])).toBe(1);
    expect(exitCode([withError, notChecked])).toBe(3);
    expect(exitCode([notChecked, { file: 'd', sheets: [], error: 'x' }])).toBe(2);
  });
});

describe('16. control characters never reach the terminal or a CSV raw', () => {
  test('safe() escapes C0, C1, DEL and bidi controls and keeps Vietnamese text', () => {
    expect(safe('Hà Nội\u001b[31m\u0000\u007f\u0085\u202a\u202e\u2066\u2069\u200f')).toBe(
      'Hà Nội\\u{001B}[31m\\u{0000}\\u{007F}\\u{0085}\\u{202A}\\u{202E}\\u{2066}\\u{2069}\\u{200F}',
    );
    expect(safe('dòng 1\ndòng 2')).toBe('dòng 1 dòng 2');
  });

  it('on a real layout: the Huế 2018 sheet with hostile deadline and sheet-name text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-ctl-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(HUE);
    const ws = wb.worksheets[0];
    ws.getCell('G10').value = NASTY;
    ws.getCell('B11').value = `Nội dung ${NASTY}`;
    ws.getCell('G11').value = null;
    const file = path.join(dir, 'hue-ctl\u202e.xlsx');
    await wb.xlsx.writeFile(file);
    // eslint-disable-next-line no-control-regex -- looks for raw control characters in the output
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const format of ['text', 'csv', 'json']) {
      for (const summary of [[], ['--summary']]) {
        const r = await run(['check', file, '--as-of', '2018-02-15', '--format', format, ...summary]);
        expect(r.out).not.toMatch(raw);
        expect(r.err).not.toMatch(raw);
      }
    }
    const text = await run(['check', file, '--as-of', '2018-02-15']);
    expect(text.out).toContain('\\u{202E}abc\\u{2066}');
    expect(text.out).toContain('hue-ctl\\u{202E}.xlsx');
    const json = JSON.parse((await run(['check', file, '--as-of', '2018-02-15', '--format', 'json'])).out);
    // JSON escapes are decoded by any JSON reader: the data itself is kept
    expect(json.files[0].file).toContain('\u202e');
  });

  test('an ESC or NUL in a finding (a host that keeps them, such as Office.js) is escaped in text and CSV', () => {
    const f = { rule: 'deadline-unparsed', severity: 'warning', cell: 'G10', row: 10, column: 'G', message: { vi: `Không đọc được «${NASTY}»`, en: `"${NASTY}"` } } as const;
    const results = [{ file: 'x.xlsx', sheets: [{ sheet: `Phụ\u001blục`, found: true, counts: { rows: 1, sections: 0, items: 1, subItems: 0, repeatedHeaders: 0, fragments: 0 }, findings: [f] }] }];
    // eslint-disable-next-line no-control-regex -- looks for raw control characters in the output
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const text = toText(results, 'vi', false);
    expect(text).not.toMatch(raw);
    expect(text).toContain('Sớm\\u{001B}[2J\\u{001B}[31m\\u{0000}\\u{0085}\\u{202E}abc');
    expect(findingsCsv(results, 'vi')).not.toMatch(raw);
    expect(toJson(results, '2024-06-15', 'vi')).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
