/** The hidden names that follow the add-in's cells: their formulas, and reading them back after Excel moved things. */
import { locate, splitUnion, trackedCell, trackFormulas, trackName } from '../../src/excel/tracking';
import { textHash } from '../../src/excel/journal';

test('formulas: absolute single cells, quoted sheet names, split under the length limit, in order', () => {
  const cells = Array.from({ length: 600 }, (_, i) => `F${i + 1}`);
  const parts = trackFormulas("Phụ lục 'A'", cells, 2000);
  expect(parts.length).toBeGreaterThan(5);
  for (const [, f] of parts) expect(f.length).toBeLessThanOrEqual(2000);
  expect(parts[0][1].startsWith("='Phụ lục ''A'''!$F$1,'Phụ lục ''A'''!$F$2")).toBe(true);
  expect(parts.flatMap(([, f]) => splitUnion(f)).map(trackedCell)).toEqual(cells);
  expect(trackName('marks', 0)).toBe('_phuluc_marks_1');
});

test('reading back: moved cells, deleted ones (#REF!), quotes and commas in the sheet name', () => {
  expect(splitUnion("='a, b'!$A$1,'a, b'!#REF!,Sheet1!$C$3")).toEqual(["'a, b'!$A$1", "'a, b'!#REF!", 'Sheet1!$C$3']);
  expect(trackedCell("'a, b'!#REF!")).toBeNull();
  expect(trackedCell('Sheet1!$AB$12')).toBe('AB12');
  const loaded = new Map([
    ['_phuluc_marks_1', "='X'!$B$7,'X'!#REF!"],
    ['_phuluc_marks_2', "='X'!$D$1"],
  ]);
  expect(locate(['_phuluc_marks_1', '_phuluc_marks_2'], 3, loaded)).toEqual(['B7', null, 'D1']);
  // a missing name or a count that does not add up: the names cannot be trusted
  expect(locate(['_phuluc_marks_1', '_phuluc_marks_3'], 3, loaded)).toBeNull();
  expect(locate(['_phuluc_marks_1'], 3, loaded)).toBeNull();
  expect(locate([], 0, loaded)).toBeNull();
});

test('a note the add-in wrote is recognised by a hash of its text', () => {
  expect(textHash('Thiếu nội dung')).toBe(textHash('Thiếu nội dung'));
  expect(textHash('Thiếu nội dung')).not.toBe(textHash('Thiếu nội dung.'));
  expect(textHash('')).toMatch(/^[0-9a-f]{8}$/);
});
