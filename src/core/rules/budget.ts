/**
 * budget-subtotal-mismatch, budget-total-mismatch, budget-words-mismatch, and the budget summary.
 * The total is the sum of the tasks' own amounts: a merged amount counts once, subtotal rows never, and a parent's
 * amount only when its children have none (otherwise it is a subtotal and is checked as one).
 */
import type { BudgetSummary, Finding } from '../report';
import { Rule, RuleContext, finding, num, valueOf } from './context';
import { Dec } from '../decimal';
import { a1, columnLetter } from '../snapshot';
import { MoneyUnit, parseMoneyUnit } from '../vn/number';
import { parseWords } from '../vn/words';
import { excerpt } from '../vn/text';
import { moneyTitle, type Item } from '../table/rows';
import { TotalModel, explainTotal } from './totals';
import { checkBreakdowns } from './breakdowns';

const AMOUNT_KINDS = new Set(['item', 'subitem', 'part', 'fragment']);

export interface BudgetResult {
  findings: Finding[];
  summary?: BudgetSummary;
  /** which rows count and what each total stands for: the fix plans (src/core/fixes) build their formulas on it */
  model?: BudgetModel;
  /** the same for each source column of a budget over several columns ("Ngân sách tỉnh", "Ngân sách huyện") */
  sourceModels?: BudgetModel[];
}

export interface BudgetModel extends TotalModel {
  /** subtotal-like cell row → the counted rows it should add up (its scope) */
  scopes: ReadonlyMap<number, readonly number[]>;
  /** counted rows whose amount is unreadable text or an error: no formula can be trusted to add them */
  unreadable: ReadonlySet<number>;
  totalRow?: number;
}

/** 3 for nghìn đồng, 6 for triệu đồng …: the power of ten of the column's unit. */
export function unitExponent(unit: MoneyUnit | null): number {
  return unit ? unit.factor.toString().length - 1 : 0;
}

function tolerance(decimals: number): Dec {
  return Dec.halfUnit(decimals);
}

export function checkBudget(ctx: RuleContext): BudgetResult {
  const { table } = ctx;
  const col = table.col.budget;
  if (col === undefined) return { findings: [] };
  const main = checkColumn(ctx, col);
  const findings = main.findings;
  const summary = main.summary;
  const unit = parseMoneyUnit(moneyTitle(table, col));
  if (!table.budgetSources.length) {
    if (table.wordsRow !== undefined) findings.push(...checkWords(ctx, unit, summary, main.statedTotal, main.total));
    return { findings, summary, model: main.model };
  }
  // Several budget columns: each is added up and checked on its own (its findings name it); with a "Tổng số"
  // column the sources must add up to it on every row, without one the budget is the sum of the sources.
  const sources = table.budgetSources.map((c) => ({ col: c, result: checkColumn(ctx, c) }));
  summary.sources = [];
  for (const { col: c, result } of sources) {
    const name = sourceName(ctx, c);
    for (const f of result.findings) f.message = { vi: `Cột ${name.vi}: ${f.message.vi}`, en: `Column ${name.en}: ${f.message.en}` };
    findings.push(...result.findings);
    summary.sources.push({ column: result.summary.column, header: name.title, total: result.summary.total, stated: result.summary.stated });
  }
  let total = main.total;
  let stated = main.statedTotal;
  if (table.budgetHasTotal) {
    findings.push(...checkSources(ctx, col, table.budgetSources, findings));
  } else {
    summary.sources.unshift({ column: summary.column, header: sourceName(ctx, col).title, total: summary.total, stated: summary.stated });
    for (const { result } of sources) {
      total = total.add(result.total);
      stated = stated && result.statedTotal ? stated.add(result.statedTotal) : null;
    }
    summary.column = `${summary.column}:${sources[sources.length - 1].result.summary.column}`;
    summary.total = total.toNumber();
    summary.stated = stated ? stated.toNumber() : null;
    summary.decimals = Math.max(summary.decimals, ...sources.map((x) => x.result.summary.decimals));
  }
  if (table.wordsRow !== undefined) findings.push(...checkWords(ctx, unit, summary, stated, total));
  return { findings, summary, model: main.model, sourceModels: sources.map((x) => x.result.model) };
}

