import type { Finding, Severity } from '../../src/core/report';
import { a1, columnLetter, parseA1 } from '../../src/core/snapshot';
import { applyMarks, clearMarks, MARK_COLORS, marksKey, planMarks, type MarksState } from '../../src/excel/marks';
import { MarkError } from '../../src/excel/errors';
import { MemorySettingsStore } from '../../src/excel/settings';
import { FakeExcel, NO_FILL, OfficeError, type FakeFill } from './fakeExcel';

const SHEET = 'Phụ lục 1';
const GREEN: FakeFill = { color: '#00B050', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
const HATCH: FakeFill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.25 };

function finding(cell: string, severity: Severity = 'error', vi = `Lỗi ở ${cell}`): Finding {
  const p = parseA1(cell)!;
  return { rule: 'missing-required', severity, cell, row: p.row, column: columnLetter(p.col), message: { vi, en: `Problem at ${cell}` } };
}

function setup(rows = 2100, cols = 11) {
  const x = new FakeExcel();
  x.addSheet('Khác');
  const sheet = x.addSheet(SHEET).generate(rows, cols, (r, c) => ({ value: r * 100 + c }));
  // some cells carry the user's own fills
  sheet.mutable(5, 2).fill = { ...GREEN };
  sheet.mutable(6, 2).fill = { ...HATCH };
  sheet.mutable(7, 3).fill = { ...GREEN };
  x.activeName = SHEET;
  const store = new MemorySettingsStore();
  return { x, sheet, store, deps: { run: x.run, isSetSupported: x.isSetSupported, store } };
}

function fills(x: FakeExcel, cells: string[]): Record<string, FakeFill> {
  return Object.fromEntries(cells.map((c) => [c, x.sheet(SHEET)!.fill(c)]));
}

/**
 * n distinct cells, 500 per column from `firstCol`, every other row from row 1001 (so they cannot be coalesced into
 * runs, and 5 000 of them make address lists well over Excel's 8 192-character limit)
 */
function manyFindings(n: number, firstCol = 2): Finding[] {
  const sev: Severity[] = ['error', 'warning', 'info'];
  return Array.from({ length: n }, (_, i) => finding(a1(1001 + (i % 500) * 2, firstCol + Math.floor(i / 500)), sev[i % 3]));
}

