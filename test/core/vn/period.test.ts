import fc from 'fast-check';
import {
  DeadlinePart,
  Period,
  addDays,
  excelSerialToIso,
  isValidDate,
  isoToExcelSerial,
  parseDeadline,
} from '../../../src/core/vn/period';

type Flags = Partial<Pick<Period, 'wholeYear' | 'relative'>>;

/** A 'fixed' part with its exact period (wholeYear and relative default to false). */
function fixed(start: string, due: string, kind: Period['kind'], flags: Flags = {}, text?: string): DeadlinePart {
  const part: DeadlinePart = {
    text: text ?? expect.any(String),
    kind: 'fixed',
    period: { start, due, kind, wholeYear: flags.wholeYear ?? false, relative: flags.relative ?? false },
  };
  return part;
}
const REL = { relative: true };
const WHOLE = { wholeYear: true };

// text, plan year, expected parts (exact)
type Case = [string, number | undefined, DeadlinePart[]];

function run(cases: Case[]): void {
  it.each(cases)('%j (plan %p)', (text, planYear, expected) => {
    expect(parseDeadline(text, { planYear })).toEqual(expected);
  });
}

describe('parseDeadline: real cells, verbatim', () => {
  run([
    ['Quý IV/2017', 2018, [fixed('2017-10-01', '2017-12-31', 'quarter', {}, 'Quý IV/2017')]],
    ['Quý I/2018', 2018, [fixed('2018-01-01', '2018-03-31', 'quarter', {}, 'Quý I/2018')]],
    ['Năm 2018', 2018, [fixed('2018-01-01', '2018-12-31', 'year', WHOLE, 'Năm 2018')]],
    ['Năm 2017', 2018, [fixed('2017-01-01', '2017-12-31', 'year', WHOLE, 'Năm 2017')]],
    ['Tháng 01/2018', 2018, [fixed('2018-01-01', '2018-01-31', 'month', {}, 'Tháng 01/2018')]],
    ['01/2018', 2018, [fixed('2018-01-01', '2018-01-31', 'month', {}, '01/2018')]],
    ['12/2017', 2018, [fixed('2017-12-01', '2017-12-31', 'month', {}, '12/2017')]],
    ['Tháng 12/2017', 2018, [fixed('2017-12-01', '2017-12-31', 'month', {}, 'Tháng 12/2017')]],
    ['Tháng 01 năm 2018', 2018, [fixed('2018-01-01', '2018-01-31', 'month', {}, 'Tháng 01 năm 2018')]],
    ['Chuyển tiếp từ năm 2017', 2018, [{ text: 'Chuyển tiếp từ năm 2017', kind: 'ongoing', since: 2017 }]],
    ['Hàng quý', 2018, [{ text: 'Hàng quý', kind: 'recurring', frequency: 'quarterly' }]],
    ['Hàng tháng', 2018, [{ text: 'Hàng tháng', kind: 'recurring', frequency: 'monthly' }]],
    ['15/01/2023', 2023, [fixed('2023-01-15', '2023-01-15', 'date', {}, '15/01/2023')]],
    ['Trong tháng 01/2023', 2023, [fixed('2023-01-01', '2023-01-31', 'month', {}, 'Trong tháng 01/2023')]],
    ['Từ Quý IV/2023 đến Quý I/2024', 2024, [fixed('2023-10-01', '2024-03-31', 'range', {}, 'Từ Quý IV/2023 đến Quý I/2024')]],
    ['Cả năm 2023', 2023, [fixed('2023-01-01', '2023-12-31', 'year', WHOLE, 'Cả năm 2023')]],
    ['Cả năm 2022', 2022, [fixed('2022-01-01', '2022-12-31', 'year', WHOLE, 'Cả năm 2022')]],
    [
      '- Kế hoạch trong quý IV năm trước liền kề năm kế hoạch;\n- Báo cáo trước ngày 20/12',
      2024,
      [
        fixed('2023-10-01', '2023-12-31', 'quarter', REL, 'Kế hoạch trong quý IV năm trước liền kề năm kế hoạch'),
        fixed('2024-01-01', '2024-12-20', 'date', REL, 'Báo cáo trước ngày 20/12'),
      ],
    ],
    [
      '- Trước ngày 20/3/2024;\n- Trước ngày 20/6/2024;\n- Trước ngày 20/9/2024;\n- Trước ngày 20/12/2024.',
      2024,
      [
        fixed('2024-01-01', '2024-03-20', 'date', {}, 'Trước ngày 20/3/2024'),
        fixed('2024-01-01', '2024-06-20', 'date', {}, 'Trước ngày 20/6/2024'),
        fixed('2024-01-01', '2024-09-20', 'date', {}, 'Trước ngày 20/9/2024'),
        fixed('2024-01-01', '2024-12-20', 'date', {}, 'Trước ngày 20/12/2024'),
      ],
    ],
    [
      'Quý II và Quý III',
      2024,
      [fixed('2024-04-01', '2024-06-30', 'quarter', REL, 'Quý II'), fixed('2024-07-01', '2024-09-30', 'quarter', REL, 'Quý III')],
    ],
    ['Quý IV', 2024, [fixed('2024-10-01', '2024-12-31', 'quarter', REL, 'Quý IV')]],
    ['Trong năm 2024', 2024, [fixed('2024-01-01', '2024-12-31', 'year', WHOLE, 'Trong năm 2024')]],
    ['Trước ngày 20/12/2024', 2024, [fixed('2024-01-01', '2024-12-20', 'date', {}, 'Trước ngày 20/12/2024')]],
    ['Trước ngày 31/01 năm 2025', 2024, [fixed('2025-01-01', '2025-01-31', 'date', {}, 'Trước ngày 31/01 năm 2025')]],
    ['Theo yêu cầu nhiệm vụ', 2024, [{ text: 'Theo yêu cầu nhiệm vụ', kind: 'on-request' }]],
  ]);
});

