/** `phuluc compare`, `phuluc explain`, `--not-applicable` and the ranking of `--summary`, on Hà Giang variants written as .xlsx files. */
import * as XLSX from '@e965/xlsx';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from './run';
import { readSnapshots } from '../../src/io/xlsx';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { editSnapshot, fixtureSnapshot, snapshotXlsx } from '../helpers';
import { appraisalFile, appraisedSheet, selfSheet } from '../hagiangVariants';

let dir: string;
let hagiang: SheetSnapshot;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
  dir = mkdtempSync(path.join(tmpdir(), 'phuluc-scores-'));
  writeFileSync(file('tu-danh-gia.xlsx'), snapshotXlsx(selfSheet(hagiang)));
  writeFileSync(file('tham-dinh.xlsx'), snapshotXlsx(appraisalFile(hagiang)));
  writeFileSync(file('ca-hai-cot.xlsx'), snapshotXlsx(appraisedSheet(hagiang)));
});

describe('phuluc compare SELF.xlsx APPRAISAL.xlsx', () => {
  it('prints the cuts, what only one file has, the different maxima and the bảng giải trình', async () => {
    const r = await run(['compare', file('tu-danh-gia.xlsx'), file('tham-dinh.xlsx'), '--as-of', '2024-06-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tự đánh giá: «Điểm tự đánh giá» (cột D');
    expect(r.out).toContain('Tổng điểm bị trừ: 0,00');
    expect(r.out).toMatch(/1\.5 +Sáng kiến trong cải cách hành chính +1,00 → 0,50 +−0,50/);
    expect(r.out).toMatch(/Chỉ có trong tệp thẩm định\n +1\.8 +Ứng dụng công nghệ thông tin trong công tác CCHC \(dòng 17\)/);
    expect(r.out).toMatch(/Điểm tối đa khác nhau\n +5\.4 .*: 1,5 ≠ 1/);
    expect(r.out).toContain('Bảng giải trình (1)');
  });

  it('--format csv is the bảng giải trình itself; --format json everything; --out writes the .xlsx', async () => {
    const csv = await run(['compare', file('tu-danh-gia.xlsx'), file('tham-dinh.xlsx'), '--format', 'csv']);
    expect(csv.out.trim().split('\n')).toEqual([
      'STT,"Tiêu chí, tiêu chí thành phần",Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Chênh lệch,Tài liệu kiểm chứng,Lý do đề nghị',
      '1,1.5. Sáng kiến trong cải cách hành chính,2,1,0.5,-0.5,Được UBND tỉnh phê duyệt hoặc trung ương cho phép thí điểm,',
      ',Tổng chênh lệch,,,,-0.5,,',
    ]);
    const out = file('bgt.xlsx');
    const json = await run(['compare', file('tu-danh-gia.xlsx'), file('tham-dinh.xlsx'), '--format', 'json', '--out', out, '--lang', 'en']);
    const doc = JSON.parse(json.out);
    expect(doc).toMatchObject({ version: 1, totalCut: 0, out });
    expect(doc.onlyInAppraisal.map((c: { code: string }) => c.code)).toEqual(['1.8']);
    expect(doc.explanation[0]).toMatchObject({ stt: 1, code: '1.5', self: 1, appraised: 0.5, diff: -0.5, reason: '' });
    const [sheet] = await readSnapshots(readFileSync(out));
    expect(sheet.name).toBe('Explanation table');
    expect(sheet.values[3][0]).toBe('No.');
    expect(sheet.values[4].slice(0, 6)).toEqual([1, '1.5. Sáng kiến trong cải cách hành chính', 2, 1, 0.5, -0.5]);
  });

  it('refuses clearly: one file only, a file without scores, a missing sheet (exit 2)', async () => {
    const one = await run(['compare', file('tu-danh-gia.xlsx')]);
    expect(one.code).toBe(2);
    expect(one.err).toContain('compare cần hai tệp: tệp tự đánh giá, rồi tệp thẩm định');
    expect((await run(['compare', file('tu-danh-gia.xlsx'), '--lang', 'en'])).err).toContain('compare needs two files');
    const hue = path.join(__dirname, '..', 'fixtures', 'hue-2018-nhiem-vu.xlsx');
    const noScores = await run(['compare', hue, file('tham-dinh.xlsx')]);
    expect(noScores.code).toBe(2);
    expect(noScores.err).toMatch(/hue-2018-nhiem-vu\.xlsx: không trang tính nào có bảng điểm/);
    const sheet = await run(['compare', file('tu-danh-gia.xlsx'), file('tham-dinh.xlsx'), '--appraisal-sheet', 'Không có']);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain('không có trang tính «Không có»');
    expect((await run(['compare', file('nope.xlsx'), file('tham-dinh.xlsx')])).code).toBe(2);
    expect((await run(['compare', file('tu-danh-gia.xlsx'), file('tham-dinh.xlsx'), '--out', 'x.csv'])).err).toContain('--out phải là tên một tệp .xlsx, không phải «x.csv»');
  });
});

describe('phuluc explain FILE.xlsx', () => {
  it('the sheet\'s own self-assessment and appraisal columns', async () => {
    const r = await run(['explain', file('ca-hai-cot.xlsx'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.cuts.map((c: { code: string }) => c.code)).toEqual(['1.5', '7.3.5', '3.2.3']);
    expect(doc.raised.map((c: { code: string }) => c.code)).toEqual(['6.1.1']);
    expect(doc.totalCut).toBe(0.85);
    expect(doc.self.file).toBe(file('ca-hai-cot.xlsx'));
    const csv = await run(['giai-trinh', file('ca-hai-cot.xlsx'), '--format', 'csv']);
    // three criteria and the total; the evidence keeps its lines inside its quoted field (one cell, several lines)
    expect(csv.out.match(/^\d+,/gm)).toEqual(['1,', '2,', '3,']);
    expect(csv.out).toContain(",\"'- Báo cáo kết quả ứng dụng CNTT của UBND tỉnh;\n- Báo cáo kiểm soát TTHC");
    expect(csv.out.trim().split('\n').pop()).toBe(',Tổng chênh lệch,,,,-0.8917,,');
    // a CSV reader (SheetJS, as Excel does) sees five records, the evidence as one cell of several lines
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(csv.out.replace(/^\uFEFF/, ''), { type: 'string', raw: true }).Sheets.Sheet1, { header: 1, raw: true });
    expect(rows).toHaveLength(5);
    expect(rows.flat().find((c) => String(c).includes('Báo cáo kiểm soát TTHC'))).toMatch(/^'- Báo cáo kết quả ứng dụng CNTT của UBND tỉnh;\n- Báo cáo kiểm soát TTHC/);
  });

  it('a sheet without an appraisal column: exit 2, pointing to compare', async () => {
    const r = await run(['explain', file('tu-danh-gia.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('phuluc compare');
  });
});

describe('phuluc check with scores', () => {
  it('--not-applicable takes criteria out of the maximum; the text shows both maxima', async () => {
    const emptied = editSnapshot(selfSheet(hagiang), { D36: null, D37: null, D38: null, D39: null, D40: null, D41: null, D25: 7.36, D109: 55.65 });
    writeFileSync(file('na.xlsx'), snapshotXlsx(emptied));
    const r = await run(['check', file('na.xlsx'), '--not-applicable', '3.4', '--as-of', '2024-06-01']);
    expect(r.out).toContain('Điểm tự đánh giá: 55,65 / 63 áp dụng (tối đa 68; không áp dụng: 3.4) = 88,3% (B)');
    expect((await run(['check', file('na.xlsx'), '--not-applicable', 'ba.bốn'])).code).toBe(2);
  });

  it('the text names the appraisal cuts and the evidence missing', async () => {
    const r = await run(['check', file('ca-hai-cot.xlsx'), '--as-of', '2024-06-01']);
    expect(r.out.replace(/\n +/g, ' ')).toContain('Thẩm định (E) so với tự đánh giá (D): bị trừ 0,85 điểm; nhiều nhất: 1.5 (-0,50), 7.3.5 (-0,33), 3.2.3 (-0,06); cao hơn tự đánh giá: 6.1.1 (+0,04)');
  });

  it('--summary ranks the files on each score column: ties share a rank (1, 1, 3), and says so', async () => {
    const units = mkdtempSync(path.join(tmpdir(), 'phuluc-units-'));
    writeFileSync(path.join(units, 'a.xlsx'), snapshotXlsx(selfSheet(hagiang)));
    writeFileSync(path.join(units, 'b.xlsx'), snapshotXlsx(selfSheet(hagiang)));
    // c: 1.5 scored 2 instead of 1: 61,59
    writeFileSync(path.join(units, 'c.xlsx'), snapshotXlsx(selfSheet(hagiang, { D14: 2, D7: 8.83, D109: 61.59 })));
    // d: 3.3.2 not applicable: 60,09 of 67,5 = 89,02 % — above a and b (60,59 of 68 = 89,10 %)? no: below
    writeFileSync(path.join(units, 'd.xlsx'), snapshotXlsx(selfSheet(hagiang, { D33: 'Không áp dụng', D31: 2.5, D25: 11.8, D109: 60.09 })));
    const text = await run(['check', units, '--summary', '--as-of', '2024-06-01']);
    // each file's scores on the line under it ("Điểm: …"), so the table fits 100 columns
    expect(text.out).toMatch(/a\.xlsx .*\n +Điểm: 60,59 \(89,1% B\) hạng 2\/4/);
    expect(text.out).toMatch(/b\.xlsx .*\n +Điểm: 60,59 \(89,1% B\) hạng 2\/4/);
    expect(text.out).toMatch(/c\.xlsx .*\n +Điểm: 61,59 \(90,6% A\) hạng 1\/4/);
    expect(text.out).toMatch(/d\.xlsx .*\n +Điểm: 60,09 \(89,0% B\) hạng 4\/4/);
    for (const line of text.out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(text.out.replace(/\n/g, ' ')).toContain('bằng điểm thì đồng hạng, hạng sau bỏ trống (1, 1, 3)');
    const csv = await run(['check', units, '--summary', '--format', 'csv', '--as-of', '2024-06-01']);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toContain('score1_header,score1_total,score1_max,score1_applicable_max,score1_percent,score1_band,score1_rank');
    expect(lines[4]).toMatch(/d\.xlsx,ok,.*,Điểm tự đánh giá,60\.09,68,67\.5,89,B,4,/);
    const json = JSON.parse((await run(['check', units, '--summary', '--format', 'json', '--as-of', '2024-06-01'])).out);
    expect(json.ranking).toContain('1, 1, 3');
    expect(json.files.map((f: { scores: { rank: number }[] }) => f.scores[0].rank)).toEqual([2, 2, 1, 4]);
    expect(existsSync(path.join(units, 'a.xlsx'))).toBe(true);
  });
});
