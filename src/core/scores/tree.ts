/**
 * The criterion tree of a PAR-Index style sheet (1 → 1.3 → 1.3.1) and its roll-up per score column.
 *
 * Two sums are kept for every parent, because a checker and a recalculation need different ones:
 * - `childSum`: the children *as the sheet states them* (a child's computed value only where its cell is empty).
 *   A parent is checked against this, so one wrong sub-criterion is reported once, where it is, and not again at
 *   every level above it (one mistake, one finding).
 * - `computed`: the full recomputation from the leaves up, each level rounded to the decimals its cell shows, as a
 *   person filling in the sheet would. This is what "Tính lại điểm" writes.
 *
 * Criteria that do not apply ("Không áp dụng", "KAD", "N/A" in a cell, or codes given in the options) score
 * nothing; bonus rows add to their parent and penalty rows take their points off ("Điểm bị trừ" 0,5 or −0,5 alike).
 */
import type { ScoreSummary } from '../report';
import { Dec } from '../decimal';
import { columnLetter } from '../snapshot';
import type { Item, Table } from '../table/rows';
import type { NumberReader, NumberCell } from '../rules/context';
import { formatDecimals, itemLabel } from '../rules/context';
import { isNotApplicableText, codeCovered } from './applicable';
import { AdjustmentKind, adjustmentKind } from './adjustments';
import { areLevels, placeItems, rowsAfterTotal, scoredLines } from './structure';

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
  /** the cell itself says "Không áp dụng" / "KAD" / "N/A" */
  marker: boolean;
  /** the criterion does not apply in this column (its own marker, its maximum's, an option, its parent's, or all its children's) */
  na: boolean;
  /** decimals the cell shows (its number format's, or for General the value's own): the rounding tolerance */
  decimals: number;
  /** decimals fixed by the cell's number format ("0.00" → 2); null for General */
  formatDecimals: number | null;
  /** leaves: the stated value; parents: Σ children's computed values, rounded to `decimals` */
  computed: Dec | null;
  /** parents: Σ children as stated (a child's computed value where its cell is empty), bonus added, penalty taken off */
  childSum: Dec | null;
  /** Σ of all leaves below, unrounded */
  leafSum: Dec | null;
  /**
   * What this criterion adds up to cannot be known: its cell is not a number (an `invalid-number` finding says so) and
   * gives no figure, or it gives none and a sub-criterion below is so. Its parent's sums are then unknown too, and no
   * roll-up or total is checked over it ("1,5đ" in 1.2 is one finding at 1.2, not a second at 1 and a third at the
   * total claiming the sub-criteria add up to 0,5 less).
   */
  unreadable?: boolean;
  /** a leaf below (or this one) is not a number: Σ of the leaves is unknown, so `leafSum` is null */
  leavesUnknown?: boolean;
  /** parents: a child's figure is unknown, so this cell is neither checked nor recalculated */
  unknownBelow?: boolean;
}

export interface Node {
  item: Item;
  /** the matching key ("1.3.1", "I.2", "+thuong", "-tru") */
  code: string;
  parent?: Node;
  children: Node[];
  values: Map<number, NodeValue>;
  adjustment?: AdjustmentKind;
  /** the criterion does not apply at all: "KAD" in its maximum, or listed in the options */
  naAll: boolean;
  /** max column: a bonus child's maximum counts in this node's maximum (the sheet's own maximum says so) */
  bonusInMax: boolean;
  /** the evidence and explanation written for the criterion ('' when none) */
  evidence: string;
  explanation: string;
  /** its children are alternative levels ("mức 1 = 2, mức 2 = 1, mức 3 = 0"), not parts: it is not their sum */
  levels?: boolean;
  /**
   * its code does not fit where it stands ("1.2.2" under 1.3): it stands under its parent only by place; the criteria
   * that are then not known from their children (the one it stands under, up to the one whose code it extends)
   */
  misplaced?: Node[];
  /** …and the total too (no area above it has a code it extends) */
  misplacedTotal?: boolean;
  /** a bonus or penalty row after the total row: the total is the areas', the final score adds it */
  afterTotal?: boolean;
  /** a line under a criterion with its own points but no code ("- …", "+ …"): read as a sub-criterion */
  line?: { marker: string; note: boolean };
  /** a child's code does not fit here: what this criterion adds up to is not known from its children */
  unplacedBelow?: boolean;
}

