/**
 * What the report carries about a score sheet, from its criterion tree: per column the total (bonus and penalty shown
 * apart), both maxima, percent and band; the criterion tree; the recalculation plan; the points lost.
 */
import type { CriterionNode, PointsLost, RecalcCell, ScoreSummary } from '../report';
import type { Band } from '../options';
import { Dec } from '../decimal';
import { a1 } from '../snapshot';
import type { Table } from '../table/rows';
import { Node, NodeValue, ScoreColumn, ScoreTree, bandFor, fullMax, naMaxBelow, signed } from './tree';

export { bandFor };

/** The decimals a value of this cell shows: its number format's, else (General) the value's own. */
export function shownDecimals(v: NodeValue): number {
  if (v.formatDecimals !== null) return v.formatDecimals;
  return v.stated ? v.decimals : v.computed?.decimals ?? 0;
}

function sum(values: (Dec | null)[]): Dec | null {
  let acc: Dec | null = null;
  for (const v of values) if (v) acc = (acc ?? Dec.ZERO).add(v);
  return acc;
}

/** The maximum of the whole set: the total row's (as recomputed), else the areas'. */
export function maxTotal(tree: ScoreTree): Dec | null {
  if (tree.maxCol === undefined) return null;
  const t = tree.total?.values.get(tree.maxCol);
  if (t?.computed) return t.computed;
  return sum(tree.roots.filter((r) => !r.adjustment).map((r) => r.values.get(tree.maxCol!)!.computed));
}

/** The maximum of the criteria that apply in `col`: the full maximum minus every branch not applicable there. */
export function applicableTotalMax(tree: ScoreTree, col: number): Dec | null {
  const full = maxTotal(tree);
  if (!full) return null;
  let na = Dec.ZERO;
  for (const r of tree.roots) {
    if (r.adjustment) continue;
    na = na.add(r.values.get(col)!.na ? fullMax(tree, r) ?? Dec.ZERO : naMaxBelow(tree, r, col));
  }
  return full.sub(na);
}

/** The top-most criteria not applicable in `col` (their sub-criteria are implied). */
export function notApplicableCodes(tree: ScoreTree, col: number): string[] {
  const out: string[] = [];
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.adjustment) continue;
      if (n.values.get(col)!.na) out.push(n.item.number || n.code);
      else walk(n.children);
    }
  };
  walk(tree.roots);
  return out;
}

/** Σ of the top-level rows of one kind in `col` (bonus, penalty: positive amounts). */
function rootsSum(tree: ScoreTree, col: number, kind: 'area' | 'bonus' | 'penalty'): Dec | null {
  const list = tree.roots.filter((r) => (kind === 'area' ? !r.adjustment : r.adjustment === kind));
  return sum(list.map((r) => {
    const v = r.values.get(col)!;
    return v.na || !v.computed ? null : kind === 'penalty' ? v.computed.abs() : v.computed;
  }));
}

/**
 * The column's total: the total row as recomputed, else the areas'. Null when it cannot be known — an area (or the
 * total row) that states nothing over a score that is not a number: a sum of the other areas would be a wrong total,
 * ranked as if the unit had scored 0 there.
 */
export function columnTotal(tree: ScoreTree, col: number): Dec | null {
  // bonus and penalty after the total row: the final score (null when the total or one of them cannot be read)
  const f = tree.final?.values.get(col);
  if (f) return f.computed ?? (f.unreadable ? null : f.stated);
  const t = tree.total?.values.get(col);
  if (t?.computed) return t.computed;
  if (t?.unreadable || tree.unplacedTop) return null;
  if (tree.roots.some((r) => r.values.get(col)!.unreadable && !r.values.get(col)!.na)) return null;
  return sum(tree.roots.map((r) => {
    const v = r.values.get(col)!;
    return v.na || !v.computed ? null : signed(r, v.computed);
  })) ?? Dec.ZERO;
}

export function summaries(tree: ScoreTree, bands: Band[]): ScoreSummary[] {
  const out: ScoreSummary[] = [];
  const full = maxTotal(tree);
  const adjusted = tree.roots.some((r) => r.adjustment);
  for (const c of tree.columns) {
    if (c.kind === 'max') continue;
    const t = tree.final?.row !== undefined ? tree.final.values.get(c.col) : tree.total?.values.get(c.col);
    const statedRow = tree.final?.row ?? tree.total?.row;
    const total = columnTotal(tree, c.col);
    const applicable = applicableTotalMax(tree, c.col);
    const percent = total && applicable && applicable.sign() > 0 ? total.mul(Dec.fromInt(100)).div(applicable, 1) : null;
    const decimals = t?.formatDecimals ?? tree.columnDecimals.get(c.col) ?? Math.max(total?.decimals ?? 0, t?.stated?.decimals ?? 0);
    const s: ScoreSummary = {
      column: c.letter,
      header: c.header,
      kind: c.kind,
      ...(c.year ? { year: c.year } : {}),
      total: total?.toNumber() ?? null,
      stated: t?.stated?.toNumber() ?? null,
      ...(t?.stated ? { statedCell: a1(statedRow!, c.col) } : {}),
      max: full?.toNumber() ?? null,
      applicableMax: applicable?.toNumber() ?? null,
      notApplicable: notApplicableCodes(tree, c.col),
      percent: percent?.toNumber() ?? null,
      band: percent ? bandFor(percent, bands) : null,
      decimals,
    };
    if (adjusted) {
      s.areas = (rootsSum(tree, c.col, 'area') ?? Dec.ZERO).toNumber();
      s.bonus = (rootsSum(tree, c.col, 'bonus') ?? Dec.ZERO).toNumber();
      s.penalty = (rootsSum(tree, c.col, 'penalty') ?? Dec.ZERO).toNumber();
    }
    out.push(s);
  }
  return out;
}