describe('parseDeadline: every form', () => {
  describe('dates', () => {
    run([
      ['5/3/2024', undefined, [fixed('2024-03-05', '2024-03-05', 'date')]],
      ['05-03-2024', undefined, [fixed('2024-03-05', '2024-03-05', 'date')]],
      ['05.03.2024', undefined, [fixed('2024-03-05', '2024-03-05', 'date')]],
      ['05 / 03 / 2024', undefined, [fixed('2024-03-05', '2024-03-05', 'date')]],
      ['2024-03-20', undefined, [fixed('2024-03-20', '2024-03-20', 'date')]],
      ['ngày 15 tháng 01 năm 2023', undefined, [fixed('2023-01-15', '2023-01-15', 'date')]],
      ['NGÀY 15 THÁNG 01 NĂM 2023', undefined, [fixed('2023-01-15', '2023-01-15', 'date')]],
      ['Ngày  15   tháng 1 năm  2023', undefined, [fixed('2023-01-15', '2023-01-15', 'date')]],
      ['ngày 20/12', 2024, [fixed('2024-12-20', '2024-12-20', 'date', REL)]],
      ['29/02/2024', undefined, [fixed('2024-02-29', '2024-02-29', 'date')]],
    ]);
  });

  describe('months', () => {
    run([
      ['Tháng 2/2024', undefined, [fixed('2024-02-01', '2024-02-29', 'month')]],
      ['tháng 2/2023', undefined, [fixed('2023-02-01', '2023-02-28', 'month')]],
      ['THÁNG 11-2023', undefined, [fixed('2023-11-01', '2023-11-30', 'month')]],
      ['tháng 3', 2024, [fixed('2024-03-01', '2024-03-31', 'month', REL)]],
      ['Trong tháng 6', 2025, [fixed('2025-06-01', '2025-06-30', 'month', REL)]],
      ['tháng 12 năm trước', 2024, [fixed('2023-12-01', '2023-12-31', 'month', REL)]],
    ]);
  });

  describe('quarters', () => {
    run([
      ['Quý 4/2017', undefined, [fixed('2017-10-01', '2017-12-31', 'quarter')]],
      ['Quý IV năm 2017', undefined, [fixed('2017-10-01', '2017-12-31', 'quarter')]],
      ['quý ii/2024', undefined, [fixed('2024-04-01', '2024-06-30', 'quarter')]],
      ['Quý III - 2024', undefined, [fixed('2024-07-01', '2024-09-30', 'quarter')]],
      ['Quý 1 (2025)', undefined, [fixed('2025-01-01', '2025-03-31', 'quarter')]],
      ['quý IV', 2030, [fixed('2030-10-01', '2030-12-31', 'quarter', REL)]],
      ['Trong quý I năm kế hoạch', 2024, [fixed('2024-01-01', '2024-03-31', 'quarter', REL)]],
    ]);
  });

  describe('halves', () => {
    run([
      ['6 tháng đầu năm 2024', undefined, [fixed('2024-01-01', '2024-06-30', 'half')]],
      ['6 tháng đầu năm (2024)', undefined, [fixed('2024-01-01', '2024-06-30', 'half')]],
      ['6 tháng cuối năm 2024', undefined, [fixed('2024-07-01', '2024-12-31', 'half')]],
      ['6 tháng đầu năm', 2024, [fixed('2024-01-01', '2024-06-30', 'half', REL)]],
      ['6 tháng cuối năm', 2024, [fixed('2024-07-01', '2024-12-31', 'half', REL)]],
      ['Sáu tháng cuối năm', 2023, [fixed('2023-07-01', '2023-12-31', 'half', REL)]],
    ]);
  });

  describe('years', () => {
    run([
      ['NĂM 2019', undefined, [fixed('2019-01-01', '2019-12-31', 'year', WHOLE)]],
      ['Cả năm', 2024, [fixed('2024-01-01', '2024-12-31', 'year', { wholeYear: true, relative: true })]],
      ['Trong năm', 2024, [fixed('2024-01-01', '2024-12-31', 'year', { wholeYear: true, relative: true })]],
      ['năm kế hoạch', 2024, [fixed('2024-01-01', '2024-12-31', 'year', { wholeYear: true, relative: true })]],
      ['Trong năm kế hoạch', 2021, [fixed('2021-01-01', '2021-12-31', 'year', { wholeYear: true, relative: true })]],
      // an early or late part of the year, not all of it
      ['Đầu năm 2024', undefined, [fixed('2024-01-01', '2024-03-31', 'quarter')]],
      ['Cuối năm 2024', undefined, [fixed('2024-10-01', '2024-12-31', 'quarter')]],
      ['cuối năm', 2024, [fixed('2024-10-01', '2024-12-31', 'quarter', REL)]],
    ]);
  });

  describe('ranges', () => {
    run([
      ['Từ tháng 3/2023 đến tháng 6/2023', undefined, [fixed('2023-03-01', '2023-06-30', 'range')]],
      ['từ tháng 3 đến tháng 6/2023', undefined, [fixed('2023-03-01', '2023-06-30', 'range')]],
      ['từ tháng 11 đến tháng 2/2024', undefined, [fixed('2023-11-01', '2024-02-29', 'range')]],
      ['Từ ngày 01/3/2024 đến ngày 30/6/2024', undefined, [fixed('2024-03-01', '2024-06-30', 'range')]],
      ['Từ Quý IV/2023 đến hết năm 2024', undefined, [fixed('2023-10-01', '2024-12-31', 'range')]],
      ['Từ năm 2021 đến năm 2025', undefined, [fixed('2021-01-01', '2025-12-31', 'range')]],
      // several years, as programmes are written (Thanh Hóa 2020: "giai đoạn 2021 - 2030"); not just the first year
      ['Năm 2021 - 2030', undefined, [fixed('2021-01-01', '2030-12-31', 'range')]],
      ['Giai đoạn 2021 - 2025', undefined, [fixed('2021-01-01', '2025-12-31', 'range')]],
      ['Quý I–IV/2024', undefined, [fixed('2024-01-01', '2024-12-31', 'range')]],
      ['tháng 3 - 6/2024', undefined, [fixed('2024-03-01', '2024-06-30', 'range')]],
      ['Từ quý II đến quý III', 2024, [fixed('2024-04-01', '2024-09-30', 'range', REL)]],
    ]);
  });

  describe('lists', () => {
    run([
      ['Quý I, Quý II', 2024, [fixed('2024-01-01', '2024-03-31', 'quarter', REL, 'Quý I'), fixed('2024-04-01', '2024-06-30', 'quarter', REL, 'Quý II')]],
      ['tháng 3 và tháng 9', 2024, [fixed('2024-03-01', '2024-03-31', 'month', REL, 'tháng 3'), fixed('2024-09-01', '2024-09-30', 'month', REL, 'tháng 9')]],
      ['Quý II và III/2024', undefined, [fixed('2024-04-01', '2024-06-30', 'quarter', {}, 'Quý II'), fixed('2024-07-01', '2024-09-30', 'quarter', {}, 'III/2024')]],
      ['Quý II và Quý III năm 2025', 2024, [fixed('2025-04-01', '2025-06-30', 'quarter'), fixed('2025-07-01', '2025-09-30', 'quarter')]],
      ['Trước ngày 20/3 và 20/6/2024', undefined, [fixed('2024-01-01', '2024-03-20', 'date'), fixed('2024-01-01', '2024-06-20', 'date')]],
      ['tháng 3, 6, 9 và 12 năm 2024', undefined, [
        fixed('2024-03-01', '2024-03-31', 'month'),
        fixed('2024-06-01', '2024-06-30', 'month'),
        fixed('2024-09-01', '2024-09-30', 'month'),
        fixed('2024-12-01', '2024-12-31', 'month'),
      ]],
    ]);
  });

  describe('deadlines: due ON the date, start 1 January of its year', () => {
    run([
      ['Trước 15/3/2024', undefined, [fixed('2024-01-01', '2024-03-15', 'date')]],
      ['Trước ngày 20/12', 2024, [fixed('2024-01-01', '2024-12-20', 'date', REL)]],
      ['Trước 20/12', 2024, [fixed('2024-01-01', '2024-12-20', 'date', REL)]],
      ['chậm nhất ngày 15/3/2024', undefined, [fixed('2024-01-01', '2024-03-15', 'date')]],
      ['Chậm nhất là ngày 30/9/2024', undefined, [fixed('2024-01-01', '2024-09-30', 'date')]],
      ['trước tháng 6/2024', undefined, [fixed('2024-01-01', '2024-06-30', 'month')]],
      ['trước (hoặc trong) tháng 6/2024', undefined, [fixed('2024-01-01', '2024-06-30', 'month')]],
      ['trước hoặc trong tháng 6/2024', undefined, [fixed('2024-01-01', '2024-06-30', 'month')]],
      ['Trước quý III/2024', undefined, [fixed('2024-01-01', '2024-09-30', 'quarter')]],
      ['Đến hết 31/12/2024', undefined, [fixed('2024-01-01', '2024-12-31', 'date')]],
      ['Không quá ngày 15/11/2024', undefined, [fixed('2024-01-01', '2024-11-15', 'date')]],
    ]);
  });

  describe('labels before the expression are ignored', () => {
    run([
      ['- Báo cáo trước ngày 20/12', 2024, [fixed('2024-01-01', '2024-12-20', 'date', REL, 'Báo cáo trước ngày 20/12')]],
      ['• Hoàn thành: Quý III/2024.', undefined, [fixed('2024-07-01', '2024-09-30', 'quarter', {}, 'Hoàn thành: Quý III/2024')]],
      ['+ Sơ kết 6 tháng đầu năm 2024,', undefined, [fixed('2024-01-01', '2024-06-30', 'half', {}, 'Sơ kết 6 tháng đầu năm 2024')]],
    ]);
  });

  describe('recurring, ongoing, on request', () => {
    const part = (kind: DeadlinePart['kind'], extra: Partial<DeadlinePart> = {}) => (text: string): Case => [text, 2024, [{ text, kind, ...extra }]];
    run([
      part('recurring', { frequency: 'monthly' })('Hằng tháng'),
      part('recurring', { frequency: 'monthly' })('HÀNG THÁNG'),
      part('recurring', { frequency: 'quarterly' })('Hằng quý'),
      part('recurring', { frequency: 'half-yearly' })('6 tháng/lần'),
      part('recurring', { frequency: 'half-yearly' })('6 tháng một lần'),
      part('recurring', { frequency: 'half-yearly' })('Định kỳ 6 tháng'),
      part('recurring', { frequency: 'yearly' })('Hàng năm'),
      part('recurring', { frequency: 'yearly' })('Hằng năm'),
      part('recurring', { frequency: 'quarterly' })('Định kỳ hằng quý'),
      part('recurring', { frequency: 'periodic' })('Định kỳ'),
      part('ongoing')('Thường xuyên'),
      part('ongoing')('Liên tục'),
      part('ongoing', { since: 2020 })('Chuyển tiếp từ 2020'),
      part('on-request')('Theo yêu cầu'),
      part('on-request')('Khi có yêu cầu'),
      part('on-request')('Theo chỉ đạo'),
      part('on-request')('theo yeu cau'),
    ]);
  });
});

