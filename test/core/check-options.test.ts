/**
 * `fixPlans: false` and `fingerprints: false` (what the CLI asks for): the same findings, in the same order, with the
 * same messages — only without the plans or fingerprints nobody will use; ignores are still matched by fingerprint.
 */
import { check } from '../../src/core/check';
import { ignoreFor } from '../../src/core/ignores';
import type { Finding, SheetReport } from '../../src/core/report';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { editCells, fixtureSnapshot } from '../helpers';

const without = (r: SheetReport, key: 'fix' | 'fingerprint'): SheetReport => ({
  ...r,
  findings: r.findings.map((f) => {
    const { [key]: _drop, ...rest } = f;
    return rest as Finding;
  }),
});

let hue: SheetSnapshot;
beforeAll(async () => {
  // a wrong total in figures and words besides the sheet's own findings: sum-formula and amount-in-words plans too
  hue = editCells(await fixtureSnapshot('hue-2018-nhiem-vu.xlsx'), { F61: 26000 });
});
const AS_OF = '2018-02-15';

test('fixPlans: false leaves out every plan and nothing else', () => {
  const full = check(hue, { asOf: AS_OF });
  const lean = check(hue, { asOf: AS_OF, fixPlans: false });
  expect(full.findings.filter((f) => f.fix).map((f) => f.fix!.kind)).toEqual(expect.arrayContaining(['number-from-text', 'sum-formula', 'amount-in-words']));
  expect(lean.findings.some((f) => 'fix' in f)).toBe(false);
  expect(lean).toEqual(without(full, 'fix'));
});

test('fingerprints: false leaves out every fingerprint and nothing else', () => {
  const full = check(hue, { asOf: AS_OF });
  const lean = check(hue, { asOf: AS_OF, fingerprints: false });
  expect(full.findings.every((f) => typeof f.fingerprint === 'string')).toBe(true);
  expect(lean.findings.some((f) => 'fingerprint' in f)).toBe(false);
  expect(lean).toEqual(without(full, 'fingerprint'));
});

test('with ignores given, fingerprints are made all the same and the ignores apply as by default', () => {
  const first = check(hue, { asOf: AS_OF });
  const ignores = first.findings.filter((f) => f.rule === 'deadline-overdue' || f.rule === 'number-as-text').map((f) => ignoreFor(f, hue.name)!);
  ignores.push({ ...ignores[0], cell: 'G99', fingerprint: 'ffffffffffffffff' });
  const full = check(hue, { asOf: AS_OF, ignores });
  const lean = check(hue, { asOf: AS_OF, ignores, fingerprints: false, fixPlans: false });
  expect(full.ignored!.length).toBeGreaterThan(5);
  expect(full.staleIgnores).toHaveLength(1);
  expect(lean.findings.every((f) => typeof f.fingerprint === 'string')).toBe(true);
  expect(lean.ignored!.map((i) => [i.finding.cell, i.finding.rule, i.finding.fingerprint])).toEqual(full.ignored!.map((i) => [i.finding.cell, i.finding.rule, i.finding.fingerprint]));
  expect(lean.staleIgnores).toEqual(full.staleIgnores);
  expect(lean.findings.map((f) => [f.cell, f.rule, f.message])).toEqual(full.findings.map((f) => [f.cell, f.rule, f.message]));
});
