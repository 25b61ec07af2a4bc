/**
 * Fix plans carried by the report: what each quick fix would write, and — the real test — that the sheet with the
 * plan applied passes the same check.
 */
import { check } from '../../../src/core/check';
import type { Finding, RuleId, SheetReport } from '../../../src/core/report';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { byRule, fixtureSnapshot, TASK_HEAD } from '../../helpers';
import { applyPlan, editSheet, withFormulas, type CellSpec } from '../../sheetFormulas';

const fixOf = (r: SheetReport, rule: RuleId, cell: string): Finding['fix'] => byRule(r, rule).find((f) => f.cell === cell)?.fix;

let hue: SheetSnapshot;
let hagiang: SheetSnapshot;
beforeAll(async () => {
  [hue, hagiang] = await Promise.all(['hue-2018-nhiem-vu.xlsx', 'hagiang-2024-chi-so.xlsx'].map(fixtureSnapshot));
});
const run18 = (s: SheetSnapshot) => check(s, { asOf: '2018-02-15' });

describe('number stored as text → number', () => {
  it('Huế F21 «2.019» becomes 2019, format kept', () => {
    expect(fixOf(run18(hue), 'number-as-text', 'F21')).toEqual({
      kind: 'number-from-text',
      description: { vi: 'Đổi F21 «2.019» thành số 2.019 (giữ định dạng ô).', en: 'Turn F21 "2.019" into the number 2,019 (the cell\'s format kept).' },
      edits: [{ cell: 'F21', row: 21, column: 'F', before: { value: '2.019', numberFormat: 'General' }, after: { value: 2019, numberFormat: 'General' } }],
    });
  });
  it('a cell formatted as Text gets the column\'s number format (a number written there would stay text)', () => {
    const formats = hue.values.map((_r, i) => [...(hue.numberFormats?.[i] ?? [])]);
    formats[20][5] = '@';
    const edit = fixOf(run18({ ...hue, numberFormats: formats }), 'number-as-text', 'F21')!.edits[0];
    expect(edit.before.numberFormat).toBe('@');
    expect(edit.after).toEqual({ value: 2019, numberFormat: '#,##0' });
  });
  it('a number too long to be exact is not converted', () => {
    // 17 digits: read exactly as text, but a double cannot hold it (10^18 and more is an invalid number: issue 7)
    const s = withFormulas([['KẾ HOẠCH NĂM 2024'], [], TASK_HEAD, [1, 'a', 'p', 'q', '12.345.678.901.234.567', 'Năm 2024']]);
    const [f] = byRule(check(s, { asOf: '2024-06-15' }), 'number-as-text');
    expect(f.fix).toBeUndefined();
  });
  it('applied, the finding is gone', () => {
    const r = run18(hue);
    const after = run18(applyPlan(hue, fixOf(r, 'number-as-text', 'F21')!));
    expect(byRule(after, 'number-as-text').map((f) => f.cell)).toEqual(['F61']);
  });
});

describe('wrong total → SUM formula', () => {
  it('Huế F61: the items F6:F59 (merged amounts once) and F21 converted; no separate conversion of the wrong 21.950', () => {
    const r = run18(hue);
    const plan = fixOf(r, 'budget-total-mismatch', 'F61')!;
    expect(plan.kind).toBe('sum-formula');
    expect(plan.edits.map((e) => [e.cell, e.after.formula ?? e.after.value])).toEqual([
      ['F61', '=SUM(F6:F59)'],
      ['F21', 2019],
    ]);
    expect(plan.edits[0].before).toEqual({ value: '21.950', numberFormat: 'General' });
    expect(plan.edits[0].after.value).toBe(26979);
    expect(plan.description.vi).toBe('Ghi công thức =SUM(F6:F59) vào F61 (kết quả 26.979); đổi F21 «2.019» từ văn bản thành số để SUM cộng được.');
    expect(fixOf(r, 'number-as-text', 'F61')).toBeUndefined();
    const after = run18(applyPlan(hue, plan));
    expect(after.budget).toMatchObject({ total: 26979, stated: 26979 });
    expect(byRule(after, 'budget-total-mismatch')).toEqual([]);
    expect(byRule(after, 'number-as-text')).toEqual([]);
  });
  it('with section subtotals as formulas, the ranges step over them (never counted twice)', () => {
    const s = editSheet(hue, { F5: { f: '=SUM(F6:F11)' }, F12: { f: '=SUM(F13:F17)' }, F61: { f: '=SUM(F5:F60)' } });
    const plan = fixOf(run18(s), 'budget-total-mismatch', 'F61')!;
    expect(plan.edits[0].after.formula).toBe('=SUM(F6:F11,F13:F59)');
    expect(plan.edits[0].before).toMatchObject({ formula: '=SUM(F5:F60)' });
    const after = run18(applyPlan(s, plan));
    expect(byRule(after, 'budget-total-mismatch')).toEqual([]);
  });
  it('a section subtotal gets the SUM of its own tasks', () => {
    const s = editSheet(hue, { F18: { f: '=SUM(F19:F26)' } }); // skips F21's text
    const r = run18(s);
    const plan = fixOf(r, 'budget-subtotal-mismatch', 'F18')!;
    expect(plan.edits.map((e) => [e.cell, e.after.formula ?? e.after.value])).toEqual([
      ['F18', '=SUM(F19:F24)'],
      ['F21', 2019],
    ]);
    expect(byRule(run18(applyPlan(s, plan)), 'budget-subtotal-mismatch')).toEqual([]);
  });
  it('a merged amount is counted once and words in the column do not break the range', () => {
    const s = withFormulas([
      ['KẾ HOẠCH NĂM 2024'],
      [],
      TASK_HEAD,
      [1, 'a', 'p', 'q', 100, 'Năm 2024'],
      [2, 'b', 'p', 'q', null, 'Năm 2024'],
      [3, 'c', 'p', 'q', 'Lồng ghép', 'Năm 2024'],
      [4, 'd', 'p', 'q', 5, 'Năm 2024'],
      [null, 'Tổng cộng', null, null, 90],
    ]);
    s.merges = [{ top: 4, left: 5, bottom: 5, right: 5 }];
    const plan = fixOf(check(s, { asOf: '2024-06-15' }), 'budget-total-mismatch', 'E8')!;
    expect(plan.edits.map((e) => e.after.formula ?? e.after.value)).toEqual(['=SUM(E4:E7)']);
    expect(plan.edits[0].after.value).toBe(105);
  });
  it('a long list of conversions is summed up in the description, listed in full in the edits', () => {
    const rows: CellSpec[][] = [['KẾ HOẠCH NĂM 2024'], [], TASK_HEAD];
    for (let i = 1; i <= 8; i++) rows.push([i, `t${i}`, 'p', 'q', '1.000', 'Năm 2024']);
    rows.push([null, 'Tổng cộng', null, null, 7000]);
    const plan = fixOf(check(withFormulas(rows), { asOf: '2024-06-15' }), 'budget-total-mismatch', 'E12')!;
    expect(plan.edits.length).toBe(9);
    expect(plan.description.vi).toBe('Ghi công thức =SUM(E4:E11) vào E12 (kết quả 8.000); đổi E4 «1.000», E5 «1.000», E6 «1.000», E7 «1.000», E8 «1.000» và 3 ô khác từ văn bản thành số để SUM cộng được.');
    expect(plan.description.en).toMatch(/E8 "1\.000" and 3 more cells from text/);
  });
  it('no formula is proposed while an amount cannot be read', () => {
    const r = run18(editSheet(hue, { F10: '12..5' }));
    const [f] = byRule(r, 'budget-total-mismatch');
    expect(f).toBeDefined();
    expect(f.fix).toBeUndefined();
  });
});