describe('parseDeadline: invalid dates are reported, not guessed', () => {
  it.each([
    ['31/02/2024', '31/02/2024: tháng 2 không có ngày 31'],
    ['Tháng 13/2024', 'Tháng 13/2024: không có tháng 13'],
    ['Quý V/2024', 'Quý V/2024: không có quý V (chỉ có quý I–IV)'],
    ['Quý 5/2024', 'Quý 5/2024: không có quý 5 (chỉ có quý I–IV)'],
    ['32/1/2024', '32/1/2024: không có ngày 32'],
    ['0/1/2024', '0/1/2024: không có ngày 0'],
    ['29/02/2023', '29/02/2023: năm 2023 không nhuận, tháng 2 không có ngày 29'],
    ['31/04/2024', '31/04/2024: tháng 4 không có ngày 31'],
    ['13/2024', '13/2024: không có tháng 13'],
    ['Năm 1899', 'Năm 1899: năm 1899 nằm ngoài khoảng 1900–2200'],
    ['Quý I/2201', 'Quý I/2201: năm 2201 nằm ngoài khoảng 1900–2200'],
    ['Năm 2025 - 2021', 'Năm 2025 - 2021: bắt đầu 01/01/2025 sau khi kết thúc 31/12/2021'],
    ['15/3/1850', '15/3/1850: năm 1850 nằm ngoài khoảng 1900–2200'],
    ['Từ Quý II/2024 đến Quý I/2024', 'Từ Quý II/2024 đến Quý I/2024: bắt đầu 01/04/2024 sau khi kết thúc 31/03/2024'],
  ])('%j', (text, reason) => {
    expect(parseDeadline(text, { planYear: 2024 })).toEqual([{ text, kind: 'invalid', reason }]);
  });
});

