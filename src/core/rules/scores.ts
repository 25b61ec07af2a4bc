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
    if (n.misplaced) out.push(misplacedFinding(n, !!n.misplacedTotal));
    // a "- …" line outside the table's items: its unreadable cells are not reported by the numbers rule
    if (n.line?.note) {
      for (const c of tree.columns) {
        const v = n.values.get(c.col)!;
        if (v.cell.kind === 'invalid' && !v.marker)
          out.push(finding('invalid-number', n.item.row, c.col, { vi: `«${v.cell.text}» không phải là số điểm — ô này không được cộng vào tổng.`, en: `"${v.cell.text}" is not a score — it is left out of the sums.` }, { severity: 'warning', actual: v.cell.text }));
      }
    }
    if (n.levels && max && tree.maxCol !== undefined) {
      const levels = n.children.filter((k) => !k.adjustment);
      const list = levels.map((k) => `${k.item.number || k.item.title.slice(0, 20)} ${num(k.values.get(tree.maxCol!)!.stated!).vi}`).join(', ');
      const listEn = levels.map((k) => `${k.item.number || k.item.title.slice(0, 20)} ${num(k.values.get(tree.maxCol!)!.stated!).en}`).join(', ');
      const sum = levels.reduce((a, k) => a.add(k.values.get(tree.maxCol!)!.stated!), Dec.ZERO);
      out.push(
        finding('score-levels', n.item.row, tree.maxCol, {
          vi: `Tiêu chí ${label} (tối đa ${num(max).vi}) chấm theo một trong các mức (${list}; cộng lại ${num(sum).vi}): các mức không cộng dồn, nên điểm của ${label} không được kiểm tra bằng tổng các mức và không được tính lại.`,
          en: `Criterion ${label} (maximum ${num(max).en}) is scored at one of several levels (${listEn}; together ${num(sum).en}): levels do not add up, so ${label} is not checked as their sum nor recalculated.`,
        }),
      );
    }
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
    const adjusted = tree.roots.some((r) => r.adjustment && !r.afterTotal);
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
  const final = tree.final;
  if (final?.row !== undefined && tree.total) {
    for (const c of tree.columns) {
      const v = final.values.get(c.col)!;
      const expected = v.childSum;
      if (!v.stated || !expected) continue;
      const diff = v.stated.sub(expected).abs();
      if (diff.cmp(Dec.halfUnit(v.decimals)) < 0) continue;
      out.push(
        finding('score-total-mismatch', final.row, c.col, {
          vi: `${c.header ? `«${c.header}»: ` : ''}Tổng điểm sau điểm thưởng, điểm trừ ghi ${num(v.stated).vi} nhưng tổng điểm (dòng ${tree.total.row}) cộng điểm thưởng, trừ điểm trừ là ${num(expected).vi} (chênh ${num(diff).vi}).`,
          en: `${c.header ? `"${c.header}": ` : ''}the final score states ${num(v.stated).en} but the total (row ${tree.total.row}) plus the bonus, minus the penalty is ${num(expected).en} (off by ${num(diff).en}).`,
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

function misplacedFinding(n: Node, total: boolean): Finding {
  const above = n.parent;
  const code = n.item.number;
  const under = above ? above.item.number || above.item.title : '';
  const list = n.misplaced!.map((u) => u.item.number || u.item.title);
  const unknown: Text = {
    vi: [...list, ...(total ? ['tổng điểm'] : [])].join(', '),
    en: [...list, ...(total ? ['the total'] : [])].join(', '),
  };
  const text: Text = above
    ? {
        vi: `Mã «${code}» không thuộc tiêu chí ${under} đứng trên nó (tiêu chí con của ${under} phải có mã «${under}.…»): không biết đây là tiêu chí con của tiêu chí nào, nên ${unknown.vi} không được kiểm tra bằng tổng các tiêu chí con và không được tính lại.`,
        en: `Code "${code}" does not belong to criterion ${under} above it (its sub-criteria are "${under}.…"): which criterion it is part of is unknown, so ${unknown.en} ${list.length + (total ? 1 : 0) > 1 ? 'are' : 'is'} not checked as the sum of the sub-criteria nor recalculated.`,
      }
    : {
        vi: `Mã «${code}» không thuộc lĩnh vực nào đứng trên nó: không biết đây là tiêu chí con của lĩnh vực nào, nên ${unknown.vi} không được kiểm tra bằng tổng các tiêu chí con và không được tính lại.`,
        en: `Code "${code}" belongs to no area above it: which area it is part of is unknown, so ${unknown.en} ${list.length + (total ? 1 : 0) > 1 ? 'are' : 'is'} not checked as the sum of the sub-criteria nor recalculated.`,
      };
  return finding('score-code-misplaced', n.item.row, n.item.numberCol, text, { actual: code });
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
