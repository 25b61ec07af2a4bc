/**
 * The CLI as a person meets it (issue 12, points 9–10): Vietnamese help and refusals by default, dates written the
 * Vietnamese way, errors first with repeated messages told once, lines that fit 100 columns, an unreadable file said
 * once, and CSV that Excel on Windows opens with its Vietnamese intact.
 */
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { run, HG, HUE } from './run';
import { parseAsOf, usage } from '../../src/cli/args';
import { columns, groupFindings, wrap, WIDTH } from '../../src/cli/layout';
import { check } from '../../src/core/check';
import { readSnapshots } from '../../src/io/xlsx';
import { fixtureSnapshot, snapshotXlsx } from '../helpers';
import { appraisedSheet } from '../hagiangVariants';

const BOM = '\uFEFF';

describe('--as-of', () => {
  test('15/02/2018, 15-02-2018, 15.02.2018, 5/2/2018 and 2018-02-15 are the same days', () => {
    expect(parseAsOf('15/02/2018')).toBe('2018-02-15');
    expect(parseAsOf('15-02-2018')).toBe('2018-02-15');
    expect(parseAsOf('15.02.2018')).toBe('2018-02-15');
    expect(parseAsOf('5/2/2018')).toBe('2018-02-05');
    expect(parseAsOf('2018-02-15')).toBe('2018-02-15');
  });

  test('a day that does not exist, or another shape, is refused', () => {
    for (const bad of ['31/02/2018', '29/02/2023', '2018-13-01', '00/01/2018', '15/02/18', '2018/02/15', '15/02-2018', 'hôm nay', '']) expect(parseAsOf(bad)).toBeNull();
    expect(parseAsOf('29/02/2024')).toBe('2024-02-29');
  });

  test('the check on 15/02/2018 is the check on 2018-02-15, and says «Đối chiếu ngày 15/02/2018»', async () => {
    const vi = await run(['check', HUE, '--as-of', '15/02/2018']);
    const iso = await run(['check', HUE, '--as-of', '2018-02-15']);
    expect(vi.out).toBe(iso.out);
    expect(vi.out.split('\n')[0]).toBe('Đối chiếu ngày 15/02/2018');
    expect((await run(['check', HUE, '--as-of', '15/02/2018', '--lang', 'en'])).out.split('\n')[0]).toBe('As of 2018-02-15');
  });

  test('an impossible date is refused in Vietnamese, saying how to write one; in English with --lang en', async () => {
    const r = await run(['check', HUE, '--as-of', '31/02/2018']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of: «31/02/2018» không phải là một ngày có thật; hãy ghi theo dạng 15/02/2018 hoặc 2018-02-15');
    expect(r.err).toContain('phuluc --help');
    expect(r.out).toBe('');
    const en = await run(['check', HUE, '--lang', 'en', '--as-of', '31/02/2018']);
    expect(en.err).toContain('--as-of: "31/02/2018" is not a real date; write it as 15/02/2018 or 2018-02-15');
  });
});

describe('help and refusals speak Vietnamese by default', () => {
  test('--help in Vietnamese, --help --lang en in English; every line fits 100 columns', async () => {
    const vi = await run(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.out).toBe(usage('vi'));
    expect(vi.out).toContain('Cách dùng:');
    expect(vi.out).toContain('ngày đối chiếu thời hạn, ghi 15/02/2018 hoặc 2018-02-15');
    const en = await run(['--help', '--lang', 'en']);
    expect(en.out).toBe(usage('en'));
    expect(en.out).toContain('Usage:');
    expect((await run(['check', '--help', '--lang=en'])).out).toBe(usage('en'));
    for (const text of [usage('vi'), usage('en')]) for (const line of text.split('\n')) expect(columns(line)).toBeLessThanOrEqual(WIDTH);
  });

  test('an unknown command, an unknown option, a missing value', async () => {
    expect((await run(['kiemtra', HUE])).err).toContain('không có lệnh «kiemtra». Ví dụ: phuluc check TỆP.xlsx');
    expect((await run(['check', HUE, '--nhanh'])).err).toContain('không có tùy chọn --nhanh');
    expect((await run(['check', HUE, '--sheet'])).err).toContain('--sheet cần một giá trị');
    expect((await run(['check', HUE, '--format', 'xml'])).err).toContain('--format chỉ nhận text, json, csv hoặc xlsx, không nhận «xml»');
    expect((await run(['check', HUE, '--format', 'xml', '--lang', 'en'])).err).toContain('--format must be text, json, csv or xlsx, got "xml"');
    expect((await run(['check', HUE, '--format', 'xlsx'])).err).toContain('--format xlsx chỉ dùng với --summary');
  });
});

describe('text output', () => {
  let out: string;
  beforeAll(async () => {
    out = (await run(['check', HUE, '--as-of', '15/02/2018'])).out;
  });

  test('every line fits 100 columns', () => {
    for (const line of out.split('\n')) expect(columns(line)).toBeLessThanOrEqual(WIDTH);
    // long paths and messages too
    const long = wrap(`${'rất-dài-'.repeat(30)}.xlsx và một câu nữa`, WIDTH, 'Tệp: ', '    ');
    for (const line of long) expect(columns(line)).toBeLessThanOrEqual(WIDTH);
    expect(long.join('').replace(/ {4}/g, '')).toContain('rất-dài-');
  });

  test('lines break between words, never inside one', () => {
    const text = 'Quá hạn: hạn hoàn thành «Quý IV/2017» (31/12/2017) đã qua, tính đến ngày 15/02/2018 chưa rõ kết quả thực hiện.';
    const lines = wrap(text, 40, '', '  ');
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
    for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(40);
  });

  test('errors first, then warnings, then notes, each under its heading with its count', () => {
    const e = out.indexOf('\n    Lỗi (15)\n');
    const w = out.indexOf('\n    Cảnh báo (12)\n');
    const n = out.indexOf('\n    Lưu ý (2)\n');
    expect(e).toBeGreaterThan(0);
    expect(w).toBeGreaterThan(e);
    expect(n).toBeGreaterThan(w);
    expect(out.indexOf('[budget-total-mismatch]')).toBeLessThan(w);
    expect(out.indexOf('[number-as-text]')).toBeGreaterThan(n);
    expect(out).not.toMatch(/c\.báo|g\.chú/);
  });

  test('repeated messages are told once, with their cells', () => {
    expect(out).toContain('      ×11 ô      Thiếu «Thời gian hoàn thành» (cột bắt buộc) [missing-required]\n                 G14, G23, G34, G37, G38, G39, G40, G46, G54, G59, G60\n');
    expect(out).toContain('      ×3 ô       Thiếu «Sản phẩm» (cột bắt buộc) [missing-required]\n                 C21, C22, C23\n');
    expect(out.match(/«Quý IV\/2017» \(31\/12\/2017\)/g)!.length).toBe(1);
    expect(out).toContain('G6, G8, G9, G11, G13, G28');
  });

  test('groups keep each finding, a finding with a fix plan stays on its own', async () => {
    const report = check(await fixtureSnapshot('hue-2018-nhiem-vu.xlsx'), { asOf: '2018-02-15' });
    const groups = groupFindings(report.findings, 'vi');
    expect(groups.flatMap((g) => g.findings).length).toBe(report.findings.length);
    for (const g of groups) if (g.findings.some((f) => f.fix)) expect(g.findings.length).toBe(1);
    for (const f of report.findings) expect(out).toContain(f.cell);
  });
});

describe('an unreadable file is said once', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'phuluc-once-'));
    copyFileSync(HUE, path.join(dir, 'a-hue.xlsx'));
    writeFileSync(path.join(dir, 'b-hong.xlsx'), 'không phải tệp zip');
  });

  test('text: in the output only, not again on stderr', async () => {
    const r = await run(['check', dir, '--as-of', '15/02/2018']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/b-hong\.xlsx\n {2}KHÔNG ĐỌC ĐƯỢC: /);
    expect(r.err).toBe('');
  });

  test('CSV and JSON are data: the person hears of it on stderr, once', async () => {
    for (const format of ['csv', 'json']) {
      const r = await run(['check', dir, '--as-of', '15/02/2018', '--format', format]);
      expect(r.err.match(/b-hong\.xlsx/g)!.length).toBe(1);
    }
  });
});

