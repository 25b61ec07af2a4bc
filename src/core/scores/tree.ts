/**
 * The criterion tree of a PAR-Index style sheet (1 → 1.3 → 1.3.1), its roll-up per score column, the
 * recalculation plan, bands and points lost. Parents are recomputed bottom-up; each computed value is rounded to
 * the decimals its cell shows, as a person filling in the sheet would.
 */
import type { CriterionNode, PointsLost, RecalcCell, ScoreSummary } from '../report';
import type { Band } from '../options';
import { Dec } from '../decimal';
import { a1, columnLetter } from '../snapshot';
import type { Item, Table } from '../table/rows';
import type { NumberReader, NumberCell } from '../rules/context';
import { formatDecimals } from '../rules/context';

export interface ScoreColumn {
  col: number;
  letter: string;
  header: string;
  kind: ScoreSummary['kind'] | 'max';
  year?: number;
}

export interface NodeValue {
  cell: NumberCell;
  stated: Dec | null;
  /** decimals the cell shows (its number format's, or for General the value's own): the rounding tolerance */
  decimals: number;
  /** decimals fixed by the cell's number format ("0.00" → 2); null for General */
  formatDecimals: number | null;
  /** leaves: the stated value; parents: Σ children's computed values, rounded to `decimals` */
  computed: Dec | null;
  /** parents: Σ of the children's stated values (what the sheet itself adds up to) */
  childSum: Dec | null;
  /** Σ of all leaves below, unrounded */
  leafSum: Dec | null;
}

export interface Node {
  item: Item;
  children: Node[];
  values: Map<number, NodeValue>;
}

export interface ScoreTree {
  columns: ScoreColumn[];
  maxCol?: number;
  roots: Node[];
  /** all nodes, sheet order */
  nodes: Node[];
  total?: { row: number; values: Map<number, NodeValue> };
}

export function scoreColumns(table: Table): ScoreColumn[] {
  const cols: ScoreColumn[] = [];
  if (table.col.maxScore !== undefined)
    cols.push({ col: table.col.maxScore, letter: columnLetter(table.col.maxScore), header: table.header.titles.get(table.col.maxScore) ?? '', kind: 'max' });
  for (const s of table.header.scoreColumns) cols.push({ col: s.col, letter: s.column, header: s.header, kind: s.kind, year: s.year });
  return cols;
}

function sumOrNull(values: (Dec | null)[]): Dec | null {
  let acc: Dec | null = null;
  for (const v of values) if (v) acc = (acc ?? Dec.ZERO).add(v);
  return acc;
}

export function buildScoreTree(table: Table, numbers: NumberReader): ScoreTree | null {
  const columns = scoreColumns(table);
  if (!columns.length) return null;
  const nodeOf = new Map<Item, Node>();
  const nodes: Node[] = [];
  for (const item of table.items) {
    const n: Node = { item, children: [], values: new Map() };
    nodeOf.set(item, n);
    nodes.push(n);
  }
  // Sections (I., II. …) are the areas of a score sheet when they carry points: their items are their children.
  const sectionNode = new Map<unknown, Node>();
  for (const s of table.sections) {
    const hasPoints = columns.some((c) => numbers.read(s.row, c.col, 'score').kind === 'number');
    if (!hasPoints) continue;
    const item: Item = { number: s.label, numbering: { kind: 'roman', value: s.value, label: s.label }, row: s.row, numberCol: s.col, rows: [s.row], kind: 'item', title: s.title, children: [] };
    const n: Node = { item, children: [], values: new Map() };
    sectionNode.set(s, n);
  }
  const roots: Node[] = [];
  const ordered: Node[] = [];
  for (const n of nodes) {
    const p = n.item.parent ? nodeOf.get(n.item.parent) : sectionNode.get(n.item.section);
    if (p && !n.item.parent && !ordered.includes(p)) {
      roots.push(p);
      ordered.push(p);
    }
    if (p) p.children.push(n);
    else roots.push(n);
    ordered.push(n);
  }
  for (const n of sectionNode.values()) if (!ordered.includes(n)) { roots.push(n); ordered.push(n); }
  nodes.length = 0;
  nodes.push(...ordered);
  const read = (row: number, col: number): NodeValue => {
    const cell = numbers.read(row, col, 'score');
    const stated = cell.kind === 'number' ? cell.value : null;
    const decimals = cell.kind === 'number' ? cell.decimals : 2;
    const formatDecimals = cell.kind === 'number' && !cell.asText ? formatDecimalsOf(table, row, col) : null;
    return { cell, stated, decimals, formatDecimals, computed: stated, childSum: null, leafSum: stated };
  };
  const visit = (n: Node) => {
    for (const ch of n.children) visit(ch);
    for (const c of columns) {
      const v = read(n.item.row, c.col);
      if (n.children.length) {
        const kids = n.children.map((ch) => ch.values.get(c.col)!);
        const computedSum = sumOrNull(kids.map((k) => k.computed));
        v.childSum = sumOrNull(kids.map((k) => k.stated));
        v.leafSum = sumOrNull(kids.map((k) => k.leafSum));
        v.computed = computedSum ? roundShown(computedSum, v) : v.stated;
      }
      n.values.set(c.col, v);
    }
  };
  for (const r of roots) visit(r);
  const tree: ScoreTree = { columns, maxCol: table.col.maxScore, roots, nodes };
  if (table.totalRow !== undefined) {
    const values = new Map<number, NodeValue>();
    for (const c of columns) {
      const v = read(table.totalRow, c.col);
      const kids = roots.map((r) => r.values.get(c.col)!);
      const computedSum = sumOrNull(kids.map((k) => k.computed));
      v.childSum = sumOrNull(kids.map((k) => k.stated));
      v.leafSum = sumOrNull(kids.map((k) => k.leafSum));
      v.computed = computedSum ? roundShown(computedSum, v) : v.stated;
      values.set(c.col, v);
    }
    tree.total = { row: table.totalRow, values };
  }
  return tree;
}