/** A source column in messages: «F (Ngân sách huyện)». */
function sourceName(ctx: RuleContext, col: number): { vi: string; en: string; title: string } {
  const full = ctx.table.header.titles.get(col) ?? '';
  const title = (full.includes(' / ') ? full.slice(full.lastIndexOf(' / ') + 3) : full).replace(/\s+/g, ' ').trim();
  const letter = columnLetter(col);
  return { vi: `${letter} «${title}»`, en: `${letter} "${title}"`, title };
}

/**
 * With a "Tổng số" column, the sources on each row must add up to it: a row whose sources say more or less, or
 * a "Tổng số" left empty beside amounts by source (the total column, and so the budget, leaves them out). A
 * subtotal or total row already found wrong in one of the columns is not reported again.
 */
function checkSources(ctx: RuleContext, col: number, sources: readonly number[], found: readonly Finding[]): Finding[] {
  const { table, grid, numbers } = ctx;
  const out: Finding[] = [];
  const wrongRows = new Set(found.filter((f) => f.rule === 'budget-total-mismatch' || f.rule === 'budget-subtotal-mismatch').map((f) => f.row));
  const cols = [col, ...sources];
  for (const tr of table.rows) {
    if (!SOURCE_KINDS.has(tr.kind) || wrongRows.has(tr.row)) continue;
    if (cols.some((c) => {
      const m = grid.merged(tr.row, c);
      return m && (m.top !== tr.row || m.left !== c || m.bottom > m.top);
    })) continue; // an amount shared by several rows: no row states it alone
    let sum: Dec | null = null;
    let decimals = 0;
    const parts: string[] = [];
    // an unreadable source (its own finding) leaves the row's sum unknown; a total or subtotal row is checked only
    // where it states every source (a blank there is no zero: the sheet just gives no figure)
    const aggregate = tr.kind === 'section' || tr.kind === 'subtotal' || tr.kind === 'total';
    let unknown = false;
    for (const c of sources) {
      const a = numbers.read(tr.row, c, 'money');
      if (a.kind !== 'number') {
        if (a.kind !== 'empty' || aggregate) unknown = true;
        continue;
      }
      sum = (sum ?? Dec.ZERO).add(a.value);
      decimals = Math.max(decimals, a.decimals);
      parts.push(a1(tr.row, c));
    }
    if (sum === null || unknown) continue;
    const t = numbers.read(tr.row, col, 'money');
    const cell = a1(tr.row, col);
    if (t.kind === 'empty') {
      out.push(
        finding('budget-sources-mismatch', tr.row, col, {
          vi: `${cell} («Tổng số») để trống nhưng các nguồn ${parts.join(', ')} ghi ${num(sum).vi}: khoản này không được tính vào tổng kinh phí. Hãy ghi Tổng số của dòng.`,
          en: `${cell} ("Tổng số") is empty but the sources ${parts.join(', ')} state ${num(sum).en}: the budget total leaves it out. Fill in the row's total.`,
        }, { expected: sum.toNumber(), actual: '', related: parts }),
      );
    } else if (t.kind === 'number' && table.budgetSourcesPartial) {
      // "Tổng số | Trong đó: Ngân sách tỉnh": a part of the total, never more
      if (sum.sub(t.value).cmp(tolerance(Math.max(decimals, t.decimals))) < 0) continue;
      out.push(
        finding('budget-sources-mismatch', tr.row, col, {
          vi: `Các cột «Trong đó» ${parts.join(', ')} cộng lại ${num(sum).vi}, nhiều hơn Tổng số ${cell} là ${num(t.value).vi} (vượt ${num(sum.sub(t.value)).vi}).`,
          en: `The "Trong đó" cells ${parts.join(', ')} add up to ${num(sum).en}, more than the total ${cell}, ${num(t.value).en} (over by ${num(sum.sub(t.value)).en}).`,
        }, { expected: `≤ ${t.value.toString()}`, actual: sum.toNumber(), related: parts }),
      );
    } else if (t.kind === 'number' && t.value.sub(sum).abs().cmp(tolerance(Math.max(decimals, t.decimals))) >= 0) {
      out.push(
        finding('budget-sources-mismatch', tr.row, col, {
          vi: `Tổng số ${cell} ghi ${num(t.value).vi} nhưng các nguồn ${parts.join(', ')} cộng lại ${num(sum).vi} (chênh ${num(t.value.sub(sum).abs()).vi}).`,
          en: `The total ${cell} states ${num(t.value).en} but the sources ${parts.join(', ')} add up to ${num(sum).en} (off by ${num(t.value.sub(sum).abs()).en}).`,
        }, { expected: sum.toNumber(), actual: t.value.toNumber(), related: parts }),
      );
    }
  }
  return out;
}

