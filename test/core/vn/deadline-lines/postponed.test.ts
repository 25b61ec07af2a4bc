/**
 * Issue 7, postponements "X (lùi sang / chuyển sang / điều chỉnh sang / gia hạn đến Y)": due on Y, and the report
 * says the deadline was postponed (from X when the cell gives it). Before: due on X — a false overdue.
 */
import { check } from '../../../../src/core/check';
import { byRule, cellsOf, checkTasks, editCells, fixtureSnapshot } from '../../../helpers';
import { reading } from './reading';

describe('a postponed deadline is due on the new date', () => {
  test.each([
    ['Tháng 5/2024 (lùi sang tháng 8/2024)', 'fixed month 2024-08-01..2024-08-31 postponed from 2024-05-31'], // was 2024-05-31
    ['Tháng 5/2024 (chuyển sang tháng 8/2024)', 'fixed month 2024-08-01..2024-08-31 postponed from 2024-05-31'],
    ['Quý II/2024 (điều chỉnh sang Quý III/2024)', 'fixed quarter 2024-07-01..2024-09-30 postponed from 2024-06-30'],
    ['Quý II/2024 (điều chỉnh thời gian thực hiện sang Quý III/2024)', 'fixed quarter 2024-07-01..2024-09-30 postponed from 2024-06-30'],
    ['Quý II/2024 (lùi thời gian sang Quý III/2024)', 'fixed quarter 2024-07-01..2024-09-30 postponed from 2024-06-30'],
    ['Tháng 5/2024 - gia hạn đến 30/9/2024', 'fixed date 2024-01-01..2024-09-30 postponed from 2024-05-31'],
    ['Tháng 5/2024, lùi đến tháng 9', 'fixed month 2024-01-01..2024-09-30 postponed from 2024-05-31'],
    ['Tháng 12/2024 (lùi sang tháng 1)', 'fixed month 2025-01-01..2025-01-31 postponed from 2024-12-31'], // January after December
    ['Tháng 5/2024 (điều chỉnh sang tháng 3/2024)', 'fixed month 2024-03-01..2024-03-31 postponed from 2024-05-31'], // "điều chỉnh" may bring it forward
    ['Lùi sang năm 2025', 'fixed year 2025-01-01..2025-12-31 postponed'],
    ['Hoãn đến quý I/2025', 'fixed quarter 2025-01-01..2025-03-31 postponed'],
    ['Gia hạn đến 30/9/2024', 'fixed date 2024-01-01..2024-09-30 postponed'],
  ])('%j → %s', (text, expected) => expect(reading(text)).toBe(expected));

  test('each item of a list may be postponed on its own', () => {
    expect(reading('Tháng 5/2024 (lùi sang tháng 8/2024), tháng 10/2024')).toBe(
      'fixed month 2024-08-01..2024-08-31 postponed from 2024-05-31 || fixed month 2024-10-01..2024-10-31',
    );
  });
});

describe('a postponement it cannot read is never the old date', () => {
  test('"lùi", "gia hạn", "hoãn" to an earlier day are invalid', () => {
    expect(reading('Quý II/2024 (lùi sang Quý I/2024)')).toBe('invalid');
    expect(reading('Tháng 8/2024 (gia hạn đến 31/5/2024)')).toBe('invalid');
  });
  test.each([
    'Quý II (lùi sang)', // no new date
    'Quý II/2024 (lùi sang quý sau)',
    'Quý II và Quý III/2024 (lùi sang Quý IV/2024)', // which one?
    'Lùi sang tháng 8 và tháng 9/2024',
  ])('%j is unparsed', (text) => expect(reading(text)).toBe('unparsed'));
});

describe('the report says it was postponed', () => {
  it('overdue only after the new date; the message names the old one', () => {
    const rows = [[1, 'Nhiệm vụ', 'Báo cáo', 'Sở Nội vụ', 10, 'Tháng 5/2024 (lùi sang tháng 8/2024)']];
    expect(byRule(checkTasks(rows, {}, '2024-06-15'), 'deadline-overdue')).toEqual([]);
    const r = checkTasks(rows, {}, '2024-09-02');
    const [f] = byRule(r, 'deadline-overdue');
    expect(f.cell).toBe('F4');
    expect(f.expected).toBe('2024-08-31');
    expect(f.message.vi).toContain('31/08/2024, đã lùi từ 31/05/2024');
    expect(f.message.en).toContain('2024-08-31, postponed from 2024-05-31');
    expect(r.deadlines!.overdue[0]).toMatchObject({ due: '2024-08-31', postponed: { from: '2024-05-31' } });
  });

  it('due soon carries the postponement too', () => {
    const r = checkTasks([[1, 'Nhiệm vụ', 'Báo cáo', 'Sở Nội vụ', 10, 'Lùi sang ngày 20/6/2024']], {}, '2024-06-15');
    expect(r.deadlines!.dueSoon[0]).toMatchObject({ due: '2024-06-20', postponed: {} });
  });

  it('Cát Hải 2023, column E: a postponed task is not a false overdue', async () => {
    const ch = editCells(await fixtureSnapshot('cathai-2023-danh-muc.xlsx'), { E16: 'Tháng 6/2023 (lùi sang Quý IV/2023)' });
    expect(cellsOf(check(ch, { asOf: '2023-07-15' }), 'deadline-overdue')).not.toContain('E16');
    expect(cellsOf(check(ch, { asOf: '2024-01-02' }), 'deadline-overdue')).toContain('E16');
  });
});
