/**
 * Ranking units on each score column, for the department head who compares twenty units' files. Pure: the CLI's
 * `--summary` and the preview's overview of open files rank with the same function.
 *
 * Convention: standard competition ranking, as official rankings are published — equal values share a rank and the
 * next rank skips (1, 1, 3). Units are ranked on the percent of their applicable maximum (so a unit with criteria
 * that do not apply is not ranked below one scored on more criteria), compared exactly, not on the rounded percent;
 * where a column has no maximum, on the total.
 */
import type { ScoreKind, ScoreSummary, Text } from '../report';
import { Dec } from '../decimal';
import type { UnitRank } from './types';

export const RANK_CONVENTION: Text = {
  vi: 'Xếp hạng theo tỷ lệ điểm đạt trên điểm tối đa áp dụng; bằng điểm thì đồng hạng, hạng sau bỏ trống (1, 1, 3).',
  en: 'Ranked on the score as a percent of the applicable maximum; equal scores share a rank and the next rank is skipped (1, 1, 3).',
};

/** Competition ranks, highest first: [5, 7, 7, 2] → [3, 1, 1, 4]; null values get no rank. */
export function competitionRanks<T>(values: readonly (T | null)[], compare: (a: T, b: T) => number): (number | null)[] {
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: T; i: number } => x.v !== null);
  present.sort((a, b) => compare(b.v, a.v) || a.i - b.i);
  const out: (number | null)[] = values.map(() => null);
  for (let k = 0; k < present.length; k++) {
    const tied = k > 0 && compare(present[k].v, present[k - 1].v) === 0;
    out[present[k].i] = tied ? out[present[k - 1].i] : k + 1;
  }
  return out;
}

export interface RankColumn {
  /** "self", "result:2023", "appraised#2" — the same column in every unit's file */
  key: string;
  header: string;
  kind: ScoreKind;
  year?: number;
}

export interface RankInput {
  id: string;
  scores: readonly ScoreSummary[];
}

export interface Ranking {
  columns: RankColumn[];
  /** per unit (input order), per column key */
  units: { id: string; ranks: Record<string, UnitRank> }[];
  convention: Text;
}

/** Keys of a unit's score columns: kind and year, numbered when a file has the same kind twice. */
export function scoreKeys(scores: readonly ScoreSummary[]): string[] {
  const seen = new Map<string, number>();
  return scores.map((s) => {
    const base = s.kind + (s.year ? `:${s.year}` : '');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base}#${n}` : base;
  });
}

interface Ratio {
  total: Dec;
  max: Dec | null;
}

export function rankUnits(units: readonly RankInput[]): Ranking {
  const columns: RankColumn[] = [];
  const byKey = new Map<string, (ScoreSummary | null)[]>();
  units.forEach((u, i) => {
    const keys = scoreKeys(u.scores);
    u.scores.forEach((s, j) => {
      let list = byKey.get(keys[j]);
      if (!list) {
        list = units.map(() => null);
        byKey.set(keys[j], list);
        columns.push({ key: keys[j], header: s.header, kind: s.kind, ...(s.year ? { year: s.year } : {}) });
      }
      list[i] = s;
    });
  });
  const result: Ranking['units'] = units.map((u) => ({ id: u.id, ranks: {} }));
  for (const col of columns) {
    const list = byKey.get(col.key)!;
    // a total that could not be read is not ranked (never as if it were 0)
    const ratios: (Ratio | null)[] = list.map((s) => (s && s.total !== null && Dec.fromNumber(s.total) ? { total: Dec.fromNumber(s.total)!, max: s.applicableMax !== null && s.applicableMax > 0 ? Dec.fromNumber(s.applicableMax) : null } : null));
    const byPercent = ratios.every((r) => r === null || r.max !== null);
    // a/b against c/d without rounding: a·d against c·b (maxima are positive)
    const compare = byPercent ? (x: Ratio, y: Ratio) => x.total.mul(y.max!).cmp(y.total.mul(x.max!)) : (x: Ratio, y: Ratio) => x.total.cmp(y.total);
    const ranks = competitionRanks(ratios, compare);
    const of = ratios.filter((r) => r !== null).length;
    list.forEach((s, i) => {
      if (!s) return;
      result[i].ranks[col.key] = { rank: ranks[i], of, value: ratios[i] ? (byPercent ? s.percent : s.total) : null, by: byPercent ? 'percent' : 'total' };
    });
  }
  return { columns, units: result, convention: RANK_CONVENTION };
}
