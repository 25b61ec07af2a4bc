import { coalesceCells, joinAddressLists, normalizeCell, qualify, splitSheetAddress, cellsOf } from '../../src/excel/addresses';
import { rangeA1 } from '../../src/core/snapshot';

test('qualify / split round-trip, including quotes in sheet names', () => {
  for (const name of ['Sheet1', 'Phụ lục 1', "Bảng 'A'", 'a!b']) {
    expect(splitSheetAddress(qualify(name, 'F61'))).toEqual({ sheet: name, address: 'F61' });
  }
  expect(splitSheetAddress('F61')).toEqual({ address: 'F61' });
  expect(normalizeCell("'X'!$f$61")).toBe('F61');
  expect(normalizeCell('F5:F6')).toBeNull();
});

test('coalesceCells: vertical runs, joined across identical adjacent columns, duplicates ignored', () => {
  const cells = [
    { row: 5, col: 6 },
    { row: 6, col: 6 },
    { row: 7, col: 6 },
    { row: 5, col: 7 },
    { row: 6, col: 7 },
    { row: 7, col: 7 },
    { row: 9, col: 6 },
    { row: 9, col: 6 },
    { row: 2, col: 1 },
  ];
  const areas = coalesceCells(cells);
  expect(areas.map(rangeA1)).toEqual(['A2', 'F5:G7', 'F9']);
  expect(cellsOf(areas)).toHaveLength(8);
  // with a gap allowance (reads only), nearby cells share one range
  expect(coalesceCells([{ row: 2, col: 3 }, { row: 4, col: 3 }, { row: 9, col: 3 }, { row: 20, col: 3 }], 4).map(rangeA1)).toEqual(['C2:C9', 'C20']);
});

test('joinAddressLists: every string ≤ limit, order and content preserved', () => {
  const addresses = Array.from({ length: 3000 }, (_, i) => `K${i * 2 + 1}`);
  const lists = joinAddressLists(addresses);
  expect(lists.length).toBeGreaterThan(1);
  for (const l of lists) {
    expect(l.length).toBeLessThanOrEqual(8000);
    // office-js #5198: a list of 513 areas was refused even under 8 192 characters
    expect(l.split(',').length).toBeLessThanOrEqual(500);
  }
  expect(lists.join(',').split(',')).toEqual(addresses);
  expect(joinAddressLists(['A1', 'B2', 'C3'], 5)).toEqual(['A1,B2', 'C3']);
  expect(joinAddressLists(['A1', 'B2', 'C3'], 100, 2)).toEqual(['A1,B2', 'C3']);
  expect(joinAddressLists([])).toEqual([]);
  expect(() => joinAddressLists(['A1:B2'], 3)).toThrow(RangeError);
});
