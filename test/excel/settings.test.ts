import {
  CHECK_SETTINGS_KEY,
  DEFAULT_CHECK_SETTINGS,
  loadCheckSettings,
  MAX_SETTING_BYTES,
  MemorySettingsStore,
  saveCheckSettings,
  validateCheckSettings,
  workbookSettingsStore,
  type CheckSettings,
} from '../../src/excel/settings';
import { FakeExcel } from './fakeExcel';

const FULL: CheckSettings = {
  required: ['content', 'leadAgency'],
  planYear: 2024,
  asOf: '2024-02-29',
  bands: [
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 65 },
    { label: 'Đạt', minPercent: 50 },
  ],
  lang: 'en',
  autoRefresh: true,
  marksNoticeSeen: true,
};

function book(apiVersion = '1.20') {
  const x = new FakeExcel();
  x.apiVersion = apiVersion;
  x.addSheet('Sheet1');
  return x;
}

test('Workbook.settings round-trip: stored as JSON text in the workbook, no saveAsync, the undo stack untouched (ExcelApi 1.20)', async () => {
  const x = book();
  const store = workbookSettingsStore(x.run);
  expect(await loadCheckSettings(store)).toEqual(DEFAULT_CHECK_SETTINGS);
  expect(await saveCheckSettings(FULL, store)).toEqual(FULL);
  expect(JSON.parse(JSON.parse(x.settings.get(CHECK_SETTINGS_KEY)!))).toEqual({ v: 1, ...FULL });
  // a fresh pane (a new store) reads what the workbook holds
  expect(await loadCheckSettings(workbookSettingsStore(x.run))).toEqual(FULL);
  expect(x.undo.clears).toEqual([]);
  await store.remove(CHECK_SETTINGS_KEY);
  await store.remove(CHECK_SETTINGS_KEY); // removing what is not there is fine
  expect(x.settings.size).toBe(0);
  expect(await store.get('nothing')).toBeUndefined();
});

test('below ExcelApi 1.20 every add-in write empties the undo stack — a settings save too (office-js #3788)', async () => {
  const x = book('1.14');
  await saveCheckSettings(FULL, workbookSettingsStore(x.run));
  expect(x.undo.clears.length).toBe(1);
});

test('settings saved by older versions through document.settings (an object, not JSON text) are read (office-js-docs-reference #769: same storage)', async () => {
  const x = book();
  x.settings.set(CHECK_SETTINGS_KEY, JSON.stringify({ v: 1, planYear: 2023, lang: 'en' }));
  expect(await loadCheckSettings(workbookSettingsStore(x.run))).toEqual({ ...DEFAULT_CHECK_SETTINGS, planYear: 2023, lang: 'en' });
});

test('a value past MAX_SETTING_BYTES is refused before Excel is asked; Excel refuses past ~2 MB in all (office-js #621, #3957)', async () => {
  const x = book();
  const store = workbookSettingsStore(x.run);
  const big = 'x'.repeat(MAX_SETTING_BYTES);
  await expect(store.set('big', big)).rejects.toMatchObject({ code: 'too-large', vi: expect.stringMatching(/vượt quá/) });
  expect(x.syncCount).toBe(0);
  await store.set('a', 'y'.repeat(MAX_SETTING_BYTES - 100));
  await store.set('b', 'y'.repeat(MAX_SETTING_BYTES - 100));
  await expect(store.set('c', 'y'.repeat(MAX_SETTING_BYTES - 100))).rejects.toMatchObject({ code: 'InvalidArgument' });
  expect([...x.settings.keys()]).toEqual(['a', 'b']);
});

test('a failed write rejects and stores nothing', async () => {
  const store = new MemorySettingsStore();
  store.failNext = new Error('disk full');
  await expect(saveCheckSettings(FULL, store)).rejects.toThrow('disk full');
  expect(await loadCheckSettings(store)).toEqual(DEFAULT_CHECK_SETTINGS);
});

test.each<[string, unknown, CheckSettings]>([
  ['garbage JSON text', '{not json', { ...DEFAULT_CHECK_SETTINGS }],
  ['a JSON string of good settings', JSON.stringify({ planYear: 2023, lang: 'en' }), { lang: 'en', autoRefresh: false, planYear: 2023 }],
  ['an array', [1, 2, 3], { ...DEFAULT_CHECK_SETTINGS }],
  ['a number', 42, { ...DEFAULT_CHECK_SETTINGS }],
  ['null', null, { ...DEFAULT_CHECK_SETTINGS }],
  [
    'wrong types and values field by field',
    { required: 'content', planYear: 2024.5, asOf: '2024-02-30', lang: 'fr', autoRefresh: 'yes', bands: [{ label: 'A', minPercent: 120 }] },
    { ...DEFAULT_CHECK_SETTINGS },
  ],
  ['old role names only → default required', { required: ['noiDung', 'donVi'] }, { ...DEFAULT_CHECK_SETTINGS }],
  ['unknown roles dropped, known kept', { required: ['content', 'noiDung', 'content'] }, { ...DEFAULT_CHECK_SETTINGS, required: ['content'] }],
  ['empty required list is a choice', { required: [] }, { ...DEFAULT_CHECK_SETTINGS, required: [] }],
  ['bands sorted, labels trimmed', { bands: [{ label: ' B ', minPercent: 50 }, { label: 'A', minPercent: 90 }] }, { ...DEFAULT_CHECK_SETTINGS, bands: [{ label: 'A', minPercent: 90 }, { label: 'B', minPercent: 50 }] }],
  ['a band without label → default bands', { bands: [{ minPercent: 50 }] }, { ...DEFAULT_CHECK_SETTINGS }],
  ['year out of range', { planYear: 20240 }, { ...DEFAULT_CHECK_SETTINGS }],
  ['year too early', { planYear: 1200 }, { ...DEFAULT_CHECK_SETTINGS }],
  ['a negative band', { bands: [{ label: 'A', minPercent: -5 }] }, { ...DEFAULT_CHECK_SETTINGS }],
])('bad or old stored data (%s) → defaults, no crash', async (_, raw, expected) => {
  const store = new MemorySettingsStore();
  store.setRaw(CHECK_SETTINGS_KEY, JSON.stringify(raw));
  expect(await loadCheckSettings(store)).toEqual(expected);
  expect(validateCheckSettings(raw)).toEqual(expected);
});

test('a store that throws on get → defaults', async () => {
  const broken = {
    get: async () => {
      throw new Error('corrupt');
    },
    set: async () => undefined,
    remove: async () => undefined,
  };
  expect(await loadCheckSettings(broken)).toEqual(DEFAULT_CHECK_SETTINGS);
});
