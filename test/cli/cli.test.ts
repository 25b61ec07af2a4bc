/** `phuluc check` through its entry point, and once through the built bin as npm users run it. */
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, existsSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { run, HG, HUE } from './run';
import { FIXTURES } from '../helpers';
import { encryptedWorkbook } from '../io/encrypted';
import { asXlsm, zip } from '../io/pkg';
import { readSnapshots, readWorkbookFile } from '../../src/io/xlsx';

describe('phuluc check', () => {
  it('prints the JSON document the README describes, exit 1 on errors', async () => {
    const r = await run(['check', HUE, '--as-of', '2018-02-15', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.version).toBe(1);
    expect(doc.asOf).toBe('2018-02-15');
    const sheet = doc.files[0].sheets[0];
    expect(sheet.name).toBe('Phụ lục');
    const f = sheet.findings.find((x: { rule: string }) => x.rule === 'budget-total-mismatch');
    expect(f).toEqual({
      rule: 'budget-total-mismatch',
      severity: 'error',
      cell: 'F61',
      row: 61,
      column: 'F',
      message: 'Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).',
      expected: 26979,
      actual: 21950,
    });
    expect(sheet.summary.budget).toMatchObject({ total: 26979, stated: 21950, unit: 'triệu đồng' });
  });

  it('prints English messages with --lang en', async () => {
    const r = await run(['check', HUE, '--as-of', '2018-02-15', '--format', 'json', '--lang', 'en']);
    const f = JSON.parse(r.out).files[0].sheets[0].findings.find((x: { cell: string }) => x.cell === 'F61');
    expect(f.message).toBe('The total states 21,950 triệu đồng but the tasks add up to 26,979 triệu đồng (off by 5,029).');
  });

  it('text output groups by sheet and has no colour when not on a terminal', async () => {
    const r = await run(['check', HG, '--as-of', '2024-06-01']);
    expect(r.out).toContain('Trang tính «Phụ lục»');
    expect(r.out).toContain('60,59 / 68 = 89,1% (B)');
    expect(r.out).toContain('E109');
    // eslint-disable-next-line no-control-regex -- looks for a raw ESC (a colour code) in the output
    expect(r.out).not.toMatch(/\u001b\[/);
    const colored = await run(['check', HG, '--as-of', '2024-06-01', '--color']);
    // eslint-disable-next-line no-control-regex -- looks for a raw ESC (a colour code) in the output
    expect(colored.out).toMatch(/\u001b\[31m/);
  });

  it('exits 0 when a sheet has no errors', async () => {
    const r = await run(['check', path.join(FIXTURES, 'cathai-2023-danh-muc.xlsx'), '--as-of', '2023-01-10', '--required', 'content,leadAgency']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 lỗi');
  });

  it('checks a folder: every file appears, checked or skipped with why; unreadable ones are exit 2 and the others still checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HUE, path.join(dir, 'a-hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'b-hagiang.xlsx'));
    writeFileSync(path.join(dir, 'c-corrupt.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    writeFileSync(path.join(dir, 'd-password.xlsx'), encryptedWorkbook());
    copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xls'), path.join(dir, 'e-cu.xls'));
    copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.ods'), path.join(dir, 'f-libre.ods'));
    writeFileSync(path.join(dir, '~$a-hue.xlsx'), 'lock');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    writeFileSync(path.join(dir, 'cong-van.pdf'), '%PDF-1.4');
    mkdirSync(path.join(dir, 'thu-muc-con'));
    const r = await run(['check', dir, '--as-of', '2018-02-15', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    const byName = Object.fromEntries(doc.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(
      ['a-hue.xlsx', 'b-hagiang.xlsx', 'c-corrupt.xlsx', 'cong-van.pdf', 'd-password.xlsx', 'e-cu.xls', 'f-libre.ods', 'notes.txt', 'thu-muc-con', '~$a-hue.xlsx'].sort(),
    );
    expect(byName['a-hue.xlsx'].sheets[0].findings.length).toBeGreaterThan(0);
    expect(byName['a-hue.xlsx'].format).toBe('xlsx');
    expect(byName['c-corrupt.xlsx'].error).toMatch(/hỏng/);
    expect(byName['c-corrupt.xlsx'].detail).toBeTruthy();
    expect(byName['d-password.xlsx'].error).toMatch(/mật khẩu/);
    // the old formats are checked like the .xlsx, with the same findings
    expect(byName['e-cu.xls'].format).toBe('xls');
    expect(byName['f-libre.ods'].format).toBe('ods');
    expect(byName['e-cu.xls'].sheets[0].findings).toEqual(byName['a-hue.xlsx'].sheets[0].findings);
    expect(byName['f-libre.ods'].sheets[0].findings).toEqual(byName['a-hue.xlsx'].sheets[0].findings);
    expect(byName['~$a-hue.xlsx'].skipped).toMatch(/tệp khóa/);
    expect(byName['notes.txt'].skipped).toMatch(/không phải tệp bảng tính \(\.txt\)/);
    expect(byName['cong-van.pdf'].skipped).toMatch(/\.pdf/);
    expect(byName['thu-muc-con'].skipped).toMatch(/thư mục con/);
    expect(r.err).toContain('c-corrupt.xlsx');
    expect(r.err).not.toContain('notes.txt');
    // the text output lists the skipped files too, and the technical detail of an unreadable one on its own line
    const text = await run(['check', dir, '--as-of', '2018-02-15']);
    expect(text.out).toMatch(/Tệp: .*notes\.txt — bỏ qua: không phải tệp bảng tính/);
    expect(text.out).toMatch(/KHÔNG ĐỌC ĐƯỢC: Tệp bị hỏng[^\n]*\n {2}Chi tiết kỹ thuật: /);
  });

  it('no readable workbook at all is exit 2 with a reason: a zip without a workbook, a folder of documents', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    const zipNoBook = path.join(dir, 'anh.xlsx');
    writeFileSync(zipNoBook, zip({ 'anh.jpg': new Uint8Array([1, 2, 3]) }));
    const r = await run(['check', zipNoBook]);
    expect(r.code).toBe(2);
    // said once: in the text output, not again on stderr (which says that nothing could be checked)
    expect(r.out).toMatch(/không chứa bảng tính Excel nào/);
    expect(r.err).not.toMatch(/không chứa bảng tính Excel nào/);
    expect(r.err).toMatch(/không có tệp bảng tính nào đọc được/);
    const docs = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    writeFileSync(path.join(docs, 'to-trinh.docx'), 'x');
    const d = await run(['check', docs, '--lang', 'en']);
    expect(d.code).toBe(2);
    expect(d.out).toMatch(/skipped: not a spreadsheet file \(\.docx\)/);
    expect(d.out).toMatch(/holds no workbook/);
    expect(d.err).toMatch(/no readable workbook to check/);
  });

  it('--annotate DIR writes <name>-phuluc.xlsx for each checked file, keeps .xlsm, explains why an .xls gets none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HUE, path.join(dir, 'hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'hagiang.xlsx'));
    copyFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xls'), path.join(dir, 'cu.xls'));
    writeFileSync(path.join(dir, 'macro.xlsm'), asXlsm(readFileSync(HUE)));
    const out = path.join(dir, 'ban-danh-dau');
    const before = readFileSync(HUE);
    const r = await run(['check', dir, '--as-of', '2018-02-15', '--annotate', out, '--format', 'json']);
    expect(r.code).toBe(2); // the .xls copy could not be made
    const doc = JSON.parse(r.out);
    const byName = Object.fromEntries(doc.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect(byName['hue.xlsx'].annotated).toBe(path.join(out, 'hue-phuluc.xlsx'));
    expect(byName['hagiang.xlsx'].annotated).toBe(path.join(out, 'hagiang-phuluc.xlsx'));
    expect(byName['cu.xls'].annotateError).toMatch(/\.xlsx/);
    expect(byName['cu.xls'].sheets[0].findings.length).toBeGreaterThan(0);
    expect(byName['macro.xlsm'].annotated).toBe(path.join(out, 'macro-phuluc.xlsm'));
    expect(readdirSync(out).sort()).toEqual(['hagiang-phuluc.xlsx', 'hue-phuluc.xlsx', 'macro-phuluc.xlsm']);
    expect((await readWorkbookFile(readFileSync(path.join(out, 'macro-phuluc.xlsm')))).format).toBe('xlsm');
    expect(readFileSync(path.join(dir, 'hue.xlsx')).equals(before)).toBe(true);
    // the copy: the same sheets plus the report, the same findings
    const sheets = await readSnapshots(readFileSync(path.join(out, 'hue-phuluc.xlsx')));
    expect(sheets.map((s) => s.name)).toEqual(['Phụ lục', 'Phuluc – Báo cáo']);
    // a second run over the same folder skips the copies it wrote, and the text output names the copy
    const again = await run(['check', dir, out, '--as-of', '2018-02-15', '--annotate', out]);
    expect(again.out).toMatch(/hue-phuluc\.xlsx — bỏ qua: bản có đánh dấu do phuluc tạo/);
    expect(again.out).toContain(`Bản có đánh dấu: ${path.join(out, 'hue-phuluc.xlsx')}`);
    // two inputs with the same name get two copies
    const other = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HG, path.join(other, 'hue.xlsx'));
    const twice = await run(['check', path.join(dir, 'hue.xlsx'), path.join(other, 'hue.xlsx'), '--annotate', out, '--format', 'json', '--as-of', '2018-02-15']);
    expect(JSON.parse(twice.out).files.map((f: { annotated: string }) => path.basename(f.annotated))).toEqual(['hue-phuluc.xlsx', 'hue-phuluc (2).xlsx']);
  });

  it('--summary prints one row per file, also as CSV', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HUE, path.join(dir, 'hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'hagiang.xlsx'));
    writeFileSync(path.join(dir, 'zz-broken.xlsx'), 'not a workbook');
    const csv = await run(['check', dir, '--summary', '--format', 'csv', '--as-of', '2024-06-01']);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe(
      'file,status,sheets,errors,warnings,infos,overdue,budget_total,budget_stated,budget_unit,' +
        'score1_header,score1_total,score1_max,score1_applicable_max,score1_percent,score1_band,score1_rank,' +
        'score2_header,score2_total,score2_max,score2_applicable_max,score2_percent,score2_band,score2_rank,checked,not_checked,message',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/hagiang\.xlsx,ok,1,2,\d+,\d+,\d+,,,,Kết quả năm 2023,60\.59,68,68,89\.1,B,1,Mục tiêu năm 2024,65\.65,68,68,96\.5,A,1,table required numbers deadlines plan-year scores,budget: no-budget-column,$/);
    expect(lines[2]).toMatch(/hue\.xlsx,ok,1,15,\d+,2,\d+,26979,21950,triệu đồng,/);
    expect(lines[3]).toMatch(/zz-broken\.xlsx,unreadable,0,/);
    expect(csv.code).toBe(2);
    const text = await run(['check', dir, '--summary', '--as-of', '2024-06-01']);
    expect(text.out).toContain('26.979 / 21.950 triệu đồng');
    expect(text.out).toContain('60,59 (89,1% B)');
  });

  it('rejects bad arguments with a clear message and exit 2', async () => {
    for (const argv of [['check'], ['check', HUE, '--as-of', '2024-02-30'], ['check', HUE, '--format', 'xml'], ['frobnicate'], ['check', HUE, '--required', 'nonsense']]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/phuluc: /);
    }
    expect((await run(['check', '/no/such/file.xlsx'])).code).toBe(2);
  });

  it('--sheet picks one sheet and reports a missing one', async () => {
    expect((await run(['check', HG, '--sheet', 'Phụ lục', '--as-of', '2024-06-01'])).code).toBe(1);
    const r = await run(['check', HG, '--sheet', 'Không có', '--as-of', '2024-06-01']);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Không có trang tính «Không có».');
  });
});

describe('the built bin (after npm ci, which runs `prepare`)', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'phuluc.js');
  const built = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
  it('runs from the package bin', () => {
    if (!existsSync(built)) throw new Error('dist/cli/main.js missing: run `npm run build:cli` (npm ci does it)');
    const r = spawnSync(process.execPath, [bin, 'check', HUE, '--as-of', '2018-02-15', '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0].sheets[0].summary.budget.total).toBe(26979);
  });
});
