import { OfficeMockObject } from 'office-addin-mock';
import { selectCell } from '../../src/excel/select';
import { MemorySettingsStore } from '../../src/excel/settings';
import { FakeExcel } from './fakeExcel';

function book() {
  const x = new FakeExcel();
  x.addSheet('Tổng hợp');
  x.addSheet('Phụ lục 1').put('A1', [[1]]);
  return x;
}
const deps = (x: FakeExcel) => ({ run: x.run, isSetSupported: x.isSetSupported, store: new MemorySettingsStore() });

test('activates the sheet and selects the cell in one sync', async () => {
  const x = book();
  await selectCell('F61', deps(x), { sheet: 'Phụ lục 1' });
  expect(x.activeName).toBe('Phụ lục 1');
  expect(x.selection).toEqual({ sheet: 'Phụ lục 1', address: 'F61' });
  expect(x.syncCount).toBe(1);
  expect(x.writes).toBe(0);
});

test('a sheet-qualified address wins; without a sheet the active one is used', async () => {
  const x = book();
  await selectCell("'Phụ lục 1'!$B$7", deps(x));
  expect(x.selection).toEqual({ sheet: 'Phụ lục 1', address: 'B7' });
  await selectCell('C3:C9', deps(x));
  expect(x.selection).toEqual({ sheet: 'Phụ lục 1', address: 'C3:C9' });
  await expect(selectCell('A1', deps(x), { sheet: 'Không có' })).rejects.toMatchObject({ code: 'ItemNotFound' });
});

test('works against office-addin-mock too (calls activate + select, then sync)', async () => {
  const calls: string[] = [];
  const range = { select: () => calls.push('select') };
  const sheet = { activate: () => calls.push('activate'), getRange: (a: string) => (calls.push(`getRange ${a}`), range) };
  const context = new OfficeMockObject({
    workbook: { worksheets: { getItem: (n: string) => (calls.push(`getItem ${n}`), sheet), getActiveWorksheet: () => sheet } },
    sync: async () => void calls.push('sync'),
  });
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext);
  await selectCell('F61', { run, isSetSupported: () => true, store: new MemorySettingsStore() }, { sheet: 'S' });
  expect(calls).toEqual(['getItem S', 'activate', 'getRange F61', 'select', 'sync']);
});
