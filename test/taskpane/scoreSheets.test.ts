/** "Tạo bảng giải trình" and the sheet list in Excel, against a recording stand-in for the few objects they touch. */
import { explanationSheetCells, isExplanationSheet, listSheetNames, writeExplanationSheet } from '../../src/taskpane/scoreSheets';
import { MemorySettingsStore, type ExcelRunner } from '../../src/excel';
import { check } from '../../src/core/check';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { fixtureSnapshot } from '../helpers';
import { appraisedSheet } from '../hagiangVariants';

interface RangeRecord {
  address: string;
  values?: unknown[][];
  numberFormat?: unknown[][];
  merged?: boolean;
  format: { font: Record<string, unknown>; columnWidth?: number; wrapText?: boolean; verticalAlignment?: string; rowHeight?: number };
}

function recorder(existing: string[], active = existing[0]) {
  const ranges: RangeRecord[] = [];
  const state = { syncs: 0, added: [] as string[], activated: 0, frozen: [] as number[] };
  const range = (address: string) => {
    const r: RangeRecord = { address, format: { font: {} } };
    ranges.push(r);
    return Object.assign(r, { getEntireColumn: () => range(`${address}:column`), merge: () => void (r.merged = true) });
  };
  const sheet = { getRange: range, activate: () => void state.activated++, freezePanes: { freezeRows: (n: number) => void state.frozen.push(n) } };
  const ctx = {
    sync: async () => void state.syncs++,
    workbook: {
      worksheets: {
        load: () => undefined,
        items: existing.map((name) => ({ name })),
        add: (name: string) => {
          state.added.push(name);
          return sheet;
        },
        getActiveWorksheet: () => ({ load: () => undefined, name: active }),
      },
    },
  };
  const run = (async (batch: (c: unknown) => Promise<unknown>) => batch(ctx)) as unknown as ExcelRunner;
  return { ranges, state, deps: { run, isSetSupported: () => true, store: new MemorySettingsStore() } };
}

let hagiang: SheetSnapshot;
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});

test('lists the sheets and the active one in one sync', async () => {
  const { state, deps } = recorder(['Tự đánh giá', 'Thẩm định'], 'Thẩm định');
  expect(await listSheetNames(deps)).toEqual({ names: ['Tự đánh giá', 'Thẩm định'], active: 'Thẩm định' });
  expect(state.syncs).toBe(1);
});

test('writes the bảng giải trình as a new sheet in two syncs: texts as text, numbers with their decimals', async () => {
  const diff = check(appraisedSheet(hagiang), { asOf: '2024-06-01' }).appraisal!;
  const { ranges, state, deps } = recorder(['Phụ lục', 'Bảng giải trình']);
  const name = await writeExplanationSheet(diff, 'vi', deps);
  expect(name).toBe('Bảng giải trình (2)');
  expect(state).toMatchObject({ syncs: 2, added: [name], activated: 1, frozen: [4] });
  const all = ranges.find((r) => r.address === 'A1:H8')!;
  expect(all.values![3]).toEqual(["'STT", "'Tiêu chí, tiêu chí thành phần", "'Điểm tối đa", "'Điểm tự đánh giá", "'Điểm thẩm định", "'Chênh lệch", "'Tài liệu kiểm chứng", "'Lý do đề nghị"]);
  expect(all.values![4].slice(0, 6)).toEqual([1, "'1.5. Sáng kiến trong cải cách hành chính", 2, 1, 0.5, -0.5]);
  expect(all.values![4][7]).toBe('');
  expect(all.values![7].slice(1, 6)).toEqual(["'Tổng chênh lệch", '', '', '', -0.8917]);
  expect(all.numberFormat![4]).toEqual(['General', 'General', 'General', '0.00', '0.00', '0.00', 'General', 'General']);
  for (const row of all.values!) for (const v of row) if (typeof v === 'string' && v) expect(v.startsWith("'")).toBe(true);
  expect(ranges.filter((r) => r.merged).map((r) => r.address)).toEqual(['A1:H1', 'A2:H2']);
  expect(ranges.find((r) => r.address === 'A4:H4')!.format.font.bold).toBe(true);
});

test('a criterion that starts with "=" stays text', () => {
  const diff = check(appraisedSheet(hagiang, { B14: '=HYPERLINK("http://x")' }), { asOf: '2024-06-01' }).appraisal!;
  const { values } = explanationSheetCells(diff, 'en');
  expect(values[4][1]).toBe('\'1.5. =HYPERLINK("http://x")');
  expect(values[3][0]).toBe("'No.");
});

test('the explanation sheets the add-in writes are known by name (their edits start no re-check)', () => {
  expect(isExplanationSheet('Bảng giải trình')).toBe(true);
  expect(isExplanationSheet('Bảng giải trình (3)')).toBe(true);
  expect(isExplanationSheet('Explanation table')).toBe(true);
  expect(isExplanationSheet('Bảng giải trình năm 2024')).toBe(false);
  expect(isExplanationSheet('Phụ lục')).toBe(false);
});
