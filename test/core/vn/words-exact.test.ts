/**
 * Issue 7, points 1–4: amounts in words are read exactly or refused — signs, "phẩy" decimals, "rưỡi", sub-units
 * after "đồng", compound "tỷ", "lẻ" before two digits, spelled-out zero groups — never answered with another amount.
 * read-vietnamese-number (an independent formatter) writes the amounts the properties start from.
 */
import fc from 'fast-check';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { Dec } from '../../../src/core/decimal';
import { parseWords, toWords } from '../../../src/core/vn/words';
import { check } from '../../../src/core/check';
import { byRule, editCells, fixtureSnapshot } from '../../helpers';

const read = (s: string) => parseWords(s)?.value.toString() ?? null;

describe('1. sign words', () => {
  test.each([
    ['Âm năm trăm nghìn đồng chẵn', '-500000'],
    ['trừ năm triệu đồng', '-5000000'],
    ['âm mười', '-10'],
    ['âm một', '-1'],
    ['Bằng chữ: Âm hai mươi mốt tỷ chín trăm năm mươi triệu đồng', '-21950000000'],
    ['(Bằng chữ: trừ một phẩy năm tỷ đồng)', '-1500000000'],
  ])('%j → %s', (text, value) => expect(read(text)).toBe(value));

  test('toWords(-5) reads back as −5, and the words keep the sign', () => {
    expect(toWords(Dec.fromInt(-5))).toBe('Âm năm đồng');
    expect(parseWords(toWords(Dec.fromInt(-5)))).toMatchObject({ unit: 'đồng', words: 'Âm năm đồng' });
    expect(read(toWords(Dec.fromInt(-5)))).toBe('-5');
  });

  test('a sign word away from the amount does not make it negative', () => {
    expect(read('Số tiền sau khi trừ tạm ứng: năm triệu đồng')).toBe('5000000');
  });
});

describe('2. decimals, "rưỡi" and sub-units', () => {
  test.each([
    ['một phẩy năm tỷ đồng', '1500000000'],
    ['Một phẩy năm đồng', '1.5'],
    ['hai mươi mốt phẩy chín năm tỷ đồng', '21950000000'],
    ['không phẩy không năm', '0.05'],
    ['mười hai phẩy ba mươi tư', '12.34'],
    ['một phẩy không trăm linh một', '1.001'],
    ['một phẩy một hai ba bốn', '1.1234'],
    ['một chấm năm', '1.5'],
    ['một tỷ hai trăm triệu phẩy năm đồng', '1200000000.5'],
    ['một nghìn hai trăm phẩy năm tỷ đồng', '1200500000000'],
    ['hai phẩy năm nghìn tỷ', '2500000000000'],
    ['Một tỷ rưỡi đồng', '1500000000'],
    ['hai triệu rưỡi', '2500000'],
    ['hai trăm triệu rưỡi', '200500000'],
    ['hai trăm rưỡi', '250'],
    ['hai nghìn một trăm rưỡi', '2150'],
    ['… một nghìn hai trăm ba mươi bốn đồng năm mươi sáu xu', '1234.56'],
    ['mười đồng và tám mươi chín xu', '10.89'],
    ['năm đồng ba hào', '5.3'],
    ['năm đồng ba hào hai xu', '5.32'],
    ['Âm năm đồng năm mươi xu', '-5.5'],
  ])('%j → %s', (text, value) => expect(read(text)).toBe(value));

  test.each([
    'phẩy năm', // no whole part
    'một phẩy', // no fraction
    'một phẩy tư', // shorthand digit
    'một phẩy năm phẩy hai',
    'một phẩy năm tỷ hai trăm triệu', // a scale after the fraction ends the amount
    'hai nghìn phẩy năm triệu', // the whole part of "… triệu" is below a thousand
    'một tỷ phẩy năm tỷ',
    'một nghìn tỷ rưỡi', // half of a thousand or of a billion?
    'mười rưỡi',
    'hai rưỡi',
    'rưỡi',
    'một tỷ rưỡi hai trăm',
    'hai đồng rưỡi', // the half after the unit
    'năm mươi xu', // sub-units with no đồng
    'một đồng một trăm xu', // more than 99 xu
    'một đồng mười hào',
    'một đồng hai xu ba hào',
    'một phẩy năm đồng năm xu',
  ])('%j is refused', (text) => expect(parseWords(text)).toBeNull());
});

