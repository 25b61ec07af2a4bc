/**
 * One-click fixes on the truthful fake, end to end through the adapter: read the sheet as Excel gives it, check it,
 * write a finding's plan, check again; Hoàn tác puts back exactly what was there. Protected and changed sheets are
 * refused before anything is written; a write that fails half-way is put back.
 */
import { check } from '../../src/core/check';
import { combineFixes, type CombinedFix } from '../../src/core/fixes';
import type { Finding, RuleId, SheetReport } from '../../src/core/report';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { applyFixPlan, fixHistory, planWrites, undoLastFix } from '../../src/excel/fixes';
import { readActiveSheet } from '../../src/excel/read';
import { MemorySettingsStore } from '../../src/excel/settings';
import { editCells } from '../helpers';
import { OfficeError, type FakeExcel } from './fakeExcel';
import { dumpSheet, fixtureBook } from './fixtureBook';

const HUE = 'hue-2018-nhiem-vu.xlsx';
const SHEET = 'Phụ lục';
const deps = (x: FakeExcel) => ({ run: x.run, isSetSupported: x.isSetSupported, store: new MemorySettingsStore() });

async function checkNow(x: FakeExcel, asOf = '2018-02-15'): Promise<SheetReport> {
  return check(await readActiveSheet(deps(x)), { asOf });
}
const find = (r: SheetReport, rule: RuleId, cell: string): Finding | undefined => r.findings.find((f) => f.rule === rule && f.cell === cell);
const cell = (x: FakeExcel, a: string, sheet = SHEET) => ({ ...x.sheet(sheet)!.cell(a) });
const leftovers = (x: FakeExcel) => ({ settings: [...x.settings.keys()], names: x.names.map((n) => n.name) });

test('Huế: F21 «2.019» to a number, then F61 to =SUM(F6:F59); each listed; Hoàn tác twice gives the sheet back exactly', async () => {
  const x = await fixtureBook(HUE);
  const original = dumpSheet(x, SHEET);
  const r1 = await checkNow(x);
  const f21 = find(r1, 'number-as-text', 'F21')!;

  const a = await applyFixPlan(f21.fix!, deps(x), { sheet: SHEET, today: '2018-02-15' });
  expect(a).toMatchObject({ sheet: SHEET, batch: 1, undoGrouped: true, written: [{ cell: 'F21', before: '2.019', after: 2019 }] });
  expect(cell(x, 'F21')).toMatchObject({ value: 2019 });
  expect(cell(x, 'F21').numberFormat).toBeUndefined(); // its format (General) kept
  // one undo step for the whole batch (ExcelApi 1.20), and Excel's undo stack never emptied
  expect(x.runLog.some((o) => o?.mergeUndoGroup)).toBe(true);
  expect(x.undo.clears).toEqual([]);

  const r2 = await checkNow(x);
  expect(find(r2, 'number-as-text', 'F21')).toBeUndefined();
  const f61 = find(r2, 'budget-total-mismatch', 'F61')!;
  expect(f61.fix!.edits.map((e) => e.cell)).toEqual(['F61']); // F21 needs no conversion any more
  const b = await applyFixPlan(f61.fix!, deps(x), { sheet: SHEET });
  expect(b.batch).toBe(2);
  expect(cell(x, 'F61')).toMatchObject({ formula: '=SUM(F6:F59)', value: 26979 });

  const r3 = await checkNow(x);
  expect(find(r3, 'budget-total-mismatch', 'F61')).toBeUndefined();
  expect(r3.budget).toMatchObject({ total: 26979, stated: 26979 });

  const history = await fixHistory(deps(x), { sheet: SHEET });
  expect(history.batches.map((h) => [h.batch, h.cells.map((c) => [c.cell, c.before, c.after])])).toEqual([
    [2, [['F61', '21.950', '=SUM(F6:F59)']]],
    [1, [['F21', '2.019', 2019]]],
  ]);
  expect(history.batches[1].at).toBe('2018-02-15');
  expect(history.batches[0].description?.vi).toMatch(/^Ghi công thức =SUM\(F6:F59\) vào F61/);

  const u1 = await undoLastFix(deps(x), { sheet: SHEET });
  expect(u1).toMatchObject({ batch: 2, restored: ['F61'], skipped: [], hadFix: true, remaining: 1 });
  expect(cell(x, 'F61')).toEqual({ value: '21.950' });
  const u2 = await undoLastFix(deps(x), { sheet: SHEET });
  expect(u2).toMatchObject({ batch: 1, restored: ['F21'], remaining: 0 });
  expect(dumpSheet(x, SHEET)).toEqual(original);
  expect(leftovers(x)).toEqual({ settings: [], names: [] });
  expect(await undoLastFix(deps(x), { sheet: SHEET })).toMatchObject({ hadFix: false, batch: 0 });
});

