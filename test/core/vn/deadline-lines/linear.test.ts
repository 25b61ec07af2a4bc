/**
 * The line reader stays linear: the work it does (parser item attempts, each of which looks at a bounded number of
 * tokens) grows in proportion to the line, whatever the line repeats. Counted, not timed.
 */
import { Parser } from '../../../../src/core/vn/period-grammar';
import { parseDeadline } from '../../../../src/core/vn/period';

const UNITS = [
  'Quý I (trước 20/3), ',
  'Theo yêu cầu a ',
  'Theo yêu cầu, a 5 ',
  'hoặc ',
  'Quý I hoặc ',
  ') ',
  '( ',
  'đã xong ',
  'Quý II và các năm tiếp theo ',
  'lùi sang tháng 8 ',
  'Tháng 5 (lùi sang tháng 8), ',
  'hằng năm ',
  'Quý I, ',
  'Báo cáo UBND tỉnh ',
  'dự kiến ',
  'sau đó hàng quý, ',
];

function attempts(text: string): number {
  const item = jest.spyOn(Parser.prototype, 'item');
  try {
    parseDeadline(text, { planYear: 2024 });
    return item.mock.calls.length;
  } finally {
    item.mockRestore();
  }
}

describe('work grows linearly with the line', () => {
  test.each(UNITS)('%j repeated', (unit) => {
    const line = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n).replace(/[;\n]/g, ' ');
    const small = attempts(line(1000));
    const large = attempts(line(4000));
    expect(large).toBeLessThanOrEqual(4 * small + 50);
  });

  test.each([
    (k: number) => `Theo yêu cầu ${'(dự kiến) '.repeat(k)}5`, // notes after "Theo yêu cầu", then a digit: not only a requester
    (k: number) => `${'Quý I (trước 20/3), '.repeat(k)}Quý II (trước 20/6)`,
    (k: number) => `Quý I/2024 ${'hoàn thành '.repeat(k)}x`,
    (k: number) => `${'Báo cáo '.repeat(k)}Quý II`,
  ])('a long middle: %p', (make) => {
    const small = attempts(make(100));
    const large = attempts(make(400));
    expect(large).toBeLessThanOrEqual(4 * small + 50);
  });
});
