import fc from 'fast-check';
import { Dec } from '../../../src/core/decimal';
import { formatNumber, formatNumberEn, parseMoneyUnit, parseNumber, ParsedNumber } from '../../../src/core/vn/number';

const d = (s: string): Dec => Dec.parse(s)!;

function expectOk(p: ParsedNumber | null): Extract<ParsedNumber, { ok: true }> {
  expect(p).not.toBeNull();
  if (!p || !p.ok) throw new Error(`expected a number, got ${JSON.stringify(p)}`);
  return p;
}

describe('parseNumber: valid numbers', () => {
  // text, hint, value, decimals, style, ambiguous
  const cases: [string, 'money' | 'score' | 'any', string, number, string, boolean][] = [
    // both separators: the last one is the decimal separator
    ['26.979,5', 'any', '26979.5', 1, 'vn', false],
    ['26,979.5', 'any', '26979.5', 1, 'en', false],
    ['1.234.567,89', 'money', '1234567.89', 2, 'vn', false],
    ['1,234,567.89', 'money', '1234567.89', 2, 'en', false],
    ['-1.234,5', 'any', '-1234.5', 1, 'vn', false],
    // one comma: Vietnamese decimal comma
    ['9,5', 'any', '9.5', 1, 'vn', false],
    ['0,8617', 'any', '0.8617', 4, 'vn', false],
    ['2,36', 'score', '2.36', 2, 'vn', false],
    ['2,50', 'any', '2.5', 2, 'vn', false],
    ['1,234', 'any', '1.234', 3, 'vn', true], // English readers would see 1234: flagged
    ['0,500', 'any', '0.5', 3, 'vn', false],
    // several commas: English grouping
    ['1,234,567', 'any', '1234567', 0, 'en', false],
    // several dots: Vietnamese grouping
    ['1.234.567', 'any', '1234567', 0, 'vn', false],
    ['21.950.000.000', 'money', '21950000000', 0, 'vn', false],
    // one dot + 3 digits after a 1–3 digit integer part: Vietnamese thousands…
    ['21.950', 'money', '21950', 0, 'vn', true],
    ['21.950', 'any', '21950', 0, 'vn', true],
    ['2.019', 'any', '2019', 0, 'vn', true],
    ['1.500', 'money', '1500', 0, 'vn', true],
    ['999.999', 'any', '999999', 0, 'vn', true],
    // …except for scores
    ['1.500', 'score', '1.5', 3, 'plain', true],
    ['21.950', 'score', '21.95', 3, 'plain', true],
    // any other single dot: plain decimal
    ['0.8617', 'any', '0.8617', 4, 'plain', false],
    ['9.5', 'money', '9.5', 1, 'plain', false],
    ['60.58', 'any', '60.58', 2, 'plain', false],
    ['0.500', 'money', '0.5', 3, 'plain', false],
    ['1234.567', 'money', '1234.567', 3, 'plain', false],
    ['12.5000', 'any', '12.5', 4, 'plain', false],
    ['01.500', 'money', '1.5', 3, 'plain', false],
    // digits only
    ['21950', 'any', '21950', 0, 'integer', false],
    ['0', 'any', '0', 0, 'integer', false],
    ['007', 'any', '7', 0, 'integer', false],
    ['-5', 'any', '-5', 0, 'integer', false],
    ['+5', 'any', '5', 0, 'integer', false],
    ['\u22125', 'any', '-5', 0, 'integer', false],
    ['  42  ', 'any', '42', 0, 'integer', false],
    ['\u00a042\u00a0', 'any', '42', 0, 'integer', false],
    ['9'.repeat(18), 'any', '9'.repeat(18), 0, 'integer', false], // the largest figure read (number-units.test.ts)
    // space-like group separators
    ['21\u00a0950', 'money', '21950', 0, 'vn', false],
    ['21\u2009950', 'money', '21950', 0, 'vn', false],
    ['21\u202f950', 'money', '21950', 0, 'vn', false],
    ['21 950', 'money', '21950', 0, 'vn', false],
    ['1\u00a0234\u00a0567,5', 'money', '1234567.5', 1, 'vn', false],
    ['1 234.5', 'money', '1234.5', 1, 'en', false],
  ];
  test.each(cases)('%j (%s) → %s', (text, hint, value, decimals, style, ambiguous) => {
    const p = expectOk(parseNumber(text, hint));
    expect(p.value.toString()).toBe(d(value).toString());
    expect(p.decimals).toBe(decimals);
    expect(p.style).toBe(style);
    expect(p.ambiguous).toBe(ambiguous);
  });

  test('hint defaults to any', () => {
    expect(expectOk(parseNumber('21.950')).value.toString()).toBe('21950');
  });
});