test('the F61 plan with its F21 conversion is one batch and one Hoàn tác', async () => {
  const x = await fixtureBook(HUE);
  const original = dumpSheet(x, SHEET);
  const plan = find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!;
  const res = await applyFixPlan(plan, deps(x), { sheet: SHEET });
  expect(res.written.map((w) => w.cell)).toEqual(['F61', 'F21']);
  expect(cell(x, 'F61').value).toBe(26979);
  const r = await checkNow(x);
  expect(r.findings.filter((f) => f.column === 'F' && ['budget-total-mismatch', 'number-as-text'].includes(f.rule))).toEqual([]);
  expect(await undoLastFix(deps(x), { sheet: SHEET })).toMatchObject({ restored: expect.arrayContaining(['F21', 'F61']), remaining: 0 });
  expect(dumpSheet(x, SHEET)).toEqual(original);
});

test('a Text-formatted cell ("@") gets the column\'s number format so the number is a number; Hoàn tác gives back the text and "@"', async () => {
  const withText = (s: SheetSnapshot) => {
    const formats = s.values.map((_r, i) => [...(s.numberFormats?.[i] ?? [])]);
    formats[20][5] = '@';
    return { ...s, numberFormats: formats };
  };
  const x = await fixtureBook(HUE, withText);
  const original = dumpSheet(x, SHEET);
  const plan = find(await checkNow(x), 'number-as-text', 'F21')!.fix!;
  expect(planWrites(plan)).toEqual([{ cell: 'F21', expect: { value: '2.019', formula: null, numberFormat: '@' }, value: 2019, numberFormat: '#,##0' }]);
  const res = await applyFixPlan(plan, deps(x), { sheet: SHEET });
  expect(res.written[0].format).toEqual({ before: '@', after: '#,##0' });
  expect(cell(x, 'F21')).toMatchObject({ value: 2019, numberFormat: '#,##0' });
  // the format went first: written into the "@" cell the number would have stayed the text "2019"
  const kinds = x.writeLog.filter((w) => w.target.endsWith('!F21')).map((w) => w.kind);
  expect(kinds).toEqual(['numberFormat', 'values']);
  await undoLastFix(deps(x), { sheet: SHEET });
  expect(cell(x, 'F21')).toEqual({ value: '2.019', numberFormat: '@' });
  expect(dumpSheet(x, SHEET)).toEqual(original);
});

test('the amount in words, in the document\'s own spelling, written and undone', async () => {
  const x = await fixtureBook(HUE, (s) => editCells(s, { F61: 26979, F21: 2019 }));
  const original = dumpSheet(x, SHEET);
  const f = find(await checkNow(x), 'budget-words-mismatch', 'A62')!;
  await applyFixPlan(f.fix!, deps(x), { sheet: SHEET });
  expect(cell(x, 'A62').value).toBe('(Bằng chữ: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng chẵn)');
  expect(find(await checkNow(x), 'budget-words-mismatch', 'A62')).toBeUndefined();
  await undoLastFix(deps(x), { sheet: SHEET });
  expect(dumpSheet(x, SHEET)).toEqual(original);
});

test('Hà Giang: a parent criterion gets the SUM of its children (score-rollup-mismatch), and the total of the areas', async () => {
  const x = await fixtureBook('hagiang-2024-chi-so.xlsx', (s) => editCells(s, { D10: 1.9 }));
  const name = x.sheets[0].name;
  const original = dumpSheet(x, name);
  const r = await checkNow(x, '2024-06-01');
  const d10 = find(r, 'score-rollup-mismatch', 'D10')!;
  await applyFixPlan(d10.fix!, deps(x), { sheet: name });
  expect(cell(x, 'D10', name)).toMatchObject({ formula: '=SUM(D11:D12)', value: 1.73 });
  const after = await checkNow(x, '2024-06-01');
  expect(find(after, 'score-rollup-mismatch', 'D10')).toBeUndefined();
  const total = find(after, 'score-total-mismatch', 'E109')!;
  await applyFixPlan(total.fix!, deps(x), { sheet: name });
  expect(cell(x, 'E109', name)).toMatchObject({ formula: '=SUM(E7,E17,E25,E45,E57,E69,E83,E100)', value: 65.65 });
  await undoLastFix(deps(x), { sheet: name });
  await undoLastFix(deps(x), { sheet: name });
  expect(dumpSheet(x, name)).toEqual(original);
});

