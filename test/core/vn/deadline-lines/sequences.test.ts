/**
 * Issue 7, further expressions after the first: "X, sau đó hàng quý" (X, then quarterly), "Ngày 30/4 và 30/10 hằng
 * năm" (yearly, twice), "Định kỳ hằng quý, 6 tháng, năm". Before: the first expression alone.
 */
import { checkTasks, byRule } from '../../../helpers';
import { reading } from './reading';

describe('"X, sau đó …": X, then what follows', () => {
  test.each([
    ['Trước 30/6/2024, sau đó hàng quý', 'fixed date 2024-01-01..2024-06-30 || recurring quarterly'],
    ['Trước 30/6/2024 sau đó hàng quý', 'fixed date 2024-01-01..2024-06-30 || recurring quarterly'],
    ['Tháng 3/2024, sau đó hằng tháng', 'fixed month 2024-03-01..2024-03-31 || recurring monthly'],
    ['Quý I/2024 rồi hàng quý', 'fixed quarter 2024-01-01..2024-03-31 || recurring quarterly'],
    ['Quý I/2024, tiếp theo là Quý III/2024', 'unparsed'], // "là" is not a word of the grammar
    ['Trước 30/6/2024, sau đó', 'unparsed'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  it('the first deadline is overdue once passed; the recurrence has no single due date', () => {
    const r = checkTasks([[1, 'Nhiệm vụ', 'Báo cáo', 'Sở Nội vụ', 10, 'Trước 30/6/2024, sau đó hàng quý']], {}, '2024-07-02');
    expect(r.deadlines!.overdue).toMatchObject([{ cell: 'F4', due: '2024-06-30' }]);
    expect(byRule(r, 'deadline-unparsed')).toEqual([]);
  });
});

describe('every item of a list, every year', () => {
  test.each([
    ['Ngày 30/4 và 30/10 hằng năm', 'recurring date 2024-04-30..2024-04-30 yearly || recurring date 2024-10-30..2024-10-30 yearly'],
    ['Quý I và Quý III hằng năm', 'recurring quarter 2024-01-01..2024-03-31 yearly || recurring quarter 2024-07-01..2024-09-30 yearly'],
    ['Trước 30/6 và 31/12', 'fixed date 2024-01-01..2024-06-30 || fixed date 2024-01-01..2024-12-31'],
    ['Từ tháng 3 đến tháng 6 hằng năm', 'unparsed'], // a range every year: not read
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));
});

describe('periodic reports listed after "Định kỳ"', () => {
  test.each([
    ['Định kỳ hằng quý, 6 tháng, năm', 'recurring quarterly || recurring half-yearly || recurring yearly'],
    ['Định kỳ hằng quý, 6 tháng và năm', 'recurring quarterly || recurring half-yearly || recurring yearly'],
    ['Hằng quý, 6 tháng', 'recurring quarterly || recurring half-yearly'],
    ['Định kỳ hằng quý, 6 tháng, năm báo cáo kết quả', 'unparsed'], // a sentence, not a deadline
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));
});
