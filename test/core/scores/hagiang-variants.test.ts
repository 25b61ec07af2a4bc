/**
 * PAR-Index scoring on hand-made variants of the real Hà Giang criteria sheet (test/fixtures/hagiang-2024-chi-so.xlsx):
 * the sheet as a unit would fill it in for self-assessment (column D "Điểm tự đánh giá"), with criteria that do not
 * apply, evidence missing, the appraisal council's column, bonus and penalty rows — each variant a realistic edit of
 * the real layout (two header rows, 0.00 formats, hierarchical codes, the total row 109).
 */
import { check } from '../../../src/core/check';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import type { SheetReport } from '../../../src/core/report';
import { byRule, cellsOf, editSnapshot, fixtureSnapshot, insertRows } from '../../helpers';
import { appraisedSheet, selfSheet as selfSheetOf } from '../../hagiangVariants';

let hagiang: SheetSnapshot;
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});

const run = (snap: SheetSnapshot, extra = {}): SheetReport => check(snap, { asOf: '2024-06-01', ...extra });
const scoreRules = (r: SheetReport) => r.findings.filter((f) => f.rule.startsWith('score') || f.rule.startsWith('evidence'));

const selfSheet = (cells: Record<string, CellValue> = {}) => selfSheetOf(hagiang, cells);

describe('criteria that do not apply', () => {
  // 3.3.2 and 3.3.4 (0,5 + 0,75) do not apply to this unit: 3.3 = 1,75, area 3 = 11,05, the total 59,34
  const na = () => selfSheet({ D33: 'Không áp dụng', D35: 'KAD', D31: 1.75, D25: 11.05, D109: 59.34 });

  it('scores nothing for them, and judges percent and band against the applicable maximum; both maxima are reported', () => {
    const r = run(na());
    const d = r.scores!.find((s) => s.column === 'D')!;
    expect(d).toMatchObject({ total: 59.34, max: 68, applicableMax: 66.75, notApplicable: ['3.3.2', '3.3.4'], percent: 88.9, band: 'B' });
    // against the full maximum it would be 87,3 %: the unit is not penalised for criteria it cannot score
    expect(scoreRules(r).filter((f) => f.column === 'D')).toEqual([]);
    expect(byRule(r, 'invalid-number')).toEqual([]);
    const n332 = r.criteria![2].children[2].children[1];
    expect(n332).toMatchObject({ code: '3.3.2', values: { D: { stated: null, computed: null, na: true } } });
  });

  it('the written words and codes all count: "N/A", "Không áp dụng (không có TTHC)", "k.a.d"', () => {
    for (const marker of ['N/A', 'Không áp dụng (không có TTHC)', 'k.a.d', 'n/a']) {
      const r = run(selfSheet({ D33: marker, D31: 2.5, D25: 11.8, D109: 60.09 }));
      expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ applicableMax: 67.5, notApplicable: ['3.3.2'] });
      expect(byRule(r, 'invalid-number')).toEqual([]);
    }
  });

  it('a criterion the guidance removes for this kind of unit (option): 3.4 and its sub-criteria leave the maximum', () => {
    const emptied = selfSheet({ D36: null, D37: null, D38: null, D39: null, D40: null, D41: null, D25: 7.36, D109: 55.65 });
    const r = run(emptied, { notApplicable: ['3.4'] });
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ total: 55.65, max: 68, applicableMax: 63, notApplicable: ['3.4'], percent: 88.3 });
    expect(scoreRules(r).filter((f) => f.column === 'D')).toEqual([]);
  });

  it('a criterion set as not applicable but still scored: one finding at the top of the branch, its points not counted', () => {
    const r = run(selfSheet(), { notApplicable: ['3.4'] });
    const conflicts = byRule(r, 'score-not-applicable-conflict').filter((f) => f.column === 'D');
    expect(conflicts.map((f) => [f.cell, f.actual])).toEqual([['D36', 4.94]]);
    // the sheet's own figures still include 3.4 (as stated): no second finding at area 3 or at the total
    expect(byRule(r, 'score-rollup-mismatch')).toEqual([]);
    expect(cellsOf(r, 'score-total-mismatch')).toEqual(['E109']);
    // the recalculation leaves 3.4 out
    expect(r.recalc!.find((c) => c.cell === 'D25')).toMatchObject({ current: 12.3, computed: 7.36 });
  });

  it('"KAD" in the maximum takes the criterion out of every column', () => {
    const r = run(selfSheet({ C33: 'KAD', C31: 2.5, C25: 12.5, C109: 67.5, D33: null, E33: null, D31: 2.5, E31: 2.5, D25: 11.8, E25: 12.5, D109: 60.09, E109: 65.15 }));
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ max: 67.5, applicableMax: 67.5, notApplicable: ['3.3.2'] });
    expect(scoreRules(r)).toEqual([]);
  });

  it('an area under 50 % of its applicable maximum is flagged against that maximum', () => {
    // area 2 keeps only 2.3 (1,5 points): 1,5 of 6 is 25 %; with 2.1 and 2.2 not applicable it is 1,5 of 1,5
    const low = { D18: 0, D19: 0, D20: 0, D21: 0, D22: 0, D23: 0, D17: 1.5, D109: 56.09 };
    expect(cellsOf(run(selfSheet(low)), 'score-below-threshold')).toEqual(['D17']);
    const r = run(selfSheet({ ...low, D18: 'Không áp dụng', D19: null, D20: null, D21: 'Không áp dụng', D22: null, D23: null }));
    expect(cellsOf(r, 'score-below-threshold')).toEqual([]);
    expect(r.scores!.find((s) => s.column === 'D')!.notApplicable).toEqual(['2.1', '2.2']);
  });
});