export interface ScoreTree {
  columns: ScoreColumn[];
  maxCol?: number;
  roots: Node[];
  /** all nodes, sheet order */
  nodes: Node[];
  total?: { row: number; values: Map<number, NodeValue>; bonusInMax: boolean };
  /**
   * bonus / penalty rows after the total: the final score, the total plus bonus minus penalty — the row that states
   * it (`row`), or none
   */
  final?: { row?: number; values: Map<number, NodeValue> };
  /** a top-level criterion's code does not fit (no area above it has a code it extends): the total is not known from the areas */
  unplacedTop?: boolean;
  /** per column: the decimals most of its cells' number formats show (null: General) */
  columnDecimals: Map<number, number | null>;
}

export interface TreeOptions {
  /** normalised codes of criteria that do not apply */
  notApplicable?: ReadonlySet<string>;
}

export function scoreColumns(table: Table): ScoreColumn[] {
  const cols: ScoreColumn[] = [];
  if (table.col.maxScore !== undefined)
    cols.push({ col: table.col.maxScore, letter: columnLetter(table.col.maxScore), header: table.header.titles.get(table.col.maxScore) ?? '', kind: 'max' });
  for (const s of table.header.scoreColumns) cols.push({ col: s.col, letter: s.column, header: s.header, kind: s.kind, year: s.year });
  return cols;
}

/** A child's contribution to its parent: a penalty is taken off whatever sign it is written with. */
export function signed(n: Node, v: Dec): Dec {
  return n.adjustment === 'penalty' ? v.abs().neg() : v;
}

function add(acc: Dec | null, v: Dec | null): Dec | null {
  return v ? (acc ?? Dec.ZERO).add(v) : acc;
}

function cellText(table: Table, rows: readonly number[], col: number | undefined): string {
  if (col === undefined) return '';
  const parts: string[] = [];
  for (const r of rows) {
    const m = table.grid.merged(r, col);
    // a merged evidence cell counts for every criterion it spans; a title merged across into the column does not
    if (m && m.left !== col) continue;
    const v = m ? (m.top === r || r === rows[0] ? table.grid.value(m.top, m.left) : null) : table.grid.value(r, col);
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
    if (s && !parts.includes(s)) parts.push(s);
  }
  return parts.join('\n');
}

function syntheticItem(number: string, row: number, col: number, title: string): Item {
  return { number, numbering: null, row, numberCol: col, rows: [row], kind: 'item', title, children: [] };
}

