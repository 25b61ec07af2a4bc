/**
 * Marks in the Excel that users have, as opposed to a kind fake: how fills are really reported, cells that move, notes
 * that collide with threaded comments, syncs that fail half-way, undo, events, cell-edit mode. Every behaviour of the
 * fake used here cites its source in test/excel/fake/.
 */
import { applyMarks, clearMarks, MARK_COLORS, MARKS_KIND } from '../../src/excel/marks';
import { recordKey } from '../../src/excel/journal';
import { normalizeFill } from '../../src/excel/fills';
import { OfficeError } from './fakeExcel';
import { finding, fills, GRADIENT, GREEN, HATCH, leftovers, NO_FILL, setup, SHEET, TINTED, WHITE } from './markHelpers';

const MARK = (c: string) => ({ color: c, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
/** a cell showing a mark (a solid fill of that colour; a pattern colour left over from a hatch does not show) */
const MARKED = (c: string) => expect.objectContaining({ color: c, pattern: 'Solid', tintAndShade: 0 });

describe('fills as Excel reports them', () => {
  test('No Fill reads as white with tintAndShade null and a solid fill with pattern null (office-js #4900, #6218): each comes back exactly', async () => {
    const { x, sheet, deps } = setup();
    sheet.mutable(20, 2).fill = { ...WHITE };
    sheet.mutable(21, 2).fill = { ...TINTED };
    // what the capture sees
    expect(normalizeFill({ color: '#FFFFFF', pattern: null, tintAndShade: null })).toEqual({ none: true });
    expect(normalizeFill({ color: '#FFFFFF', pattern: null, tintAndShade: 0 })).toEqual({ color: '#FFFFFF', tintAndShade: 0 });
    const cells = ['B5', 'B6', 'B20', 'B21', 'B22'];
    const before = fills(x, cells);
    expect(before.B22).toEqual(NO_FILL);
    await applyMarks(cells.map((c) => finding(c)), deps);
    for (const c of cells) expect(x.sheet(SHEET)!.fill(c).color).toBe(MARK_COLORS.error);
    const res = await clearMarks(deps);
    // pattern null on a solid mark does not make clear take it for the user's own colour
    expect(res).toMatchObject({ restored: 5, skipped: [] });
    expect(fills(x, cells)).toEqual(before);
    expect(before).toEqual({ B5: GREEN, B6: HATCH, B20: WHITE, B21: TINTED, B22: NO_FILL });
  });

  test('a fill is set back with exactly its non-null properties (null is not a valid input — docs: blank and null values)', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('B22')], deps);
    x.writeLog = [];
    await clearMarks(deps);
    const sets = x.writeLog.filter((w) => w.kind === 'setCellProperties');
    expect(sets).toHaveLength(1);
    const props = (sets[0].detail as { format: { fill: Record<string, unknown> } }[][])[0][0].format.fill;
    expect(Object.values(props).every((v) => v !== null && v !== undefined)).toBe(true);
    expect(props).toEqual({ color: '#00B050', tintAndShade: 0 });
    // No Fill by clear(), never by a colour
    expect(x.writeLog.filter((w) => w.kind === 'fill.clear').map((w) => w.target)).toEqual([`${SHEET}!B22`]);
  });

  test('a gradient cannot be put back: the cell is not coloured, still gets its note, and is reported', async () => {
    const { x, sheet, deps } = setup();
    sheet.mutable(30, 3).fill = { ...GRADIENT };
    const res = await applyMarks([finding('C30'), finding('C31')], deps);
    expect(res.unrestorable).toEqual(['C30']);
    expect(res.cells).toBe(1);
    expect(x.sheet(SHEET)!.fill('C30')).toEqual(GRADIENT);
    expect(x.notes.has(`${SHEET}!C30`)).toBe(true);
    await clearMarks(deps);
    expect(x.sheet(SHEET)!.fill('C30')).toEqual(GRADIENT);
    expect(x.notes.size).toBe(0);
  });
});