describe('evidence (tài liệu kiểm chứng) and explanation (giải trình)', () => {
  it('recognises the evidence column by its title and an added explanation column', () => {
    const r = run(selfSheet({ L5: 'Giải trình, thuyết minh' }));
    expect(r.table!.columns).toMatchObject({ evidence: 'F', explanation: 'L' });
    expect(r.evidence).toMatchObject({ column: 'F', explanationColumn: 'L', scoreColumn: 'D', missing: [], saysNone: [] });
    expect(r.evidence!.checked).toBe(73); // leaves claiming points (3.2.1 scores 0, 8.1 has no points)
  });

  it('a leaf claiming points with neither evidence nor explanation is a warning at its evidence cell', () => {
    const r = run(selfSheet({ L5: 'Giải trình', F13: null, F15: null, L15: 'Đã tổ chức 02 hội nghị đối thoại, có biên bản kèm theo', F28: null }));
    // 1.4 (1 point, nothing) is flagged; 1.6 is explained; 3.2.1 scores 0 and needs nothing
    expect(byRule(r, 'evidence-missing').map((f) => [f.cell, f.severity, f.related])).toEqual([['F13', 'warning', ['D13']]]);
    expect(byRule(r, 'evidence-missing')[0].message.vi).toContain('Tiêu chí 1.4 tự đánh giá 1 điểm');
    expect(r.evidence!.missing.map((m) => m.code)).toEqual(['1.4']);
  });

  it('a parent takes its evidence from its children, and evidence on a parent row covers its sub-criteria', () => {
    // 2.1 has no evidence of its own (never flagged); 2.1.1 and 2.1.2 lose theirs but 2.1 now names one for both
    expect(byRule(run(selfSheet({ F19: null, F20: null })), 'evidence-missing').map((f) => f.cell)).toEqual(['F19', 'F20']);
    expect(byRule(run(selfSheet({ F19: null, F20: null, F18: 'Kế hoạch TDTHPL năm 2024' })), 'evidence-missing')).toEqual([]);
  });

  it('full marks whose evidence says "không có" / "chưa có" is another warning, at the score', () => {
    const r = run(selfSheet({ F85: 'Chưa có', F87: '- Không có tài liệu kiểm chứng.', F86: 'Không có' }));
    // 7.1.1 (0,5/0,5) and 7.1.3 (1/1) claim full marks; 7.1.2 (0,5 of 1) has no real evidence either: missing
    expect(byRule(r, 'evidence-says-none').map((f) => [f.cell, f.actual, f.related])).toEqual([
      ['D85', 'Chưa có', ['F85']],
      ['D87', '- Không có tài liệu kiểm chứng.', ['F87']],
    ]);
    expect(cellsOf(r, 'evidence-missing')).toEqual(['F86']);
  });

  it('evidence that merely starts with "Không có" is evidence ("Không có TTHC ban hành trái thẩm quyền")', () => {
    const r = run(selfSheet({ F26: 'Không có TTHC ban hành trái thẩm quyền; Báo cáo kiểm soát TTHC' }));
    expect(scoreRules(r).filter((f) => f.column !== 'E')).toEqual([]);
  });

  it('the 2023 plan itself (result and target, no self-assessment) is not checked for evidence', () => {
    const r = run(hagiang);
    expect(r.evidence).toBeUndefined();
    expect(r.table!.columns.evidence).toBe('F');
  });
});