describe('amount in words', () => {
  it('Huế with the total corrected to 26.979 but the words left at 21.950', () => {
    const s = editSheet(hue, { F61: 26979, F21: 2019 });
    const r = run18(s);
    const plan = fixOf(r, 'budget-words-mismatch', 'A62')!;
    expect(plan.description.vi).toBe('Sửa thành: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng');
    expect(plan.edits).toEqual([
      {
        cell: 'A62',
        row: 62,
        column: 'A',
        before: { value: '(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triệu đồng chẵn)', numberFormat: 'General' },
        after: { value: '(Bằng chữ: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng chẵn)', numberFormat: 'General' },
      },
    ]);
    expect(byRule(run18(applyPlan(s, plan)), 'budget-words-mismatch')).toEqual([]);
  });
  it('in the document\'s spelling (ngàn, lẻ, chẵn)', () => {
    const rows: CellSpec[][] = [
      ['KẾ HOẠCH NĂM 2024'],
      [],
      ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (nghìn đồng)', 'Thời gian hoàn thành'],
      [1, 'a', 'p', 'q', 1021405, 'Năm 2024'],
      [null, 'Tổng cộng', null, null, 1021405],
      ['Bằng chữ: Một tỷ không trăm lẻ năm ngàn đồng chẵn'],
    ];
    const plan = fixOf(check(withFormulas(rows), { asOf: '2024-06-15' }), 'budget-words-mismatch', 'A6')!;
    expect(plan.edits[0].after.value).toBe('Bằng chữ: Một tỷ không trăm hai mươi mốt triệu bốn trăm lẻ năm ngàn đồng chẵn');
  });
  it('unreadable words get new words', () => {
    const s = editSheet(hue, { F61: 26979, F21: 2019, A62: '(Bằng chữ: ………………… đồng)' });
    const plan = fixOf(run18(s), 'budget-words-mismatch', 'A62')!;
    expect(plan.edits[0].after.value).toBe('(Bằng chữ: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng)');
  });
});

describe('criterion scores → SUM of the sub-criteria', () => {
  const run24 = (s: SheetSnapshot) => check(s, { asOf: '2024-06-01' });
  it('Hà Giang 1.3 typed as 1,9: =SUM(D11:D12); area 1 steps over the grandchildren', () => {
    const s = editSheet(hagiang, { D10: 1.9 });
    const r = run24(s);
    expect(fixOf(r, 'score-rollup-mismatch', 'D10')!.edits).toEqual([
      { cell: 'D10', row: 10, column: 'D', before: { value: 1.9, numberFormat: '0.00' }, after: { value: 1.73, formula: '=SUM(D11:D12)', numberFormat: '0.00' } },
    ]);
    expect(fixOf(r, 'score-rollup-mismatch', 'D7')!.edits[0].after.formula).toBe('=SUM(D8:D10,D13:D16)');
    const fixed = applyPlan(s, fixOf(r, 'score-rollup-mismatch', 'D10')!);
    expect(byRule(run24(fixed), 'score-rollup-mismatch')).toEqual([]);
  });
  it('the total gets the SUM of the areas', () => {
    const r = run24(hagiang);
    const plan = fixOf(r, 'score-total-mismatch', 'E109')!;
    expect(plan.edits[0].after).toEqual({ value: 65.65, formula: '=SUM(E7,E17,E25,E45,E57,E69,E83,E100)', numberFormat: '0.00' });
    expect(byRule(run24(applyPlan(hagiang, plan)), 'score-total-mismatch').map((f) => f.cell)).not.toContain('E109');
  });
});