describe('marks that move', () => {
  test('rows inserted above, a row deleted, a column inserted, the sheet renamed: clear finds every cell and restores it', async () => {
    const { x, sheet, deps } = setup();
    sheet.mutable(40, 4).fill = { ...HATCH };
    await applyMarks([finding('D40'), finding('D41', 'warning'), finding('E42', 'info'), finding('B5')], deps);
    x.insertRows(SHEET, 10, 3); // D40 → D43, D41 → D44, E42 → E45; B5 stays
    x.deleteRows(SHEET, 44); // D44 (was D41) goes, with its note
    x.insertColumns(SHEET, 1); // everything one column to the right
    x.renameSheet(SHEET, 'Phụ lục (sửa)');
    expect(x.sheet('Phụ lục (sửa)')!.fill('E43')).toEqual(MARKED(MARK_COLORS.error));

    const res = await clearMarks(deps, { sheet: 'Phụ lục (sửa)' });
    expect(res).toMatchObject({ hadMarks: true, restored: 3, gone: 1, skipped: [] });
    expect(fills(x, ['E43', 'F44', 'C5'], 'Phụ lục (sửa)')).toEqual({ E43: HATCH, F44: NO_FILL, C5: GREEN });
    expect(x.notes.size).toBe(0);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('the record is keyed by the sheet id: a renamed sheet is re-marked as the same sheet, not a new one', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5')], deps);
    x.renameSheet(SHEET, 'Mới');
    await applyMarks([finding('B6')], deps, { sheet: 'Mới' });
    expect(x.sheet('Mới')!.fill('B5')).toEqual(GREEN);
    expect(leftovers(x).settings).toEqual([recordKey(MARKS_KIND, x.sheet('Mới')!.id)]);
    await clearMarks(deps, { sheet: 'Mới' });
    expect(fills(x, ['B5', 'B6'], 'Mới')).toEqual({ B5: GREEN, B6: HATCH });
  });

  test('names deleted by the user: the recorded addresses are used, and only cells showing a mark are touched', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('C9')], deps);
    x.names = [];
    x.insertRows(SHEET, 1); // the marks are now at B6, C10: the recorded B5, C9 hold other cells
    const res = await clearMarks(deps);
    // the recorded B5 and C9 now hold other cells: nothing there shows a mark, so nothing is overwritten; the marks that
    // moved stay (the user deleted what followed them) — the worst case is a mark left, never a wrong fill
    expect(x.sheet(SHEET)!.fill('B6').color).toBe(MARK_COLORS.error);
    expect(res.restored).toBe(0);
    expect(fills(x, ['B7'])).toEqual({ B7: HATCH });
  });
});

describe('Ctrl+Z and re-marking', () => {
  test("after Excel's Ctrl+Z of a re-mark brings the earlier marks back, Xóa đánh dấu still clears them all", async () => {
    const { x, sheet, deps } = setup();
    await applyMarks([finding('B5'), finding('D20')], deps);
    await applyMarks([finding('B5'), finding('E21', 'warning')], deps);
    // what Excel's undo of the second batch does: D20 marked again, E21 back to No Fill, its note gone
    sheet.mutable(20, 4).fill = MARK(MARK_COLORS.error);
    sheet.mutable(21, 5).fill = { ...NO_FILL };
    x.notes.delete(`${SHEET}!E21`);
    x.notes.set(`${SHEET}!D20`, { sheet: SHEET, cell: 'D20', content: 'Lỗi ở D20' });
    const res = await clearMarks(deps);
    expect(res.skipped).toEqual([]);
    expect(fills(x, ['B5', 'D20', 'E21'])).toEqual({ B5: GREEN, D20: NO_FILL, E21: NO_FILL });
    expect(x.notes.size).toBe(0);
  });

  test('cells Ctrl+Z already put back count as already restored, not as re-coloured by the user', async () => {
    const { sheet, deps } = setup();
    await applyMarks([finding('B5'), finding('D20')], deps);
    sheet.mutable(5, 2).fill = { ...GREEN };
    sheet.mutable(20, 4).fill = { ...NO_FILL };
    const res = await clearMarks(deps);
    expect(res).toMatchObject({ restored: 0, already: 2, skipped: [] });
  });
});

