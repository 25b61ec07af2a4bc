import fc from 'fast-check';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { Dec } from '../../../src/core/decimal';
import { parseWords, toWords } from '../../../src/core/vn/words';

const big = (s: string): Dec => Dec.parse(s)!;
const TEN15 = BigInt(10) ** BigInt(15);

describe('parseWords: amounts', () => {
  const cases: [string, string, 'đồng' | null][] = [
    ['(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triệu đồng chẵn)', '21950000000', 'đồng'],
    ['Bằng chữ: Một trăm linh năm triệu đồng', '105000000', 'đồng'],
    ['Số tiền bằng chữ: Ba mươi triệu đồng./.', '30000000', 'đồng'],
    ['(Số tiền bằng chữ: Hai tỷ không trăm linh năm triệu đồng)', '2005000000', 'đồng'],
    ['Bằng chữ: một nghìn tỷ đồng', '1000000000000', 'đồng'],
    ['Bằng chữ: Một triệu tỷ đồng', '1000000000000000', 'đồng'],
    ['mười lăm', '15', null],
    ['Mười lăm đồng', '15', 'đồng'],
    ['hai mươi tư', '24', null],
    ['hai mươi bốn', '24', null],
    ['một trăm linh một', '101', null],
    ['một trăm lẻ một', '101', null],
    ['chín trăm chín mươi chín nghìn', '999000', null],
    ['một triệu không trăm mười nghìn', '1010000', null],
    ['Một triệu không trăm linh năm nghìn đồng', '1005000', 'đồng'],
    ['một nghìn không trăm linh năm', '1005', null],
    ['một nghìn linh năm', '1005', null],
    ['hai triệu năm nghìn', '2005000', null],
    ['Không đồng', '0', 'đồng'],
    ['không', '0', null],
    // spelling variants
    ['HAI MƯƠI MỐT TỶ CHÍN TRĂM NĂM MƯƠI TRIỆU ĐỒNG', '21950000000', 'đồng'],
    ['hai mươi một tỉ chín trăm năm mươi triệu đồng', '21950000000', 'đồng'],
    ['hai muoi mot ty chin tram nam muoi trieu dong', '21950000000', 'đồng'],
    ['Hai mười mốt tỷ', '21000000000', null], // mười/mươi interchangeable
    ['mươi lăm', '15', null],
    ['hai mươi nhăm', '25', null],
    ['hai mươi năm nghìn', '25000', null],
    ['mười bốn', '14', null],
    ['mười tư', '14', null],
    ['bẩy trăm ngàn đồng', '700000', 'đồng'],
    ['bảy trăm nghìn đồng', '700000', 'đồng'],
    ['một trăm linh tư', '104', null],
    // tone placement / decomposed input
    ['Bằng chữ: Hai mươi mốt tỷ đồng'.normalize('NFD'), '21000000000', 'đồng'],
    // punctuation
    ['Bằng chữ: Hai mươi mốt tỷ, chín trăm năm mươi triệu đồng; chẵn.', '21950000000', 'đồng'],
    ['Tổng cộng: năm trăm triệu đồng.', '500000000', 'đồng'],
    // digits mixed with words
    ['21 tỷ 950 triệu đồng', '21950000000', 'đồng'],
    ['Bằng chữ: 5 triệu đồng', '5000000', 'đồng'],
    // distractors before the amount
    ['Năm 2024, số tiền bằng chữ: năm triệu đồng', '5000000', 'đồng'],
    ['Từ năm triệu đồng', '5000000', 'đồng'],
    ['VNĐ: mười triệu VNĐ', '10000000', 'đồng'],
  ];
  test.each(cases)('%j → %s', (text, value, unit) => {
    const w = parseWords(text);
    expect(w).not.toBeNull();
    expect(w!.value.toString()).toBe(value);
    expect(w!.unit).toBe(unit);
  });

  test('words is the matched amount, with its unit, without "chẵn"', () => {
    expect(parseWords('(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triệu đồng chẵn)')!.words).toBe(
      'Hai mươi mốt tỷ chín trăm năm mươi triệu đồng',
    );
    expect(parseWords('Bằng chữ: mười lăm')!.words).toBe('mười lăm');
  });
});