describe('applyMarks / clearMarks', () => {
  test.each([10, 5000])('%i findings: marked in 4 syncs, cleared in 3, originals restored exactly', async (n) => {
    const { x, store, deps } = setup();
    const fs = n === 10 ? [finding('B5'), finding('B6', 'warning'), finding('C7', 'info'), ...manyFindings(7, 5)] : manyFindings(n);
    const cells = [...new Set(fs.map((f) => f.cell))];
    expect(cells).toHaveLength(n);
    const before = fills(x, cells);

    const res = await applyMarks(fs, deps);
    expect(x.syncCount).toBe(4);
    expect(res).toMatchObject({ sheet: SHEET, cells: n, annotation: 'note', annotated: n });
    for (const f of fs) {
      expect(x.sheet(SHEET)!.fill(f.cell)).toMatchObject({ color: MARK_COLORS[f.severity], pattern: 'Solid' });
      expect(x.notes.get(`${SHEET}!${f.cell}`)?.content).toBe(f.message.vi);
    }
    // no write before the originals were captured and saved
    expect(Math.min(...x.writeLog.map((w) => w.sync))).toBe(3);
    expect(store.get<MarksState>(marksKey(SHEET))).toBeDefined();
    // fills: one sync, as few getRanges as the 8 000-character rule allows
    expect(x.syncLog[2].writes).toBeGreaterThan(0);
    expect(x.writeLog.filter((w) => w.kind.startsWith('fill')).every((w) => w.sync === 3)).toBe(true);
    expect(x.writeLog.filter((w) => w.kind === 'note.add').every((w) => w.sync === 4)).toBe(true);

    store.reload(); // the pane was closed and reopened: only what was saved survives
    x.resetLogs();
    const cleared = await clearMarks(deps);
    expect(x.syncCount).toBe(3);
    expect(cleared).toMatchObject({ restored: n, removed: n, skipped: [], hadMarks: true });
    expect(fills(x, cells)).toEqual(before);
    if (n === 10) {
      expect(x.sheet(SHEET)!.fill('B5')).toEqual(GREEN);
      expect(x.sheet(SHEET)!.fill('B6')).toEqual(HATCH);
      expect(x.sheet(SHEET)!.fill('D9')).toEqual(NO_FILL);
    }
    expect(x.notes.size).toBe(0);
    expect(store.get(marksKey(SHEET))).toBeUndefined();
    store.reload();
    expect(store.get(marksKey(SHEET))).toBeUndefined();
  }, 30_000);

  test('address lists handed to getRanges are split at 8 000 characters', async () => {
    const { x, deps } = setup();
    await applyMarks(manyFindings(5000), deps);
    const lists = x.rangesAddressLog;
    expect(lists.length).toBeGreaterThan(3); // one colour alone needs more than one string
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(8000);
    const total = lists.reduce((s, l) => s + l.length, 0);
    // one string per colour would have been refused by Excel
    expect(total / 3).toBeGreaterThan(8192);
    const listed = new Set(lists.flatMap((l) => l.split(',')));
    expect(listed.size).toBe(5000);
  });

  test('notes whose text passes ~4 MB are spread over more syncs instead of overflowing one', async () => {
    const { x, deps } = setup();
    const long = 'Thiếu nội dung bắt buộc ở ô này; '.repeat(60); // ~2 000 characters
    const fs = manyFindings(2000).map((f) => ({ ...f, message: { vi: long + f.cell, en: f.cell } }));
    const res = await applyMarks(fs, deps);
    expect(res.annotated).toBe(2000);
    expect(x.notes.size).toBe(2000);
    expect(x.syncCount).toBe(7); // 3 + 4 note syncs (2 000 × ~6.6 kB estimated ≈ 13 MB)
    for (const s of x.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(x.maxPayloadBytes);
  });

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

  test('marking again first clears the earlier marks, so clear still restores the true originals', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('B6')], deps);
    await applyMarks([finding('B5', 'info'), finding('C8', 'warning')], deps);
    expect(x.sheet(SHEET)!.fill('B6')).toEqual(HATCH);
    expect(x.sheet(SHEET)!.fill('B5').color).toBe(MARK_COLORS.info);
    expect(x.notes.size).toBe(2);
    await clearMarks(deps);
    expect(fills(x, ['B5', 'B6', 'C8'])).toEqual({ B5: GREEN, B6: HATCH, C8: NO_FILL });
    expect(x.notes.size).toBe(0);
  });

  test('a cell the user re-coloured after marking is left alone by clear', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('F20')], deps);
    x.sheet(SHEET)!.mutable(20, 6).fill = { ...GREEN, color: '#123456' };
    const res = await clearMarks(deps);
    expect(res.skipped).toEqual(['F20']);
    expect(x.sheet(SHEET)!.fill('F20').color).toBe('#123456');
    expect(x.sheet(SHEET)!.fill('B5')).toEqual(GREEN);
  });

  test('protected sheet → MarkError("protected"), nothing written or saved', async () => {
    const { x, store, deps } = setup();
    x.sheet(SHEET)!.protected = true;
    const err = await applyMarks([finding('B5')], deps).catch((e) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect(err.code).toBe('protected');
    expect(err.vi).toMatch(/bảo vệ/);
    expect(err.en).toMatch(/protected/);
    expect(x.writes).toBe(0);
    expect(store.saves).toBe(0);
    expect(x.notes.size).toBe(0);
  });

  test('clear on a sheet protected after marking → MarkError, marks kept for later', async () => {
    const { x, store, deps } = setup();
    await applyMarks([finding('B5')], deps);
    x.sheet(SHEET)!.protected = true;
    const writes = x.writes;
    await expect(clearMarks(deps)).rejects.toMatchObject({ code: 'protected' });
    expect(x.writes).toBe(writes);
    expect(store.get(marksKey(SHEET))).toBeDefined();
  });

  test('below ExcelApi 1.9 → MarkError("unsupported") before touching Excel', async () => {
    const { x, store, deps } = setup();
    x.apiVersion = '1.8';
    const err = await applyMarks([finding('B5')], deps).catch((e) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect(err).toMatchObject({ code: 'unsupported' });
    expect(err.message).toMatch(/ExcelApi 1\.9/);
    expect(x.syncCount).toBe(0);
    expect(x.writes).toBe(0);
    expect(store.saves).toBe(0);
    await expect(clearMarks(deps)).rejects.toMatchObject({ code: 'unsupported' });
  });

  test('ExcelApi 1.10–1.17: comments instead of notes; clear removes exactly ours', async () => {
    const { x, deps } = setup();
    x.apiVersion = '1.12';
    x.comments.set('user-1', { sheet: SHEET, cell: 'G30', content: 'bình luận có sẵn' });
    x.comments.set('user-2', { sheet: SHEET, cell: 'H31', content: 'không liên quan' });
    const res = await applyMarks([finding('G30'), finding('G31', 'warning'), finding('G32', 'info')], deps);
    expect(res).toMatchObject({ annotation: 'comment', annotated: 2, keptUserAnnotations: ['G30'] });
    expect(x.syncCount).toBe(5); // + one sync to locate the comments already on the sheet
    expect(x.comments.size).toBe(4);
    await clearMarks(deps);
    expect([...x.comments.keys()].sort()).toEqual(['user-1', 'user-2']);
    expect(fills(x, ['G30', 'G31', 'G32'])).toEqual({ G30: NO_FILL, G31: NO_FILL, G32: NO_FILL });
  });

  test('ExcelApi 1.9 only: fill without notes', async () => {
    const { x, deps } = setup();
    x.apiVersion = '1.9';
    const res = await applyMarks([finding('B5'), finding('B7')], deps);
    expect(res).toMatchObject({ annotation: 'none', annotated: 0 });
    expect(x.syncCount).toBe(3);
    expect(x.sheet(SHEET)!.fill('B7').color).toBe(MARK_COLORS.error);
    await clearMarks(deps);
    expect(fills(x, ['B5', 'B7'])).toEqual({ B5: GREEN, B7: NO_FILL });
  });

  test.each([
    ['the fill sync', 3, 5],
    ['the note sync', 4, 7],
  ])('a failure in %s: sheet restored, error rethrown, no state left', async (_, sync, afterOps) => {
    const { x, store, deps } = setup();
    const fs = [finding('B5'), finding('B6', 'warning'), finding('C20', 'info'), finding('C21', 'info'), finding('D2')];
    const cells = fs.map((f) => f.cell);
    const before = fills(x, cells);
    x.failure = { sync, afterOps, error: new OfficeError('GeneralException', 'boom') };
    await expect(applyMarks(fs, deps)).rejects.toMatchObject({ code: 'GeneralException', message: 'boom' });
    expect(x.writeLog.some((w) => w.sync === sync)).toBe(true); // it really failed half-way
    expect(fills(x, cells)).toEqual(before);
    expect(x.notes.size).toBe(0);
    expect(store.get(marksKey(SHEET))).toBeUndefined();
  });

  test('marks a named sheet that is not active; findings without a cell address are ignored', async () => {
    const { x, deps } = setup();
    x.activeName = 'Khác';
    const res = await applyMarks([finding('B5'), { ...finding('B6'), cell: 'không phải ô' }], deps, { sheet: SHEET, lang: 'en' });
    expect(res.cells).toBe(1);
    expect(x.notes.get(`${SHEET}!B5`)!.content).toBe('Problem at B5');
    expect((await clearMarks(deps, { sheet: SHEET })).restored).toBe(1);
  });

  test('nothing to clear → no writes; broken stored state is dropped, never crashes', async () => {
    const { x, store, deps } = setup();
    expect(await clearMarks(deps)).toMatchObject({ hadMarks: false });
    store.setRaw(marksKey(SHEET), '{"v":1,"sheet":"Phụ lục 1","originals":"oops"}');
    expect(await clearMarks(deps)).toMatchObject({ hadMarks: false });
    expect(store.get(marksKey(SHEET))).toBeUndefined();
    expect(x.writes).toBe(0);
  });
});
