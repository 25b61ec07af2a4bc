/**
 * Issue 7, points 6 and 7: doubles are read as Excel shows them (at most 15 significant digits) before exact decimal
 * arithmetic, so a float-totalled sheet never gets a false mismatch; every figure a report carries is finite.
 */
import fc from 'fast-check';
import { Dec } from '../../../src/core/decimal';
import { check } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';
import type { SheetReport } from '../../../src/core/report';
import { byRule, cellsOf, checkTasks, editCells, fixtureSnapshot, sheet } from '../../helpers';

describe('Dec.fromExcel: a double as Excel shows it', () => {
  test.each([
    [1.1 + 2.2, '3.3'],
    [0.1 + 0.2, '0.3'],
    [60.589999999999996, '60.59'],
    [2.3617, '2.3617'],
    [1 / 3, '0.333333333333333'],
    [123456789012345.67, '123456789012346'],
    [1e21, '1000000000000000000000'],
    [-0.1 - 0.2, '-0.3'],
    [21950, '21950'],
  ])('%p → %s', (n, shown) => {
    expect(Dec.fromExcel(n)!.toString()).toBe(shown);
  });
  test('non-finite numbers are not numbers', () => {
    expect(Dec.fromExcel(Infinity)).toBeNull();
    expect(Dec.fromExcel(NaN)).toBeNull();
  });
});

describe('SUM of 1,1 and 2,2 is 3,3', () => {
  it('a budget total of 3.3000000000000003 agrees with items 1,1 and 2,2', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', 1.1, 'Quý IV/2024'],
      ['2', 'Việc 2', 'SP', 'Sở A', 2.2, 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', 1.1 + 2.2, ''],
    ]);
    expect(r.budget).toMatchObject({ total: 3.3, stated: 3.3 });
    expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
  });
  it('a real difference is still found', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', 1.1, 'Quý IV/2024'],
      ['2', 'Việc 2', 'SP', 'Sở A', 2.2, 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', 3.4, ''],
    ]);
    expect(byRule(r, 'budget-total-mismatch')).toMatchObject([{ expected: 3.3, actual: 3.4 }]);
  });
});

const H: CellValue[] = ['STT', 'Lĩnh vực, tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá'];
/** amounts with 0–4 decimals, as typed into a cell */
const typed = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => Number(Dec.of(BigInt(u), s).toString()));

describe('property: float-totalled sheets never mismatch', () => {
  test('budget: items with 0–4 decimals, subtotal and total added with JS floating point', () => {
    fc.assert(
      fc.property(fc.array(fc.array(typed, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (sections) => {
        const rows: CellValue[][] = [];
        let total = 0;
        sections.forEach((items, s) => {
          const sub = items.reduce((a, b) => a + b, 0);
          total += sub;
          rows.push([['I', 'II', 'III', 'IV', 'V', 'VI'][s], `Mục ${s + 1}`, '', '', sub, '']);
          items.forEach((a, i) => rows.push([String(i + 1), `Việc ${i + 1}`, 'SP', 'Sở A', a, 'Quý IV/2024']));
        });
        rows.push(['', 'Tổng cộng', '', '', total, '']);
        const r = checkTasks(rows);
        expect(byRule(r, 'budget-total-mismatch')).toEqual([]);
        expect(byRule(r, 'budget-subtotal-mismatch')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('scores: leaves with 0–4 decimals, parents and total added with JS floating point (General format)', () => {
    const score = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => Number(Dec.of(BigInt(u), s).toString()));
    fc.assert(
      fc.property(fc.array(fc.array(score, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 8 }), (areas) => {
        const rows: CellValue[][] = [];
        let total = 0;
        areas.forEach((leaves, a) => {
          const sum = leaves.reduce((x, y) => x + y, 0);
          total += sum;
          rows.push([String(a + 1), `Lĩnh vực ${a + 1}`, 1e5 * leaves.length, sum]);
          leaves.forEach((v, i) => rows.push([`${a + 1}.${i + 1}`, `Tiêu chí ${i + 1}`, 1e5, v]));
        });
        rows.push([null, 'Tổng cộng', 1e5 * areas.reduce((n, l) => n + l.length, 0), total]);
        const r = check(sheet([H, ...rows]), { asOf: '2024-06-15' });
        expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
        expect(byRule(r, 'score-total-mismatch')).toEqual([]);
        expect(r.recalc!.filter((c) => c.current !== c.computed)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('on a real layout: Hà Giang 2024 with D109 = SUM of the areas, as Excel computes it', () => {
  it('the total becomes right and no false roll-up or total mismatch appears', async () => {
    const hg = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const before = check(hg, { asOf: '2024-06-01' });
    const areaRows = before.criteria!.map((c) => c.row);
    const sum = areaRows.reduce((acc, row) => acc + (hg.values[row - 1][3] as number), 0);
    const r = check(editCells(hg, { D109: sum }), { asOf: '2024-06-01' });
    expect(cellsOf(r, 'score-total-mismatch')).toEqual(['E109']);
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    expect(r.scores![0]).toMatchObject({ column: 'D', total: 60.59, stated: 60.59 });
  });
});

/** Every number anywhere in the report is finite (JSON would write Infinity and NaN as null). */
function numbersOf(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) for (const v of x) numbersOf(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) numbersOf(v, out);
  return out;
}
const allFinite = (r: SheetReport) => numbersOf(r).every(Number.isFinite);

describe('7. every figure is finite', () => {
  it('a 400-digit text amount is an invalid number, not Infinity', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', '9'.repeat(400), 'Quý IV/2024'],
      ['2', 'Việc 2', 'SP', 'Sở A', 5, 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', '1'.repeat(400), ''],
    ]);
    expect(byRule(r, 'invalid-number').map((f) => [f.cell, f.severity])).toEqual([['E4', 'error'], ['E6', 'error']]);
    expect(r.budget).toMatchObject({ total: 5, stated: null });
    expect(allFinite(r)).toBe(true);
    expect(JSON.stringify(r)).not.toContain('null,"statedCell"');
  });

  it('huge doubles (1e308) are invalid numbers; their sum is never Infinity', () => {
    const r = checkTasks([
      ['1', 'Việc 1', 'SP', 'Sở A', 1e308, 'Quý IV/2024'],
      ['2', 'Việc 2', 'SP', 'Sở A', 1e308, 'Quý IV/2024'],
      ['', 'Tổng cộng', '', '', 2, ''],
    ]);
    expect(cellsOf(r, 'invalid-number')).toEqual(['E4', 'E5']);
    expect(allFinite(r)).toBe(true);
  });

  test('property: any figures in budget and score columns give a report with finite numbers only', () => {
    const figure = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string({ unit: fc.constantFrom(...'0123456789.,-() đtriệu'.split('')), maxLength: 40 }),
      fc.constantFrom('9'.repeat(400), '(1.500)', '1e308', '-0', '1.500 triệu'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, figure), { minLength: 1, maxLength: 12 }), (pairs) => {
        const tasks = checkTasks(pairs.map(([a], i) => [String(i + 1), 'Việc', 'SP', 'Sở A', a, 'Quý IV/2024']).concat([['', 'Tổng cộng', '', '', pairs[0][1], '']]));
        expect(allFinite(tasks)).toBe(true);
        const scores = check(sheet([H, ['1', 'A', 10, pairs[0][0]], ...pairs.map(([, b], i) => [`1.${i + 1}`, 'a', 5, b] as CellValue[])]), { asOf: '2024-06-15' });
        expect(allFinite(scores)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