describe('3. compound "tỷ", "lẻ" before two digits, zero groups; shorthand refused', () => {
  test.each([
    ['Tám triệu tỷ, hai trăm ba mươi bốn nghìn tỷ, năm trăm sáu mươi bảy tỷ, tám trăm chín mươi triệu đồng', '8234567890000000'],
    ['hai nghìn tỷ, ba trăm tỷ', '2300000000000'],
    ['một triệu hai trăm nghìn tỷ', '1200000000000000'], // the standard reading, not 1 000 000 + 200 000 tỷ
    ['một triệu tỷ hai trăm nghìn', '1000000000200000'],
    ['một tỷ lẻ mười bảy', '1000000017'],
    ['một tỷ linh hai mươi lăm đồng', '1000000025'],
    ['một nghìn lẻ mười', '1010'],
    ['một triệu không nghìn không trăm linh một', '1000001'],
    ['một tỷ không triệu không nghìn không trăm linh một', '1000000001'],
  ])('%j → %s', (text, value) => expect(read(text)).toBe(value));

  test.each([
    'một nghìn tỷ, hai nghìn tỷ', // not decreasing
    'hai trăm tỷ, ba nghìn tỷ',
    'một tỷ tỷ', // 10^18
    'tám triệu tỷ hai triệu tỷ',
    'một trăm linh mười bảy', // linh before two digits only right after a scale word
    'không nghìn không trăm linh một', // a zero group cannot lead
    'một triệu không nghìn', // nothing after the zero group
    'một triệu tư', // 1 400 000 in speech
    'hai triệu năm',
    'trăm mười',
    'một trăm năm',
  ])('%j is refused', (text) => expect(parseWords(text)).toBeNull());
});

// ---- 4. properties ----

const TEN18 = BigInt(10) ** BigInt(18);
const oracleConfig = (point: string, odd: string): ReadingConfig => {
  const c = new ReadingConfig();
  c.unit = ['đồng'];
  c.pointText = point;
  c.oddText = odd;
  return c;
};

/** Random amounts below 10^18 in magnitude, negative or not, with 0–4 decimals. */
const amountText = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: BigInt(0), max: TEN18 - BigInt(1) }),
      fc.tuple(fc.bigInt({ min: BigInt(0), max: BigInt(999999) }), fc.integer({ min: 0, max: 12 })).map(([n, z]) => n * BigInt(10) ** BigInt(z)),
    ),
    fc.boolean(),
    fc.integer({ min: 0, max: 4 }),
    fc.nat(9999),
  )
  .map(([n, negative, places, f]) => {
    const frac = places ? String(f % 10 ** places).padStart(places, '0').replace(/0+$/, '') : '';
    const text = n.toString() + (frac ? '.' + frac : '');
    return negative && text !== '0' ? '-' + text : text;
  });

/**
 * An independent reading of the words the parser accepted: the usual left-to-right evaluation (a scale multiplies
 * what was said since the previous larger scale; "tỷ" multiplies everything since the previous "tỷ").
 */
