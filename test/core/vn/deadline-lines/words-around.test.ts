/**
 * Issue 7: every word of a line is accounted for. Before the expression only LABELS (what is due, to whom) and
 * punctuation; after it only the classes the grammar reads or NOTES (period-words.ts). Any other word — a qualifier,
 * a condition, an amount — makes the line 'unparsed', never the first expression's date.
 */
import { LABELS, NOTES } from '../../../../src/core/vn/period-words';
import { reading } from './reading';

describe('labels before the expression', () => {
  test.each([
    ['Báo cáo trước ngày 20/12', 'fixed date 2024-01-01..2024-12-20'],
    ['Kế hoạch trong quý IV năm trước liền kề năm kế hoạch', 'fixed quarter 2023-10-01..2023-12-31'],
    ['Hoàn thành trước 30/6/2024', 'fixed date 2024-01-01..2024-06-30'],
    ['Thực hiện trong quý II/2024', 'fixed quarter 2024-04-01..2024-06-30'],
    ['Thời gian thực hiện: Quý II', 'fixed quarter 2024-04-01..2024-06-30'],
    ['Thời hạn: 30/6', 'fixed date 2024-01-01..2024-06-30'],
    ['Dự kiến tháng 3/2024', 'fixed month 2024-03-01..2024-03-31'],
    ['Gửi Sở Nội vụ trước 15/12', 'fixed date 2024-01-01..2024-12-15'],
    ['báo cáo Chủ tịch UBND tỉnh trước 30/4/2020', 'fixed date 2020-01-01..2020-04-30'], // seed (Thanh Hóa 3.1.a)
    ['báo cáo UBND tỉnh, Chủ tịch UBND tỉnh trước 20/6/2020', 'fixed date 2020-01-01..2020-06-20'], // seed (Thanh Hóa III.1)
    ['Sơ kết 6 tháng đầu năm 2024', 'fixed half 2024-01-01..2024-06-30'],
    ['- Kế hoạch và báo cáo: trước ngày 20/12', 'fixed date 2024-01-01..2024-12-20'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test.each([
    'Giữa năm 2024', 'Khoảng tháng 6', 'Ngoài quý II', 'Gần cuối năm', // qualifiers
    'Tính đến 30/6/2024', // data as of a day, not a deadline ("tỉnh" alone is not a label: it folds to "tính")
    'Thôi thực hiện từ quý II', 'Bỏ quý II', 'Không quý II', 'Nếu cần, Quý IV/2024',
    'Tổng hợp số liệu quý II', // a word it does not know
    'năm trăm nghìn đồng/tháng 3', // an amount
  ])('%j is unparsed', (text) => expect(reading(text)).toBe('unparsed'));
});

describe('notes after the expression', () => {
  test.each([
    ['Tháng 3/2024 (dự kiến)', 'fixed month 2024-03-01..2024-03-31'],
    ['Tháng 3/2024 dự kiến', 'fixed month 2024-03-01..2024-03-31'],
    ['Quý IV/2024 (theo kế hoạch)', 'fixed quarter 2024-10-01..2024-12-31'],
    ['Quý IV/2024./.', 'fixed quarter 2024-10-01..2024-12-31'],
    ['Chậm nhất ngày 30/6/2024 (báo cáo)', 'fixed date 2024-01-01..2024-06-30'],
    ['Quý II/2024 (gửi UBND tỉnh)', 'fixed quarter 2024-04-01..2024-06-30'],
    ['Trước ngày 31/12/2024 trừ trường hợp đặc biệt', 'fixed date 2024-01-01..2024-12-31'],
    ['Theo yêu cầu nhiệm vụ', 'on-request'], // seed (Hà Giang 1.5): whoever asks may follow "Theo yêu cầu"
    ['Theo yêu cầu của UBND tỉnh', 'on-request'],
    ['Thường xuyên trong năm 2024', 'ongoing from 2024-01-01'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test.each([
    'Tháng 3/2024 năm trăm nghìn đồng/tháng', // before: due 31/03/2024
    'Quý IV/2024 (nếu có)', 'Quý IV/2024 nếu đủ điều kiện', 'Tháng 3/2024 tùy tình hình', 'Quý II/2024 (có thể sớm hơn)',
    'Quý IV/2024 theo Kế hoạch số 12/KH-UBND', 'Trước ngày 31/12/2024 trừ tháng 6', 'Năm 2024 (trừ quý I)',
    'ngày 20 tháng 6 năm 2024 (thứ Năm)', 'Tháng 6, 2024', 'Quý IV/2024 quý III nếu cần', 'Năm 2024 2025',
    'Theo yêu cầu, chậm nhất là tháng 6 năm nay',
    'Thường xuyên trước 30/6/2024', // regularly, or by 30/6?
  ])('%j is unparsed', (text) => expect(reading(text)).toBe('unparsed'));

  test('after "Theo yêu cầu" a deadline is read, never absorbed', () => {
    expect(reading('Theo yêu cầu, chậm nhất 30/6/2024')).toBe('on-request || fixed date 2024-01-01..2024-06-30');
  });
});

describe('the lists are explicit and small', () => {
  test('every label and note is a short phrase of whole words', () => {
    for (const phrase of [...LABELS.list, ...NOTES.list]) expect(phrase).toMatch(/^[\p{L} ]{2,40}$/u);
    expect(NOTES.list.length).toBeLessThan(100);
  });

  test('no word that changes a deadline is a label or a note', () => {
    const words = new Set([...LABELS.list, ...NOTES.list]);
    for (const w of ['giữa', 'khoảng', 'ngoài', 'gần', 'không', 'sau', 'chưa', 'đã', 'từ', 'đến', 'trước', 'hoặc', 'trừ', 'nếu', 'tỉnh', 'bộ', 'thôi']) {
      expect(words.has(w)).toBe(false);
    }
  });
});