/** A computed value as the cell will show it: rounded to its number format; a General cell keeps every digit. */
function roundShown(sum: Dec, v: NodeValue): Dec {
  return v.formatDecimals !== null ? sum.round(v.formatDecimals) : sum;
}

function formatDecimalsOf(table: Table, row: number, col: number): number | null {
  return formatDecimals(table.grid.numberFormat(row, col));
}

export function bandFor(percent: Dec, bands: Band[]): string | null {
  for (const b of bands) if (percent.cmp(Dec.fromNumber(b.minPercent) ?? Dec.ZERO) >= 0) return b.label;
  return null;
}

export function toCriterionNodes(tree: ScoreTree, nodes: Node[] = tree.roots): CriterionNode[] {
  return nodes.map((n) => {
    const values: CriterionNode['values'] = {};
    for (const c of tree.columns) {
      const v = n.values.get(c.col)!;
      values[c.letter] = { stated: v.stated?.toNumber() ?? null, computed: v.computed?.toNumber() ?? null, cell: a1(n.item.row, c.col) };
    }
    const max = tree.maxCol !== undefined ? n.values.get(tree.maxCol)!.stated : null;
    return { number: n.item.number, row: n.item.row, label: n.item.title, max: max?.toNumber() ?? null, values, children: toCriterionNodes(tree, n.children) };
  });
}

/** Every parent and total cell, with the value the roll-up gives. Formula cells are listed for verification only. */
export function recalcPlan(tree: ScoreTree, table: Table): RecalcCell[] {
  const plan: RecalcCell[] = [];
  const add = (row: number, criterion: string, values: Map<number, NodeValue>) => {
    for (const c of tree.columns) {
      const v = values.get(c.col)!;
      if (!v.computed) continue;
      // Only cells that hold a typed number (or nothing) are written; text stays as the author typed it.
      if (v.cell.kind === 'invalid' || v.cell.kind === 'error' || (v.cell.kind === 'number' && v.cell.asText)) continue;
      plan.push({
        cell: a1(row, c.col),
        row,
        column: c.letter,
        current: v.stated?.toNumber() ?? null,
        computed: v.computed.toNumber(),
        formula: table.grid.formula(row, c.col) !== null,
        criterion,
      });
    }
  };
  for (const n of tree.nodes) if (n.children.length) add(n.item.row, n.item.number, n.values);
  if (tree.total) add(tree.total.row, 'total', tree.total.values);
  return plan;
}

export function summaries(tree: ScoreTree, bands: Band[]): ScoreSummary[] {
  const out: ScoreSummary[] = [];
  const maxTotal = tree.maxCol !== undefined ? (tree.total?.values.get(tree.maxCol)?.computed ?? sumOrNull(tree.roots.map((r) => r.values.get(tree.maxCol!)!.computed))) : null;
  for (const c of tree.columns) {
    if (c.kind === 'max') continue;
    const t = tree.total?.values.get(c.col);
    const total = t?.computed ?? sumOrNull(tree.roots.map((r) => r.values.get(c.col)!.computed)) ?? Dec.ZERO;
    const percent = maxTotal && !maxTotal.isZero() ? total.mul(Dec.fromInt(100)).div(maxTotal, 1) : null;
    out.push({
      column: c.letter,
      header: c.header,
      kind: c.kind,
      ...(c.year ? { year: c.year } : {}),
      total: total.toNumber(),
      stated: t?.stated?.toNumber() ?? null,
      ...(t?.stated ? { statedCell: a1(tree.total!.row, c.col) } : {}),
      max: maxTotal?.toNumber() ?? null,
      percent: percent?.toNumber() ?? null,
      band: percent ? bandFor(percent, bands) : null,
      decimals: t?.decimals ?? 2,
    });
  }
  return out;
}

/** Maximum − score for every leaf criterion of the main score column, largest first (sheet order on ties). */
export function pointsLost(tree: ScoreTree): PointsLost[] {
  if (tree.maxCol === undefined) return [];
  const main = tree.columns.find((c) => c.kind === 'result' || c.kind === 'self' || c.kind === 'appraised' || c.kind === 'score');
  if (!main) return [];
  const out: (PointsLost & { lostDec: Dec })[] = [];
  for (const n of tree.nodes) {
    if (n.children.length) continue;
    const max = n.values.get(tree.maxCol)!.stated;
    const score = n.values.get(main.col)!.stated;
    if (!max || !score) continue;
    const lost = max.sub(score);
    if (lost.sign() <= 0) continue;
    out.push({ number: n.item.number, row: n.item.row, label: n.item.title, column: main.letter, max: max.toNumber(), score: score.toNumber(), lost: lost.toNumber(), lostDec: lost });
  }
  out.sort((a, b) => b.lostDec.cmp(a.lostDec) || a.row - b.row);
  return out.map(({ lostDec: _unused, ...p }) => p);
}