describe('parseNumber: not a number (null)', () => {
  test.each([
    '',
    '   ',
    '\u00a0',
    'Kinh phí',
    'abc',
    '20/3/2024',
    '2024-03-20',
    'Quý IV',
    'Quý 4',
    '100%',
    '12,5 %',
    '-',
    '+',
    '.',
    ',',
    '...',
    '- 5',
    '5 người',
    '1e5',
    'IV',
    '(abc)',
    '()',
  ])('%j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseNumber: malformed numbers (ok:false)', () => {
  test.each([
    '12..5',
    '1.2.3,4,5',
    '1,23.4',
    '--5',
    '+-5',
    '1.23.456',
    '1,23,456',
    '1234.567,8',
    '1.234,5.6',
    '1,234.5,6',
    '12.',
    '12,',
    '.5',
    ',5',
    '1.2345.678',
    '21 95',
    '2 1.950',
  ])('%j', (text) => {
    const p = parseNumber(text);
    expect(p).not.toBeNull();
    expect(p!.ok).toBe(false);
    if (p && !p.ok) expect(p.reason).toEqual(expect.any(String));
  });
});

describe('formatNumber / formatNumberEn', () => {
  test.each([
    ['21950', undefined, '21.950', '21,950'],
    ['26979.5', undefined, '26.979,5', '26,979.5'],
    ['65.65', undefined, '65,65', '65.65'],
    ['-1234.5', undefined, '-1.234,5', '-1,234.5'],
    ['0', undefined, '0', '0'],
    ['999', undefined, '999', '999'],
    ['1000', undefined, '1.000', '1,000'],
    ['1234567890123', undefined, '1.234.567.890.123', '1,234,567,890,123'],
    ['-0.5', undefined, '-0,5', '-0.5'],
    ['2.5', 2, '2,50', '2.50'],
    ['21950', 2, '21.950,00', '21,950.00'],
    ['1.005', 2, '1,01', '1.01'], // half away from zero
    ['-1.005', 2, '-1,01', '-1.01'],
    ['1.004', 2, '1,00', '1.00'],
    ['999.5', 0, '1.000', '1,000'],
    ['-0.001', 2, '0,00', '0.00'],
    ['12.345', 0, '12', '12'],
  ] as [string, number | undefined, string, string][])('%s (%s decimals) → %s / %s', (value, decimals, vi, en) => {
    expect(formatNumber(d(value), decimals)).toBe(vi);
    expect(formatNumberEn(d(value), decimals)).toBe(en);
  });
});

describe('parseMoneyUnit', () => {
  const M = '1000000';
  test.each([
    ['Kinh phí triển khai (tr. đồng)', 'triệu đồng', M],
    ['Kinh phí (triệu đồng)', 'triệu đồng', M],
    ['Kinh phí\n(Triệu đồng)', 'triệu đồng', M],
    ['KINH PHÍ (TRIỆU ĐỒNG)', 'triệu đồng', M],
    ['(Đơn vị: triệu đồng)', 'triệu đồng', M],
    ['ĐVT: Triệu đồng', 'triệu đồng', M],
    ['Kinh phí (trđ)', 'triệu đồng', M],
    ['trđ', 'triệu đồng', M],
    ['Kinh phí (tr.đ)', 'triệu đồng', M],
    ['tr.đồng', 'triệu đồng', M],
    ['Kinh phí (1.000.000 đồng)', 'triệu đồng', M],
    ['Dự toán (nghìn đồng)', 'nghìn đồng', '1000'],
    ['(ngàn đồng)', 'nghìn đồng', '1000'],
    ['(1.000 đồng)', 'nghìn đồng', '1000'],
    ['(1000đ)', 'nghìn đồng', '1000'],
    ['(tỷ đồng)', 'tỷ đồng', '1000000000'],
    ['(tỉ đồng)', 'tỷ đồng', '1000000000'],
    ['Vốn (Tỷ đ)', 'tỷ đồng', '1000000000'],
    ['(đồng)', 'đồng', '1'],
    ['Số tiền (VNĐ)', 'đồng', '1'],
    ['Đơn vị tính: đồng', 'đồng', '1'],
    ['Thành tiền (đ)', 'đồng', '1'],
    // decomposed (NFD) input
    ['Kinh phí (triệu đồng)'.normalize('NFD'), 'triệu đồng', M],
  ])('%j → %s', (header, label, factor) => {
    const u = parseMoneyUnit(header);
    expect(u).not.toBeNull();
    expect(u!.label).toBe(label);
    expect(u!.factor.toString()).toBe(factor);
  });

  test.each([
    '',
    'Kinh phí',
    'Nội dung',
    'Số hợp đồng',
    'Kinh phí hoạt động',
    'Cộng đồng dân cư',
    'Tỷ lệ (%)',
    'Triển khai',
    'Trách nhiệm',
    'Đồng Nai',
  ])('%j → null', (header) => {
    expect(parseMoneyUnit(header)).toBeNull();
  });
});

// ---- properties ----

/** Values below 10^18 in magnitude (the largest read) with up to 4 decimals, either sign. */
const decimalArb = fc
  .tuple(fc.bigInt({ min: -(BigInt(10) ** BigInt(18)) + BigInt(1), max: BigInt(10) ** BigInt(18) - BigInt(1) }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => Dec.of(units, scale));

describe('properties', () => {
  test('parseNumber(formatNumber(d)) round-trips (money and any)', () => {
    fc.assert(
      fc.property(decimalArb, fc.constantFrom<'money' | 'any'>('money', 'any'), (v, hint) => {
        const p = expectOk(parseNumber(formatNumber(v), hint));
        expect(p.value.toString()).toBe(v.toString());
        expect(p.decimals).toBe(v.decimals);
      }),
      { numRuns: 2000 },
    );
  });

  test('parseNumber(formatNumber(d, k)) keeps exactly k decimals and rounds like Dec.round', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 0, max: 6 }), (v, k) => {
        const p = expectOk(parseNumber(formatNumber(v, k), 'money'));
        expect(p.value.toString()).toBe(v.round(k).toString());
        // a "1.500"-like whole number has no decimals to count; everything else shows k
        if (k > 0) expect(p.decimals).toBe(k);
      }),
    );
  });

  test('English form round-trips when it cannot be mistaken for a decimal comma', () => {
    fc.assert(
      fc.property(decimalArb, (v) => {
        const text = formatNumberEn(v);
        // "1,500" is a decimal comma and "12.345" Vietnamese thousands: the ambiguous shapes are skipped
        fc.pre(!/^-?\d{1,3},\d{3}$/.test(text) && !/^-?[1-9]\d{0,2}\.\d{3}$/.test(text));
        const p = expectOk(parseNumber(text, 'any'));
        expect(p.value.toString()).toBe(v.toString());
      }),
    );
  });

  test('a machine decimal (Dec.toString) reads back with hint score', () => {
    fc.assert(
      fc.property(decimalArb, (v) => {
        const p = expectOk(parseNumber(v.toString(), 'score'));
        expect(p.value.toString()).toBe(v.toString());
      }),
    );
  });

  test('a number is never confused with itself in another notation: vn and en agree when both unambiguous', () => {
    fc.assert(
      fc.property(decimalArb.filter((v) => v.decimals > 0 && v.abs().cmp(Dec.fromInt(1000)) >= 0), (v) => {
        const vi = expectOk(parseNumber(formatNumber(v)));
        const en = expectOk(parseNumber(formatNumberEn(v)));
        expect(vi.style).toBe('vn');
        expect(en.style).toBe('en');
        expect(vi.value.eq(en.value)).toBe(true);
      }),
    );
  });

  const hints = fc.constantFrom<'money' | 'score' | 'any' | undefined>('money', 'score', 'any', undefined);
  const check = (s: string, hint?: 'money' | 'score' | 'any') => {
    const p = parseNumber(s, hint);
    if (p !== null) {
      expect(typeof p.ok).toBe('boolean');
      if (p.ok) expect(p.value).toBeInstanceOf(Dec);
      else expect(typeof p.reason).toBe('string');
    }
    const u = parseMoneyUnit(s);
    if (u !== null) expect(u.factor).toBeInstanceOf(Dec);
  };

  test('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), hints, (s, h) => check(s, h)), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), hints, (s, h) => check(s, h)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), hints, (s, h) => check(s, h)), { numRuns: 500 });
  });

  test('never throws on number-like strings, short and long', () => {
    const chars = fc.constantFrom(...'0123456789.,-+ \u00a0\u2009%'.split(''));
    fc.assert(fc.property(fc.string({ unit: chars, maxLength: 30 }), hints, (s, h) => check(s, h)), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1000, maxLength: 5000 }), hints, (s, h) => check(s, h)),
      { numRuns: 50 },
    );
    for (const s of ['1'.repeat(5000), '1.'.repeat(2500), '1.000'.repeat(1000), '9'.repeat(4999) + ',5', 'đ'.repeat(5000)]) {
      check(s);
    }
  });

  test('ok values are stable: formatting and parsing again gives the same value', () => {
    const chars = fc.constantFrom(...'0123456789.,-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 20 }), (s) => {
        const p = parseNumber(s, 'money');
        if (!p || !p.ok) return;
        const again = expectOk(parseNumber(formatNumber(p.value), 'money'));
        expect(again.value.eq(p.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
