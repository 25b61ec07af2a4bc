/** score-exceeds-max, score-negative, score-rollup-mismatch, score-total-mismatch, score-below-threshold. */
import type { Finding } from '../report';
import { Rule, RuleContext, finding, num } from './context';
import { Dec } from '../decimal';
import { ScoreTree, buildScoreTree } from '../scores/tree';

export function scoreFindings(ctx: RuleContext, tree: ScoreTree): Finding[] {
  const out: Finding[] = [];
  const threshold = Dec.fromNumber(ctx.options.areaThresholdPercent) ?? Dec.fromInt(50);
  for (const n of tree.nodes) {
    const max = tree.maxCol !== undefined ? n.values.get(tree.maxCol)!.stated : null;
    for (const c of tree.columns) {
      const v = n.values.get(c.col)!;
      const label = n.item.number;
      if (v.stated && c.kind !== 'max') {
        if (v.stated.sign() < 0) {
          out.push(
            finding('score-negative', n.item.row, c.col, {
              vi: `Điểm tiêu chí ${label} là số âm (${num(v.stated).vi}).`,
              en: `Criterion ${label} has a negative score (${num(v.stated).en}).`,
            }, { actual: v.stated.toNumber(), expected: '≥ 0' }),
          );
        } else if (max && v.stated.cmp(max) > 0) {
          out.push(
            finding('score-exceeds-max', n.item.row, c.col, {
              vi: `Điểm tiêu chí ${label} (${num(v.stated).vi}) vượt điểm tối đa ${num(max).vi}.`,
              en: `Criterion ${label} scores ${num(v.stated).en}, above its maximum ${num(max).en}.`,
            }, { expected: max.toNumber(), actual: v.stated.toNumber() }),
          );
        }
      }
      if (n.children.length && v.stated && v.childSum) {
        const diff = v.stated.sub(v.childSum).abs();
        if (diff.cmp(Dec.halfUnit(v.decimals)) >= 0) {
          const kids = n.children.map((k) => k.item.number).join(', ');
          out.push(
            finding('score-rollup-mismatch', n.item.row, c.col, {
              vi: `${c.header ? `«${c.header}»: ` : ''}tiêu chí ${label} ghi ${num(v.stated).vi} nhưng tổng các tiêu chí con (${kids}) là ${num(v.childSum).vi} (chênh ${num(diff).vi}).`,
              en: `${c.header ? `"${c.header}": ` : ''}criterion ${label} states ${num(v.stated).en} but its sub-criteria (${kids}) add up to ${num(v.childSum).en} (off by ${num(diff).en}).`,
            }, { expected: v.childSum.toNumber(), actual: v.stated.toNumber() }),
          );
        }
      }
    }
  }
  if (tree.total) {
    for (const c of tree.columns) {
      const v = tree.total.values.get(c.col)!;
      if (!v.stated || !v.computed) continue;
      const diff = v.stated.sub(v.computed).abs();
      if (diff.cmp(Dec.halfUnit(v.decimals)) < 0) continue;
      const leaves = v.leafSum && !v.leafSum.eq(v.computed) ? { vi: ` (tổng các tiêu chí thành phần ${num(v.leafSum).vi})`, en: ` (the leaf criteria add up to ${num(v.leafSum).en})` } : { vi: '', en: '' };
      out.push(
        finding('score-total-mismatch', tree.total.row, c.col, {
          vi: `${c.header ? `«${c.header}»: ` : ''}Tổng số ghi ${num(v.stated).vi} nhưng tổng ${tree.roots.length} lĩnh vực là ${num(v.computed).vi}${leaves.vi} (chênh ${num(diff).vi}).`,
          en: `${c.header ? `"${c.header}": ` : ''}the total states ${num(v.stated).en} but the ${tree.roots.length} areas add up to ${num(v.computed).en}${leaves.en} (off by ${num(diff).en}).`,
        }, { expected: v.computed.toNumber(), actual: v.stated.toNumber() }),
      );
    }
  }
  if (tree.maxCol !== undefined) {
    for (const r of tree.roots) {
      const max = r.values.get(tree.maxCol)!.computed;
      if (!max || max.sign() <= 0) continue;
      for (const c of tree.columns) {
        if (c.kind === 'max') continue;
        const v = r.values.get(c.col)!.computed;
        if (!v) continue;
        const pct = v.mul(Dec.fromInt(100)).div(max, 1)!;
        if (pct.cmp(threshold) < 0) {
          out.push(
            finding('score-below-threshold', r.item.row, c.col, {
              vi: `Lĩnh vực ${r.item.number} ${c.header ? `(«${c.header}») ` : ''}chỉ đạt ${num(v).vi}/${num(max).vi} điểm = ${num(pct).vi}%, dưới ${num(threshold).vi}% điểm tối đa.`,
              en: `Area ${r.item.number} ${c.header ? `("${c.header}") ` : ''}scores only ${num(v).en}/${num(max).en} = ${num(pct).en}%, under ${num(threshold).en}% of its maximum.`,
            }, { expected: `≥ ${threshold.toString()}%`, actual: pct.toNumber() }),
          );
        }
      }
    }
  }
  return out;
}

export const scoresRule: Rule = (ctx) => {
  const tree = buildScoreTree(ctx.table, ctx.numbers);
  return tree ? scoreFindings(ctx, tree) : [];
};