describe('parseDeadline: unparsed, never guessed', () => {
  it.each([
    ['15/01/23', 2024], // two-digit year
    ['Quý IV/17', 2024],
    ['tháng 3/24', 2024],
    ['Quý IV năm 24', 2024],
    ['Năm 24', 2024],
    ['12/2024/QĐ-UBND', 2024], // a document number
    ['Theo kế hoạch', 2024],
    ['Sớm nhất có thể', 2024],
    ['20/12', 2024], // day/month needs "ngày" or a deadline word
    ['Quý IV', undefined], // no year and no plan year
    ['tháng 3', undefined],
    ['Trước ngày 20/12', undefined],
    ['Cả năm', undefined],
    ['6 tháng đầu năm', undefined],
    ['quý IV năm trước liền kề năm kế hoạch', undefined],
  ] as [string, number | undefined][])('%j (plan %p)', (text, planYear) => {
    expect(parseDeadline(text, { planYear })).toEqual([{ text, kind: 'unparsed' }]);
  });

  it('gives an unparsed part per unresolvable line and keeps the rest', () => {
    expect(parseDeadline('Quý IV\nQuý I/2025')).toEqual([{ text: 'Quý IV', kind: 'unparsed' }, fixed('2025-01-01', '2025-03-31', 'quarter')]);
  });

  it('gives [] for blank cells', () => {
    expect(parseDeadline('')).toEqual([]);
    expect(parseDeadline('  \n \t ; \n')).toEqual([]);
    expect(parseDeadline(' - ; • ')).toEqual([]);
  });
});