describe('parseWords: null', () => {
  test.each([
    '',
    '   ',
    'Bằng chữ:',
    'Tổng cộng',
    'Kinh phí triển khai',
    'Không có',
    'trăm trăm',
    'mươi hai tỷ tỷ',
    'một tỷ tỷ',
    'một tỷ hai mươi tỷ',
    'hai hai',
    'một trăm năm', // 150 in speech, 105 if "linh" was dropped
    'hai triệu năm', // 2 500 000 in speech
    'một trăm trăm',
    'một mươi',
    'tư trăm',
    'hai mươi mươi',
    'mười mười',
    'linh năm',
    'không trăm năm mươi',
    'không nghìn',
    'một nghìn triệu',
    'một triệu nghìn',
    'nghìn',
    'tỷ đồng',
    'Bằng chữ: năm trăm linh triệu đồng',
    'Bằng chữ: 21.950.000.000 đồng',
    'hai mươi không',
    'một trăm linh không',
    'một trăm linh lăm',
    'lăm',
  ])('%j', (text) => {
    expect(parseWords(text)).toBeNull();
  });
});

describe('toWords', () => {
  test.each([
    ['0', 'Không đồng'],
    ['1', 'Một đồng'],
    ['10', 'Mười đồng'],
    ['15', 'Mười lăm đồng'],
    ['21', 'Hai mươi mốt đồng'],
    ['24', 'Hai mươi tư đồng'],
    ['14', 'Mười bốn đồng'],
    ['25', 'Hai mươi lăm đồng'],
    ['11', 'Mười một đồng'],
    ['101', 'Một trăm linh một đồng'],
    ['110', 'Một trăm mười đồng'],
    ['105000', 'Một trăm linh năm nghìn đồng'],
    ['1005', 'Một nghìn không trăm linh năm đồng'],
    ['1010000', 'Một triệu không trăm mười nghìn đồng'],
    ['1005000', 'Một triệu không trăm linh năm nghìn đồng'],
    ['21950000000', 'Hai mươi mốt tỷ chín trăm năm mươi triệu đồng'],
    ['2005000000', 'Hai tỷ không trăm linh năm triệu đồng'],
    ['1000000000000', 'Một nghìn tỷ đồng'],
    ['1000000000000000', 'Một triệu tỷ đồng'],
    ['100000000000005', 'Một trăm nghìn tỷ không trăm linh năm đồng'],
    ['999999', 'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
    ['7', 'Bảy đồng'],
  ])('%s → %s', (n, words) => {
    expect(toWords(big(n))).toBe(words);
  });

  test('options', () => {
    expect(toWords(big('21'), { unit: false })).toBe('Hai mươi mốt');
    expect(toWords(big('21'), { capitalize: false })).toBe('hai mươi mốt đồng');
    expect(toWords(big('0'), { unit: false, capitalize: false })).toBe('không');
    expect(toWords(big('-5'), { capitalize: false })).toBe('âm năm đồng');
  });

  test('a fractional amount is written with "phẩy" (words-exact.test.ts reads it back)', () => {
    expect(toWords(big('1.5'))).toBe('Một phẩy năm đồng');
  });
});

// ---- properties ----

const amount = fc.bigInt({ min: BigInt(0), max: TEN15 });
/** Mostly "round" amounts such as documents hold, plus fully random ones. */
const docAmount = fc.oneof(
  amount,
  fc.tuple(fc.bigInt({ min: BigInt(0), max: BigInt(999999) }), fc.integer({ min: 0, max: 9 })).map(([n, z]) => n * BigInt(10) ** BigInt(z)),
);

describe('properties', () => {
  test('parseWords(toWords(n)) round-trips for 0..10^15', () => {
    fc.assert(
      fc.property(docAmount, fc.boolean(), fc.boolean(), (n, unit, capitalize) => {
        const w = parseWords(toWords(Dec.of(n), { unit, capitalize }));
        expect(w).not.toBeNull();
        expect(w!.value.toString()).toBe(n.toString());
        expect(w!.unit).toBe(unit ? 'đồng' : null);
      }),
      { numRuns: 2000 },
    );
  });

  test('round-trips inside a "Bằng chữ" phrase with spelling variants, case and lost diacritics', () => {
    const variants: [RegExp, string][] = [
      [/linh/g, 'lẻ'],
      [/nghìn/g, 'ngàn'],
      [/tỷ/g, 'tỉ'],
      [/mốt/g, 'một'],
      [/ tư/g, ' bốn'],
      [/lăm/g, 'năm'],
      [/lăm/g, 'nhăm'],
      [/bảy/g, 'bẩy'],
      [/mươi/g, 'mười'],
      [/mười/g, 'mươi'],
    ];
    fc.assert(
      fc.property(
        docAmount,
        fc.subarray(variants),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          (s) => s.toUpperCase(),
          (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd'),
          (s) => s.normalize('NFD'),
        ),
        fc.constantFrom('(Bằng chữ: %)', 'Bằng chữ: % chẵn./.', 'Số tiền bằng chữ: %.', '%', '  %;  '),
        (n, vs, recase, frame) => {
          let w = toWords(Dec.of(n));
          for (const [re, to] of vs) w = w.replace(re, to);
          const text = frame.replace('%', recase(w));
          const got = parseWords(text);
          expect(got).not.toBeNull();
          expect(got!.value.toString()).toBe(n.toString());
          expect(got!.unit).toBe('đồng');
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('a doubled word makes the canonical reading invalid (null, never a wrong value)', () => {
    fc.assert(
      fc.property(docAmount.filter((n) => n > BigInt(0)), fc.nat(), (n, k) => {
        const words = toWords(Dec.of(n), { unit: false }).split(' ');
        const i = k % words.length;
        const garbled = [...words.slice(0, i + 1), words[i], ...words.slice(i + 1)].join(' ');
        expect(parseWords(garbled)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  test('toWords agrees with read-vietnamese-number (oracle)', () => {
    const config = new ReadingConfig();
    config.unit = ['đồng'];
    // spelling the oracle makes configurable; the token map below covers the rest
    config.oddText = 'linh';
    config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
    const SAME: Record<string, string> = { lẻ: 'linh', ngàn: 'nghìn', tỉ: 'tỷ', bẩy: 'bảy' };
    const norm = (s: string) =>
      s
        .normalize('NFC')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .map((t) => SAME[t] ?? t)
        .join(' ');
    fc.assert(
      fc.property(docAmount, (n) => {
        expect(norm(toWords(Dec.of(n)))).toBe(norm(doReadNumber(n.toString(), config)));
      }),
      { numRuns: 3000 },
    );
  });

  const check = (s: string) => {
    const w = parseWords(s);
    if (w !== null) {
      expect(w.value).toBeInstanceOf(Dec);
      expect(w.value.sign()).toBeGreaterThanOrEqual(0);
      expect(s.normalize('NFC')).toContain(w.words);
    }
  };

  test('parseWords never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 500 });
  });

  test('parseWords never throws on random word salad, short and long', () => {
    const vocab = fc.constantFrom(
      ...'không một mốt hai ba bốn tư năm lăm nhăm sáu bảy bẩy tám chín mười mươi trăm linh lẻ nghìn ngàn triệu tỷ tỉ đồng chẵn bằng chữ 21 950 , . ( )'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.array(vocab, { maxLength: 12 }), (ws) => check(ws.join(' '))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(vocab, { minLength: 500, maxLength: 1500 }), (ws) => check(ws.join(' '))),
      { numRuns: 30 },
    );
    check('một tỷ '.repeat(1000));
    check('mươi '.repeat(5000));
    check('a'.repeat(5000));
  });
});
