/**
 * Why a total (or subtotal) is wrong, when the sheet's formulas show it:
 *   - it is a typed number where the column's other totals are formulas;
 *   - its SUM stops short of, or skips, item rows;
 *   - its SUM reaches amounts stored as text, which SUM skips ("F21 «2.019» là văn bản nên SUM bỏ qua");
 *   - it adds a subtotal and the items of that subtotal (counted twice), or cells outside its scope;
 *   - it adds subtotals that are themselves wrong;
 *   - it adds "Trong đó" lines, whose amounts the row above them already holds (counted twice).
 * A formula is explained only when adding its cells the way Excel does gives exactly the value the cell shows;
 * otherwise (another formula shape, a workbook in manual calculation…) nothing is said about it.
 */
import type { Text, TotalCause } from '../report';
import { Dec } from '../decimal';
import { Grid, a1, isCellError } from '../snapshot';
import type { NumberReader } from './context';
import { num } from './context';
import { parseSumFormula } from './formula';

export interface TotalModel {
  grid: Grid;
  numbers: NumberReader;
  col: number;
  letter: string;
  /** rows whose own amount counts in the grand total (a merged amount at its top row) */
  counted: ReadonlySet<number>;
  /** subtotal-like cells (parent items, sections, "Cộng mục" rows, the total row) → the counted rows they stand for */
  standsFor: ReadonlyMap<number, readonly number[]>;
  /** rows of subtotal-like cells already found wrong */
  wrong: ReadonlySet<number>;
  /** "Trong đó" lines (counted nowhere) → the row whose amount they detail */
  details?: ReadonlyMap<number, number>;
}

const MAX_LISTED = 6;

function list(cells: readonly string[]): string {
  return cells.length <= MAX_LISTED ? cells.join(', ') : `${cells.slice(0, MAX_LISTED).join(', ')}…`;
}

/** The value Excel adds for a cell in a SUM range: a number, else nothing (text, empty, booleans); null on an error. */
function excelSumValue(grid: Grid, row: number, col: number): Dec | null | undefined {
  const v = grid.value(row, col);
  if (isCellError(v)) return null;
  if (typeof v === 'number') return Dec.fromNumber(v);
  return undefined;
}

