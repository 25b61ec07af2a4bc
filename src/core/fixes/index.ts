/**
 * Quick-fix plans: what a fix would write, computed by the engine so hosts never re-implement it. Each plan lists
 * every cell it touches (before and after, the number format kept) and says what it does in both languages; a
 * host shows it, writes it in one batch and keeps the `before` contents to undo it exactly.
 *
 *   number-as-text            → number-from-text   "2.019" becomes 2019, the cell's format kept
 *   budget-words-mismatch     → amount-in-words    the words for the correct total, in the document's spelling
 *   budget-total-mismatch,
 *   budget-subtotal-mismatch  → sum-formula        =SUM(...) of exactly the rows it stands for
 *   score-rollup-mismatch,
 *   score-total-mismatch      → score-sum-formula  =SUM(...) of the sub-criteria / areas
 *
 * A plan is offered only when it is certainly right: no unreadable amount in the way, numbers exact, the proposed
 * words read back as the amount. Otherwise the finding simply has no `fix`.
 */
import type { Finding, FixPlan } from '../report';
import { Dec } from '../decimal';
import { columnNumber, Grid } from '../snapshot';
import type { NumberReader } from '../rules/context';
import type { BudgetModel, BudgetResult } from '../rules/budget';
import type { ScoreTree, Node } from '../scores/tree';
import { parseMoneyUnit } from '../vn/number';
import { cellContent, numberFromTextEdit, shown } from './cells';
import { sumFixPlan } from './sums';
import { rewriteWords } from './words';

export { detectWordsStyle, rewriteWords, styledWords, CANONICAL_STYLE, type WordsStyle } from './words';
export { sumFormula } from './sums';
export { combineFixes, formulaCells, type CombinedFix, type CombineRefusal } from './combine';

export interface FixContext {
  grid: Grid;
  numbers: NumberReader;
  budget?: BudgetResult;
  /** the header of the budget column, for its money unit */
  budgetHeader?: string;
  scores?: ScoreTree | null;
}

/** Attaches a `fix` to every finding that has a certain one. Never throws: a plan that cannot be made is left out. */
export function attachFixes(findings: Finding[], ctx: FixContext): void {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    try {
      const plan = planFor(f, ctx);
      if (plan) f.fix = plan;
    } catch {
      // a fix is a convenience: the finding stands without it
    }
  }
  // A total stored as text gets the SUM formula, not a conversion of its wrong figure into a wrong number.
  const formulaCells = new Set(findings.filter((f) => f.fix && f.fix.kind !== 'number-from-text').map((f) => f.fix!.edits[0].cell));
  for (const f of findings) if (f.fix?.kind === 'number-from-text' && formulaCells.has(f.fix.edits[0].cell)) delete f.fix;
}

function planFor(f: Finding, ctx: FixContext): FixPlan | null {
  const col = columnNumber(f.column);
  switch (f.rule) {
    case 'number-as-text':
      return numberFix(f, col, ctx);
    case 'budget-total-mismatch':
    case 'budget-subtotal-mismatch':
      return budgetSumFix(f, col, ctx);
    case 'budget-words-mismatch':
      return wordsFix(f, ctx);
    case 'score-rollup-mismatch':
    case 'score-total-mismatch':
      return scoreSumFix(f, col, ctx);
    default:
      return null;
  }
}

function numberFix(f: Finding, col: number, ctx: FixContext): FixPlan | null {
  const hint = ctx.budget?.model?.col === col || ctx.budget?.sourceModels?.some((m) => m.col === col) ? 'money' : 'score';
  const edit = numberFromTextEdit(ctx.grid, ctx.numbers, f.row, col, hint);
  if (!edit) return null;
  const n = Dec.fromNumber(edit.after.value as number)!;
  return {
    kind: 'number-from-text',
    description: {
      vi: `Đổi ${edit.cell} «${edit.before.value}» thành số ${shown(n).vi} (giữ định dạng ô).`,
      en: `Turn ${edit.cell} "${edit.before.value}" into the number ${shown(n).en} (the cell's format kept).`,
    },
    edits: [edit],
  };
}

function sheetHasUnreadableAmounts(model: BudgetModel): boolean {
  return model.unreadable.size > 0;
}

function budgetSumFix(f: Finding, col: number, ctx: FixContext): FixPlan | null {
  // the budget column's model, or a source column's ("Ngân sách huyện") when the budget spans several
  const model = ctx.budget?.model?.col === col ? ctx.budget.model : ctx.budget?.sourceModels?.find((m) => m.col === col);
  if (!model || sheetHasUnreadableAmounts(model)) return null;
  const rows = model.scopes.get(f.row);
  if (!rows || typeof f.expected !== 'number') return null;
  const expected = Dec.fromNumber(f.expected);
  if (!expected) return null;
  return sumFixPlan({ grid: ctx.grid, numbers: ctx.numbers, col, row: f.row, rows, hint: 'money', expected, kind: 'sum-formula' });
}

function wordsFix(f: Finding, ctx: FixContext): FixPlan | null {
  const model = ctx.budget?.model;
  const summary = ctx.budget?.summary;
  if (!model || !summary?.words || sheetHasUnreadableAmounts(model)) return null;
  // The words are written for the sum of the tasks: when the total in figures is wrong too, its own finding
  // proposes the formula that gives this same amount.
  const total = Dec.fromNumber(summary.total);
  if (!total) return null;
  // words for a column of unknown unit would be a guess (đồng? triệu đồng?): no plan
  const factor = parseMoneyUnit(ctx.budgetHeader ?? '')?.factor;
  if (!factor) return null;
  const dong = total.mul(factor);
  if (dong.decimals > 0 || dong.sign() < 0) return null;
  const where = f.cell;
  const row = f.row;
  const col = columnNumber(f.column);
  const before = cellContent(ctx.grid, row, col);
  if (before.formula || typeof before.value !== 'string') return null;
  const next = rewriteWords(before.value, dong);
  if (!next || next.text === before.value) return null;
  return {
    kind: 'amount-in-words',
    description: {
      vi: `Sửa thành: ${next.words}`,
      en: `Change to: ${next.words} (${shown(dong).en} đồng)`,
    },
    edits: [{ cell: where, row, column: f.column, before, after: { value: next.text, numberFormat: before.numberFormat } }],
  };
}

function scoreSumFix(f: Finding, col: number, ctx: FixContext): FixPlan | null {
  const tree = ctx.scores;
  if (!tree) return null;
  let kids: Node[] | null = null;
  if (f.rule === 'score-total-mismatch') {
    // bonus / penalty rows after the total are not in it
    if (tree.total?.row === f.row) kids = tree.roots.filter((r) => !r.afterTotal);
  } else {
    const node = tree.nodes.find((n) => n.item.row === f.row && n.children.length);
    if (node) kids = node.children;
  }
  if (!kids || !kids.length) return null;
  // a SUM cannot take a penalty off, and would count a score that does not apply or a bonus outside the maximum
  const isMax = col === tree.maxCol;
  if (kids.some((k) => k.adjustment === 'penalty' || (isMax && k.adjustment) || (k.values.get(col)?.na && k.values.get(col)?.stated))) return null;
  // what the formula gives: the sub-criteria as they stand (each wrong one has its own finding and fix)
  let expected = Dec.ZERO;
  for (const k of kids) {
    const v = k.values.get(col);
    if (!v) return null;
    if (v.stated) expected = expected.add(v.stated);
  }
  const rows = kids.map((k) => k.item.row);
  return sumFixPlan({ grid: ctx.grid, numbers: ctx.numbers, col, row: f.row, rows, hint: 'score', expected, kind: 'score-sum-formula' });
}