describe('failures half-way: nothing lost, a retry finishes', () => {
  const cells = ['B5', 'B6', 'C20', 'C21', 'D2'];
  const fs = [finding('B5'), finding('B6', 'warning'), finding('C20', 'info'), finding('C21', 'info'), finding('D2')];

  test.each([
    ['the fill sync', 4, 3, []],
    ['the fill sync, just before its last colour', 4, 5, []],
    ['the note sync and then the look-up of what got in', 5, 4, [{ sync: 6, afterOps: 0, error: new OfficeError('GeneralException', 'probe boom') }]],
  ])('a failure in %s: the sheet is put back, the error rethrown, no record left', async (_, sync, afterOps, more) => {
    const { x, deps } = setup();
    const before = fills(x, cells);
    x.failure = { sync, afterOps, error: new OfficeError('GeneralException', 'boom') };
    x.failures = [...more];
    await expect(applyMarks(fs, deps)).rejects.toMatchObject({ code: 'GeneralException', message: 'boom' });
    expect(x.writeLog.some((w) => w.sync === sync && !w.kind.startsWith('setting'))).toBe(true); // it really failed half-way
    expect(fills(x, cells)).toEqual(before);
    expect(x.notes.size).toBe(0);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('Excel refuses one note: that cell gets the fill only and is reported, the others get theirs', async () => {
    const { x, deps } = setup();
    x.failure = { sync: 5, afterOps: 4, error: new OfficeError('InvalidOperation', 'refused') }; // after B5's note
    const res = await applyMarks(fs, deps);
    expect(res.refusedAnnotations).toEqual(['B6']);
    expect(res.annotated).toBe(4);
    expect([...x.notes.values()].map((n) => n.cell).sort()).toEqual(['B5', 'C20', 'C21', 'D2']);
    expect(fills(x, ['B6'])).toEqual({ B6: MARKED(MARK_COLORS.warning) });
    await clearMarks(deps);
    expect(x.notes.size).toBe(0);
  });

  test('the mark fails and so does its rollback: the record stays, and Xóa đánh dấu then restores everything', async () => {
    const { x, deps } = setup();
    const before = fills(x, cells);
    x.failures = [
      { sync: 4, afterOps: 8, error: new OfficeError('GeneralException', 'boom') },
      { sync: 5, afterOps: 1, error: new OfficeError('GeneralException', 'rollback boom') },
    ];
    const err = await applyMarks(fs, deps).catch((e) => e);
    expect(err).toMatchObject({ message: 'boom', rollbackError: expect.objectContaining({ message: 'rollback boom' }) });
    expect(leftovers(x).settings).toHaveLength(1);
    const res = await clearMarks(deps);
    expect(res.hadMarks).toBe(true);
    expect(fills(x, cells)).toEqual(before);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test.each([1, 2, 3])('clear fails in its restore sync after %i operations: nothing lost, the record kept, a second clear finishes', async (afterOps) => {
    const { x, deps } = setup();
    const before = fills(x, cells);
    await applyMarks(fs, deps);
    const base = x.syncCount;
    x.failure = { sync: base + 3, afterOps, error: new OfficeError('GeneralException', 'restore boom') };
    await expect(clearMarks(deps)).rejects.toMatchObject({ message: 'restore boom' });
    // every cell is either still marked or exactly back — never cleared and not set
    for (const c of cells) {
      const f = x.sheet(SHEET)!.fill(c);
      const isMark = Object.values(MARK_COLORS).includes(f.color) && f.pattern === 'Solid';
      expect(isMark || JSON.stringify(f) === JSON.stringify(before[c])).toBe(true);
    }
    expect(leftovers(x).settings).toHaveLength(1);
    x.failure = undefined;
    const res = await clearMarks(deps);
    expect(res.restored + res.already).toBe(cells.length);
    expect(res.skipped).toEqual([]);
    expect(fills(x, cells)).toEqual(before);
    expect(x.notes.size).toBe(0);
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('clear fails while removing its record: the sheet is back, and a second clear just removes the record', async () => {
    const { x, deps } = setup();
    const before = fills(x, cells);
    await applyMarks(fs, deps);
    x.failure = { sync: x.syncCount + 4, afterOps: 0, error: new OfficeError('GeneralException', 'store boom') };
    await expect(clearMarks(deps)).rejects.toMatchObject({ message: 'store boom' });
    expect(fills(x, cells)).toEqual(before);
    x.failure = undefined;
    expect(await clearMarks(deps)).toMatchObject({ hadMarks: true, restored: 0, already: cells.length });
    expect(leftovers(x)).toEqual({ settings: [], names: [] });
  });

  test('storing the record fails: nothing was written to the cells', async () => {
    const { x, deps } = setup();
    const before = fills(x, cells);
    x.failure = { sync: 3, afterOps: 0, error: new OfficeError('GeneralException', 'store boom') };
    await expect(applyMarks(fs, deps)).rejects.toMatchObject({ message: 'store boom' });
    expect(fills(x, cells)).toEqual(before);
    expect(x.notes.size).toBe(0);
  });
});

describe('notes and threaded comments', () => {
  test("ExcelApi 1.18: a cell with the user's threaded comment gets no note (a cell holds one or the other) — fill only, the others go on", async () => {
    const { x, deps } = setup();
    x.comments.set('user-1', { sheet: SHEET, cell: 'G30', content: 'bình luận của người dùng' });
    const res = await applyMarks([finding('G30'), finding('G31')], deps);
    expect(res).toMatchObject({ annotation: 'note', annotated: 1, keptUserAnnotations: ['G30'], refusedAnnotations: [] });
    expect(x.sheet(SHEET)!.fill('G30').color).toBe(MARK_COLORS.error);
    await clearMarks(deps);
    expect([...x.comments.keys()]).toEqual(['user-1']);
  });

  test('Office 2021 (ExcelApi 1.14): threaded comments are the normal path; a cell holding a note Excel refuses is skipped, not the batch', async () => {
    const { x, deps } = setup(2100, 11, '1.14');
    x.comments.set('user-1', { sheet: SHEET, cell: 'G30', content: 'bình luận có sẵn' });
    // a legacy note, invisible to an add-in without the notes API (1.18): only Excel's refusal shows it
    x.notes.set(`${SHEET}!G32`, { sheet: SHEET, cell: 'G32', content: 'ghi chú cũ' });
    const res = await applyMarks([finding('G30'), finding('G31', 'warning'), finding('G32', 'info'), finding('G33')], deps);
    expect(res).toMatchObject({ annotation: 'comment', annotated: 2, keptUserAnnotations: ['G30'], refusedAnnotations: ['G32'] });
    expect([...x.comments.values()].map((c) => c.cell).sort()).toEqual(['G30', 'G31', 'G33']);
    expect(fills(x, ['G32'])).toEqual({ G32: MARK(MARK_COLORS.info) });
    const cleared = await clearMarks(deps);
    expect(cleared.removed).toBe(2);
    expect([...x.comments.keys()]).toEqual(['user-1']);
    expect(x.notes.get(`${SHEET}!G32`)!.content).toBe('ghi chú cũ');
  });

  test('ExcelApi 1.10–1.13: CommentCollection.getItemOrNullObject (1.14) is never called', async () => {
    const { x, deps } = setup(2100, 11, '1.12');
    const res = await applyMarks([finding('G31'), finding('G32')], deps);
    expect(res).toMatchObject({ annotation: 'comment', annotated: 2 });
    await clearMarks(deps);
    expect(x.comments.size).toBe(0);
    expect(x.syncLog.filter((s) => s.error)).toEqual([]);
  });
});

describe('undo, events and cell-edit mode', () => {
  test('ExcelApi 1.20: a check never empties the undo stack (no saveAsync anywhere); its writes are one merged undo step', async () => {
    const { x, deps } = setup();
    await applyMarks([finding('B5'), finding('C9')], deps);
    expect(x.undo.clears).toEqual([]);
    expect(x.runLog.filter((o) => o?.mergeUndoGroup)).toHaveLength(1);
    expect(x.runLog.every((o) => o?.delayForCellEdit === true)).toBe(true);
    // the record run (not merged) and the merged marks run: two records, the marks' fills and notes in one of them
    expect(x.undo.records).toBe(2);
  });

  test('below ExcelApi 1.20 every add-in write empties the undo stack (office-js #3788, #6170): the adapter cannot avoid it, the pane avoids writing on the automatic path', async () => {
    const { x, deps } = setup(2100, 11, '1.19');
    await applyMarks([finding('B5')], deps);
    expect(x.undo.clears.length).toBeGreaterThan(0);
    expect(x.runLog.some((o) => o?.mergeUndoGroup)).toBe(false);
  });

  test('below ExcelApi 1.14 events are off around the add-in’s writes and on again afterwards, even after a failure', async () => {
    const { x, deps } = setup(2100, 11, '1.12');
    const events: unknown[] = [];
    x.changeHandlers.add((e) => void events.push(e));
    await applyMarks([finding('B5')], deps);
    expect(x.eventsEnabled).toBe(true);
    x.failure = { sync: x.syncCount + 4, afterOps: 2, error: new OfficeError('GeneralException', 'boom') };
    await expect(applyMarks([finding('C6')], deps)).rejects.toThrow('boom');
    expect(x.eventsEnabled).toBe(true);
  });

  test('while the user edits a cell the check waits (delayForCellEdit) instead of failing', async () => {
    const { x, deps } = setup();
    x.startCellEdit();
    let done = false;
    const p = applyMarks([finding('B5')], deps).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    x.endCellEdit();
    await p;
    expect(x.sheet(SHEET)!.fill('B5').color).toBe(MARK_COLORS.error);
  });
});
