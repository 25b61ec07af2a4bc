import fc from 'fast-check';
import { TaskStatus, parseStatus } from '../../../src/core/vn/status';

describe('parseStatus', () => {
  const cases: [string | number | boolean | null, TaskStatus][] = [
    // done
    ['Đã hoàn thành', 'done'],
    ['Hoàn thành', 'done'],
    ['HOÀN THÀNH', 'done'],
    ['hoàn  thành.', 'done'],
    ['Ho\u0300an tha\u0300nh', 'done'], // decomposed (NFD) input
    ['Đã nộp', 'done'],
    ['Xong', 'done'],
    ['Đã xong', 'done'],
    ['Đã thực hiện', 'done'],
    ['Đã ban hành', 'done'],
    ['Đạt', 'done'],
    ['x', 'done'],
    ['X', 'done'],
    [' x ', 'done'],
    ['✓', 'done'],
    ['✔', 'done'],
    ['Hoàn thành chậm', 'done'], // late but done
    ['Đã hoàn thành (quá hạn)', 'done'],
    ['Đã hoàn thành\nngày 15/3/2024', 'done'],
    [true, 'done'],
    // not done: negations are checked before "hoàn thành"
    ['Chưa hoàn thành', 'not-done'],
    ['CHƯA HOÀN THÀNH', 'not-done'],
    ['Chưa nộp', 'not-done'],
    ['Đang thực hiện', 'not-done'],
    ['Chưa thực hiện', 'not-done'],
    ['Không hoàn thành', 'not-done'],
    ['Không đạt', 'not-done'],
    ['Chưa đạt', 'not-done'],
    ['Chậm', 'not-done'],
    ['Quá hạn', 'not-done'],
    ['Trễ hạn', 'not-done'],
    ['Đang triển khai', 'not-done'],
    ['Đang xây dựng dự thảo', 'not-done'],
    ['Quá hạn, chưa hoàn thành', 'not-done'],
    [false, 'not-done'],
    // unknown
    ['', 'unknown'],
    ['   ', 'unknown'],
    [null, 'unknown'],
    [1, 'unknown'],
    [0, 'unknown'],
    ['Ghi chú', 'unknown'],
    ['Thực hiện', 'unknown'],
    ['xx', 'unknown'],
    ['Xem lại', 'unknown'],
    ['Sở Nội vụ', 'unknown'],
    ['-', 'unknown'],
  ];
  it.each(cases)('%j → %s', (value, expected) => {
    expect(parseStatus(value)).toBe(expected);
  });

  it('never throws and always answers one of the three', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.double(), fc.boolean(), fc.constant(null)), (v) => {
        expect(['done', 'not-done', 'unknown']).toContain(parseStatus(v));
      }),
    );
  });

  it('"chưa"/"không"/"đang" before a done phrase always make it not-done', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Chưa', 'chưa', 'Không', 'không', 'Đang', 'đang'),
        fc.constantFrom('hoàn thành', 'thực hiện', 'triển khai'),
        fc.constantFrom('', '.', ' xong', ' đúng hạn'),
        (neg, verb, tail) => {
          expect(parseStatus(`${neg} ${verb}${tail}`)).toBe('not-done');
        },
      ),
    );
  });
});

describe('done in part, substantially done, a percentage', () => {
  // before: "Hoàn thành một phần" and "Cơ bản hoàn thành" were done (an overdue task hidden); "100%" unknown
  test.each([
    ['Hoàn thành một phần', 'not-done'],
    ['Đã hoàn thành phần lớn', 'not-done'],
    ['Gần hoàn thành', 'not-done'],
    ['Cơ bản hoàn thành', 'unknown'],
    ['100%', 'done'],
    ['100 %', 'done'],
    ['50%', 'not-done'],
    ['0%', 'not-done'],
    ['99,5%', 'not-done'],
    ['Hoàn thành', 'done'],
    ['Hoàn thành chậm', 'done'],
    ['Hoàn thành 80%', 'unknown'], // before: done
    ['Đạt 50%', 'unknown'],
    ['Hoàn thành 100%', 'done'],
    ['Chưa hoàn thành (đạt 60%)', 'not-done'],
  ])('%j → %s', (text, expected) => expect(parseStatus(text)).toBe(expected));
});