describe('self-assessment against the appraisal council (one sheet)', () => {
  const appraised = () => appraisedSheet(hagiang);

  it('recognises the appraisal column and lists the points cut, largest first, and the total cut', () => {
    const r = run(appraised());
    expect(r.table!.scoreColumns.map((s) => [s.column, s.kind])).toEqual([
      ['D', 'self'],
      ['E', 'appraised'],
    ]);
    expect(scoreRules(r)).toEqual([]);
    const a = r.appraisal!;
    expect(a.self).toMatchObject({ column: 'D', total: 60.59 });
    expect(a.appraisal).toMatchObject({ column: 'E', total: 59.74 });
    expect(a.totalCut).toBe(0.85);
    expect(a.cuts.map((c) => [c.code, c.self, c.appraised, c.diff])).toEqual([
      ['1.5', 1, 0.5, -0.5],
      ['7.3.5', 0.83, 0.5, -0.33],
      ['3.2.3', 0.8617, 0.8, -0.0617],
    ]);
    expect(a.raised.map((c) => [c.code, c.diff])).toEqual([['6.1.1', 0.04]]);
    expect(a.compared).toBe(69);
  });

  it('drafts the bảng giải trình in the criteria order, with the evidence and an empty reason', () => {
    const rows = run(appraised()).appraisal!.explanation;
    expect(rows.map((x) => [x.stt, x.code, x.max, x.self, x.appraised, x.diff, x.reason])).toEqual([
      [1, '1.5', 2, 1, 0.5, -0.5, ''],
      [2, '3.2.3', 1, 0.8617, 0.8, -0.0617, ''],
      [3, '7.3.5', 1.5, 0.83, 0.5, -0.33, ''],
    ]);
    expect(rows[0].criterion).toBe('1.5. Sáng kiến trong cải cách hành chính');
    expect(rows[0].evidence).toContain('Được UBND tỉnh phê duyệt');
    expect(rows.every((x) => x.decimals === 2)).toBe(true);
  });

  it('a council that scored only a parent is compared at that parent', () => {
    // the council wrote 1,5 for 1.3 and nothing for 1.3.1 / 1.3.2
    const r = run(editSnapshot(appraised(), { E10: 1.5, E11: null, E12: null, E7: 7.1, E109: 59.51 }));
    expect(r.appraisal!.cuts.map((c) => [c.code, c.diff])).toContainEqual(['1.3', -0.23]);
    expect(r.appraisal!.notAppraised).toEqual([]);
  });

  it('an appraisal column nobody has filled in yet gives no comparison', () => {
    const cells: Record<string, CellValue> = { E5: 'Điểm thẩm định' };
    for (let r = 7; r <= 109; r++) cells[`E${r}`] = null;
    expect(run(selfSheet(cells)).appraisal).toBeUndefined();
  });

  it('"Điểm sau giải trình", "Điểm Hội đồng thẩm định" and "Điểm sau thẩm định" are appraisal columns', () => {
    for (const title of ['Điểm sau giải trình', 'Điểm Hội đồng thẩm định', 'Điểm sau thẩm định', 'Điểm giải trình']) {
      expect(run(editSnapshot(appraised(), { E5: title })).table!.scoreColumns[1].kind).toBe('appraised');
    }
  });
});

