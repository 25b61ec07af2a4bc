/** The workbook's ignores in Workbook.settings: added once, removed one by one or all of a sheet, JSON as stored. */
import { IGNORES_KEY, type Ignore } from '../../src/core/ignores';
import { loadIgnores, sheetIdsReader, updateIgnores } from '../../src/excel/ignores';
import { MemorySettingsStore, workbookSettingsStore } from '../../src/excel/settings';
import { FakeExcel } from './fakeExcel';

const ig = (cell: string, sheet = 'Phụ lục'): Ignore => ({ rule: 'invalid-number', sheet, cell, fingerprint: '0123456789abcdef', at: '2024-06-15' });

test('added once each, removed by entry or all of one sheet; the list goes when empty', async () => {
  const store = new MemorySettingsStore();
  expect(await updateIgnores(store, { add: [ig('F9'), ig('F9'), ig('F10'), ig('F9', 'Khác')] })).toEqual([ig('F9'), ig('F10'), ig('F9', 'Khác')]);
  expect(await updateIgnores(store, { remove: [ig('F10')] })).toEqual([ig('F9'), ig('F9', 'Khác')]);
  expect(await updateIgnores(store, { remove: 'all', sheet: 'Phụ lục' })).toEqual([ig('F9', 'Khác')]);
  expect(await updateIgnores(store, { remove: 'all' })).toEqual([]);
  expect(store.keys()).toEqual([]);
});

test('stored in Workbook.settings as JSON text (what Excel saves in the file), read back validated', async () => {
  const x = new FakeExcel();
  x.addSheet('Phụ lục');
  const store = workbookSettingsStore(x.run);
  await updateIgnores(store, { add: [ig('F9')] });
  expect(JSON.parse(JSON.parse(x.settings.get(IGNORES_KEY)!))).toEqual({ v: 1, items: [ig('F9')] });
  expect(await loadIgnores(store)).toEqual([ig('F9')]);
  // garbage stored by hand: no ignores, no exception
  x.settings.set(IGNORES_KEY, JSON.stringify('{not json'));
  expect(await loadIgnores(store)).toEqual([]);
  // Ctrl+Z kept: a settings write is no write into a sheet (ExcelApi 1.20)
  expect(x.undo.clears).toEqual([]);
});

test('a store that refuses the write: the error reaches the caller and nothing changes', async () => {
  const store = new MemorySettingsStore();
  await updateIgnores(store, { add: [ig('F9')] });
  store.failNext = new Error('AccessDenied');
  await expect(updateIgnores(store, { add: [ig('F10')] })).rejects.toThrow('AccessDenied');
  expect(await loadIgnores(store)).toEqual([ig('F9')]);
});

describe('a renamed sheet keeps its ignores (by Worksheet.id)', () => {
  test('loading follows the rename without writing; the next change stores the new name; the CLI sees names only', async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục');
    x.addSheet('Khác');
    const store = workbookSettingsStore(x.run);
    const sheets = sheetIdsReader(x.run);
    const [added] = await updateIgnores(store, { add: [ig('F9')] }, sheets);
    const id = x.sheet('Phụ lục')!.id;
    expect(added).toEqual({ ...ig('F9'), sheetId: id });

    x.renameSheet('Phụ lục', 'Phụ lục 2024');
    const stored = x.settings.get(IGNORES_KEY);
    expect(await loadIgnores(store, sheets)).toEqual([{ ...ig('F9', 'Phụ lục 2024'), sheetId: id }]);
    // a load is no write (it runs on every automatic re-check)
    expect(x.settings.get(IGNORES_KEY)).toBe(stored);
    // without the sheets (the file readers): the name as stored
    expect(await loadIgnores(store)).toEqual([{ ...ig('F9'), sheetId: id }]);

    // the next explicit change writes the list with the new name; "all of this sheet" finds it under that name
    await updateIgnores(store, { add: [ig('F10', 'Khác')] }, sheets);
    expect(JSON.parse(JSON.parse(x.settings.get(IGNORES_KEY)!)).items.map((i: Ignore) => i.sheet)).toEqual(['Phụ lục 2024', 'Khác']);
    expect(await updateIgnores(store, { remove: 'all', sheet: 'Phụ lục 2024' }, sheets)).toEqual([{ ...ig('F10', 'Khác'), sheetId: x.sheet('Khác')!.id }]);
  });

  test('an ignore of a deleted sheet, or stored without an id (older versions), stays as it was', async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục');
    const store = workbookSettingsStore(x.run);
    const old = ig('F9');
    const gone = { ...ig('F10'), sheetId: '{no-such-sheet}' };
    x.settings.set(IGNORES_KEY, JSON.stringify(JSON.stringify({ v: 1, items: [old, gone] })));
    x.renameSheet('Phụ lục', 'Đổi tên');
    expect(await loadIgnores(store, sheetIdsReader(x.run))).toEqual([old, gone]);
  });
});
