import {
  CHECK_SETTINGS_KEY,
  DEFAULT_CHECK_SETTINGS,
  loadCheckSettings,
  MemorySettingsStore,
  officeSettingsStore,
  saveCheckSettings,
  validateCheckSettings,
  type CheckSettings,
} from '../../src/excel/settings';

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
};

test('round-trip through the store, surviving a pane reload', async () => {
  const store = new MemorySettingsStore();
  expect(loadCheckSettings(store)).toEqual(DEFAULT_CHECK_SETTINGS);
  const saved = await saveCheckSettings(FULL, store);
  expect(saved).toEqual(FULL);
  store.reload();
  expect(loadCheckSettings(store)).toEqual(FULL);
  expect(store.get<{ v: number }>(CHECK_SETTINGS_KEY)!.v).toBe(1);
});

test('unsaved changes are lost on reload; a failed save rejects', async () => {
  const store = new MemorySettingsStore();
  store.set(CHECK_SETTINGS_KEY, { lang: 'en' });
  store.reload();
  expect(loadCheckSettings(store).lang).toBe('vi');
  store.failNextSave = new Error('disk full');
  await expect(saveCheckSettings(FULL, store)).rejects.toThrow('disk full');
  store.reload();
  expect(loadCheckSettings(store)).toEqual(DEFAULT_CHECK_SETTINGS);
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
])('bad or old stored data (%s) → defaults, no crash', (_, raw, expected) => {
  const store = new MemorySettingsStore();
  store.setRaw(CHECK_SETTINGS_KEY, JSON.stringify(raw));
  expect(loadCheckSettings(store)).toEqual(expected);
  expect(validateCheckSettings(raw)).toEqual(expected);
});

test('a store that throws on get → defaults', () => {
  const broken = { get: () => { throw new Error('corrupt'); }, set() {}, remove() {}, save: async () => {} };
  expect(loadCheckSettings(broken)).toEqual(DEFAULT_CHECK_SETTINGS);
});

test('officeSettingsStore wraps Office.context.document.settings (get/set/remove/saveAsync)', async () => {
  const bag = new Map<string, unknown>();
  let status = 'succeeded';
  const settings = {
    get: (k: string) => (bag.has(k) ? bag.get(k) : null),
    set: (k: string, v: unknown) => void bag.set(k, v),
    remove: (k: string) => void bag.delete(k),
    saveAsync: (cb: (r: { status: string; error?: Error }) => void) => cb({ status, error: status === 'failed' ? new Error('save failed') : undefined }),
  } as unknown as Office.Settings;
  const store = officeSettingsStore(() => settings);
  expect(store.get('x')).toBeUndefined();
  await saveCheckSettings({ lang: 'en' }, store);
  expect(bag.get(CHECK_SETTINGS_KEY)).toEqual({ v: 1, lang: 'en', autoRefresh: false });
  expect(loadCheckSettings(store).lang).toBe('en');
  store.remove(CHECK_SETTINGS_KEY);
  expect(bag.size).toBe(0);
  status = 'failed';
  await expect(store.save()).rejects.toThrow('save failed');
});
