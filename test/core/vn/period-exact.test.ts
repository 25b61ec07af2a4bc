/**
 * Issue 7, points 8–11: deadline phrases copied from published plans and circulars are read precisely, or are
 * 'unparsed' — never another due date. Real phrases from the seed plans are marked "seed".
 */
import { parseDeadline, type DeadlinePart } from '../../../src/core/vn/period';
import { check } from '../../../src/core/check';
import { byRule, cellsOf, editCells, fixtureSnapshot } from '../../helpers';

const plan = { planYear: 2024 };
const one = (text: string): DeadlinePart => {
  const parts = parseDeadline(text, plan);
  expect(parts).toHaveLength(1);
  return parts[0];
};
const due = (text: string) => {
  const p = one(text);
  return p.period ? `${p.kind} ${p.period.kind} ${p.period.start}..${p.period.due}` : `${p.kind}`;
};

describe('8. a number repeated in words', () => {
  test.each([
    ['Chậm nhất ngày 06 (sáu) tháng 06 (sáu)', 'fixed date 2024-01-01..2024-06-06'],
    ['ngày 15 (mười lăm) tháng 3 (ba) năm 2024', 'fixed date 2024-03-15..2024-03-15'],
    ['Trước ngày 20 (hai mươi) tháng 12', 'fixed date 2024-01-01..2024-12-20'],
    ['Tháng 06 (sáu) năm 2024', 'fixed month 2024-06-01..2024-06-30'],
    ['ngày 31 (ba mươi mốt) tháng 01 (một) năm 2025', 'fixed date 2025-01-31..2025-01-31'],
  ])('%j → %s', (text, expected) => expect(due(text)).toBe(expected));

  test('words that say another number make the line invalid; neither number is guessed', () => {
    expect(one('Chậm nhất ngày 06 (bảy) tháng 06')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('06 (bảy)') });
    expect(one('ngày 06 tháng 06 (sáu mươi)')).toMatchObject({ kind: 'invalid' });
  });

  test('a skipped day is never dropped to leave "the whole month"', () => {
    expect(one('ngày 06 (sáu-bảy) tháng 06').kind).toBe('unparsed');
    expect(one('ngày mùng sáu tháng 6').kind).toBe('unparsed');
    expect(due('ngày mùng 6 tháng 6')).toBe('fixed date 2024-06-06..2024-06-06');
    expect(due('mồng 1 tháng 10 năm 2024')).toBe('fixed date 2024-10-01..2024-10-01');
  });

  test('other words in parentheses are left alone', () => {
    expect(due('Quý IV/2024 (dự kiến)')).toBe('fixed quarter 2024-10-01..2024-12-31');
    expect(due('Tháng 6 (năm 2024)')).toBe('fixed month 2024-06-01..2024-06-30');
  });
});

describe('9. years relative to the plan or report year', () => {
  test.each([
    ['quý IV năm trước liền kề năm kế hoạch', 'fixed quarter 2023-10-01..2023-12-31'], // seed (Hà Giang 1.1)
    ['Quý IV năm trước liền kề năm báo cáo', 'fixed quarter 2023-10-01..2023-12-31'],
    ['Quý I năm liền kề năm báo cáo', 'fixed quarter 2025-01-01..2025-03-31'],
    ['Quý I năm liền kề năm kế hoạch', 'fixed quarter 2025-01-01..2025-03-31'],
    ['tháng 3 năm sau liền kề', 'fixed month 2025-03-01..2025-03-31'],
    ['Tháng 3 năm sau', 'fixed month 2025-03-01..2025-03-31'],
    ['Quý I năm tiếp theo', 'fixed quarter 2025-01-01..2025-03-31'],
    ['tháng 12 năm báo cáo', 'fixed month 2024-12-01..2024-12-31'],
    ['Trước ngày 31/01 năm 2025', 'fixed date 2025-01-01..2025-01-31'], // seed
  ])('%j → %s', (text, expected) => expect(due(text)).toBe(expected));

  test.each(['tháng 3 năm nay', 'Quý II năm học 2024', 'tháng 12 năm tài chính', 'Quý I năm ngân sách', 'tháng 6 năm đó'])(
    '%j is not read',
    (text) => expect(one(text).kind).toBe('unparsed'),
  );

  test('without a plan year the relative forms are not read', () => {
    expect(parseDeadline('Quý I năm liền kề năm báo cáo')[0].kind).toBe('unparsed');
  });
});

