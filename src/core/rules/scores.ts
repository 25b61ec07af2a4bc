/**
 * score-exceeds-max, score-negative, score-rollup-mismatch, score-total-mismatch, score-below-threshold,
 * score-not-applicable-conflict.
 *
 * One mistake, one finding: a parent is checked against its children as the sheet states them, and the total against
 * the areas as stated (a computed value only where a cell is empty), so a wrong sub-criterion is reported once.
 */
import type { Finding, Text } from '../report';
import { Rule, RuleContext, finding, num } from './context';
import { Dec } from '../decimal';
import { Node, ScoreTree, buildScoreTree, applicableMax } from '../scores/tree';

export function scoreFindings(ctx: RuleContext, tree: ScoreTree): Finding[] {
  const out: Finding[] = [];
  const threshold = Dec.fromNumber(ctx.options.areaThresholdPercent) ?? Dec.fromInt(50);
  for (const n of tree.nodes) {
    const max = tree.maxCol !== undefined ? n.values.get(tree.maxCol)!.stated : null;
    const label = n.item.number || n.item.title;
    for (const c of tree.columns) {
      const v = n.values.get(c.col)!;
      const where: Text = c.header ? { vi: `«${c.header}»: `, en: `"${c.header}": ` } : { vi: '', en: '' };
      // one finding per branch: at the top-most criterion that does not apply yet is scored (there or below)
      const topNa = v.na && !(n.parent && n.parent.values.get(c.col)!.na);
      const scored = v.stated ?? firstScoredBelow(n, c.col);
      if (topNa && scored && c.kind !== 'max') {
        const why: Text = n.naAll
          ? tree.maxCol !== undefined && n.values.get(tree.maxCol)!.na
            ? { vi: 'điểm tối đa ghi «Không áp dụng»', en: 'its maximum says "not applicable"' }
            : { vi: 'đã khai báo không áp dụng cho đơn vị', en: 'it is set as not applicable to the unit' }
          : { vi: 'tiêu chí cha ghi «Không áp dụng»', en: 'its parent says "not applicable"' };
        out.push(
          finding('score-not-applicable-conflict', n.item.row, c.col, {
            vi: `${where.vi}tiêu chí ${label} không áp dụng (${why.vi}) nhưng vẫn được chấm điểm (${num(scored).vi}); điểm này không được tính.`,
            en: `${where.en}criterion ${label} does not apply (${why.en}) yet is scored (${num(scored).en}); the score is not counted.`,
          }, { actual: scored.toNumber(), expected: 'Không áp dụng' }),
        );
      }
      if (v.na) continue;
      if (v.marker && !v.na) {
        out.push(
          finding('score-not-applicable-conflict', n.item.row, c.col, {
            vi: `${where.vi}tiêu chí ${label} ghi «Không áp dụng» nhưng các tiêu chí con vẫn có điểm; điểm các tiêu chí con được tính.`,
            en: `${where.en}criterion ${label} says "not applicable" but its sub-criteria are scored; their scores are counted.`,
          }, { expected: 'Không áp dụng' }),
        );
      }
      if (v.stated && c.kind !== 'max') {
        const penalty = n.adjustment === 'penalty';
        if (v.stated.sign() < 0 && !penalty) {
          out.push(
            finding('score-negative', n.item.row, c.col, {
              vi: `Điểm tiêu chí ${label} là số âm (${num(v.stated).vi}).`,
              en: `Criterion ${label} has a negative score (${num(v.stated).en}).`,
            }, { actual: v.stated.toNumber(), expected: '≥ 0' }),
          );
        } else if (max && (penalty ? v.stated.abs() : v.stated).cmp(max) > 0) {
          out.push(
            finding('score-exceeds-max', n.item.row, c.col, {
              vi: `Điểm tiêu chí ${label} (${num(v.stated).vi}) vượt điểm tối đa ${num(max).vi}.`,
              en: `Criterion ${label} scores ${num(v.stated).en}, above its maximum ${num(max).en}.`,
            }, { expected: max.toNumber(), actual: v.stated.toNumber() }),
          );
        }
      }
      if (n.children.length && v.stated && v.childSum && !v.na) {
        const diff = v.stated.sub(v.childSum).abs();
        if (diff.cmp(Dec.halfUnit(v.decimals)) >= 0) {
          const kids = n.children.filter((k) => !k.values.get(c.col)!.na).map((k) => k.item.number || k.item.title).join(', ');
          out.push(
            finding('score-rollup-mismatch', n.item.row, c.col, {
              vi: `${where.vi}tiêu chí ${label} ghi ${num(v.stated).vi} nhưng tổng các tiêu chí con (${kids}) là ${num(v.childSum).vi} (chênh ${num(diff).vi}).`,
              en: `${where.en}criterion ${label} states ${num(v.stated).en} but its sub-criteria (${kids}) add up to ${num(v.childSum).en} (off by ${num(diff).en}).`,
            }, { expected: v.childSum.toNumber(), actual: v.stated.toNumber() }),
          );
        }
      }
    }
  }
  if (tree.total) {
    const areas = tree.roots.filter((r) => !r.adjustment).length;
    const adjusted = tree.roots.some((r) => r.adjustment);
    for (const c of tree.columns) {
      const v = tree.total.values.get(c.col)!;
      // the areas as stated (their computed value only where a cell is empty)
      const expected = v.childSum;
      if (!v.stated || !expected) continue;
      const diff = v.stated.sub(expected).abs();
      if (diff.cmp(Dec.halfUnit(v.decimals)) < 0) continue;
      const leaves = v.leafSum && !v.leafSum.eq(expected) ? { vi: ` (tổng các tiêu chí thành phần ${num(v.leafSum).vi})`, en: ` (the leaf criteria add up to ${num(v.leafSum).en})` } : { vi: '', en: '' };
      const adj = adjusted && c.kind !== 'max' ? { vi: ', kể cả điểm thưởng và điểm trừ,', en: ', bonus and penalty included,' } : { vi: '', en: '' };
      out.push(
        finding('score-total-mismatch', tree.total.row, c.col, {
          vi: `${c.header ? `«${c.header}»: ` : ''}Tổng điểm ghi ${num(v.stated).vi} nhưng tổng ${areas} lĩnh vực${adj.vi} là ${num(expected).vi}${leaves.vi} (chênh ${num(diff).vi}).`,
          en: `${c.header ? `"${c.header}": ` : ''}the total states ${num(v.stated).en} but the ${areas} areas${adj.en} add up to ${num(expected).en}${leaves.en} (off by ${num(diff).en}).`,
        }, { expected: expected.toNumber(), actual: v.stated.toNumber() }),
      );
    }
  }
  if (tree.maxCol !== undefined) {
    for (const r of tree.roots) {
      if (r.adjustment) continue;
      const full = r.values.get(tree.maxCol)!.computed;
      for (const c of tree.columns) {
        if (c.kind === 'max') continue;
        const v = r.values.get(c.col)!.computed;
        const max = applicableMax(tree, r, c.col);
        if (!v || !max || max.sign() <= 0) continue;
        const pct = v.mul(Dec.fromInt(100)).div(max, 1)!;
        if (pct.cmp(threshold) < 0) {
          const of = full && !full.eq(max) ? { vi: ` (điểm tối đa áp dụng ${num(max).vi} trên ${num(full).vi})`, en: ` (${num(max).en} of ${num(full).en} applies)` } : { vi: '', en: '' };
          out.push(
            finding('score-below-threshold', r.item.row, c.col, {
              vi: `Lĩnh vực ${r.item.number} ${c.header ? `(«${c.header}») ` : ''}chỉ đạt ${num(v).vi}/${num(max).vi} điểm${of.vi} = ${num(pct).vi}%, dưới ${num(threshold).vi}% điểm tối đa.`,
              en: `Area ${r.item.number} ${c.header ? `("${c.header}") ` : ''}scores only ${num(v).en}/${num(max).en}${of.en} = ${num(pct).en}%, under ${num(threshold).en}% of its maximum.`,
            }, { expected: `≥ ${threshold.toString()}%`, actual: pct.toNumber() }),
          );
        }
      }
    }
  }
  return out;
}

function firstScoredBelow(n: Node, col: number): Dec | null {
  for (const k of n.children) {
    const v = k.values.get(col)!.stated ?? firstScoredBelow(k, col);
    if (v) return v;
  }
  return null;
}

export const scoresRule: Rule = (ctx) => {
  const tree = buildScoreTree(ctx.table, ctx.numbers, { notApplicable: ctx.options.notApplicable });
  return tree ? scoreFindings(ctx, tree) : [];
};
