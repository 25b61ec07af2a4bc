/**
 * Where each criterion of a score sheet stands in the tree, read from its code *and* its place, and the parents whose
 * children are alternative levels rather than parts. Both exist so that no roll-up is claimed over the wrong
 * children and "Tính lại điểm" never writes a sum that is not the criterion's score.
 *
 * - Code and place. "1.3.1" belongs under "1.3"; a code that does not fit where it stands ("1.2.2" or "1.4.2" typed
 *   right under 1.3.1, for 1.3.2) cannot be placed: the criterion it stands under is then not checked against its
 *   children nor recalculated (its own figure still stands for it above), and one `score-code-misplaced` says why.
 *   A code whose parent row is missing ("1.3.1" right under "1", no "1.3") belongs to the nearest criterion above
 *   whose code it extends.
 * - Levels. "Tối đa 2 điểm, chấm theo một trong các mức": mức 1 = 2, mức 2 = 1, mức 3 = 0. Only one level applies,
 *   so the parent is not the sum of its children. Recognised from the maximum column: the children's maxima add up
 *   to more than the parent's, none exceeds it, and one of them is the parent's own maximum, a 0, or a level's
 *   wording ("Mức 1", "Đạt", "Không đạt", "Hoàn thành …"). Such a parent is not checked against its children nor
 *   recalculated (one `score-levels` info says so); a children's total above the parent's maximum without those
 *   signs stays a roll-up mismatch.
 */
import { totalKind, type Item, type Table } from '../table/rows';
import { adjustmentKind, type AdjustmentKind } from './adjustments';
import { Dec } from '../decimal';

export interface Placement {
  /** the parent criterion of an item (by code, or the nearest one above whose code it extends); absent: top level */
  parent: Map<Item, Item>;
  /**
   * items whose code does not fit where they stand → the criterion they stand under (null: the top level), and the
   * criteria whose figure is then not known from their children: from the one it stands under up to the nearest one
   * whose code it extends (that one too: what it adds up to may count it twice); `top` when none does
   */
  misplaced: Map<Item, { under: Item | null; unknown: Item[]; top: boolean }>;
}

function isPrefix(parent: Item, child: Item): boolean {
  return child.number.startsWith(parent.number + '.');
}

/** Places every item by its code and its position (items in sheet order). */
export function placeItems(items: readonly Item[]): Placement {
  const parent = new Map<Item, Item>();
  const misplaced: Placement['misplaced'] = new Map();
  let stack: Item[] = [];
  let section: unknown;
  for (const item of items) {
    if (item.numbering?.kind !== 'arabic') {
      if (item.parent) parent.set(item, item.parent);
      continue;
    }
    if (item.section !== section) {
      section = item.section;
      stack = [];
    }
    const depth = item.numbering.parts.length;
    while (stack.length && (stack[stack.length - 1].numbering as { parts: number[] }).parts.length >= depth) stack.pop();
    const above = stack[stack.length - 1];
    // the first criterion of a list ("3.1" right under area III) is a criterion of its area, whatever its code
    if (depth > 1 && above) {
      if (isPrefix(above, item)) parent.set(item, above);
      else {
        const unknown: Item[] = [];
        let top = true;
        for (let i = stack.length - 1; i >= 0; i--) {
          unknown.push(stack[i]);
          if (isPrefix(stack[i], item)) {
            top = false;
            break;
          }
        }
        misplaced.set(item, { under: above, unknown, top });
      }
    }
    stack.push(item);
  }
  return { parent, misplaced };
}

const LEVEL_WORDS = /^(?:[-+•*]\s*)?(?:[a-zđ]\)\s*)?(mức|muc|đạt|không đạt|chưa đạt|hoàn thành|không hoàn thành|chưa hoàn thành|có\b|không có|không\b|trên\b|dưới\b|từ\b)/;

/**
 * Whether children with these maxima are alternative levels of a parent worth `max`: their maxima add up to more
 * than `max`, none is above it, and one of them is `max` itself, a 0, or worded as a level.
 */
export function areLevels(max: Dec, children: { max: Dec | null; title: string }[]): boolean {
  if (children.length < 2 || max.sign() <= 0) return false;
  let sum = Dec.ZERO;
  let sign = false;
  for (const c of children) {
    if (!c.max) return false;
    if (c.max.cmp(max) > 0 || c.max.sign() < 0) return false;
    sum = sum.add(c.max);
    if (c.max.eq(max) || c.max.sign() === 0 || LEVEL_WORDS.test(c.title.trim().normalize('NFC').toLowerCase())) sign = true;
  }
  return sign && sum.cmp(max) > 0;
}