describe('parseDeadline: numbers', () => {
  it('reads an Excel serial in a date cell', () => {
    expect(parseDeadline(45371, {}, true)).toEqual([{ text: '45371', kind: 'fixed', period: { start: '2024-03-20', due: '2024-03-20', kind: 'date', wholeYear: false, relative: false } }]);
    expect(parseDeadline(45371.9, { planYear: 2024 }, true)[0].period?.due).toBe('2024-03-20');
  });
  it('leaves a number outside a date cell unparsed', () => {
    expect(parseDeadline(45371)).toEqual([{ text: '45371', kind: 'unparsed' }]);
    expect(parseDeadline(2024, { planYear: 2024 }, false)).toEqual([{ text: '2024', kind: 'unparsed' }]);
  });
  it('reports serials that are not a day', () => {
    for (const n of [0, -5, 60, NaN, Infinity, 1e12]) expect(parseDeadline(n, {}, true)[0].kind).toBe('invalid');
    expect(parseDeadline(1, {}, true)[0].kind).toBe('fixed'); // 1900-01-01
    expect(parseDeadline(isoToExcelSerial('2201-01-01'), {}, true)[0].kind).toBe('invalid');
  });
});

describe('calendar helpers', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [366, '1900-12-31'],
    [367, '1901-01-01'],
    [36526, '2000-01-01'],
    [43101, '2018-01-01'],
    [45371, '2024-03-20'],
    [45371.99, '2024-03-20'],
    [2958465, '9999-12-31'],
  ])('excelSerialToIso(%p) = %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(Math.floor(serial));
  });

  it('rejects non-days', () => {
    for (const n of [0, 0.5, -1, 60, 60.5, 2958466, NaN, -Infinity]) expect(excelSerialToIso(n)).toBeNull();
    for (const s of ['1899-12-31', '2024-02-30', '2024-3-5', 'abc', '']) expect(isoToExcelSerial(s)).toBeNaN();
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-06-15', 30, '2024-07-15'],
    ['2024-06-15', 0, '2024-06-15'],
    ['2000-01-01', 366, '2001-01-01'],
  ])('addDays(%s, %p) = %s', (iso, n, out) => {
    expect(addDays(iso, n)).toBe(out);
  });

  it('addDays rejects malformed dates', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 0, 1, false],
    [2024, 1, 0, false],
    [2024, 1.5, 1, false],
  ])('isValidDate(%p, %p, %p) = %p', (y, m, d, ok) => {
    expect(isValidDate(y, m, d)).toBe(ok);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkPart(p: DeadlinePart): void {
  expect(typeof p.text).toBe('string');
  expect(p.text.trim()).toBe(p.text);
  expect(p.text.length).toBeGreaterThan(0);
  // a fixed part has its period; a yearly recurring one may carry the plan year's occurrence
  if (p.kind === 'fixed' || (p.kind === 'recurring' && p.period)) {
    const { start, due } = p.period!;
    expect(start).toMatch(ISO);
    expect(due).toMatch(ISO);
    expect(isoToExcelSerial(start)).not.toBeNaN();
    expect(isoToExcelSerial(due)).not.toBeNaN();
    expect(start <= due).toBe(true);
    expect(Number(due.slice(0, 4))).toBeGreaterThanOrEqual(1900);
    expect(Number(due.slice(0, 4))).toBeLessThanOrEqual(2200);
  } else {
    expect(p.period).toBeUndefined();
  }
  if (p.kind === 'invalid') expect(p.reason).toMatch(/: /);
}

const VOCAB = [
  'hằng năm', 'lùi sang', 'đã xong', 'và các năm tiếp theo', 'sau đó', 'dự kiến', ':',
  'quý', 'Quý', 'IV', 'ii', 'V', 'tháng', 'Tháng', 'năm', 'Năm', 'ngày', 'trước', 'Trước', 'chậm nhất', 'từ', 'Từ', 'đến', 'hết',
  'và', 'cả', 'trong', 'kế hoạch', 'liền kề', '6', 'đầu', 'cuối', 'hàng', 'định kỳ', 'lần', 'chuyển tiếp', 'theo yêu cầu',
  '/', '-', '–', '.', ',', ';', '(', ')', '\n', ' ', '1', '12', '31', '02', '29', '2024', '2023', '24', '0', '13', '1800',
  'hoặc', 'số', 'QĐ', 'x', '\u0301', '💥', '\u00a0',
];

describe('properties', () => {
  it('never throws on arbitrary strings, and every part is well-formed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...VOCAB), { maxLength: 40 }).map((a) => a.join(' ')), fc.array(fc.constantFrom(...VOCAB), { maxLength: 40 }).map((a) => a.join(''))),
        fc.option(fc.integer({ min: 1890, max: 2210 }), { nil: undefined }),
        (text, planYear) => {
          const parts = parseDeadline(text, { planYear });
          expect(Array.isArray(parts)).toBe(true);
          parts.forEach(checkPart);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary numbers', () => {
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (n, isDate) => {
        parseDeadline(n, { planYear: 2024 }, isDate).forEach(checkPart);
      }),
    );
  });

  const validDate = fc
    .record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .filter(({ y, m, d }) => isValidDate(y, m, d));

  it('reads d/m/yyyy (any padding, any separator) as that date', () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom('/', '-', '.'), fc.boolean(), ({ y, m, d }, sep, padded) => {
        const p2 = (n: number) => (padded ? String(n).padStart(2, '0') : String(n));
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const text = `${p2(d)}${sep}${p2(m)}${sep}${y}`;
        expect(parseDeadline(text)).toEqual([{ text, kind: 'fixed', period: { start: iso, due: iso, kind: 'date', wholeYear: false, relative: false } }]);
        expect(parseDeadline(`Trước ngày ${d}/${m}/${y}`)[0].period).toEqual({ start: `${y}-01-01`, due: iso, kind: 'date', wholeYear: false, relative: false });
      }),
    );
  });

  it('reports every impossible d/m/yyyy as invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        fc.pre(!isValidDate(y, m, d));
        expect(parseDeadline(`${d}/${m}/${y}`)[0].kind).toBe('invalid');
      }),
    );
  });

  it('round-trips Excel serials and ISO dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60), (n) => {
        const iso = excelSerialToIso(n);
        expect(iso).toMatch(ISO);
        expect(isoToExcelSerial(iso!)).toBe(n);
        if (n > 1) expect(addDays(iso!, -1)).toBe(excelSerialToIso(n === 61 ? 59 : n - 1));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(validDate, fc.integer({ min: -3000, max: 3000 }), ({ y, m, d }, k) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso);
        if (y > 1910) expect(isoToExcelSerial(addDays(iso, k))).toBe(isoToExcelSerial(iso) + k);
      }),
    );
  });
});

describe('linear time', () => {
  const patterns = [
    'quý ',
    '1/',
    '1',
    'a',
    '-',
    ' ',
    'từ tháng 3 đến ',
    'ngày 1 tháng ',
    'Quý II và ',
    'tháng 3, ',
    'Trước ngày 20/12/2024;',
    'năm ',
    'chậm nhất là ',
    '(',
    'ấ',
  ];
  it.each(patterns)('5 000 characters of %j parse quickly', (unit) => {
    const text = unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
    parseDeadline(text.slice(0, 500), { planYear: 2024 }); // warm up the JIT
    const t0 = performance.now();
    const parts = parseDeadline(text, { planYear: 2024 });
    const ms = performance.now() - t0;
    parts.forEach(checkPart);
    expect(ms).toBeLessThan(150);
  });
});
