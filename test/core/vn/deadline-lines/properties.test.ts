/**
 * Issue 7, properties of the line reader: a word the grammar does not know never changes a reading into another
 * date. (a) A word appended to a readable line keeps its reading only if the word is a NOTE, else the line is
 * 'unparsed'; (b) any junk appended gives the same reading or 'unparsed'; (c) the same for a word put before it,
 * with LABELS.
 */
import fc from 'fast-check';
import { LABELS, NOTES } from '../../../../src/core/vn/period-words';
import { fold } from '../../../../src/core/vn/text';
import { describePart, parts } from './reading';

const R = ['I', 'II', 'III', 'IV'];
const year = fc.integer({ min: 2000, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });

/** Readable lines of every class the grammar knows (on-request lines excepted: a requester may follow them). */
const line: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(day, month, year).map(([d, m, y]) => `${d}/${m}/${y}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `ngày ${d} tháng ${m} năm ${y}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `Trước ngày ${d}/${m}/${y}`),
  fc.tuple(month, year).map(([m, y]) => `Tháng ${m}/${y}`),
  fc.tuple(fc.constantFrom(...R), year).map(([q, y]) => `Quý ${q}/${y}`),
  fc.constantFrom('Quý IV', 'tháng 3', 'Cả năm', '6 tháng đầu năm', 'Trước ngày 20/12', 'Quý II và Quý III', 'Đầu tháng 6', 'cuối năm'),
  year.map((y) => `Năm ${y}`),
  year.map((y) => `Cả năm ${y}`),
  year.map((y) => `6 tháng cuối năm ${y}`),
  fc.tuple(month, month, year).map(([a, b, y]) => `Từ tháng ${Math.min(a, b)} đến tháng ${Math.max(a, b)}/${y}`),
  fc.tuple(fc.constantFrom(...R), fc.constantFrom(...R), year).map(([a, b, y]) => `Quý ${a} và Quý ${b}/${y}`),
  fc.constantFrom('Hằng quý', 'Hàng tháng', 'Định kỳ 6 tháng', 'Thường xuyên', 'Liên tục', 'ngày 15 hằng tháng', 'Trước ngày 20/11 hằng năm', 'Đã hoàn thành', 'Định kỳ hằng quý, 6 tháng, năm'),
  year.map((y) => `Chuyển tiếp từ năm ${y}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `Từ ngày ${d}/${m}/${y}`),
  // the classes this issue added
  year.map((y) => `Quý I: Trước 20/3/${y}`),
  year.map((y) => `Quý II (trước 15/6/${y})`),
  year.map((y) => `Tháng 5/${y} (lùi sang tháng 8/${y})`),
  year.map((y) => `Lùi sang tháng 8/${y}`),
  year.map((y) => `Tháng 3/${y} - đã xong`),
  year.map((y) => `Đã hoàn thành tháng 3/${y}`),
  year.map((y) => `Quý III/${y} hoặc Quý IV/${y}`),
  year.map((y) => `Năm ${y} và các năm tiếp theo`),
  year.map((y) => `Trước 30/6/${y}, sau đó hàng quý`),
  fc.constantFrom('Ngày 30/4 và 30/10 hằng năm', 'Quý I (trước 20/3), Quý II (trước 20/6)', 'Quý I/2024: 20/6/2024', 'Quý II (lùi sang Quý I)'),
);

/** Words the grammar reads: appended ones are left out of the junk (they may rightly change the reading). */
const GRAMMAR = new Set(
  `ngay mung mong thang quy nam truoc hoac trong cham nhat la vao han chot cuoi khong qua muon hon den toi het tu ke
   bat dau sau tro di hang moi dinh ky lan mot thuong xuyen lien tuc chuyen tiep theo yeu cau khi co chi dao dot xuat
   dau giua trung ha tuan nua ca giai doan va cua bao hoach nay hoc tai ngan do thu da chua dang lui lai gia hoan
   dieu chinh doi dời sang cac nhung som roi i ii iii iv v vi vii viii ix x xi xii xong so thoi`.split(/\s+/),
);

/** Ordinary words of plans and of cells that are not the grammar's, and a few made-up ones. */
const JUNK = [
  'nhiệm vụ', 'đồng', 'nghìn', 'trăm', 'triệu', 'nếu', 'cần', 'tùy', 'ước', 'mục tiêu', 'kinh phí', 'văn bản',
  'số liệu', 'tình hình', 'điều kiện', 'phấn đấu', 'đạt', 'tỷ lệ', 'hồ sơ', 'TTHC', 'QĐ', 'chỉ thị', 'nghị quyết',
  'đề án', 'lĩnh vực', 'đơn vị', 'cơ quan', 'phối hợp', 'chủ trì', 'sản phẩm', 'ghi chú', 'xem', 'mới', 'tạm',
  'khác', 'riêng', 'chung', 'toàn', 'bộ', 'người dân', 'doanh nghiệp', 'xkq', 'abc', 'lưu ý', 'trừ', 'kể cả',
];

const harmless = new Set(NOTES.list.map(fold));
const labels = new Set(LABELS.list.map(fold));
const randomWord = fc.stringMatching(/^[a-zđơưăâêô]{2,7}$/).filter((w) => !GRAMMAR.has(fold(w)));
const word = fc.oneof(fc.constantFrom(...NOTES.list), fc.constantFrom(...JUNK), randomWord);
const key = (text: string, planYear = 2024) => parts(text, planYear).map(describePart);
const UNPARSED = ['unparsed'];

describe('a word the grammar does not know never changes a reading into another', () => {
  it('(a) a word after a line keeps its reading only if it is a note, else the line is unparsed', () => {
    fc.assert(
      fc.property(line, word, fc.boolean(), (base, w, bracketed) => {
        const before = key(base);
        fc.pre(!before.includes('unparsed'));
        const after = key(`${base} ${bracketed ? `(${w})` : w}`);
        expect(after).toEqual(harmless.has(fold(w)) ? before : UNPARSED);
      }),
      { numRuns: 3000 },
    );
  });

  it('(b) any junk after a line gives the same reading or unparsed', () => {
    const junk = fc.array(fc.oneof(word, fc.constantFrom(',', '-', '(', ')', ':', '.', '!', '…', '"')), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(line, junk, fc.constantFrom(2024, 2030), (base, ws, planYear) => {
        const after = key(`${base} ${ws.join(' ')}`, planYear);
        if (after.length === 1 && after[0] === 'unparsed') return;
        expect(after).toEqual(key(base, planYear));
      }),
      { numRuns: 3000 },
    );
  });

  it('(c) a word before a line keeps its reading only if it is a label, else the line is unparsed', () => {
    fc.assert(
      fc.property(line, fc.oneof(fc.constantFrom(...LABELS.list), fc.constantFrom(...JUNK), randomWord), (base, w) => {
        const before = key(base);
        fc.pre(!before.includes('unparsed'));
        expect(key(`${w} ${base}`)).toEqual(labels.has(fold(w)) ? before : UNPARSED);
      }),
      { numRuns: 3000 },
    );
  });
});