const SOURCE_KINDS = new Set(['item', 'subitem', 'part', 'fragment', 'breakdown', 'section', 'subtotal', 'total']);

/** The amount in words against the total in figures (or, without one, the sum of the tasks). */
function checkWords(ctx: RuleContext, unit: MoneyUnit | null, summary: BudgetSummary, statedTotal: Dec | null, total: Dec): Finding[] {
  const { table, grid } = ctx;
  const out: Finding[] = [];
  if (table.wordsRow !== undefined) {
    let wordsCol = grid.left;
    let text = '';
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(table.wordsRow, c);
      if (typeof v === 'string' && v.trim()) {
        wordsCol = c;
        text = v;
        break;
      }
    }
    const parsed = text ? parseWords(text) : null;
    // exact: the words may carry xu (0,01 đồng) and the column may count in triệu
    const reference = statedTotal ?? total;
    // a column whose unit nobody names (neither its header nor a "Đơn vị tính" line): the words agree when they are
    // the figure in đồng, nghìn, triệu or tỷ đồng; which one the sheet cannot tell, so none is assumed for a mismatch
    const scale = unit ? unitExponent(unit) : ([0, 3, 6, 9].find((k) => parsed && parsed.value.shift(-k).eq(reference)) ?? 0);
    const inUnit = parsed ? parsed.value.shift(-scale) : null;
    summary.words = { cell: a1(table.wordsRow, wordsCol), text, amount: inUnit ? inUnit.toNumber() : null };
    const refName = statedTotal ? { vi: 'tổng cộng bằng số', en: 'the total in figures' } : { vi: 'tổng các nhiệm vụ', en: 'the sum of the tasks' };
    const u = unit ? ` ${unit.label}` : '';
    if (!inUnit) {
      out.push(
        finding('budget-words-mismatch', table.wordsRow, wordsCol, {
          vi: `Không đọc được số tiền bằng chữ «${excerpt(text, 80)}».`,
          en: `The amount in words "${excerpt(text, 80)}" cannot be read.`,
        }, { severity: 'warning', actual: excerpt(text, 120) }),
      );
    } else if (!unit && !inUnit.eq(reference)) {
      out.push(
        finding('budget-words-mismatch', table.wordsRow, wordsCol, {
          vi: `Số tiền bằng chữ là ${num(inUnit).vi} đồng, không khớp ${refName.vi} (${num(reference).vi}) theo đơn vị nào (đồng, nghìn đồng, triệu đồng, tỷ đồng); tiêu đề cột kinh phí cũng không ghi đơn vị.`,
          en: `The amount in words is ${num(inUnit).en} đồng, which matches ${refName.en} (${num(reference).en}) in no unit (đồng, thousand, million, billion đồng); the budget header names no unit either.`,
        }, { expected: reference.toNumber(), actual: inUnit.toNumber() }),
      );
    } else if (!inUnit.eq(reference)) {
      out.push(
        finding('budget-words-mismatch', table.wordsRow, wordsCol, {
          vi: `Số tiền bằng chữ là ${num(inUnit).vi}${u} nhưng ${refName.vi} là ${num(reference).vi}${u}.`,
          en: `The amount in words is ${num(inUnit).en}${u} but ${refName.en} is ${num(reference).en}${u}.`,
        }, { expected: reference.toNumber(), actual: inUnit.toNumber() }),
      );
    }
  }
  return out;
}

/** One budget column checked on its own: its sums, its breakdowns, its total; the figures the words are compared with. */
interface ColumnResult {
  findings: Finding[];
  summary: BudgetSummary;
  model: BudgetModel;
  total: Dec;
  statedTotal: Dec | null;
}

