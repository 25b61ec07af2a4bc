import type { RecalcCell } from '../../src/core/report';
import { columnLetter, parseA1 } from '../../src/core/snapshot';
import { applyRecalc, formulaAgrees, recalcKey, restorable, revertRecalc, type RecalcState } from '../../src/excel/recalc';
import { RecalcError } from '../../src/excel/errors';
import { MemorySettingsStore } from '../../src/excel/settings';
import { FakeExcel, OfficeError, type FakeCell } from './fakeExcel';

const SHEET = 'Chỉ số';

function cell(address: string, current: number | null, computed: number, formula = false): RecalcCell {
  const p = parseA1(address)!;
  return { cell: address, row: p.row, column: columnLetter(p.col), current, computed, formula, criterion: `${p.row}` };
}

function setup() {
  const x = new FakeExcel();
  x.addSheet(SHEET).put('E5', [
    ['1.1', 2],
    ['1.2', 1.5],
    ['1.3', ''],
    ['1.4', { value: '1,5', numberFormat: '@' }],
    ['1.5', 0.75],
    ['Tổng', { value: 6, formula: '=SUM(F5:F9)' }],
    ['Ghi chú', { value: 3.5, formula: '=F5+F6' }],
  ]);
  const store = new MemorySettingsStore();
  return { x, store, deps: { run: x.run, isSetSupported: x.isSetSupported, store } };
}

const PLAN = [
  cell('F5', 2, 2), // unchanged
  cell('F6', 1.5, 2), // changes
  cell('F7', null, 0.5), // empty → 0.5
  cell('F8', null, 1.5), // text "1,5" → 1.5
  cell('F9', 0.75, 0.75),
  cell('F10', 6, 6.75, true), // formula: verified, never written
  cell('F11', 3.5, 3.5, true),
];

const cellOf = (x: FakeExcel, a: string): FakeCell | undefined => x.sheet(SHEET)!.cell(a);
const snapshot = (x: FakeExcel) => Object.fromEntries(['F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11'].map((a) => [a, { ...cellOf(x, a) }]));

test('writes exactly the differing non-formula cells in 2 syncs; formulas verified, untouched', async () => {
  const { x, store, deps } = setup();
  const res = await applyRecalc(PLAN, deps);
  expect(res.changed).toEqual([
    { cell: 'F6', before: 1.5, after: 2 },
    { cell: 'F7', before: '', after: 0.5 },
    { cell: 'F8', before: '1,5', after: 1.5 },
  ]);
  expect(res.verifiedFormulas).toEqual([
    { cell: 'F10', expected: 6.75, actual: 6, ok: false },
    { cell: 'F11', expected: 3.5, actual: 3.5, ok: true },
  ]);
  expect(x.syncCount).toBe(2);
  expect(x.writeLog.map((w) => w.target)).toEqual([`${SHEET}!F6`, `${SHEET}!F7`, `${SHEET}!F8`]);
  expect(x.writeLog.every((w) => w.sync === 2)).toBe(true);
  expect(cellOf(x, 'F6')!.value).toBe(2);
  expect(cellOf(x, 'F8')!.value).toBe(1.5);
  expect(cellOf(x, 'F10')).toEqual({ value: 6, formula: '=SUM(F5:F9)' });
  expect(store.get<RecalcState>(recalcKey(SHEET))!.cells).toHaveLength(3);
});

test('undo grouping: Excel.run({ mergeUndoGroup: true }) only where ExcelApi 1.20 exists', async () => {
  const a = setup();
  expect((await applyRecalc(PLAN, a.deps)).undoGrouped).toBe(true);
  expect(a.x.runLog).toEqual([{ mergeUndoGroup: true }]);
  const b = setup();
  b.x.apiVersion = '1.19';
  expect((await applyRecalc(PLAN, b.deps)).undoGrouped).toBe(false);
  expect(b.x.runLog).toEqual([undefined]);
});

test('revert restores the previous values exactly, even after the pane reloads', async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  await applyRecalc(PLAN, deps);
  store.reload();
  x.resetLogs();
  const res = await revertRecalc(deps);
  expect(res).toEqual({ sheet: SHEET, restored: ['F6', 'F7', 'F8'], skipped: [], hadRecalc: true });
  expect(snapshot(x)).toEqual(before);
  expect(typeof cellOf(x, 'F8')!.value).toBe('string'); // "1,5" came back as text, not parsed
  expect(x.syncCount).toBe(3);
  expect(store.get(recalcKey(SHEET))).toBeUndefined();
  expect(await revertRecalc(deps)).toMatchObject({ hadRecalc: false, restored: [] });
});