describe('10. recurring days', () => {
  test.each([
    ['trước ngày 20/11 hàng năm', { kind: 'recurring', frequency: 'yearly', period: expect.objectContaining({ due: '2024-11-20' }) }],
    ['vào ngày 1-8 hằng năm', { kind: 'recurring', frequency: 'yearly', period: expect.objectContaining({ start: '2024-08-01', due: '2024-08-01' }) }],
    ['Hằng năm, trước ngày 20/11', { kind: 'recurring', frequency: 'yearly', period: expect.objectContaining({ due: '2024-11-20' }) }],
    ['Quý I hàng năm', { kind: 'recurring', frequency: 'yearly', period: expect.objectContaining({ due: '2024-03-31' }) }],
    ['ngày 15 của tháng', { kind: 'recurring', frequency: 'monthly', day: 15 }],
    ['ngày 15 của tháng báo cáo', { kind: 'recurring', frequency: 'monthly', day: 15 }],
    ['Trước ngày 15 hằng tháng', { kind: 'recurring', frequency: 'monthly', day: 15 }],
    ['ngày 20 của tháng cuối quý', { kind: 'recurring', frequency: 'quarterly', day: 20 }],
    ['ngày 20 tháng cuối kỳ báo cáo', { kind: 'recurring', frequency: 'quarterly', day: 20 }],
    ['gửi trước ngày 08 tháng cuối của quý', { kind: 'recurring', frequency: 'quarterly', day: 8 }], // seed (Cát Hải V.1.c)
  ])('%j', (text, expected) => expect(one(text)).toMatchObject(expected));

  test.each(['ngày 32 hằng tháng', 'ngày 0 của tháng'])('%j: no such day', (text) => expect(one(text).kind).toBe('invalid'));

  test.each(['Quý I hàng tháng', 'ngày 20/11 hằng quý', 'tháng 3 mỗi tuần'])('%j: contradictory, not read', (text) => expect(one(text).kind).toBe('unparsed'));
});

