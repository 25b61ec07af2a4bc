/** Marking findings and clearing the marks: what is written, what is kept, and that clearing gives the sheet back. */
import { applyMarks, clearMarks, MARK_COLORS, MARKS_KIND, planMarks } from '../../src/excel/marks';
import { recordKey, type JournalRecord } from '../../src/excel/journal';
import { MarkError } from '../../src/excel/errors';
import { FakeExcel } from './fakeExcel';
import { finding, fills, GREEN, HATCH, leftovers, manyFindings, NO_FILL, setup, SHEET } from './markHelpers';

const record = (x: FakeExcel): JournalRecord | undefined => {
  const raw = x.settings.get(recordKey(MARKS_KIND, x.sheet(SHEET)!.id));
  return raw === undefined ? undefined : (JSON.parse(JSON.parse(raw)) as JournalRecord);
};

describe('applyMarks / clearMarks', () => {
  test.each([10, 5000])('%i findings: marked in 5 syncs, cleared in 4, originals restored exactly, nothing left behind', async (n) => {
    const { x, deps } = setup();
    const fs = n === 10 ? [finding('B5'), finding('B6', 'warning'), finding('C7', 'info'), ...manyFindings(7, 5)] : manyFindings(n);
    const cells = [...new Set(fs.map((f) => f.cell))];
    expect(cells).toHaveLength(n);
    const before = fills(x, cells);

    const res = await applyMarks(fs, deps);
    // read · capture · store the record (its own run) · fills · notes
    expect(x.syncCount).toBe(5);
    expect(res).toMatchObject({ sheet: SHEET, cells: n, annotation: 'note', annotated: n, refusedAnnotations: [], omitted: 0 });
    for (const f of fs) {
      expect(x.sheet(SHEET)!.fill(f.cell)).toMatchObject({ color: MARK_COLORS[f.severity], pattern: 'Solid' });
      expect(x.notes.get(`${SHEET}!${f.cell}`)?.content).toBe(f.message.vi);
    }
    // the record (and the names that follow the cells) is stored before the first write, in a run of its own
    const firstCellWrite = Math.min(...x.writeLog.filter((w) => !w.kind.startsWith('setting') && !w.kind.startsWith('name')).map((w) => w.sync));
    const recordWrite = x.writeLog.find((w) => w.kind === 'setting.add')!.sync;
    expect(recordWrite).toBeLessThan(firstCellWrite);
    expect(x.syncLog[recordWrite - 1].run).not.toBe(x.syncLog[firstCellWrite - 1].run);
    expect(record(x)!.cells).toHaveLength(n);
    // fills in one sync, notes in the next
    expect(x.writeLog.filter((w) => w.kind.startsWith('fill')).every((w) => w.sync === 4)).toBe(true);
    expect(x.writeLog.filter((w) => w.kind === 'note.add').every((w) => w.sync === 5)).toBe(true);

    x.resetLogs();
    const cleared = await clearMarks(deps);
    // read · current state · restores · removing the record (its own run)
    expect(x.syncCount).toBe(4);
    expect(cleared).toMatchObject({ restored: n, removed: n, skipped: [], hadMarks: true, gone: 0 });
    expect(fills(x, cells)).toEqual(before);
    if (n === 10) {
      expect(x.sheet(SHEET)!.fill('B5')).toEqual(GREEN);
      expect(x.sheet(SHEET)!.fill('B6')).toEqual(HATCH);
      expect(x.sheet(SHEET)!.fill('D9')).toEqual(NO_FILL);
    }
    expect(x.notes.size).toBe(0);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  }, 60_000);

  test('address lists handed to getRanges stay under 8 000 characters and 500 areas (office-js #5198)', async () => {
    const { x, deps } = setup();
    await applyMarks(manyFindings(5000), deps);
    const lists = x.rangesAddressLog;
    expect(lists.length).toBeGreaterThan(3);
    for (const l of lists) {
      expect(l.length).toBeLessThanOrEqual(8000);
      expect(l.split(',').length).toBeLessThanOrEqual(500);
    }
    expect(new Set(lists.flatMap((l) => l.split(','))).size).toBe(5000);
  }, 60_000);

  test('notes whose text passes ~4 MB are spread over more syncs instead of overflowing one', async () => {
    const { x, deps } = setup();
    const long = 'Thiếu nội dung bắt buộc ở ô này; '.repeat(60); // ~2 000 characters
    const fs = manyFindings(2000).map((f) => ({ ...f, message: { vi: long + f.cell, en: f.cell } }));
    const res = await applyMarks(fs, deps);
    expect(res.annotated).toBe(2000);
    expect(x.notes.size).toBe(2000);
    expect(x.syncCount).toBe(8); // 4 + 4 note syncs (2 000 × ~6.6 kB estimated ≈ 13 MB)
    for (const s of x.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(x.maxPayloadBytes);
  }, 60_000);

  test('several findings on one cell: highest severity, all messages in one note', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('D10', 'info', 'Một'), finding('D10', 'error', 'Hai'), finding('D10', 'warning', 'Một')], deps);
    expect(x.sheet(SHEET)!.fill('D10').color).toBe(MARK_COLORS.error);
    expect(x.notes.get(`${SHEET}!D10`)!.content).toBe('Một\nHai');
    expect(planMarks([finding('D10', 'info', 'x')], 'en').get('D10')!.text).toBe('Problem at D10');
  });

  test("a cell that already has the user's note keeps it; clearing leaves it", async () => {
    const { x, deps } = setup();
    x.notes.set(`${SHEET}!E12`, { sheet: SHEET, cell: 'E12', content: 'ghi chú của người dùng' });
    const res = await applyMarks([finding('E12'), finding('E13')], deps);
    expect(res.keptUserAnnotations).toEqual(['E12']);
    expect(x.notes.get(`${SHEET}!E12`)!.content).toBe('ghi chú của người dùng');
    expect(x.sheet(SHEET)!.fill('E12').color).toBe(MARK_COLORS.error);
    await clearMarks(deps);
    expect([...x.notes.keys()]).toEqual([`${SHEET}!E12`]);
    expect(x.sheet(SHEET)!.fill('E12')).toEqual(NO_FILL);
  });

  test('marking again keeps the true originals, takes off the marks no longer wanted and updates the notes', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('B6')], deps);
    await applyMarks([finding('B5', 'info', 'khác'), finding('C8', 'warning')], deps);
    expect(x.sheet(SHEET)!.fill('B6')).toEqual(HATCH);
    expect(x.sheet(SHEET)!.fill('B5').color).toBe(MARK_COLORS.info);
    expect(x.notes.get(`${SHEET}!B5`)!.content).toBe('khác');
    expect(x.notes.has(`${SHEET}!B6`)).toBe(false);
    expect(x.notes.size).toBe(2);
    await clearMarks(deps);
    expect(fills(x, ['B5', 'B6', 'C8'])).toEqual({ B5: GREEN, B6: HATCH, C8: NO_FILL });
    expect(x.notes.size).toBe(0);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('a cell the user re-coloured after marking is left alone by clear; a note the user edited is kept', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('F20'), finding('F21')], deps);
    x.sheet(SHEET)!.mutable(20, 6).fill = { ...GREEN, color: '#123456' };
    x.notes.get(`${SHEET}!F21`)!.content = 'Đã sửa: xem lại';
    const res = await clearMarks(deps);
    expect(res.skipped).toEqual(['F20']);
    expect(res.keptEdited).toEqual(['F21']);
    expect(x.sheet(SHEET)!.fill('F20').color).toBe('#123456');
    expect(x.sheet(SHEET)!.fill('B5')).toEqual(GREEN);
    expect(x.notes.get(`${SHEET}!F21`)!.content).toBe('Đã sửa: xem lại');
  });

  test('protected sheet → MarkError("protected") in Vietnamese Excel words, nothing written or stored', async () => {
    const { x, deps } = setup();
    x.sheet(SHEET)!.protected = true;
    const err = await applyMarks([finding('B5')], deps).catch((e) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect(err.code).toBe('protected');
    expect(err.vi).toMatch(/Xem lại › Bỏ bảo vệ Trang tính/);
    expect(err.en).toMatch(/protected/);
    expect(x.writes).toBe(0);
    expect(x.notes.size).toBe(0);
  });

  test('clear on a sheet protected after marking → MarkError, marks kept for later', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5')], deps);
    x.sheet(SHEET)!.protected = true;
    const writes = x.writes;
    await expect(clearMarks(deps)).rejects.toMatchObject({ code: 'protected' });
    expect(x.writes).toBe(writes);
    expect(record(x)).toBeDefined();
  });

  test('below ExcelApi 1.9 → MarkError("unsupported") before touching Excel; the API set only in the technical detail', async () => {
    const { x, deps } = setup();
    x.apiVersion = '1.8';
    const err = await applyMarks([finding('B5')], deps).catch((e) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect(err).toMatchObject({ code: 'unsupported', detail: 'ExcelApi 1.9' });
    expect(`${err.vi} ${err.en}`).not.toMatch(/ExcelApi/);
    expect(err.vi).toMatch(/xem trước/);
    expect(x.syncCount).toBe(0);
    await expect(clearMarks(deps)).rejects.toMatchObject({ code: 'unsupported' });
  });

  test('ExcelApi 1.9 only: fill without notes', async () => {
    const { x, deps } = setup();
    x.apiVersion = '1.9';
    const res = await applyMarks([finding('B5'), finding('B7')], deps);
    expect(res).toMatchObject({ annotation: 'none', annotated: 0 });
    expect(x.sheet(SHEET)!.fill('B7').color).toBe(MARK_COLORS.error);
    await clearMarks(deps);
    expect(fills(x, ['B5', 'B7'])).toEqual({ B5: GREEN, B7: NO_FILL });
  });

  test('marks a named sheet that is not active; findings without a cell address are ignored', async () => {
    const { x, deps } = setup();
    x.activeName = 'Khác';
    const res = await applyMarks([finding('B5'), { ...finding('B6'), cell: 'không phải ô' }], deps, { sheet: SHEET, lang: 'en' });
    expect(res.cells).toBe(1);
    expect(x.notes.get(`${SHEET}!B5`)!.content).toBe('Problem at B5');
    expect((await clearMarks(deps, { sheet: SHEET })).restored).toBe(1);
  });

  test('nothing to clear → no writes; a damaged record is dropped, never trusted, never a crash', async () => {
    const { x, deps } = setup();
    expect(await clearMarks(deps)).toMatchObject({ hadMarks: false });
    x.settings.set(recordKey(MARKS_KIND, x.sheet(SHEET)!.id), JSON.stringify(JSON.stringify({ v: 2, kind: 'marks', cells: 'oops' })));
    expect(await clearMarks(deps)).toMatchObject({ hadMarks: false });
    expect(leftovers(x).settings).toEqual([]);
    expect(x.writeLog.filter((w) => !w.kind.startsWith('setting'))).toEqual([]);
  });

  test('the record of the first version (keyed by the sheet name) is still cleared', async () => {
    const { x, deps } = setup();
    x.sheet(SHEET)!.mutable(9, 2).fill = { color: '#F4B6B6', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    x.sheet(SHEET)!.mutable(5, 2).fill = { color: '#F4B6B6', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    x.notes.set(`${SHEET}!B9`, { sheet: SHEET, cell: 'B9', content: 'Lỗi cũ' });
    const v1 = {
      v: 1,
      sheet: SHEET,
      originals: [
        { fill: { color: '#FFFFFF', pattern: 'None' }, areas: ['B9'] },
        { fill: { ...GREEN }, areas: ['B5'] },
      ],
      marked: [{ color: '#F4B6B6', areas: ['B5', 'B9'] }],
      annotation: 'note',
      notes: ['B9'],
      comments: [],
    };
    x.settings.set(`phuluc.marks.${SHEET}`, JSON.stringify(v1));
    const res = await clearMarks(deps);
    expect(res).toMatchObject({ hadMarks: true, restored: 2, removed: 1 });
    expect(fills(x, ['B5', 'B9'])).toEqual({ B5: GREEN, B9: NO_FILL });
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('a record past what Excel keeps for an add-in: the lowest severities are left unmarked and counted', async () => {
    const { x, deps } = setup();
    const fs = manyFindings(1500);
    const res = await applyMarks(fs, deps, { maxRecordBytes: 30_000 });
    expect(res.omitted).toBeGreaterThan(0);
    expect(res.cells + res.omitted).toBe(1500);
    expect(x.settings.get(recordKey(MARKS_KIND, x.sheet(SHEET)!.id))!.length).toBeLessThan(40_000);
    // errors go last
    const marked = fs.filter((f) => x.sheet(SHEET)!.fill(f.cell).pattern === 'Solid');
    const share = (s: string, list: typeof fs) => list.filter((f) => f.severity === s).length / Math.max(1, list.length);
    expect(share('error', marked)).toBeGreaterThan(share('info', marked));
    await clearMarks(deps);
    expect(fs.every((f) => x.sheet(SHEET)!.fill(f.cell).pattern === 'None')).toBe(true);
  }, 60_000);
});