export function toCriterionNodes(tree: ScoreTree, nodes: Node[] = tree.roots): CriterionNode[] {
  return nodes.map((n) => {
    const values: CriterionNode['values'] = {};
    for (const c of tree.columns) {
      const v = n.values.get(c.col)!;
      values[c.letter] = {
        stated: v.stated?.toNumber() ?? null,
        computed: v.computed?.toNumber() ?? null,
        cell: a1(n.item.row, c.col),
        ...(v.na ? { na: true } : {}),
        decimals: shownDecimals(v),
      };
    }
    const max = tree.maxCol !== undefined ? n.values.get(tree.maxCol)!.stated : null;
    const node: CriterionNode = {
      number: n.item.number,
      code: n.code,
      row: n.item.row,
      label: n.item.title,
      max: max?.toNumber() ?? null,
      values,
      children: toCriterionNodes(tree, n.children),
    };
    if (n.adjustment) node.adjustment = n.adjustment;
    if (n.evidence) node.evidence = n.evidence;
    return node;
  });
}

/** Every parent and total cell, with the value the roll-up gives. Formula cells are listed for verification only. */
export function recalcPlan(tree: ScoreTree, table: Table): RecalcCell[] {
  const plan: RecalcCell[] = [];
  const add = (row: number, criterion: string, values: Map<number, NodeValue>) => {
    for (const c of tree.columns) {
      const v = values.get(c.col)!;
      // a sub-criterion below is not a number: what this cell should hold is unknown, so it is left as it is
      if (!v.computed || v.na || v.unknownBelow) continue;
      // Only cells that hold a typed number (or nothing) are written; text stays as the author typed it.
      if (v.cell.kind === 'invalid' || v.cell.kind === 'error' || (v.cell.kind === 'number' && v.cell.asText)) continue;
      const cell: RecalcCell = {
        cell: a1(row, c.col),
        row,
        column: c.letter,
        current: v.stated?.toNumber() ?? null,
        computed: v.computed.toNumber(),
        formula: table.grid.formula(row, c.col) !== null,
        criterion,
      };
      if (v.formatDecimals !== null) cell.decimals = v.formatDecimals;
      plan.push(cell);
    }
  };
  for (const n of tree.nodes) if (n.children.length) add(n.item.row, n.item.number || n.code, n.values);
  if (tree.total) add(tree.total.row, 'total', tree.total.values);
  if (tree.final?.row !== undefined) add(tree.final.row, 'final', tree.final.values);
  return plan;
}

/** The column points are lost in: the result, else the self-assessment, the appraisal, a plain score. */
export function mainScoreColumn(tree: ScoreTree): ScoreColumn | undefined {
  const first = tree.columns.find((c) => c.kind === 'result' || c.kind === 'self' || c.kind === 'appraised' || c.kind === 'score');
  // two years of results side by side ("Kết quả năm 2022 | Kết quả năm 2023"): the latest
  if (!first?.year) return first;
  return tree.columns.reduce((best, c) => (c.kind === first.kind && c.year && c.year > best.year! ? c : best), first);
}

/** Maximum − score for every applicable leaf criterion of the main score column, largest first (sheet order on ties). */
export function pointsLost(tree: ScoreTree): PointsLost[] {
  if (tree.maxCol === undefined) return [];
  const main = mainScoreColumn(tree);
  if (!main) return [];
  const out: (PointsLost & { lostDec: Dec })[] = [];
  const inLevels = (n: Node): boolean => !!n.parent && (n.parent.levels || inLevels(n.parent));
  for (const n of tree.nodes) {
    // a criterion scored at one of several levels loses its maximum minus the level reached: it is the leaf
    if ((n.children.length && !n.levels) || n.adjustment || inLevels(n)) continue;
    const mv = n.values.get(tree.maxCol)!;
    const sv = n.values.get(main.col)!;
    const max = mv.stated;
    const score = sv.stated;
    if (!max || !score || sv.na || mv.na) continue;
    const lost = max.sub(score);
    if (lost.sign() <= 0) continue;
    out.push({
      number: n.item.number,
      row: n.item.row,
      label: n.item.title,
      column: main.letter,
      max: max.toNumber(),
      score: score.toNumber(),
      lost: lost.toNumber(),
      decimals: Math.max(shownDecimals(sv), shownDecimals(mv)),
      lostDec: lost,
    });
  }
  out.sort((a, b) => b.lostDec.cmp(a.lostDec) || a.row - b.row);
  return out.map(({ lostDec: _unused, ...p }) => p);
}
