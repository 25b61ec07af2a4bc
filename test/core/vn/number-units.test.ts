/**
 * Issue 7, point 5: currency and unit suffixes, accounting negatives, no-break spaces as thousands separators — read
 * exactly and converted to the column's unit, or reported; ambiguous shapes keep their flag.
 */
import { parseNumber, type ParsedNumber } from '../../../src/core/vn/number';
import { check } from '../../../src/core/check';
import { byRule, cellsOf, checkTasks, editCells, fixtureSnapshot } from '../../helpers';

function ok(p: ParsedNumber | null): Extract<ParsedNumber, { ok: true }> {
  if (!p || !p.ok) throw new Error(`expected a number, got ${JSON.stringify(p)}`);
  return p;
}

describe('parseNumber: units and currency in the cell', () => {
  // text, value as written, unit exponent, ambiguous
  test.each<[string, string, number | undefined, boolean]>([
    ['1.500đ', '1500', 0, true],
    ['1.500 đ', '1500', 0, true],
    ['1.500 đồng', '1500', 0, true],
    ['1.234.568 ₫', '1234568', 0, false], // vi-VN currency format
    ['1\u00a0234\u00a0568\u00a0₫', '1234568', 0, false],
    ['1\u202f234\u202f568 ₫', '1234568', 0, false],
    ['1.500 VNĐ', '1500', 0, true],
    ['VNĐ 1.500.000', '1500000', 0, false],
    ['1.500.000 vnd', '1500000', 0, false],
    ['1.500 triệu', '1500', 6, true],
    ['1.500 TRIỆU ĐỒNG', '1500', 6, true],
    ['1.500 tr.đ', '1500', 6, true],
    ['1.500tr', '1500', 6, true],
    ['1,5 tỷ', '1.5', 9, false],
    ['1,5 tỉ đồng', '1.5', 9, false],
    ['500 nghìn đồng', '500', 3, false],
    ['500 ngàn', '500', 3, false],
    ['21 950', '21950', undefined, false],
    ['21\u00a0950', '21950', undefined, false],
    ['21\u202f950', '21950', undefined, false],
  ])('%j → %s (10^%s)', (text, value, exponent, ambiguous) => {
    const p = ok(parseNumber(text, 'money'));
    expect(p.value.toString()).toBe(value);
    expect(p.unit?.exponent).toBe(exponent);
    expect(p.ambiguous).toBe(ambiguous);
  });

  test.each([
    ['(1.500)', '-1500'],
    ['(1.500 đ)', '-1500'],
    ['( 21.950,5 )', '-21950.5'],
    ['(5)', '-5'],
  ])('accounting negative %j → %s', (text, value) => {
    const p = ok(parseNumber(text, 'money'));
    expect(p.value.toString()).toBe(value);
    expect(p.accounting).toBe(true);
  });

  test.each(['(-5)', '(−1.500)'])('a sign inside accounting parentheses is malformed: %j', (text) => {
    expect(parseNumber(text)).toMatchObject({ ok: false });
  });

  test.each(['5 người', 'triệu', 'đ', '(abc)', '100%', '1.500 USD', 'khoảng 1.500 triệu'])('not a number: %j', (text) => {
    expect(parseNumber(text, 'money')).toBeNull();
  });

  test('a figure of 10^18 or more is malformed, however it is written', () => {
    expect(parseNumber('1'.repeat(400))).toMatchObject({ ok: false, reason: 'too large' });
    expect(parseNumber('1.000.000.000.000.000.000')).toMatchObject({ ok: false, reason: 'too large' });
    expect(parseNumber('1e400')).toBeNull(); // exponents are not how documents write amounts
    expect(ok(parseNumber('999.999.999.999.999.999')).value.toString()).toBe('999999999999999999');
  });
});

describe('budget cells with units (triệu đồng column)', () => {
  it('converts "1.500 triệu", "1,5 tỷ", "500 nghìn đồng" and "2.000.000đ" to the column unit, and says so', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', '1.500 triệu', 'Quý IV/2024'],
      ['2', 'Việc 2', 'SP', 'Sở A', '1,5 tỷ', 'Quý IV/2024'],
      ['3', 'Việc 3', 'SP', 'Sở A', '500 nghìn đồng', 'Quý IV/2024'],
      ['4', 'Việc 4', 'SP', 'Sở A', '2.000.000đ', 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', 3002.5, ''],
    ]);
    expect(r.budget).toMatchObject({ total: 3002.5, stated: 3002.5, unit: 'triệu đồng' });
    expect(cellsOf(r, 'budget-total-mismatch')).toEqual([]);
    const notes = byRule(r, 'number-as-text');
    expect(notes.map((f) => [f.cell, f.expected])).toEqual([['E4', 1500], ['E5', 1500], ['E6', 0.5], ['E7', 2]]);
    expect(notes[1].message.vi).toContain('đã quy đổi theo đơn vị của cột là 1.500 triệu đồng');
  });

  it('reports a unit it cannot convert (no unit in the header) instead of adding it as if it were the column unit', () => {
    const r = check(
      {
        name: 'T',
        values: [
          ['KẾ HOẠCH NĂM 2024'],
          [],
          ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí', 'Thời gian hoàn thành'],
          ['1', 'Việc 1', 'SP', 'Sở A', '1.500 triệu', 'Quý IV/2024'],
          ['2', 'Việc 2', 'SP', 'Sở A', 20, 'Quý IV/2024'],
        ],
      },
      { asOf: '2024-06-15' },
    );
    const [f] = byRule(r, 'invalid-number');
    expect(f).toMatchObject({ cell: 'E4', severity: 'warning' });
    expect(f.message.vi).toContain('tiêu đề cột không nêu đơn vị');
    expect(r.budget!.total).toBe(20);
  });

  it('an accounting negative is read, added as written, and flagged as a negative amount', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', 100, 'Quý IV/2024'],
      ['2', 'Giảm trừ', 'SP', 'Sở A', '(30)', 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', 70, ''],
    ]);
    expect(r.budget).toMatchObject({ total: 70, stated: 70 });
    expect(byRule(r, 'negative-amount')).toMatchObject([{ cell: 'E5', severity: 'warning', actual: -30 }]);
  });
});

describe('on a real layout: the Huế 2018 budget column (triệu đồng)', () => {
  it('reads amounts typed with units and spaces like the ones around them', async () => {
    const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
    const old = { F10: hue.values[9][5], F11: hue.values[10][5] } as { F10: number; F11: number };
    const r = check(editCells(hue, { F10: `${old.F10} triệu đồng`, F11: `${old.F11}\u00a0000\u00a0000 ₫` }), { asOf: '2018-02-15' });
    expect(r.budget!.total).toBe(26979);
    expect(cellsOf(r, 'number-as-text')).toEqual(['F10', 'F11', 'F21', 'F61']);
    expect(byRule(r, 'budget-total-mismatch')[0]).toMatchObject({ expected: 26979, actual: 21950 });
  });
});