function checkColumn(ctx: RuleContext, col: number): ColumnResult {
  const { table, grid, numbers } = ctx;
  const out: Finding[] = [];
  const letter = columnLetter(col);

  // Own amount of every row, merged amounts counted at their top-left cell only (the number cell itself: value, decimals).
  // Each pass over the rows is a function of its own: a first check of a large sheet optimises a long loop while it
  // runs (on-stack replacement), which compiles the whole function that holds it — a small one compiles fast.
  const { amounts, maxDecimals } = readAmounts(ctx, col);
  const rowAmount = {
    get: (row: number) => amounts[row - grid.top],
    has: (row: number) => amounts[row - grid.top] !== undefined,
  };

  // Amount of an item = its own rows, or, where its children carry amounts, the children's. Items form a tree (one
  // parent each), so every item is reached once; leaves are computed directly (no finding, nothing to remember).
  const itemTotal = new Map<Item, Dec | null>();
  const ownAmount = (item: Item): Dec | null => {
    let own: Dec | null = null;
    for (let k = 0; k < item.rows.length; k++) {
      const a = rowAmount.get(item.rows[k]);
      if (a) own = (own ?? Dec.ZERO).add(a.value);
    }
    return own;
  };
  const amountOf = (item: Item): Dec | null => {
    if (!item.children.length) return ownAmount(item);
    if (itemTotal.has(item)) return itemTotal.get(item)!;
    const own = ownAmount(item);
    let kids: Dec | null = null;
    for (const ch of item.children) {
      const a = amountOf(ch);
      if (a) kids = (kids ?? Dec.ZERO).add(a);
    }
    let result = own;
    if (kids !== null) {
      result = kids;
      const ownCell = rowAmount.get(item.row);
      if (ownCell && ownCell.value.sub(kids).abs().cmp(tolerance(ownCell.decimals)) >= 0) {
        out.push(
          finding('budget-subtotal-mismatch', item.row, col, {
            vi: `Kinh phí của mục ${item.number} ghi ${num(ownCell.value).vi} nhưng tổng các mục con là ${num(kids).vi} (chênh ${num(ownCell.value.sub(kids).abs()).vi}).`,
            en: `Item ${item.number} states ${num(ownCell.value).en} but its sub-items add up to ${num(kids).en} (off by ${num(ownCell.value.sub(kids).abs()).en}).`,
          }, { expected: kids.toNumber(), actual: ownCell.value.toNumber() }),
        );
      }
    }
    itemTotal.set(item, result);
    return result;
  };

  // The rows an item's amount is made of: its children's when they carry amounts, else its own rows with amounts
  // (appended to `out`, in that order).
  const pushCounted = (item: Item, into: number[]): void => {
    const start = into.length;
    for (let k = 0; k < item.children.length; k++) pushCounted(item.children[k], into);
    if (into.length === start) for (let k = 0; k < item.rows.length; k++) if (rowAmount.has(item.rows[k])) into.push(item.rows[k]);
  };
  const scopes = new Map<number, number[]>();

  const topItems = table.items.filter((i) => !i.parent);
  parentScopes(table.items, rowAmount.has, pushCounted, scopes);
  const top = sumTopItems(topItems, amountOf);
  const { sectionSums, topBySection } = top;
  // Amounts on rows outside any item (no numbering at all) still count: nothing is silently dropped.
  const looseRows = looseAmountRows(table, rowAmount.has);
  let total = top.total;
  for (let k = 0; k < looseRows.length; k++) total = total.add(rowAmount.get(looseRows[k])!.value);

  const sections: BudgetSummary['sections'] = [];
  for (const s of table.sections) {
    const sum = sectionSums.get(s) ?? Dec.ZERO;
    const entry: BudgetSummary['sections'][number] = { label: s.label, row: s.row, sum: sum.toNumber() };
    // A figure on the section's own row, or on its "Cộng mục" row, is a subtotal.
    const sectionRows: number[] = [];
    for (const i of topBySection.get(s) ?? []) pushCounted(i, sectionRows);
    for (const r of [s.row, s.subtotalRow]) {
      if (r === undefined) continue;
      const c = numbers.read(r, col, 'money');
      const stated = valueOf(c);
      if (!stated || c.kind !== 'number') continue;
      scopes.set(r, sectionRows);
      entry.stated = stated.toNumber();
      entry.statedCell = a1(r, col);
      if (stated.sub(sum).abs().cmp(tolerance(c.decimals)) >= 0) {
        out.push(
          finding('budget-subtotal-mismatch', r, col, {
            vi: `Cộng mục ${s.label} ghi ${num(stated).vi} nhưng tổng các nhiệm vụ của mục là ${num(sum).vi} (chênh ${num(stated.sub(sum).abs()).vi}).`,
            en: `Section ${s.label} states ${num(stated).en} but its tasks add up to ${num(sum).en} (off by ${num(stated.sub(sum).abs()).en}).`,
          }, { expected: sum.toNumber(), actual: stated.toNumber() }),
        );
      }
    }
    sections.push(entry);
  }

  const unit = parseMoneyUnit(moneyTitle(table, col));
  // "Trong đó" lines: counted in no total above, checked against the row they detail
  if (table.breakdowns.length) out.push(...checkBreakdowns(ctx, col, unit?.label ?? '', amountOf));
  const summary: BudgetSummary = {
    column: letter,
    total: total.toNumber(),
    stated: null,
    unit: unit?.label ?? '',
    sections,
    decimals: maxDecimals,
  };

  const allCounted = countedRowsOf(topItems, pushCounted);
  for (let k = 0; k < looseRows.length; k++) allCounted.push(looseRows[k]);
  // items come in sheet order, so the rows usually are already: sort only when a loose row falls between them
  if (!ascending(allCounted)) allCounted.sort((a, b) => a - b);
  // the total row; and a total on top of the table when there is one at its end too (both stand for every task)
  const totalRows = table.headTotalRow !== undefined ? [table.headTotalRow] : [];
  if (table.totalRow !== undefined) totalRows.push(table.totalRow);
  for (const r of totalRows) scopes.set(r, allCounted);

  let statedTotal: Dec | null = null;
  for (const totalRow of totalRows) {
    const c = numbers.read(totalRow, col, 'money');
    if (c.kind === 'number') {
      statedTotal = c.value;
      summary.stated = c.value.toNumber();
      summary.statedCell = a1(totalRow, col);
      const diff = c.value.sub(total).abs();
      if (diff.cmp(tolerance(c.decimals)) >= 0) {
        const u = unit ? ` ${unit.label}` : '';
        out.push(
          finding('budget-total-mismatch', totalRow, col, {
            vi: `Tổng cộng ghi ${num(c.value).vi}${u} nhưng tổng các nhiệm vụ là ${num(total).vi}${u} (chênh ${num(diff).vi}).`,
            en: `The total states ${num(c.value).en}${u} but the tasks add up to ${num(total).en}${u} (off by ${num(diff).en}).`,
          }, { expected: total.toNumber(), actual: c.value.toNumber() }),
        );
      }
    }
  }

  // Why each wrong total is wrong, when its formula (or its lack of one) shows it.
  const unreadable = unreadableRows(ctx, col, rowAmount.has);
  let counted: Set<number> | undefined;
  const model: BudgetModel = {
    grid,
    numbers,
    col,
    letter,
    // built only when a total's formula is explained (explainTotal): most sheets never need it
    get counted() {
      return (counted ??= new Set(allCounted));
    },
    standsFor: scopes,
    scopes,
    wrong: new Set(out.filter((f) => f.rule === 'budget-subtotal-mismatch').map((f) => f.row)),
    details: detailsOf(table),
    unreadable,
    ...(table.totalRow !== undefined ? { totalRow: table.totalRow } : {}),
  };
  for (const f of out) {
    if (f.rule !== 'budget-subtotal-mismatch' && f.rule !== 'budget-total-mismatch') continue;
    const scope = scopes.get(f.row);
    const c = numbers.read(f.row, col, 'money');
    if (!scope || c.kind !== 'number') continue;
    const why = explainTotal(model, f.row, scope, { value: c.value, decimals: c.decimals });
    if (!why) continue;
    f.message = { vi: f.message.vi + why.text.vi, en: f.message.en + why.text.en };
    f.causes = why.causes;
  }
  return { findings: out, summary, model, total, statedTotal };
}

