/**
 * A sheet typed in TCVN3 is decoded for the check; a fix plan that would rewrite a decoded cell is not offered (its
 * "before" is not what the sheet holds, and Unicode words in a legacy font would show as garbage). Cells whose text
 * is the same in both (digits: "2.019") keep their plans.
 */
import { check } from '../../../src/core/check';
import { byRule, editCells, fixtureSnapshot } from '../../helpers';
import { tcvn3Sheet } from '../../legacyText';

test('the words of a TCVN3 sheet get no fix; the digits of F21 keep theirs', async () => {
  const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  const unicode = check(editCells(hue, { F61: 26979 }), { asOf: '2018-02-15' });
  expect(byRule(unicode, 'budget-words-mismatch')[0].fix).toBeDefined();
  const legacy = check(tcvn3Sheet(editCells(hue, { F61: 26979 })), { asOf: '2018-02-15' });
  expect(byRule(legacy, 'legacy-encoding')).toHaveLength(1);
  const [words] = byRule(legacy, 'budget-words-mismatch');
  expect(words).toBeDefined();
  expect(words.fix).toBeUndefined();
  expect(byRule(legacy, 'number-as-text').find((f) => f.cell === 'F21')?.fix?.edits[0].before.value).toBe('2.019');
});