test('"Sửa tất cả loại này": the numbers stored as text of a sheet in one batch, one Hoàn tác', async () => {
  const x = await fixtureBook(HUE, (s) => editCells(s, { F8: '1.500', F9: '300', F10: '2.000' }));
  const original = dumpSheet(x, SHEET);
  const r = await checkNow(x);
  const all = combineFixes(r.findings.filter((f) => f.rule === 'number-as-text')) as CombinedFix;
  expect(all.plan.edits.map((e) => e.cell)).toEqual(['F8', 'F9', 'F10', 'F21']);
  const res = await applyFixPlan(all.plan, deps(x), { sheet: SHEET });
  expect(res.written).toHaveLength(4);
  expect((await checkNow(x)).findings.filter((f) => f.rule === 'number-as-text' && f.cell !== 'F61')).toEqual([]);
  expect(await undoLastFix(deps(x), { sheet: SHEET })).toMatchObject({ remaining: 0 });
  expect(dumpSheet(x, SHEET)).toEqual(original);
});

test('a protected sheet: refused with the menu to unprotect it, nothing written, nothing recorded', async () => {
  const x = await fixtureBook(HUE);
  const plan = find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!;
  x.sheet(SHEET)!.protected = true;
  x.resetLogs();
  const err = await applyFixPlan(plan, deps(x), { sheet: SHEET }).catch((e) => e);
  expect(err).toMatchObject({ code: 'protected' });
  expect(err.vi).toContain('Xem lại › Bỏ bảo vệ Trang tính');
  expect(err.vi).toContain('Chưa ghi gì vào trang tính');
  expect(err.en).toContain('Review › Unprotect Sheet');
  expect(x.writes).toBe(0);
  expect(leftovers(x)).toEqual({ settings: [], names: [] });
});

test('Hoàn tác on a sheet protected since: refused the same way, the record kept for later', async () => {
  const x = await fixtureBook(HUE);
  await applyFixPlan(find(await checkNow(x), 'number-as-text', 'F21')!.fix!, deps(x), { sheet: SHEET });
  x.sheet(SHEET)!.protected = true;
  await expect(undoLastFix(deps(x), { sheet: SHEET })).rejects.toMatchObject({ code: 'protected' });
  expect(cell(x, 'F21').value).toBe(2019);
  x.sheet(SHEET)!.protected = false;
  expect(await undoLastFix(deps(x), { sheet: SHEET })).toMatchObject({ restored: ['F21'] });
});

test('the sheet changed since the check: nothing written, the message names the cell and says to check again', async () => {
  const x = await fixtureBook(HUE);
  const plan = find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!;
  x.userEdit(SHEET, 'F21', '2.020');
  x.resetLogs();
  const err = await applyFixPlan(plan, deps(x), { sheet: SHEET }).catch((e) => e);
  expect(err).toMatchObject({ code: 'stale', cells: ['F21'] });
  expect(err.vi).toMatch(/đã thay đổi sau lần kiểm tra \(ô F21\).*«Kiểm tra» lại.*Chưa ghi gì/);
  expect(x.writes).toBe(0);
  expect(cell(x, 'F61').value).toBe('21.950');
  expect(leftovers(x)).toEqual({ settings: [], names: [] });
});

test('a write that fails half-way: the cells already written are put back and no record is left', async () => {
  const x = await fixtureBook(HUE);
  const original = dumpSheet(x, SHEET);
  const plan = find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!;
  x.resetLogs();
  // syncs: 1 sheet state, 2 the cells, 3 the record stored, 4 the writes — fail after F61's value is written
  x.failure = { sync: 4, afterOps: 1, error: new OfficeError('GeneralException', 'boom') };
  await expect(applyFixPlan(plan, deps(x), { sheet: SHEET })).rejects.toThrow('boom');
  expect(x.syncLog[3].error).toBe('GeneralException');
  expect(dumpSheet(x, SHEET)).toEqual(original);
  expect(leftovers(x)).toEqual({ settings: [], names: [] });
});

test('a fixed cell the user changed afterwards is left alone by Hoàn tác and reported', async () => {
  const x = await fixtureBook(HUE);
  const plan = find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!;
  await applyFixPlan(plan, deps(x), { sheet: SHEET });
  x.userEdit(SHEET, 'F61', 30000);
  const u = await undoLastFix(deps(x), { sheet: SHEET });
  expect(u).toMatchObject({ restored: ['F21'], skipped: ['F61'] });
  expect(cell(x, 'F61').value).toBe(30000);
  expect(cell(x, 'F21').value).toBe('2.019');
});

test('rows inserted after a fix: Hoàn tác finds the cells where they are now', async () => {
  const x = await fixtureBook(HUE);
  await applyFixPlan(find(await checkNow(x), 'budget-total-mismatch', 'F61')!.fix!, deps(x), { sheet: SHEET });
  x.insertRows(SHEET, 3, 2);
  const history = await fixHistory(deps(x), { sheet: SHEET });
  expect(history.batches[0].cells.map((c) => c.cell)).toEqual(['F63', 'F23']);
  expect(await undoLastFix(deps(x), { sheet: SHEET })).toMatchObject({ restored: expect.arrayContaining(['F63', 'F23']) });
  expect(cell(x, 'F23').value).toBe('2.019');
  expect(cell(x, 'F63')).toEqual({ value: '21.950' });
});
