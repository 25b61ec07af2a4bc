/**
 * Bad input never crashes: random grids — with and without a real header, with merges over anything, error values,
 * huge and odd texts — always give a report, and never through the internal-failure path (`check-failed`).
 */
import fc from 'fast-check';
import { check } from '../../src/core/check';
import type { CellValue, MergedArea, SheetSnapshot } from '../../src/core/snapshot';

const WORDS = ['TT', 'STT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Phối hợp', 'Kinh phí (tr. đồng)', 'Thời gian hoàn thành', 'Tình trạng', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tổng cộng', 'Cộng mục I', 'Bằng chữ: Hai mươi mốt tỷ', 'I. CẢI CÁCH', 'a) việc', '1.3.1', 'Quý IV/2017', 'Trước ngày 31/02/2024', '21.950', '26.979,5', '=SUM(A1)', '<script>x</script>', 'Đã hoàn thành', 'Chưa nộp', '', '   ', '#REF!'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: false }),
  fc.constantFrom<CellValue>(null, true, false, { error: '#REF!' }, { error: '#VALUE!' }, 45371, 2018, 0.1, 'x'.repeat(5000)),
);

const grid = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
    header: fc.boolean(),
    merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 30 }), left: fc.integer({ min: 1, max: 10 }), h: fc.nat(4), w: fc.nat(3) }), { maxLength: 6 }),
    origin: fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 3 }) }),
  })
  .map(({ rows, header, merges, origin }): SheetSnapshot => ({
    name: 'Fuzz',
    origin,
    values: header ? [['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành', 'Điểm tối đa', 'Điểm tự đánh giá'], ...rows] : rows,
    merges: merges.map((m): MergedArea => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

it('check() gives a report for any grid, never an internal failure', () => {
  let found = 0;
  let findings = 0;
  fc.assert(
    fc.property(grid, fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (snap, planYear) => {
      const r = check(snap, { asOf: '2024-06-15', planYear });
      expect(r.sheet).toBe('Fuzz');
      const failed = r.findings.filter((f) => f.rule === 'check-failed');
      if (failed.length) throw new Error(failed[0].message.en);
      for (const f of r.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      if (r.found) found++;
      findings += r.findings.length;
    }),
    { numRuns: 400 },
  );
  // The property is only worth something if many random grids really went through the rules. (The grids are random:
  // over 30 seeds the findings ranged 389–513, so the floor sits below that, not at the mean.)
  expect(found).toBeGreaterThan(100);
  expect(findings).toBeGreaterThan(300);
});