describe('bonus and penalty rows (Điểm thưởng, Điểm bị trừ)', () => {
  const withAdjustments = (bonus: CellValue[], penalty: CellValue[], total: Record<string, CellValue> = {}) =>
    editSnapshot(insertRows(selfSheet(), 109, [bonus, penalty]), { D111: 61.09, ...total });

  it('adds the bonus, takes the penalty off, keeps both out of the maximum, and shows them apart', () => {
    const bonus = [null, 'Điểm thưởng (tối đa 2 điểm)', 2, 1, null, 'Quyết định công nhận sáng kiến số 12/QĐ-UBND'];
    const r = run(withAdjustments(bonus, [null, 'Điểm bị trừ', null, 0.5]));
    expect(r.counts.items).toBe(102);
    const d = r.scores!.find((s) => s.column === 'D')!;
    expect(d).toMatchObject({ total: 61.09, areas: 60.59, bonus: 1, penalty: 0.5, max: 68, applicableMax: 68, percent: 89.8 });
    expect(scoreRules(r).filter((f) => f.column !== 'E')).toEqual([]);
    expect(byRule(r, 'missing-required')).toEqual([]);
    expect(r.criteria!.filter((c) => c.adjustment).map((c) => [c.code, c.adjustment, c.row])).toEqual([
      ['+thuong', 'bonus', 109],
      ['-tru', 'penalty', 110],
    ]);
    // E (the 2024 target) has no bonus or penalty: its wrong total is still the one finding
    expect(byRule(r, 'score-total-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['E111', 65.65, 65.85]]);
  });

  it('a penalty written negative ("−0,5", "Điểm trừ") counts the same; a total that forgot it is wrong', () => {
    const r = run(withAdjustments([null, 'Điểm thưởng', null, 1], [null, 'Điểm trừ', null, -0.5]));
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ total: 61.09, penalty: 0.5 });
    expect(byRule(r, 'score-negative')).toEqual([]);
    const forgot = run(withAdjustments([null, 'Điểm thưởng', null, 1], [null, 'Điểm trừ', null, -0.5], { D111: 61.59 }));
    const [f] = byRule(forgot, 'score-total-mismatch').filter((x) => x.column === 'D');
    expect(f).toMatchObject({ cell: 'D111', expected: 61.09, actual: 61.59 });
    expect(f.message.vi).toContain('kể cả điểm thưởng và điểm trừ');
  });

  it('counts a bonus maximum in the total maximum only where the sheet does (68 + 2 = 70)', () => {
    const r = run(withAdjustments([null, 'Điểm thưởng', 2, 1], [null, 'Điểm bị trừ', null, 0.5], { C111: 70 }));
    expect(r.scores!.find((s) => s.column === 'D')).toMatchObject({ max: 70, percent: 87.3 });
    expect(byRule(r, 'score-total-mismatch').filter((f) => f.column === 'C')).toEqual([]);
  });

  it('a bonus claimed without evidence is flagged like any criterion; a penalty needs none', () => {
    const r = run(withAdjustments([null, 'Điểm thưởng', 2, 1], [null, 'Điểm bị trừ', null, 0.5]));
    expect(cellsOf(r, 'evidence-missing')).toEqual(['F109']);
  });

  it('a bonus above its maximum is an error', () => {
    const r = run(withAdjustments([null, 'Điểm thưởng', 2, 2.5], [null, 'Điểm bị trừ', null, 0.5], { D111: 62.59 }));
    expect(byRule(r, 'score-exceeds-max').map((f) => f.cell)).toEqual(['D109']);
  });
});

describe('one mistake, one finding on the real sheet', () => {
  it('a wrong sub-criterion (7.1 stated 2,51 where its children add to 2,41) is reported there only; the plan corrects it all', () => {
    // the sheet's parents add up what 7.1 states: area 7 = 10,52, the total 60,69 — formulas right, one figure wrong
    const r = run(editSnapshot(hagiang, { D84: 2.51, D83: 10.52, D109: 60.69 }));
    expect(byRule(r, 'score-rollup-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D84', 2.41, 2.51]]);
    expect(byRule(r, 'score-total-mismatch').filter((f) => f.column === 'D')).toEqual([]);
    const plan = Object.fromEntries(r.recalc!.filter((c) => c.current !== c.computed).map((c) => [c.cell, c.computed]));
    expect(plan).toEqual({ D84: 2.41, D83: 10.42, D109: 60.59, E109: 65.65 });
  });
});

describe('numbers as the sheet shows them', () => {
  it('points lost show the decimals of their own cells, not of the one 4-decimal value in the column', () => {
    // a General sheet (no number formats): 0,8617 is the only 4-decimal value
    const general: SheetSnapshot = { ...selfSheet(), numberFormats: undefined };
    const r = run(general);
    const lost = Object.fromEntries(r.pointsLost!.map((p) => [p.number, p.decimals]));
    expect(lost['1.5']).toBe(0); // 2 − 1: "mất 1 (đạt 1/2)"
    expect(lost['7.3.5']).toBe(2); // 1,5 − 0,83
    expect(lost['3.2.3']).toBe(4); // 1 − 0,8617
    expect(r.scores!.find((s) => s.column === 'D')!.decimals).toBe(4);
    // with the real 0.00 formats every score shows 2 decimals
    expect(run(selfSheet()).pointsLost!.every((p) => p.decimals === 2)).toBe(true);
    expect(run(selfSheet()).scores!.every((s) => s.decimals === 2)).toBe(true);
  });
});
