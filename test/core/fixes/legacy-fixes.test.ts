/**
 * A sheet typed in TCVN3 is decoded for the check; a fix plan that would rewrite a decoded cell is not offered (its
 * "before" is not what the sheet holds, and Unicode words in a legacy font would show as garbage). Cells whose text
 * is the same in both (digits: "2.019") keep their plans.
 */
import { check } from '../../../src/core/check';
import { decodeTcvn3 } from '../../../src/core/vn/legacy';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { byRule, editCells, fixtureSnapshot } from '../../helpers';

function encodeTcvn3(text: string): string {
  const inverse = new Map<string, string>();
  for (let code = 0xa1; code <= 0xfe; code++) {
    const ch = String.fromCharCode(code);
    const letter = decodeTcvn3(ch);
    if (letter !== ch) inverse.set(letter, ch);
  }
  let out = '';
  for (const ch of text.normalize('NFC')) out += inverse.get(ch) ?? inverse.get(ch.toLowerCase()) ?? ch;
  return out;
}
const encode = (s: SheetSnapshot): SheetSnapshot => ({ ...s, values: s.values.map((r) => r.map((v) => (typeof v === 'string' ? encodeTcvn3(v) : v))), fonts: ['.VnTime'] });

test('the words of a TCVN3 sheet get no fix; the digits of F21 keep theirs', async () => {
  const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  const unicode = check(editCells(hue, { F61: 26979 }), { asOf: '2018-02-15' });
  expect(byRule(unicode, 'budget-words-mismatch')[0].fix).toBeDefined();
  const legacy = check(encode(editCells(hue, { F61: 26979 })), { asOf: '2018-02-15' });
  expect(byRule(legacy, 'legacy-encoding')).toHaveLength(1);
  const [words] = byRule(legacy, 'budget-words-mismatch');
  expect(words).toBeDefined();
  expect(words.fix).toBeUndefined();
  expect(byRule(legacy, 'number-as-text').find((f) => f.cell === 'F21')?.fix?.edits[0].before.value).toBe('2.019');
});