test('two recalculations, one revert: back to the values before the first', async () => {
  const { x, deps } = setup();
  const before = snapshot(x);
  await applyRecalc(PLAN, deps);
  await applyRecalc([cell('F6', 2, 2.5), cell('F9', 0.75, 1)], deps);
  expect(cellOf(x, 'F6')!.value).toBe(2.5);
  await revertRecalc(deps);
  expect(snapshot(x)).toEqual(before);
});

test('revert leaves a cell the user edited after the recalculation', async () => {
  const { x, deps } = setup();
  await applyRecalc(PLAN, deps);
  x.sheet(SHEET)!.mutable(6, 6).value = 9;
  const res = await revertRecalc(deps);
  expect(res.skipped).toEqual(['F6']);
  expect(cellOf(x, 'F6')!.value).toBe(9);
  expect(cellOf(x, 'F7')!.value).toBe('');
});

test.each([
  ['a value changed', (x: FakeExcel) => (x.sheet(SHEET)!.mutable(6, 6).value = 1.7), ['F6']],
  ['a cell now holds a formula', (x: FakeExcel) => Object.assign(x.sheet(SHEET)!.mutable(7, 6), { formula: '=1/2', value: 0.5 }), ['F7']],
  ['a formula was overwritten by a number', (x: FakeExcel) => Object.assign(x.sheet(SHEET)!.mutable(10, 6), { formula: undefined, value: 6 }), ['F10']],
])('sheet changed since the check (%s) → RecalcError("stale"), nothing written', async (_, change, cells) => {
  const { x, store, deps } = setup();
  change(x);
  const err = await applyRecalc(PLAN, deps).catch((e) => e);
  expect(err).toBeInstanceOf(RecalcError);
  expect(err).toMatchObject({ code: 'stale', cells });
  expect(err.vi).toMatch(/thay đổi/);
  expect(x.writes).toBe(0);
  expect(store.saves).toBe(0);
  expect(x.syncCount).toBe(1);
});

test('protected sheet → RecalcError("protected"), nothing written', async () => {
  const { x, store, deps } = setup();
  x.sheet(SHEET)!.protected = true;
  await expect(applyRecalc(PLAN, deps)).rejects.toMatchObject({ code: 'protected', name: 'RecalcError' });
  expect(x.writes).toBe(0);
  expect(store.saves).toBe(0);
});

test('nothing to change → no write, no state', async () => {
  const { x, store, deps } = setup();
  const res = await applyRecalc([cell('F5', 2, 2), cell('F11', 3.5, 3.5, true)], deps);
  expect(res.changed).toEqual([]);
  expect(x.writes).toBe(0);
  expect(x.syncCount).toBe(1);
  expect(store.get(recalcKey(SHEET))).toBeUndefined();
});

test('a failed write sync is rolled back and the error rethrown', async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  x.failure = { sync: 2, afterOps: 5, error: new OfficeError('GeneralException', 'boom') }; // F6 and F7 written, then it fails
  await expect(applyRecalc(PLAN, deps)).rejects.toMatchObject({ message: 'boom' });
  expect(x.writeLog.some((w) => w.sync === 2)).toBe(true);
  expect(snapshot(x)).toEqual(before);
  expect(store.get(recalcKey(SHEET))).toBeUndefined();
});

test('bad plan address → RecalcError before touching Excel', async () => {
  const { x, deps } = setup();
  await expect(applyRecalc([{ ...cell('F5', 2, 3), cell: 'F5:F6' }], deps)).rejects.toMatchObject({ code: 'invalid-address' });
  expect(x.syncCount).toBe(0);
});

test('helpers', () => {
  expect(formulaAgrees(10.2499999, 10.25)).toBe(true);
  expect(formulaAgrees(10.26, 10.25)).toBe(false);
  expect(formulaAgrees(null, 0)).toBe(false);
  expect(restorable('12,5')).toBe("'12,5");
  expect(restorable('')).toBe('');
  expect(restorable(3)).toBe(3);
});