function reference(words: string): string {
  const SYN: Record<string, string> = { le: 'linh', tu: 'bon', lam: 'nam', nham: 'nam', ngan: 'nghin', ti: 'ty', cham: 'phay', tru: 'am' };
  const D: Record<string, number> = { khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
  const toks = words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => SYN[t] ?? t)
    .filter((t) => t !== 'chan' && t !== 'dong' && t !== 'va');
  let negative = false;
  if (toks[0] === 'am') {
    negative = true;
    toks.shift();
  }
  const evalInt = (ts: string[]): bigint => {
    let big = BigInt(0);
    let small = BigInt(0);
    let group = BigInt(0);
    let pending: bigint | null = null;
    for (const t of ts) {
      if (t in D) pending = BigInt(D[t]);
      else if (/^\d+$/.test(t)) pending = BigInt(t);
      else if (t === 'tram') {
        group += (pending ?? BigInt(1)) * BigInt(100);
        pending = null;
      } else if (t === 'muoi') {
        group += (pending ?? BigInt(1)) * BigInt(10);
        pending = null;
      } else if (t === 'nghin' || t === 'trieu') {
        small += (group + (pending ?? BigInt(0))) * (t === 'nghin' ? BigInt(1000) : BigInt(1000000));
        group = BigInt(0);
        pending = null;
      } else if (t === 'ty') {
        big += (small + group + (pending ?? BigInt(0))) * BigInt(1000000000);
        small = group = BigInt(0);
        pending = null;
      }
    }
    return big + small + group + (pending ?? BigInt(0));
  };
  let value: Dec;
  const at = toks.indexOf('phay');
  const half = toks.indexOf('ruoi');
  const SCALE: Record<string, number> = { nghin: 3, trieu: 6, ty: 9 };
  if (at >= 0) {
    const frac = toks.slice(at + 1);
    let scale = 0;
    while (frac.length && frac[frac.length - 1] in SCALE) scale += SCALE[frac.pop()!];
    const digits = frac.every((t) => t in D)
      ? frac.map((t) => D[t]).join('')
      : evalInt(frac).toString().padStart(frac.includes('tram') ? 3 : 2, '0');
    value = Dec.parse(`${evalInt(toks.slice(0, at))}.${digits}`)!.mul(Dec.of(BigInt(10) ** BigInt(scale)));
  } else if (half >= 0) {
    const prev = toks[half - 1];
    const p = prev === 'tram' ? 2 : SCALE[prev];
    value = Dec.of(evalInt(toks.slice(0, half)) + BigInt(5) * BigInt(10) ** BigInt(p - 1));
  } else value = Dec.of(evalInt(toks));
  return (negative ? value.neg() : value).toString();
}

describe('4. properties (oracle: read-vietnamese-number)', () => {
  test('every amount the oracle writes (negatives, 0–4 decimals, below 10^18) is read back exactly', () => {
    fc.assert(
      fc.property(amountText, fc.constantFrom('phẩy', 'chấm'), fc.constantFrom('lẻ', 'linh'), (n, point, odd) => {
        const text = doReadNumber(n, oracleConfig(point, odd));
        expect(read(text)).toBe(Dec.parse(n)!.toString());
        expect(read(`(Bằng chữ: ${text.charAt(0).toUpperCase() + text.slice(1)} chẵn)`)).toBe(Dec.parse(n)!.toString());
      }),
      { numRuns: 3000 },
    );
  });

  test('toWords / parseWords round-trip and toWords agrees with the oracle', () => {
    const SAME: Record<string, string> = { lẻ: 'linh', tỉ: 'tỷ' };
    const norm = (s: string) =>
      s
        .normalize('NFC')
        .toLowerCase()
        .split(' ')
        .map((t) => SAME[t] ?? t)
        .join(' ');
    fc.assert(
      fc.property(amountText, (n) => {
        const d = Dec.parse(n)!;
        const w = toWords(d);
        expect(read(w)).toBe(d.toString());
        expect(norm(w)).toBe(norm(doReadNumber(n, oracleConfig('phẩy', 'linh'))));
      }),
      { numRuns: 3000 },
    );
  });

  const VOCAB = ['không', 'một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'trăm', 'linh', 'lẻ', 'nghìn', 'triệu', 'tỷ', 'phẩy', 'âm', 'trừ', 'đồng', 'chẵn', 'và', '5', '21'];

  test('a single-word mutation of a valid spelling gives the amount its words say, or null — never another amount', () => {
    let read0 = 0;
    let changed = 0;
    fc.assert(
      fc.property(amountText, fc.nat(), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...VOCAB), (n, k, op, word) => {
        const words = doReadNumber(n, oracleConfig('phẩy', 'lẻ')).split(' ');
        const i = k % words.length;
        const m = [...words];
        if (op === 0) m.splice(i, 1);
        else if (op === 1) m.splice(i, 0, words[i]);
        else if (op === 2) m[i] = word;
        else if (op === 3) m.splice(i, 0, word);
        else if (i + 1 < m.length) [m[i], m[i + 1]] = [m[i + 1], m[i]];
        const got = parseWords(m.join(' '));
        if (got === null) return;
        read0++;
        if (!got.value.eq(Dec.parse(n)!)) changed++;
        expect(got.value.toString()).toBe(reference(got.words));
      }),
      { numRuns: 4000 },
    );
    // the property is only worth something when many mutants are read, some of them as other amounts
    expect(read0).toBeGreaterThan(500);
    expect(changed).toBeGreaterThan(50);
  });
});