type Amount = { value: Dec; decimals: number };

/** The own amount of every row that can carry one (merged amounts at their top-left cell), by row − grid.top. */
function readAmounts({ table, grid, numbers }: RuleContext, col: number): { amounts: (Amount | undefined)[]; maxDecimals: number } {
  const amounts: (Amount | undefined)[] = [];
  let maxDecimals = 0;
  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (!AMOUNT_KINDS.has(tr.kind)) continue;
    const m = grid.merged(tr.row, col);
    if (m && (m.top !== tr.row || m.left !== col)) continue;
    const c = numbers.read(tr.row, col, 'money');
    if (c.kind === 'number') {
      amounts[tr.row - grid.top] = c;
      if (c.decimals > maxDecimals) maxDecimals = c.decimals;
    }
  }
  return { amounts, maxDecimals };
}

/** A parent's own amount stands for its children's counted rows: its scope (parents with an amount of their own). */
function parentScopes(items: readonly Item[], hasAmount: (row: number) => boolean, pushCounted: (item: Item, into: number[]) => void, scopes: Map<number, number[]>): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (!item.children.length || !hasAmount(item.row)) continue;
    const kids: number[] = [];
    for (const ch of item.children) pushCounted(ch, kids);
    if (kids.length) scopes.set(item.row, kids);
  }
}