describe('11. parts of a month, and starts', () => {
  test.each([
    ['Đầu tháng 6/2024', 'fixed month-part 2024-06-01..2024-06-10'],
    ['giữa tháng 6', 'fixed month-part 2024-06-11..2024-06-20'],
    ['Cuối tháng 2/2024', 'fixed month-part 2024-02-21..2024-02-29'],
    ['Cuối tháng 2 năm 2023', 'fixed month-part 2023-02-21..2023-02-28'],
    ['thượng tuần tháng 7', 'fixed month-part 2024-07-01..2024-07-10'],
    ['hạ tuần tháng 6/2024', 'fixed month-part 2024-06-21..2024-06-30'],
    ['Trước cuối tháng 9', 'fixed month-part 2024-01-01..2024-09-30'],
    ['Đầu quý III/2024', 'fixed month 2024-07-01..2024-07-31'],
    ['Cuối quý II', 'fixed month 2024-06-01..2024-06-30'],
    ['Từ ngày 01/7/2024', 'ongoing'],
    ['Kể từ ngày 01/7/2024', 'ongoing'],
    ['Bắt đầu từ tháng 3/2024', 'ongoing'],
    ['Từ tháng 3/2024', 'ongoing'], // before: read as due 31/3/2024
    ['tháng 6/2024 trở đi', 'ongoing'],
    ['Từ Quý IV/2023 đến Quý I/2024', 'fixed range 2023-10-01..2024-03-31'], // seed (Cát Hải 2)
    ['Sáu tháng đầu năm', 'fixed half 2024-01-01..2024-06-30'],
  ])('%j → %s', (text, expected) => expect(due(text)).toBe(expected));

  test('a start carries its day and no due date', () => {
    expect(one('Từ ngày 01/7/2024')).toMatchObject({ kind: 'ongoing', start: '2024-07-01' });
    expect(one('Từ ngày 01/7/2024').period).toBeUndefined();
  });

  test.each([
    ['Sau ngày 15/3/2024', '2024-03-16'], // before: 15/3, the day itself
    ['Sau Quý I/2024', '2024-04-01'], // before: 1/1, the start of the quarter it follows
    ['Sau Quý IV/2024', '2025-01-01'],
    ['Sau năm 2024', '2025-01-01'],
    ['Kể từ Quý II/2024', '2024-04-01'],
  ])('%j starts on %s: "sau" is after the period, "từ" at its first day', (text, start) => {
    expect(one(text)).toMatchObject({ kind: 'ongoing', start });
  });

  test.each(['Giữa năm 2024', 'Khoảng tháng 6/2024', 'Ngoài quý II', 'Gần cuối năm', 'Giữa quý'])('%j is unparsed, never a guess', (text) => {
    expect(one(text).kind).toBe('unparsed');
  });

  test('a modifier before any valid deadline either is read by the grammar or makes the line unparsed', () => {
    const bases = ['tháng 6/2024', 'Quý II/2024', 'năm 2024', 'ngày 20/6/2024', '6 tháng đầu năm 2024'];
    const mods = ['giữa', 'khoảng', 'ngoài', 'gần', 'từ', 'sau', 'đầu', 'cuối', 'hạ tuần', 'mỗi', 'hằng'];
    for (const b of bases) {
      const plain = parseDeadline(b, plan)[0];
      for (const m of mods) {
        const p = parseDeadline(`${m} ${b}`, plan)[0];
        // the bare phrase's period, with the modifier silently dropped, is exactly the guess the grammar must not make
        const key = (x: DeadlinePart) => `${x.period!.kind} ${x.period!.start}..${x.period!.due}`;
        if (p.kind === 'fixed') expect([m, b, key(p)]).not.toEqual([m, b, key(plain)]);
      }
    }
  });
});

describe('on real layouts', () => {
  it('Hà Giang 2024, column I: "06 (sáu)" is due on 06/06, not at the end of June', async () => {
    const hg = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
    const run = (asOf: string) => check(editCells(hg, { I13: 'Chậm nhất ngày 06 (sáu) tháng 06 (sáu)' }), { asOf });
    expect(cellsOf(run('2024-06-06'), 'deadline-overdue')).not.toContain('I13');
    expect(cellsOf(run('2024-06-07'), 'deadline-overdue')).toContain('I13');
    expect(run('2024-06-07').deadlines!.overdue.find((d) => d.cell === 'I13')).toMatchObject({ due: '2024-06-06' });
  });

  it('Cát Hải 2023, column E: a yearly day, a start and a monthly day', async () => {
    const ch = await fixtureSnapshot('cathai-2023-danh-muc.xlsx');
    const r = check(editCells(ch, { E10: 'Trước ngày 20/11 hằng năm', E11: 'Từ ngày 01/7/2023', E13: 'ngày 15 của tháng báo cáo' }), { asOf: '2023-12-01' });
    expect(r.deadlines!.overdue.find((d) => d.cell === 'E10')).toMatchObject({ due: '2023-11-20' });
    expect(cellsOf(r, 'deadline-overdue')).not.toContain('E11');
    expect(cellsOf(r, 'deadline-overdue')).not.toContain('E13');
    expect(byRule(r, 'deadline-unparsed')).toEqual([]);
  });
});
