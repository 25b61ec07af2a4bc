import type { RecalcCell } from '../../src/core/report';
import { columnLetter, parseA1 } from '../../src/core/snapshot';
import { applyRecalc, formulaAgrees, recalcKey, restorable, revertRecalc } from '../../src/excel/recalc';
import type { JournalRecord } from '../../src/excel/journal';
import { RecalcError } from '../../src/excel/errors';
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
  const store = {
    /** the recalculation record of the sheet, as stored in Workbook.settings */
    record: (): JournalRecord | undefined => {
      const raw = x.settings.get(recalcKey(x.sheet(SHEET)!.id));
      return raw === undefined ? undefined : (JSON.parse(JSON.parse(raw)) as JournalRecord);
    },
    keys: () => [...x.settings.keys()],
  };
  return { x, store, deps: { run: x.run, isSetSupported: x.isSetSupported } };
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

test('writes exactly the differing non-formula cells (check, then read, cells, record, write: 5 syncs); formulas verified, untouched', async () => {
  const { x, store, deps } = setup();
  const res = await applyRecalc(PLAN, deps);
  expect(res.changed).toEqual([
    { cell: 'F6', before: 1.5, after: 2 },
    { cell: 'F7', before: '', after: 0.5 },
    { cell: 'F8', before: '1,5', after: 1.5, textFormat: true }, // "@" → General, or 1.5 would stay text
  ]);
  expect(res.verifiedFormulas).toEqual([
    { cell: 'F10', expected: 6.75, actual: 6, ok: false },
    { cell: 'F11', expected: 3.5, actual: 3.5, ok: true },
  ]);
  expect(x.syncCount).toBe(5);
  const values = x.writeLog.filter((w) => w.kind === 'values');
  expect(values.map((w) => w.target)).toEqual([`${SHEET}!F6`, `${SHEET}!F7`, `${SHEET}!F8`]);
  expect(values.every((w) => w.sync === 5)).toBe(true);
  // the record is stored before, in a run of its own (outside the merged undo group)
  expect(x.writeLog.find((w) => w.kind === 'setting.add')!.sync).toBe(4);
  expect(x.syncLog[3].run).not.toBe(x.syncLog[4].run);
  expect(cellOf(x, 'F6')!.value).toBe(2);
  expect(cellOf(x, 'F8')!.value).toBe(1.5);
  expect(cellOf(x, 'F10')).toEqual({ value: 6, formula: '=SUM(F5:F9)' });
  expect(store.record()!.cells).toHaveLength(3);
});

test('undo grouping: the writes run with mergeUndoGroup only where ExcelApi 1.20 exists; the record outside the group', async () => {
  const a = setup();
  expect((await applyRecalc(PLAN, a.deps)).undoGrouped).toBe(true);
  expect(a.x.runLog).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }, { delayForCellEdit: true }]);
  // one Ctrl+Z record for the values, one for the record — and the user's stack never emptied
  expect(a.x.undo).toEqual({ records: 2, clears: [] });
  const b = setup();
  b.x.apiVersion = '1.19';
  expect((await applyRecalc(PLAN, b.deps)).undoGrouped).toBe(false);
  expect(b.x.runLog).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }, { delayForCellEdit: true }]);
  // below 1.20 Excel empties the undo stack on any add-in write (office-js #3788): Hoàn tác is the way back
  expect(b.x.undo.clears.length).toBeGreaterThan(0);
});

test('revert restores the previous values exactly, even after the pane reloads', async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  await applyRecalc(PLAN, deps);
  x.resetLogs();
  const res = await revertRecalc(deps);
  expect(res).toEqual({ sheet: SHEET, restored: ['F6', 'F7', 'F8'], skipped: [], hadRecalc: true });
  expect(snapshot(x)).toEqual(before);
  expect(typeof cellOf(x, 'F8')!.value).toBe('string'); // "1,5" came back as text, not parsed
  expect(x.syncCount).toBe(4);
  expect(store.record()).toBeUndefined();
  expect(x.names).toEqual([]);
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
  expect(store.keys()).toEqual([]);
  expect(x.syncCount).toBe(1);
});

test('protected sheet → RecalcError("protected"), nothing written', async () => {
  const { x, store, deps } = setup();
  x.sheet(SHEET)!.protected = true;
  await expect(applyRecalc(PLAN, deps)).rejects.toMatchObject({ code: 'protected', name: 'RecalcError' });
  expect(x.writes).toBe(0);
  expect(store.keys()).toEqual([]);
});