describe('a misspelt word inside the amount', () => {
  test.each([
    ['(Bằng chữ: Hai mươi mìt tỷ chín trăm năm mươi triệu đồng chẵn)'], // TCVN3 «×» for «è»: 20 before this
    ['Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triuệ đồng'], // 21 000 000 950 before this
    ['Bằng chữ: một trăm hqi mươi triệu đồng'],
    ['Bằng chữ: Mìt sáu nghìn đồng'], // a misspelt «Mười»: 6 000 before this
    ['Bằng chữ: Hai mươi-mìt tỷ chín trăm năm mươi triệu đồng'], // punctuation inside the garble: 20 before this
    ['Bằng chữ: Hai mươi, mìt tỷ chín trăm năm mươi triệu đồng'],
    ['Bằng chữ: Hai mươi. Mìt tỷ đồng'],
  ])('%j is refused, not read up to the misspelt word', (text) => {
    expect(parseWords(text)).toBeNull();
  });

  test.each([
    ['Bằng chữ: Hai mươi mốt tỷ đồng, trong đó ngân sách tỉnh mười tỷ đồng', '21000000000'],
    ['Bằng chữ: một trăm triệu đồng (dự kiến hai trăm triệu)', '100000000'],
    ['Tổng: hai mươi triệu', '20000000'],
    ['hai mươi triệu chẵn', '20000000'],
    ['Bằng chữ: Hai mươi triệu, tức là 20.000.000 đồng', '20000000'], // figures after a comma: another phrase
    ['Bằng chữ là: tổng cộng âm năm triệu đồng', '-5000000'],
  ])('%j: punctuation ends the phrase, so what follows it does not break the amount', (text, value) => {
    expect(parseWords(text)?.value.toString()).toBe(value);
  });

  const GARBLE = ['mìt', 'hqi', 'tỉnh', 'khoản', 'x'];
  test('one word of a valid spelling replaced by a word that is no number word: the whole amount or null, never a part', () => {
    let refused = 0;
    fc.assert(
      fc.property(amountText.filter((n) => !n.startsWith('-')), fc.nat(), fc.constantFrom(...GARBLE), (n, k, junk) => {
        const words = `${doReadNumber(n, oracleConfig('phẩy', 'lẻ'))} đồng`.split(' ');
        const m = [...words];
        m[k % words.length] = junk;
        const got = parseWords(`Bằng chữ: ${m.join(' ')}`);
        if (got === null) return void refused++;
        // only the unit itself may be garbled away: the number words are then all there
        expect(k % words.length).toBe(words.length - 1);
        expect(got.value.toString()).toBe(Dec.parse(n)!.toString());
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  });
});

describe('on a real layout: the words row of the Huế 2018 appendix', () => {
  it('reads a decimal, a negative and a "rưỡi" amount in A62 exactly', async () => {
    const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
    const run = (words: string) => check(editCells(hue, { A62: words }), { asOf: '2018-02-15' });
    const agree = run('(Bằng chữ: Hai mươi mốt phẩy chín năm tỷ đồng chẵn)');
    expect(agree.budget!.words).toMatchObject({ cell: 'A62', amount: 21950 });
    expect(byRule(agree, 'budget-words-mismatch')).toEqual([]);
    const [half] = byRule(run('(Bằng chữ: Hai mươi mốt tỷ rưỡi đồng)'), 'budget-words-mismatch');
    expect(half).toMatchObject({ severity: 'error', expected: 21950, actual: 21500 });
    const [neg] = byRule(run('(Bằng chữ: Âm hai mươi mốt tỷ chín trăm năm mươi triệu đồng)'), 'budget-words-mismatch');
    expect(neg).toMatchObject({ severity: 'error', expected: 21950, actual: -21950 });
    const [garbled] = byRule(run('(Bằng chữ: Hai mươi mốt phẩy tỷ đồng)'), 'budget-words-mismatch');
    expect(garbled).toMatchObject({ severity: 'warning' });
    // one misspelt word (as a TCVN3 file decoded with «×» for «è» gives): "cannot be read", not "the words say 20 đồng"
    const [misspelt] = byRule(run('(Bằng chữ: Hai mươi mìt tỷ chín trăm năm mươi triệu đồng chẵn)'), 'budget-words-mismatch');
    expect(misspelt).toMatchObject({ severity: 'warning' });
    expect(misspelt.message.vi).toMatch(/^Không đọc được số tiền bằng chữ/);
  });
});
