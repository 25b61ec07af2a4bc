/** `phuluc check` through its entry point, and once through the built bin as npm users run it. */
import { mkdtempSync, writeFileSync, copyFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { main } from '../../src/cli/main';
import { FIXTURES } from '../helpers';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTty: false, now: new Date('2024-06-15T08:00:00Z') });
  return { code, out, err };
}

const HUE = path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx');
const HG = path.join(FIXTURES, 'hagiang-2024-chi-so.xlsx');

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
    expect(r.out).toContain('Trang «Phụ lục»');
    expect(r.out).toContain('60,59 / 68 = 89,1% (B)');
    expect(r.out).toContain('E109');
    expect(r.out).not.toMatch(/\u001b\[/);
    const colored = await run(['check', HG, '--as-of', '2024-06-01', '--color']);
    expect(colored.out).toMatch(/\u001b\[31m/);
  });

  it('exits 0 when a sheet has no errors', async () => {
    const r = await run(['check', path.join(FIXTURES, 'cathai-2023-danh-muc.xlsx'), '--as-of', '2023-01-10', '--required', 'content,leadAgency']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 lỗi');
  });

  it('checks a folder, reports unreadable files with exit 2 and still checks the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HUE, path.join(dir, 'a-hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'b-hagiang.xlsx'));
    writeFileSync(path.join(dir, 'c-corrupt.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    writeFileSync(path.join(dir, 'd-password.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    writeFileSync(path.join(dir, '~$a-hue.xlsx'), 'lock');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const r = await run(['check', dir, '--as-of', '2024-06-01', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a-hue.xlsx', 'b-hagiang.xlsx', 'c-corrupt.xlsx', 'd-password.xlsx']);
    expect(doc.files[0].sheets[0].findings.length).toBeGreaterThan(0);
    expect(doc.files[2].error).toMatch(/hỏng|damaged/);
    expect(doc.files[3].error).toMatch(/mật khẩu|password/);
    expect(r.err).toContain('c-corrupt.xlsx');
  });

  it('--summary prints one row per file, also as CSV', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-'));
    copyFileSync(HUE, path.join(dir, 'hue.xlsx'));
    copyFileSync(HG, path.join(dir, 'hagiang.xlsx'));
    writeFileSync(path.join(dir, 'zz-broken.xlsx'), 'not a workbook');
    const csv = await run(['check', dir, '--summary', '--format', 'csv', '--as-of', '2024-06-01']);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('file,status,sheets,errors,warnings,infos,overdue,budget_total,budget_stated,budget_unit,score1_header,score1_total,score1_max,score1_percent,score1_band,score2_header,score2_total,score2_max,score2_percent,score2_band,checked,not_checked,message');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/hagiang\.xlsx,ok,1,2,\d+,\d+,\d+,,,,Kết quả năm 2023,60\.59,68,89\.1,B,Mục tiêu năm 2024,65\.65,68,96\.5,A,table required numbers deadlines plan-year scores,budget: no-budget-column,$/);
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
    expect(r.err).toContain('Không có');
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