test('nothing to change → no write, no state', async () => {
  const { x, store, deps } = setup();
  const res = await applyRecalc([cell('F5', 2, 2), cell('F11', 3.5, 3.5, true)], deps);
  expect(res.changed).toEqual([]);
  expect(x.writes).toBe(0);
  expect(x.syncCount).toBe(1);
  expect(store.record()).toBeUndefined();
});

test('a failed write sync is rolled back and the error rethrown', async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  x.failure = { sync: 5, afterOps: 5, error: new OfficeError('GeneralException', 'boom') }; // F6 and F7 written, then it fails
  await expect(applyRecalc(PLAN, deps)).rejects.toMatchObject({ message: 'boom' });
  expect(x.writeLog.some((w) => w.sync === 5 && w.kind === 'values')).toBe(true);
  expect(snapshot(x)).toEqual(before);
  expect(store.record()).toBeUndefined();
  expect(x.names).toEqual([]);
});

test('a failed write after an earlier recalculation: the earlier record is kept, so Hoàn tác still goes back to the very start', async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  await applyRecalc(PLAN, deps);
  x.failure = { sync: x.syncCount + 5, afterOps: 3, error: new OfficeError('GeneralException', 'boom') };
  await expect(applyRecalc([cell('F6', 2, 2.5), cell('F9', 0.75, 1)], deps)).rejects.toThrow('boom');
  expect(store.record()!.cells.map((c) => c.cell).sort()).toEqual(['F6', 'F7', 'F8']);
  await revertRecalc(deps);
  expect(snapshot(x)).toEqual(before);
});

test('rows inserted above after the recalculation: Hoàn tác follows the cells (recorded by sheet id and hidden names)', async () => {
  const { x, deps } = setup();
  await applyRecalc(PLAN, deps);
  x.insertRows(SHEET, 1, 2);
  x.renameSheet(SHEET, 'Chỉ số (2)');
  const res = await revertRecalc(deps, { sheet: 'Chỉ số (2)' });
  expect(res.restored).toEqual(['F8', 'F9', 'F10']);
  expect(x.sheet('Chỉ số (2)')!.cell('F8')!.value).toBe(1.5);
  expect(x.sheet('Chỉ số (2)')!.cell('F10')!.value).toBe('1,5');
  // the cells now at the recorded addresses were not touched
  expect(x.sheet('Chỉ số (2)')!.cell('F6')).toBeUndefined();
});

test("values Excel's Ctrl+Z already put back count as restored; a revert that fails half-way can simply be run again", async () => {
  const { x, store, deps } = setup();
  const before = snapshot(x);
  await applyRecalc(PLAN, deps);
  x.sheet(SHEET)!.mutable(6, 6).value = 1.5; // as Ctrl+Z would
  x.failure = { sync: x.syncCount + 3, afterOps: 2, error: new OfficeError('GeneralException', 'boom') };
  await expect(revertRecalc(deps)).rejects.toThrow('boom');
  expect(store.record()).toBeDefined();
  const res = await revertRecalc(deps);
  expect(res).toMatchObject({ restored: ['F6', 'F7', 'F8'], skipped: [] });
  expect(snapshot(x)).toEqual(before);
});

test('the record of the first version (keyed by the sheet name) is still reverted', async () => {
  const { x, store, deps } = setup();
  x.sheet(SHEET)!.mutable(6, 6).value = 2;
  x.settings.set(`phuluc.recalc.${SHEET}`, JSON.stringify({ v: 1, sheet: SHEET, cells: [{ cell: 'F6', before: 1.5, after: 2 }] }));
  expect(await revertRecalc(deps)).toMatchObject({ restored: ['F6'], hadRecalc: true });
  expect(cellOf(x, 'F6')!.value).toBe(1.5);
  expect(store.keys()).toEqual([]);
});

test('below ExcelApi 1.14 the add-in’s own value writes raise no change event (events are off around them)', async () => {
  const { x, deps } = setup();
  x.apiVersion = '1.13';
  const events: unknown[] = [];
  x.changeHandlers.add((e) => void events.push(e));
  await applyRecalc(PLAN, deps);
  await new Promise((r) => setTimeout(r, 10));
  expect(events).toEqual([]);
  expect(x.eventsEnabled).toBe(true);
  // from 1.14 the event comes, marked as the add-in's own
  x.apiVersion = '1.14';
  await revertRecalc(deps);
  await new Promise((r) => setTimeout(r, 10));
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => (e as { triggerSource: string }).triggerSource === 'ThisLocalAddin')).toBe(true);
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