export function buildScoreTree(table: Table, numbers: NumberReader, opts: TreeOptions = {}): ScoreTree | null {
  const columns = scoreColumns(table);
  if (!columns.length) return null;
  const naCodes = opts.notApplicable ?? new Set<string>();
  const newNode = (item: Item, code: string): Node => ({
    item,
    code,
    children: [],
    values: new Map(),
    naAll: false,
    bonusInMax: false,
    evidence: cellText(table, item.rows, table.col.evidence),
    explanation: cellText(table, item.rows, table.col.explanation),
  });

  const nodeOf = new Map<Item, Node>();
  for (const item of table.items) nodeOf.set(item, newNode(item, itemLabel(item)));
  // Sections (I., II. …) are the areas of a score sheet when they carry points: their items are their children.
  const sectionNode = new Map<unknown, Node>();
  for (const s of table.sections) {
    const hasPoints = columns.some((c) => {
      const cell = numbers.read(s.row, c.col, 'score');
      return cell.kind === 'number' || (cell.kind === 'invalid' && isNotApplicableText(cell.text));
    });
    if (!hasPoints) continue;
    const item: Item = { number: s.label, numbering: { kind: 'roman', value: s.value, label: s.label }, row: s.row, numberCol: s.col, rows: [s.row], kind: 'item', title: s.title, children: [] };
    sectionNode.set(s, newNode(item, s.label));
  }
  const roots: Node[] = [];
  // by code and by place: a code that does not fit where it stands is placed under what it stands under, which then
  // is not known from its children
  const placement = placeItems(table.items);
  let unplacedTop = false;
  for (const n of nodeOf.values()) {
    const misplaced = placement.misplaced.get(n.item);
    let p: Node | undefined;
    if (misplaced) {
      n.misplaced = misplaced.unknown.map((it) => nodeOf.get(it)!);
      for (const u of n.misplaced) u.unplacedBelow = true;
      p = misplaced.under ? nodeOf.get(misplaced.under) : undefined;
      if (misplaced.top) {
        const s = sectionNode.get(n.item.section);
        if (s) {
          s.unplacedBelow = true;
          n.misplaced.push(s);
        } else unplacedTop = n.misplacedTotal = true;
      }
    } else {
      const parentItem = placement.parent.get(n.item);
      p = parentItem ? nodeOf.get(parentItem) : sectionNode.get(n.item.section);
    }
    if (p) {
      n.parent = p;
      p.children.push(n);
    } else roots.push(n);
  }
  for (const n of sectionNode.values()) roots.push(n);
  // Lines with their own points under a criterion ("- …", "+ …" under 1.3): its sub-criteria ("+" under "-" a level down)
  const figure = (row: number) =>
    columns.some((c) => {
      const k = numbers.read(row, c.col, 'score').kind;
      return k === 'number' || k === 'error';
    });
  const noteRows = new Set(table.rows.filter((r) => r.kind === 'note').map((r) => r.row));
  for (const [owner, lines] of scoredLines(table, figure)) {
    const p = nodeOf.get(owner);
    if (!p) continue;
    const chain: Node[] = [p];
    let k = 0;
    for (const l of lines) {
      const item = syntheticItem('', l.row, table.col.number ?? table.col.content ?? table.grid.left, l.title);
      const n = newNode(item, `${p.code}-${++k}`);
      n.line = { marker: l.marker, note: noteRows.has(l.row) };
      const parent = chain[Math.min(l.level, chain.length) - 1];
      chain.length = Math.min(l.level, chain.length);
      chain.push(n);
      n.parent = parent;
      parent.children.push(n);
    }
  }
  // Unnumbered bonus / penalty rows stand at the top level, next to the areas.
  const adjustmentCount = { bonus: 0, penalty: 0 };
  for (const a of table.adjustments) {
    const n = newNode(syntheticItem('', a.row, table.col.content ?? table.col.number ?? table.grid.left, a.title), '');
    roots.push(n);
    n.adjustment = a.kind;
  }
  // Bonus and penalty rows after the total row
  const after = rowsAfterTotal(table);
  for (const a of after.adjustments) {
    const n = newNode(syntheticItem('', a.row, table.col.content ?? table.col.number ?? table.grid.left, a.title), '');
    roots.push(n);
    n.adjustment = a.kind;
    n.afterTotal = true;
  }
  // A numbered "Điểm thưởng" row (or such an area with its own lines) is a bonus too.
  for (const n of [...nodeOf.values(), ...sectionNode.values()]) {
    const kind = adjustmentKind(n.item.title);
    if (kind && (!n.children.length || !n.parent)) n.adjustment = kind;
  }
  for (const n of roots) {
    if (!n.adjustment) continue;
    const i = ++adjustmentCount[n.adjustment];
    n.code = `${n.adjustment === 'bonus' ? '+thuong' : '-tru'}${i > 1 ? i : ''}`;
  }
  roots.sort((a, b) => a.item.row - b.item.row);
  const nodes: Node[] = [];
  const order = (list: Node[]) => {
    list.sort((a, b) => a.item.row - b.item.row);
    for (const n of list) {
      nodes.push(n);
      order(n.children);
    }
  };
  order(roots);

  const read = (row: number, col: number): NodeValue => {
    const cell = numbers.read(row, col, 'score');
    const stated = cell.kind === 'number' ? cell.value : null;
    const marker = cell.kind === 'invalid' && isNotApplicableText(cell.text);
    const formatDecimals = cell.kind === 'number' && cell.asText ? null : formatDecimals_(table, row, col);
    const decimals = cell.kind === 'number' ? cell.decimals : formatDecimals ?? 2;
    // text that is no score, a rate, a formula without a value, an Excel error (#REF!, #VALUE!): no figure to read
    const unreadable = (cell.kind === 'invalid' && !marker) || cell.kind === 'error';
    return { cell, stated, marker, na: false, decimals, formatDecimals, computed: stated, childSum: null, leafSum: stated, ...(unreadable ? { unreadable, leavesUnknown: true } : {}) };
  };
  for (const n of nodes) for (const c of columns) n.values.set(c.col, read(n.item.row, c.col));

  // Alternative levels: recognised from the maxima the sheet states (see structure.ts)
  if (table.col.maxScore !== undefined) {
    const mc = table.col.maxScore;
    for (const n of nodes) {
      const max = n.children.length ? n.values.get(mc)!.stated : null;
      const kids = n.children.filter((k) => !k.adjustment);
      if (max && areLevels(max, kids.map((k) => ({ max: k.values.get(mc)!.stated, title: k.item.title })))) n.levels = true;
    }
  }

  // Which cells hold a number somewhere below (a "KAD" over scored sub-criteria is not taken as the whole branch).
  const scoredBelow = new Map<Node, Set<number>>();
  const collect = (n: Node): Set<number> => {
    const s = new Set<number>();
    for (const ch of n.children) {
      for (const c of collect(ch)) s.add(c);
      for (const c of columns) if (ch.values.get(c.col)!.stated) s.add(c.col);
    }
    scoredBelow.set(n, s);
    return s;
  };
  for (const r of roots) collect(r);

  // Top-down: what does not apply, from the maximum's marker, the options, and markers over unscored branches.
  const maxCol = table.col.maxScore;
  const down = (n: Node) => {
    const p = n.parent;
    const own = (col: number) => n.values.get(col)!.marker && !scoredBelow.get(n)!.has(col);
    const maxNa = maxCol !== undefined && ((p?.values.get(maxCol)!.na ?? false) || own(maxCol));
    n.naAll = (p?.naAll ?? false) || maxNa || (!n.adjustment && codeCovered(n.code, naCodes));
    for (const c of columns) {
      const v = n.values.get(c.col)!;
      v.na = c.col === maxCol ? maxNa : n.naAll || (p?.values.get(c.col)!.na ?? false) || own(c.col);
    }
    for (const ch of n.children) down(ch);
  };
  for (const r of roots) down(r);

  // Bottom-up: the two sums of every parent, per column.
  const tol = (v: NodeValue) => Dec.halfUnit(v.decimals);
  const rollUp = (v: NodeValue, kids: Node[], col: number, isMax: boolean, refuse = false): boolean => {
    let computed: Dec | null = null;
    let asStated: Dec | null = null;
    let leaves: Dec | null = null;
    let bonusComputed: Dec | null = null;
    let bonusStated: Dec | null = null;
    let bonusLeaves: Dec | null = null;
    let anyApplicable = false;
    let unknownBelow = false;
    // a parent is known from its children: its own cell, even when it is not a number, does not make it unknown
    delete v.unreadable;
    delete v.leavesUnknown;
    delete v.unknownBelow;
    for (const k of kids) {
      const kv = k.values.get(col)!;
      if (kv.unreadable && !kv.na && !kv.stated) unknownBelow = true;
      if (kv.leavesUnknown && !kv.na) v.leavesUnknown = true;
      if (kv.na) {
        // not counted — but a figure the sheet still gives it is part of what the sheet states
        if (kv.stated && !(isMax && k.adjustment)) asStated = add(asStated, signed(k, kv.stated));
        continue;
      }
      anyApplicable = true;
      if (isMax && k.adjustment === 'penalty') continue; // a penalty's "maximum" is how much may be taken off
      if (isMax && k.adjustment === 'bonus') {
        bonusComputed = add(bonusComputed, kv.computed);
        bonusStated = add(bonusStated, kv.stated ?? kv.computed);
        bonusLeaves = add(bonusLeaves, kv.leafSum);
        continue;
      }
      computed = add(computed, kv.computed && signed(k, kv.computed));
      asStated = add(asStated, (kv.stated ?? kv.computed) && signed(k, (kv.stated ?? kv.computed)!));
      leaves = add(leaves, kv.leafSum && signed(k, kv.leafSum));
    }
    // A bonus maximum counts in the parent's maximum only where the sheet's own figure includes it.
    let bonusIn = false;
    if (bonusStated && v.stated) {
      const without = asStated ?? Dec.ZERO;
      const withBonus = without.add(bonusStated);
      bonusIn = v.stated.sub(withBonus).abs().cmp(tol(v)) < 0 && v.stated.sub(without).abs().cmp(tol(v)) >= 0;
    }
    if (bonusIn) {
      computed = add(computed, bonusComputed);
      asStated = add(asStated, bonusStated);
      leaves = add(leaves, bonusLeaves);
    }
    if (kids.length && !anyApplicable && !v.stated) v.na = true;
    if (v.na) {
      v.computed = null;
      v.childSum = null;
      v.leafSum = null;
      return bonusIn;
    }
    if (v.leavesUnknown) leaves = null;
    if (refuse) {
      // alternative levels, or a child whose code does not fit: the children do not tell what this cell should be
      v.leavesUnknown = true;
      unknownBelow = true;
    }
    if (unknownBelow) {
      // not checked against its children; what it states stands for it above, and if it states nothing, it is unknown
      v.childSum = null;
      v.leafSum = null;
      v.computed = v.stated;
      v.unknownBelow = true;
      if (!v.stated) v.unreadable = true;
      return bonusIn;
    }
    v.childSum = asStated;
    v.leafSum = leaves;
    v.computed = computed ? roundShown(computed, v) : v.stated;
    return bonusIn;
  };
  const visit = (n: Node) => {
    for (const ch of n.children) visit(ch);
    for (const c of columns) {
      const v = n.values.get(c.col)!;
      if (n.children.length) {
        const bonusIn = rollUp(v, n.children, c.col, c.col === maxCol, n.levels || n.unplacedBelow);
        if (c.col === maxCol) n.bonusInMax = bonusIn;
      } else if (v.na) {
        v.computed = null;
        v.leafSum = null;
      }
    }
  };
  for (const r of roots) visit(r);

  const columnDecimals = new Map<number, number | null>();
  for (const c of columns) {
    const counts = new Map<number, number>();
    for (const n of nodes) {
      const v = n.values.get(c.col)!;
      if (v.stated && v.formatDecimals !== null) counts.set(v.formatDecimals, (counts.get(v.formatDecimals) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [d, k] of counts) if (best === null || k > counts.get(best)! || (k === counts.get(best)! && d > best)) best = d;
    columnDecimals.set(c.col, best);
  }

  const tree: ScoreTree = { columns, maxCol, roots, nodes, columnDecimals, ...(unplacedTop ? { unplacedTop } : {}) };
  if (table.totalRow !== undefined) {
    const values = new Map<number, NodeValue>();
    let bonusInMax = false;
    const before = roots.filter((r) => !r.afterTotal);
    for (const c of columns) {
      const v = read(table.totalRow, c.col);
      const bonusIn = rollUp(v, before, c.col, c.col === maxCol, unplacedTop);
      if (c.col === maxCol) bonusInMax = bonusIn;
      values.set(c.col, v);
    }
    tree.total = { row: table.totalRow, values, bonusInMax };
    const later = roots.filter((r) => r.afterTotal);
    if (later.length) {
      // the final score: the total as it stands, plus the bonus, minus the penalty
      const totalNode: Node = { ...newNode(syntheticItem('', table.totalRow, table.grid.left, ''), 'total'), values };
      const finalValues = new Map<number, NodeValue>();
      for (const c of columns) {
        const t = values.get(c.col)!;
        const v: NodeValue = after.final !== undefined
          ? read(after.final, c.col)
          : { cell: { kind: 'empty' }, stated: null, marker: false, na: false, decimals: t.decimals, formatDecimals: t.formatDecimals, computed: null, childSum: null, leafSum: null };
        rollUp(v, [totalNode, ...later], c.col, c.col === maxCol);
        finalValues.set(c.col, v);
      }
      tree.final = { ...(after.final !== undefined ? { row: after.final } : {}), values: finalValues };
    }
  }
  return tree;
}

/** A computed value as the cell will show it: rounded to its number format; a General cell keeps every digit. */
function roundShown(sum: Dec, v: NodeValue): Dec {
  return v.formatDecimals !== null ? sum.round(v.formatDecimals) : sum;
}

function formatDecimals_(table: Table, row: number, col: number): number | null {
  return formatDecimals(table.grid.numberFormat(row, col));
}

// the band a percent earns lives in ./bands.ts (the Excel function PHULUC.XEPLOAI loads it without the tree)
export { bandFor } from './bands';

/** The maximum of a node (its stated figure, else the sum of its children's). */
export function fullMax(tree: ScoreTree, n: Node): Dec | null {
  if (tree.maxCol === undefined) return null;
  const v = n.values.get(tree.maxCol)!;
  return v.stated ?? v.computed;
}

/** Σ of the maxima below `n` that do not apply in column `col` (top-most not-applicable branches only). */
export function naMaxBelow(tree: ScoreTree, n: Node, col: number): Dec {
  let acc = Dec.ZERO;
  for (const k of n.children) {
    if (k.adjustment) continue;
    if (k.values.get(col)!.na) acc = acc.add(fullMax(tree, k) ?? Dec.ZERO);
    else acc = acc.add(naMaxBelow(tree, k, col));
  }
  return acc;
}

/** The maximum of the criteria under `n` that apply in column `col` (0 when `n` itself does not apply). */
export function applicableMax(tree: ScoreTree, n: Node, col: number): Dec | null {
  const full = fullMax(tree, n);
  if (!full) return null;
  if (n.values.get(col)!.na) return Dec.ZERO;
  return full.sub(naMaxBelow(tree, n, col));
}
