/** The text helpers' fast paths give exactly what the plain regular-expression forms give. */
import { clean, collapseSpaces, excerpt, fold, isSpaceCode } from '../../../src/core/vn/text';
import fc from 'fast-check';

test('isSpaceCode is \\s, for every UTF-16 code unit', () => {
  const differ: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
  expect(differ).toEqual([]);
});

test('collapseSpaces is .replace(/\\s+/g, " ").trim()', () => {
  const cases = ['', ' ', 'a', ' a', 'a ', 'a  b', 'a b c', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u2003b', '\ufeffx', 'x\u3000', 'Sở Nội vụ', ' Quý IV/2024 ', 'a \r\n b'];
  for (const s of cases) expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, ' ').trim());
  const spacey = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2002', '\u3000', '\ufeff', 'a', 'Đ', 'ệ', '.', 'e\u0301');
  fc.assert(
    fc.property(fc.array(spacey, { maxLength: 12 }).map((parts) => parts.join('')), (s) => collapseSpaces(s) === s.replace(/\s+/g, ' ').trim()),
    { numRuns: 2000 },
  );
});

test('clean, fold and excerpt keep their meaning', () => {
  expect(clean('  Nhiệm  vụ\n số 1 ')).toBe('Nhiệm vụ số 1');
  expect(clean('Ho\u0300a')).toBe('Hòa');
  expect(fold(' Cơ quan\u00a0CHỦ TRÌ ')).toBe('co quan chu tri');
  expect(excerpt('Nhiệm vụ số 123 của lĩnh vực 4: triển khai, kiểm tra, báo cáo', 50)).toBe('Nhiệm vụ số 123 của lĩnh vực 4: triển khai, kiểm …');
});