describe('CSV for Excel on Windows: a UTF-8 byte-order mark on every CSV', () => {
  test('findings, summary, explain and compare', async () => {
    const findings = await run(['check', HUE, '--as-of', '15/02/2018', '--format', 'csv']);
    expect(findings.out.startsWith(BOM + 'file,sheet,cell,rule,severity,message')).toBe(true);
    expect(findings.out.indexOf(BOM, 1)).toBe(-1);
    const summary = await run(['check', HUE, HG, '--summary', '--as-of', '15/02/2018', '--format', 'csv']);
    expect(summary.out.startsWith(BOM + 'file,status,')).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-bom-'));
    const both = path.join(dir, 'ca-hai-cot.xlsx');
    writeFileSync(both, snapshotXlsx(appraisedSheet(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'))));
    const explain = await run(['explain', both, '--format', 'csv']);
    expect(explain.code).toBe(0);
    expect(explain.out.startsWith(BOM + 'STT,')).toBe(true);
    const compare = await run(['compare', both, both, '--format', 'csv']);
    expect(compare.out.startsWith(BOM)).toBe(true);
    // the text and JSON outputs carry none
    expect((await run(['check', HUE, '--as-of', '15/02/2018'])).out.startsWith(BOM)).toBe(false);
    expect((await run(['check', HUE, '--as-of', '15/02/2018', '--format', 'json'])).out.startsWith(BOM)).toBe(false);
  });
});

describe('--summary --format xlsx: a real workbook with the rank column', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'phuluc-xlsx-'));
    copyFileSync(HUE, path.join(dir, 'a-hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'b-hagiang.xlsx'));
    writeFileSync(path.join(dir, 'c-hong.xlsx'), 'không phải tệp zip');
  });

  test('--out FILE.xlsx: one row per file, numbers as numbers, the rank columns, the header filterable', async () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    const r = await run(['check', dir, '--summary', '--format', 'xlsx', '--out', out, '--as-of', '15/02/2018']);
    expect(r.code).toBe(2); // c-hong.xlsx cannot be read: the exit code says so, the overview is still written
    expect(r.out).toBe(`Đã ghi bảng tổng hợp ${out} (3 tệp).\n`);
    const bytes = readFileSync(out);
    const [sheet, notes] = await readSnapshots(bytes);
    expect(sheet.name).toBe('Tổng hợp');
    const [head, ...rows] = sheet.values;
    expect(head).toContain('Kết quả năm 2023 — hạng');
    expect(rows[1][head.indexOf('Kết quả năm 2023 — hạng')]).toBe(1);
    expect(rows.map((row) => row[0])).toEqual([path.join(dir, 'a-hue.xlsx'), path.join(dir, 'b-hagiang.xlsx'), path.join(dir, 'c-hong.xlsx')]);
    const errors = head.indexOf('Lỗi');
    expect(rows[0][errors]).toBe(15);
    expect(typeof rows[1][errors]).toBe('number');
    expect(notes.values.flat()).toContain('15/02/2018');
    // Excel's sort and filter buttons on the header row
    expect(unzipText(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<autoFilter ref="A1:[A-Z]+4"\/>/);
  });

  test('without --out: to standard output when it goes to a file, refused on a terminal', async () => {
    let bytes: Uint8Array | undefined;
    let err = '';
    const piped = await main(['check', HUE, '--summary', '--format', 'xlsx', '--as-of', '15/02/2018'], { out: () => undefined, outBytes: (b) => (bytes = b), err: (s) => (err += s), isTty: false, now: new Date('2024-06-15T08:00:00Z') });
    expect(piped).toBe(1);
    expect(Buffer.from(bytes!.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect((await readSnapshots(bytes!))[0].values.length).toBe(2);
    const tty = await main(['check', HUE, '--summary', '--format', 'xlsx'], { out: () => undefined, outBytes: () => undefined, err: (s) => (err += s), isTty: false, terminal: true, now: new Date() });
    expect(tty).toBe(2);
    expect(err).toContain('--format xlsx ghi ra một tệp Excel: hãy thêm --out TỆP.xlsx');
  });

  test('xlsx is for --summary; --out with check only with it', async () => {
    expect((await run(['check', HUE, '--format', 'xlsx'])).err).toContain('--format xlsx chỉ dùng với --summary');
    expect((await run(['check', HUE, '--summary', '--out', 'x.xlsx'])).err).toContain('--out với lệnh check chỉ dùng cùng --summary --format xlsx');
  });
});

/** a part of a zip, as text (the stored or deflated entries the project's writer makes) */
function unzipText(bytes: Uint8Array, name: string): string {
  const { unzipSync, strFromU8 } = require('fflate') as typeof import('fflate');
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]);
}