/**
 * The top-level items' total, their sum per section and their list per section (in sheet order; a section's sum kept
 * in a local while its items run on).
 */
function sumTopItems(topItems: readonly Item[], amountOf: (item: Item) => Dec | null): { total: Dec; sectionSums: Map<unknown, Dec>; topBySection: Map<unknown, Item[]> } {
  let total = Dec.ZERO;
  const sectionSums = new Map<unknown, Dec>();
  const topBySection = new Map<unknown, Item[]>();
  let runSection: unknown = topBySection; // a key no item has
  let runSum = Dec.ZERO;
  let runList: Item[] = [];
  for (let k = 0; k < topItems.length; k++) {
    const item = topItems[k];
    const a = amountOf(item) ?? Dec.ZERO;
    total = total.add(a);
    if (item.section !== runSection) {
      if (runSection !== topBySection) sectionSums.set(runSection, runSum);
      runSection = item.section;
      runSum = sectionSums.get(runSection) ?? Dec.ZERO;
      runList = topBySection.get(runSection) ?? [];
      topBySection.set(runSection, runList);
    }
    runSum = runSum.add(a);
    runList.push(item);
  }
  if (runSection !== topBySection) sectionSums.set(runSection, runSum);
  return { total, sectionSums, topBySection };
}

/** Rows with an amount that belong to no item (no numbering at all), in sheet order. */
function looseAmountRows(table: RuleContext['table'], hasAmount: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (!tr.item && AMOUNT_KINDS.has(tr.kind) && hasAmount(tr.row)) rows.push(tr.row);
  }
  return rows;
}

/** The counted rows of the top-level items, in their order. */
function countedRowsOf(topItems: readonly Item[], pushCounted: (item: Item, into: number[]) => void): number[] {
  const rows: number[] = [];
  for (let k = 0; k < topItems.length; k++) pushCounted(topItems[k], rows);
  return rows;
}

/** Rows that should count but whose amount is unreadable text or an error. */
function unreadableRows({ table, grid, numbers }: RuleContext, col: number, hasAmount: (row: number) => boolean): Set<number> {
  const unreadable = new Set<number>();
  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (!AMOUNT_KINDS.has(tr.kind) || hasAmount(tr.row)) continue;
    const m = grid.merged(tr.row, col);
    if (m && (m.top !== tr.row || m.left !== col)) continue;
    const c = numbers.read(tr.row, col, 'money');
    if (c.kind === 'error' || (c.kind === 'invalid' && c.malformed)) unreadable.add(tr.row);
  }
  return unreadable;
}

/** "Trong đó" line → the row it details. */
function detailsOf(table: RuleContext['table']): Map<number, number> {
  const m = new Map<number, number>();
  for (const b of table.breakdowns) for (const r of b.rows) m.set(r, b.of);
  return m;
}

function ascending(rows: readonly number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return false;
  return true;
}

export const budgetRule: Rule = (ctx) => checkBudget(ctx).findings;