/** A line under a criterion that carries its own points without a code of its own ("- …", "+ …", "• …"). */
export interface ScoredLine {
  row: number;
  /** the list marker ("-", "+", "•"), '' when the line has none */
  marker: string;
  /** 1 for the first marker seen under the criterion, 2 for the next kind ("+" under "-") */
  level: number;
  title: string;
}

const MARKER = /^\s*([-–+•*·])\s*/;

/**
 * Lines under a criterion that carry their own figure in a score column (its maximum or a score) but no code:
 * sub-criteria written "- …" / "+ …" in the number column or at the start of the title. They are its children: left
 * out, the criterion would be checked (and recalculated) against nothing, and the criteria above against a figure
 * its own lines contradict.
 */
export function scoredLines(table: Table, hasFigure: (row: number) => boolean): Map<Item, ScoredLine[]> {
  const out = new Map<Item, ScoredLine[]>();
  const markers = new Map<Item, string[]>();
  let owner: Item | undefined;
  const numCol = table.col.number;
  const contentCol = table.col.content;
  for (const tr of table.rows) {
    if (tr.kind === 'item' || tr.kind === 'subitem') {
      owner = tr.item;
      continue;
    }
    if (tr.kind !== 'part' && tr.kind !== 'note') {
      if (tr.kind !== 'blank' && tr.kind !== 'header' && tr.kind !== 'fragment') owner = undefined;
      continue;
    }
    if (!owner || !hasFigure(tr.row)) continue;
    // a line of an item whose number (or title) is merged down over it: the item's own cells, not a sub-criterion
    const nm = numCol !== undefined ? table.grid.merged(tr.row, numCol) : undefined;
    const cm = contentCol !== undefined ? table.grid.merged(tr.row, contentCol) : undefined;
    if ((nm && nm.top < tr.row) || (cm && cm.top < tr.row)) continue;
    const num = numCol !== undefined ? table.grid.value(tr.row, numCol) : null;
    const content = contentCol !== undefined ? table.grid.value(tr.row, contentCol) : null;
    const numText = typeof num === 'string' ? num.trim() : '';
    const text = typeof content === 'string' ? content.trim() : '';
    // a number column holding anything but a list marker (a code the table could not read): not guessed
    if (numText && !/^[-–+•*·]$/.test(numText)) continue;
    if (typeof num === 'number') continue;
    const marker = numText || MARKER.exec(text)?.[1] || '';
    let seen = markers.get(owner);
    if (!seen) markers.set(owner, (seen = []));
    if (!seen.includes(marker)) seen.push(marker);
    let lines = out.get(owner);
    if (!lines) out.set(owner, (lines = []));
    lines.push({ row: tr.row, marker, level: seen.indexOf(marker) + 1, title: text.replace(MARKER, '') });
  }
  return out;
}

/**
 * Bonus and penalty rows placed after the total ("Tổng điểm" 60,59, then "Điểm thưởng" 1, "Điểm trừ" 0,5), and the
 * final total under them ("Tổng điểm sau khi cộng, trừ" 61,09) when there is one. The table ends at its total, so
 * without this they were not read at all: the unit's score left out its bonus and penalty in silence.
 */
export function rowsAfterTotal(table: Table): { adjustments: { row: number; kind: AdjustmentKind; title: string }[]; final?: number } {
  const out: { adjustments: { row: number; kind: AdjustmentKind; title: string }[]; final?: number } = { adjustments: [] };
  if (table.totalRow === undefined) return out;
  const g = table.grid;
  const cols = [table.col.number, table.col.content].filter((c): c is number => c !== undefined);
  let blanks = 0;
  for (let r = table.totalRow + 1; r <= Math.min(g.bottom, table.totalRow + 12); r++) {
    let text = '';
    for (const c of cols) {
      const v = g.value(r, c);
      if (typeof v === 'string' && v.trim()) {
        text = v.trim();
        break;
      }
    }
    if (!text) {
      if (g.rowValues(r).some((v) => v !== null && v !== undefined && v !== '') || ++blanks > 2) break;
      continue;
    }
    const kind = adjustmentKind(text);
    if (kind) out.adjustments.push({ row: r, kind, title: text });
    else {
      if (out.adjustments.length && totalKind(text) === 'total') out.final = r;
      break;
    }
  }
  return out;
}
