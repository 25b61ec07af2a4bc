/**
 * Two files: the unit's self-assessment and the council's appraisal, each its own variant of the Hà Giang sheet.
 * The appraisal file has its rows in another order, one criterion more (1.8), another maximum for 5.4, and one cut.
 */
import { check } from '../../../src/core/check';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import type { ScoreSummary } from '../../../src/core/report';
import { appraisedScoreColumn, diffScores, selfScoreColumn } from '../../../src/core/scores/diff';
import { explanationTable, cellText } from '../../../src/core/scores/explanation';
import { competitionRanks, rankUnits } from '../../../src/core/scores/rank';
import { editSnapshot, fixtureSnapshot } from '../../helpers';
import { appraisalFile as appraisalFileOf, selfSheet } from '../../hagiangVariants';

let hagiang: SheetSnapshot;
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});

const opts = { asOf: '2024-06-01' };

const selfFile = () => selfSheet(hagiang);
const appraisalFile = () => appraisalFileOf(hagiang);

describe('phuluc compare: self-assessment file against appraisal file', () => {
  it('matches criteria by code whatever the row order; lists what one file has alone and the different maxima', () => {
    const self = check(selfFile(), opts);
    const appr = check(appraisalFile(), opts);
    expect(appr.findings.filter((f) => f.rule.startsWith('score') && f.column !== 'E')).toEqual([]);
    expect(selfScoreColumn(self)!.column).toBe('D');
    expect(appraisedScoreColumn(appr)).toMatchObject({ column: 'D', kind: 'appraised' });
    const diff = diffScores({ report: self, column: 'D', file: 'tu-danh-gia.xlsx' }, { report: appr, column: 'D', file: 'tham-dinh.xlsx' });
    expect(diff.onlyInSelf).toEqual([]);
    expect(diff.onlyInAppraisal.map((c) => [c.code, c.row])).toEqual([['1.8', 17]]);
    // 5.4 is listed; area 5 and area 1 differ only because of 5.4 and 1.8, so they are not listed again
    expect(diff.maxDiffers.map((m) => [m.code, m.selfMax, m.appraisalMax])).toEqual([['5.4', 1.5, 1]]);
    expect(diff.cuts.map((c) => [c.code, c.self, c.appraised, c.diff, c.row, c.appraisalRow])).toEqual([['1.5', 1, 0.5, -0.5, 14, 13]]);
    expect(diff.raised).toEqual([]);
    expect(diff.self).toMatchObject({ file: 'tu-danh-gia.xlsx', total: 60.59 });
    expect(diff.appraisal).toMatchObject({ file: 'tham-dinh.xlsx', total: 60.59 });
    expect(diff.totalCut).toBe(0);
    expect(diff.explanation.map((r) => [r.stt, r.code, r.diff])).toEqual([[1, '1.5', -0.5]]);
  });

  it('the same explanation table, laid out for a sheet or a CSV', () => {
    const diff = diffScores({ report: check(selfFile(), opts), column: 'D' }, { report: check(appraisalFile(), opts), column: 'D' });
    const t = explanationTable(diff, 'vi');
    expect(t.header).toEqual(['STT', 'Tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch', 'Tài liệu kiểm chứng', 'Lý do đề nghị']);
    expect(t.rows[0].slice(0, 6)).toEqual([1, '1.5. Sáng kiến trong cải cách hành chính', 2, 1, 0.5, -0.5]);
    expect(t.rows[0][7]).toBe('');
    expect(t.total).toEqual(['', 'Tổng chênh lệch', null, null, null, -0.5, '', '']);
    expect(cellText(t.rows[0][5], 'vi', t.decimals[0])).toBe('-0,50');
    expect(t.subtitle).toContain('chênh lệch 0,00');
    expect(explanationTable(diff, 'en').header[7]).toBe('Reason for the request');
  });

  it('criteria not applicable on one side are listed for explanation too', () => {
    const self = check(editSnapshot(selfFile(), { D33: 'Không áp dụng', D31: 2.5, D25: 11.8, D109: 60.09 }), opts);
    const diff = diffScores({ report: self, column: 'D' }, { report: check(appraisalFile(), opts), column: 'D' });
    expect(diff.naChanged.map((c) => [c.code, c.selfNa, c.appraisedNa, c.appraised])).toEqual([['3.3.2', true, false, 0.5]]);
    expect(diff.explanation.map((r) => r.code)).toEqual(['1.5', '3.3.2']);
    expect(explanationTable(diff, 'vi').rows[1][3]).toBe('Không áp dụng');
  });
});

describe('ranking units', () => {
  it('competition ranking: ties share a rank and the next one is skipped (1, 1, 3)', () => {
    expect(competitionRanks([5, 7, 7, 2, null], (a, b) => a - b)).toEqual([3, 1, 1, 4, null]);
  });

  it('ranks on the percent of the applicable maximum, exactly; ties only when the ratios are equal', () => {
    const s = (total: number, applicableMax: number, percent: number): ScoreSummary => ({
      column: 'D', header: 'Điểm tự đánh giá', kind: 'self', total, stated: null, max: 68, applicableMax, notApplicable: [], percent, band: null, decimals: 2,
    });
    const r = rankUnits([
      { id: 'a.xlsx', scores: [s(60, 68, 88.2)] },
      { id: 'b.xlsx', scores: [s(30, 34, 88.2)] }, // the same ratio as a
      { id: 'c.xlsx', scores: [s(59.34, 66.75, 88.9)] }, // fewer points, but more of what applies
      { id: 'd.xlsx', scores: [] },
    ]);
    expect(r.columns.map((c) => c.key)).toEqual(['self']);
    expect(r.units.map((u) => u.ranks.self?.rank ?? null)).toEqual([2, 2, 1, null]);
    expect(r.units[0].ranks.self).toMatchObject({ of: 3, by: 'percent', value: 88.2 });
    expect(r.convention.vi).toContain('1, 1, 3');
  });
});
