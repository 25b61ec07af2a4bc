/** writeCells / undoCells: the general, recorded write of cell contents (what one-click fixes build on). */
import { undoCells, writeCells } from '../../src/excel/writes';
import { FakeExcel, OfficeError } from './fakeExcel';

const SHEET = 'Phụ lục';

function setup() {
  const x = new FakeExcel();
  x.addSheet(SHEET).put('F59', [[{ value: '2.019', numberFormat: '@' }], [{ value: 1500 }], [{ value: 21950 }], ['Tổng'], [{ value: 7, formula: '=3+4' }]]);
  return { x, deps: { run: x.run, isSetSupported: x.isSetSupported } };
}
const cell = (x: FakeExcel, a: string) => ({ ...x.sheet(SHEET)!.cell(a) });

test('a formula, a number for a text, a text that looks like a formula: written, recorded, and undone exactly', async () => {
  const { x, deps } = setup();
  const before = ['F59', 'F60', 'F61', 'F62', 'F63'].map((a) => cell(x, a));
  const res = await writeCells(
    'fix',
    [
      { cell: 'F61', expect: { value: 21950, formula: null }, formula: '=SUM(F59:F60)' },
      // a Text-formatted cell ("@") needs a number format, or the number written would stay text (the fake models it)
      { cell: 'F59', expect: { value: '2.019', numberFormat: '@' }, value: 2019, numberFormat: 'General' },
      { cell: 'F62', expect: { value: 'Tổng' }, value: '=không phải công thức' },
      { cell: 'F60', value: 1500 }, // already so: left out
    ],
    deps,
  );
  expect(res.written.map((w) => w.cell)).toEqual(['F61', 'F59', 'F62']);
  expect(cell(x, 'F61').formula).toBe('=SUM(F59:F60)');
  expect(cell(x, 'F59')).toMatchObject({ value: 2019, numberFormat: 'General' });
  expect(cell(x, 'F62')).toMatchObject({ value: '=không phải công thức' });
  expect(cell(x, 'F62').formula).toBeUndefined();
  expect(x.undo.clears).toEqual([]);
  // a formula's value as Excel computes it: the fake does not compute, so set what Excel would show
  x.sheet(SHEET)!.mutable(61, 6).value = 3519;

  const undone = await undoCells('fix', deps);
  expect(undone).toMatchObject({ hadRecord: true, skipped: [] });
  expect(undone.restored.sort()).toEqual(['F59', 'F61', 'F62']);
  expect(['F59', 'F60', 'F61', 'F62', 'F63'].map((a) => cell(x, a))).toEqual(before);
  expect([...x.settings.keys()]).toEqual([]);
});

test('a formula the user replaced since is left; a cell that changed since the check stops the whole batch', async () => {
  const { x, deps } = setup();
  await writeCells('fix', [{ cell: 'F63', expect: { formula: '=3+4' }, formula: '=F59+F60' }], deps);
  x.sheet(SHEET)!.mutable(63, 6).formula = '=1+1';
  expect(await undoCells('fix', deps)).toMatchObject({ restored: [], skipped: ['F63'] });

  const err = await writeCells('fix', [{ cell: 'F60', expect: { value: 1400 }, value: 1600 }, { cell: 'F61', expect: { value: 21950 }, value: 1 }], deps).catch((e) => e);
  expect(err).toMatchObject({ code: 'stale', cells: ['F60'] });
  expect(cell(x, 'F61').value).toBe(21950);
});

test('a write that fails half-way is put back; the formula it replaced too', async () => {
  const { x, deps } = setup();
  x.failure = { sync: 4, afterOps: 3, error: new OfficeError('GeneralException', 'boom') };
  await expect(writeCells('fix', [{ cell: 'F63', formula: '=9' }, { cell: 'F61', value: 1 }], deps)).rejects.toThrow('boom');
  // (the fake does not compute formulas: the formula is what must come back)
  expect(cell(x, 'F63').formula).toBe('=3+4');
  expect(cell(x, 'F61').value).toBe(21950);
  expect([...x.settings.keys()]).toEqual([]);
});

test('a number written into a Text cell without its format stays text (as in Excel); with it, a format changed since the check is stale', async () => {
  const { x, deps } = setup();
  await writeCells('fix', [{ cell: 'F59', value: 2019 }], deps);
  expect(cell(x, 'F59')).toEqual({ value: '2019', numberFormat: '@' });
  await undoCells('fix', deps);
  x.sheet(SHEET)!.mutable(59, 6).numberFormat = '0.00';
  const err = await writeCells('fix', [{ cell: 'F59', expect: { value: '2.019', numberFormat: '@' }, value: 2019, numberFormat: 'General' }], deps).catch((e) => e);
  expect(err).toMatchObject({ code: 'stale', cells: ['F59'] });
});

test('a failed write puts the number formats back too, after the values', async () => {
  const { x, deps } = setup();
  x.failure = { sync: 4, afterOps: 2, error: new OfficeError('GeneralException', 'boom') };
  await expect(
    writeCells('fix', [{ cell: 'F59', expect: { value: '2.019', numberFormat: '@' }, value: 2019, numberFormat: 'General' }, { cell: 'F61', value: 1 }], deps),
  ).rejects.toThrow('boom');
  expect(cell(x, 'F59')).toEqual({ value: '2.019', numberFormat: '@' });
  expect(cell(x, 'F61').value).toBe(21950);
  expect([...x.settings.keys()]).toEqual([]);
});