export function explainTotal(
  model: TotalModel,
  row: number,
  scope: readonly number[],
  stated: { value: Dec; decimals: number },
): { causes: TotalCause[]; text: Text } | null {
  const { grid, col } = model;
  const cell = a1(row, col);
  const formula = grid.formula(row, col);
  const causes: TotalCause[] = [];
  const texts: Text[] = [];

  if (!formula) {
    const siblings = [...model.standsFor.keys()].filter((r) => r !== row && grid.formula(r, col)).sort((a, b) => a - b).map((r) => a1(r, col));
    if (!siblings.length) return null;
    causes.push({ kind: 'typed-total', siblings });
    texts.push({
      vi: `${cell} là số gõ tay trong khi các ô tổng khác của cột (${list(siblings)}) là công thức, nên không tự cập nhật khi số liệu thay đổi`,
      en: `${cell} is a typed number while the column's other totals (${list(siblings)}) are formulas, so it does not follow changes`,
    });
    return { causes, text: join(texts) };
  }

  const refs = parseSumFormula(formula);
  if (!refs || !refs.length) return null;
  // Only formulas that stay in this column, within reach of the sheet, are explained.
  for (const r of refs) if (r.left !== col || r.right !== col || r.bottom - r.top > 1_000_000) return null;

  // Re-add the formula's cells as Excel would, and count what each referenced row stands for.
  let simulated = Dec.ZERO;
  const covered = new Map<number, number>();
  const via = new Map<number, Set<number>>();
  const direct = new Set<number>();
  const inScope = new Set(scope);
  /** referenced cells that add amounts from outside the scope: another section's subtotal or items, stray numbers */
  const extra: number[] = [];
  /** referenced "Trong đó" lines: their amounts are inside the row they detail */
  const detail: number[] = [];
  const cover = (r: number, by?: number) => {
    covered.set(r, (covered.get(r) ?? 0) + 1);
    if (by !== undefined) {
      let s = via.get(r);
      if (!s) via.set(r, (s = new Set()));
      s.add(by);
    }
  };
  const lastRow = Math.min(grid.bottom, Math.max(...refs.map((r) => r.bottom)));
  for (const ref of refs) {
    for (let r = Math.max(ref.top, grid.top); r <= Math.min(ref.bottom, grid.bottom); r++) {
      if (r === row) return null; // a circular reference: Excel shows no sum to explain
      if (ref.subtotal && /^=\s*SUBTOTAL\(/i.test(grid.formula(r, col) ?? '')) continue;
      const v = excelSumValue(grid, r, col);
      if (v === null) return null;
      if (!ref.inSum && v === undefined && !(grid.value(r, col) === null || grid.value(r, col) === '')) return null; // "+F21" on text: Excel coerces
      if (v) simulated = simulated.add(v);
      const stands = model.standsFor.get(r);
      if (stands) {
        if (stands.length && stands.every((x) => !inScope.has(x))) {
          if (v && !v.isZero()) extra.push(r);
        } else if (v) for (const x of stands) cover(x, r);
      } else if (model.counted.has(r) && inScope.has(r)) {
        cover(r);
        if (ref.inSum) direct.add(r);
      } else if (v && !v.isZero() && model.details?.has(r)) detail.push(r);
      else if (v && !v.isZero()) extra.push(r);
    }
  }
  if (simulated.sub(stated.value).abs().cmp(Dec.halfUnit(stated.decimals)) >= 0) return null;

  const amountAt = (r: number): Dec => {
    const c = model.numbers.read(r, col, 'money');
    return c.kind === 'number' ? c.value : Dec.ZERO;
  };

  // amounts stored as text that the SUM reaches and skips
  const skipped = scope.filter((r) => {
    if (!direct.has(r)) return false;
    const c = model.numbers.read(r, col, 'money');
    return c.kind === 'number' && c.asText;
  });
  if (skipped.length) {
    const cells = skipped.map((r) => {
      const c = model.numbers.read(r, col, 'money') as Extract<ReturnType<NumberReader['read']>, { kind: 'number' }>;
      return { cell: a1(r, col), text: c.text ?? '', value: c.value.toNumber() };
    });
    const amount = Dec.sum(skipped.map(amountAt));
    causes.push({ kind: 'text-skipped', formula, cells, amount: amount.toNumber() });
    const what = list(cells.map((c) => `${c.cell} «${c.text}»`));
    const whatEn = list(cells.map((c) => `${c.cell} "${c.text}"`));
    texts.push({
      vi: `${what} là văn bản nên SUM bỏ qua (${num(amount).vi})`,
      en: `${whatEn} ${cells.length > 1 ? 'are' : 'is'} text, so SUM skips ${cells.length > 1 ? 'them' : 'it'} (${num(amount).en})`,
    });
  }

  // item amounts the formula never reaches
  const missing = scope.filter((r) => !covered.has(r) && !amountAt(r).isZero());
  if (missing.length) {
    const cells = missing.map((r) => a1(r, col));
    const amount = Dec.sum(missing.map(amountAt));
    causes.push({ kind: 'range-misses-items', formula, cells, amount: amount.toNumber() });
    const firstRef = Math.min(...refs.map((r) => r.top));
    if (missing.every((r) => r > lastRow)) {
      texts.push({
        vi: `công thức ${formula} dừng ở dòng ${lastRow}, bỏ sót ${list(cells)} (${num(amount).vi})`,
        en: `the formula ${formula} stops at row ${lastRow}, leaving out ${list(cells)} (${num(amount).en})`,
      });
    } else if (missing.every((r) => r < firstRef)) {
      texts.push({
        vi: `công thức ${formula} bắt đầu từ dòng ${firstRef}, bỏ sót ${list(cells)} (${num(amount).vi})`,
        en: `the formula ${formula} starts at row ${firstRef}, leaving out ${list(cells)} (${num(amount).en})`,
      });
    } else {
      texts.push({
        vi: `công thức ${formula} bỏ qua ${list(cells)} (${num(amount).vi})`,
        en: `the formula ${formula} skips ${list(cells)} (${num(amount).en})`,
      });
    }
  }

  // counted twice: a subtotal and its items, or the same cell twice
  const twice = scope.filter((r) => (covered.get(r) ?? 0) > 1 && !amountAt(r).isZero());
  if (twice.length) {
    const subs = new Set<number>();
    for (const r of twice) for (const s of via.get(r) ?? []) subs.add(s);
    const subtotals = [...subs].sort((a, b) => a - b).map((r) => a1(r, col));
    let amount = Dec.ZERO;
    for (const r of twice) amount = amount.add(amountAt(r).mul(Dec.fromInt((covered.get(r) ?? 1) - 1)));
    causes.push({ kind: 'subtotal-counted-twice', formula, subtotals: subtotals.length ? subtotals : twice.map((r) => a1(r, col)), amount: amount.toNumber() });
    texts.push(
      subtotals.length
        ? {
            vi: `công thức ${formula} cộng cả dòng cộng ${list(subtotals)} lẫn các nhiệm vụ đã có trong đó (tính hai lần ${num(amount).vi})`,
            en: `the formula ${formula} adds the subtotal ${list(subtotals)} and the tasks it already holds (${num(amount).en} counted twice)`,
          }
        : {
            vi: `công thức ${formula} cộng hai lần ${list(twice.map((r) => a1(r, col)))} (${num(amount).vi})`,
            en: `the formula ${formula} adds ${list(twice.map((r) => a1(r, col)))} twice (${num(amount).en})`,
          },
    );
  }

  // cells outside the scope: another section's subtotal or items, or numbers that are no task at all
  if (extra.length) {
    const cells = [...new Set(extra)].sort((a, b) => a - b).map((r) => a1(r, col));
    let amount = Dec.ZERO;
    for (const r of extra) amount = amount.add(excelSumValue(grid, r, col) ?? Dec.ZERO);
    causes.push({ kind: 'extra-cells', formula, cells, amount: amount.toNumber() });
    texts.push({
      vi: `công thức ${formula} cộng cả ${list(cells)} không thuộc phần này (${num(amount).vi})`,
      en: `the formula ${formula} also adds ${list(cells)}, which do not belong here (${num(amount).en})`,
    });
  }

  // "Trong đó" lines: a detail of an amount the formula (or the row above) already holds
  if (detail.length) {
    const cells = [...new Set(detail)].sort((a, b) => a - b).map((r) => a1(r, col));
    let amount = Dec.ZERO;
    for (const r of new Set(detail)) amount = amount.add(excelSumValue(grid, r, col) ?? Dec.ZERO);
    causes.push({ kind: 'breakdown-counted', formula, cells, amount: amount.toNumber() });
    texts.push({
      vi: `công thức ${formula} cộng cả các dòng «Trong đó» ${list(cells)}, là chi tiết của số đã ghi ở dòng trên (tính hai lần ${num(amount).vi})`,
      en: `the formula ${formula} also adds the "Trong đó" lines ${list(cells)}, a breakdown of the amount on the row above them (${num(amount).en} counted twice)`,
    });
  }

  // subtotals it adds that are wrong themselves
  const wrongParts = [...via.values()].flatMap((s) => [...s]).filter((r, i, all) => model.wrong.has(r) && all.indexOf(r) === i).sort((a, b) => a - b);
  if (wrongParts.length) {
    const cells = wrongParts.map((r) => a1(r, col));
    causes.push({ kind: 'wrong-part', formula, cells });
    texts.push({
      vi: `công thức ${formula} cộng ${list(cells)} mà ${cells.length > 1 ? 'các ô này' : 'ô này'} đang sai (xem kết quả kiểm tra tại ${cells.length > 1 ? 'từng ô' : 'ô đó'})`,
      en: `the formula ${formula} adds ${list(cells)}, ${cells.length > 1 ? 'which are' : 'which is'} wrong itself (see the finding there)`,
    });
  }
  return causes.length ? { causes, text: join(texts) } : null;
}

function join(texts: Text[]): Text {
  return { vi: ` Nguyên nhân: ${texts.map((t) => t.vi).join('; ')}.`, en: ` Cause: ${texts.map((t) => t.en).join('; ')}.` };
}
