/**
 * budget-breakdown-mismatch: a "Trong đó" (of which) block splits the amount of the row above it by funding source or
 * by part ("Trong đó: - Ngân sách tỉnh 300", "- Ngân sách huyện 200"). Those amounts are already inside that row's
 * amount, so no total counts them (src/core/table/rows.ts reads them as 'breakdown' rows); here they are checked
 * against it. "Trong đó" lists only some parts as often as all of them, so parts adding up to less are normal;
 * parts adding up to more cannot be right. A block under a row that states no amount at all is said, not guessed:
 * its amounts are counted nowhere.
 */
import type { Finding, Text } from '../report';
import { Dec } from '../decimal';
import { a1 } from '../snapshot';
import type { Breakdown, Item } from '../table/rows';
import { RuleContext, finding, itemLabel, num } from './context';

const MAX_LISTED = 4;

function cells(rows: readonly number[], col: number): string {
  const list = rows.map((r) => a1(r, col));
  return list.length <= MAX_LISTED ? list.join(', ') : `${list.slice(0, MAX_LISTED).join(', ')}…`;
}

/**
 * What the block details, in a message: `who` «nhiệm vụ II.3», «mục II», «dòng E12», «tổng cộng»; `amount` the phrase
 * for its amount «kinh phí của nhiệm vụ II.3», «tổng cộng».
 */
function subjectName(ctx: RuleContext, b: Breakdown, col: number): { who: Text; amount: Text } {
  let who: Text = { vi: `dòng ${a1(b.of, col)}`, en: `row ${a1(b.of, col)}` };
  if (b.item) {
    const label = itemLabel(b.item);
    who = { vi: `nhiệm vụ ${label}`, en: `task ${label}` };
  } else if (b.kind === 'total') {
    return { who: { vi: 'dòng tổng cộng', en: 'the total row' }, amount: { vi: 'tổng cộng', en: 'the total' } };
  } else if (b.kind === 'section') {
    const s = ctx.table.sections.find((x) => x.row === b.of);
    if (s) who = { vi: `mục ${s.label}`, en: `section ${s.label}` };
  }
  return { who, amount: { vi: `kinh phí của ${who.vi}`, en: `the amount of ${who.en}` } };
}

/**
 * Checks every breakdown of the sheet. `itemAmount` is the budget rule's amount of an item (its own rows, or its
 * children's); other rows (sections, subtotals, the total) are read as they state.
 */
export function checkBreakdowns(ctx: RuleContext, col: number, unitLabel: string, itemAmount: (item: Item) => Dec | null): Finding[] {
  const { table, grid, numbers } = ctx;
  const out: Finding[] = [];
  const read = (row: number): { value: Dec; decimals: number } | null => {
    const m = grid.merged(row, col);
    const c = m ? numbers.read(m.top, m.left, 'money') : numbers.read(row, col, 'money');
    return c.kind === 'number' ? c : null;
  };
  const u = unitLabel ? ` ${unitLabel}` : '';
  for (const b of table.breakdowns) {
    // the first level adds up to the row detailed; each deeper line details the nearest line above it of the level above
    const first: number[] = [];
    let firstSum: Dec | null = null;
    let decimals = 0;
    const deeper = new Map<number, number[]>();
    let parentLine: number | undefined;
    for (let k = 0; k < b.rows.length; k++) {
      const r = b.rows[k];
      const a = read(r);
      if (b.levels[k] === 1) {
        parentLine = r;
        if (!a) continue;
        first.push(r);
        firstSum = (firstSum ?? Dec.ZERO).add(a.value);
        decimals = Math.max(decimals, a.decimals);
      } else if (a && parentLine !== undefined) {
        let list = deeper.get(parentLine);
        if (!list) deeper.set(parentLine, (list = []));
        list.push(r);
      }
    }
    const name = subjectName(ctx, b, col);
    const whole = b.item && b.kind !== 'section' && b.kind !== 'subtotal' && b.kind !== 'total' ? itemAmount(b.item) : (read(b.of)?.value ?? null);
    const wholeDecimals = b.item ? decimals : (read(b.of)?.decimals ?? 0);
    if (firstSum !== null) {
      if (whole === null) {
        out.push(
          finding('budget-breakdown-mismatch', first[0], col, {
            vi: `Dòng «Trong đó» ${cells(first, col)} ghi ${num(firstSum).vi}${u} nhưng ${name.who.vi} không ghi kinh phí: phần chi tiết không được cộng vào tổng nào. Hãy ghi kinh phí của ${name.who.vi}.`,
            en: `The "Trong đó" lines ${cells(first, col)} state ${num(firstSum).en}${u} but ${name.who.en} states no amount: the breakdown is counted in no total. State the amount of ${name.who.en}.`,
          }, { severity: 'warning', actual: firstSum.toNumber(), related: first.map((r) => a1(r, col)) }),
        );
      } else if (exceeds(firstSum, whole, Math.max(decimals, wholeDecimals))) {
        out.push(exceedFinding(first, col, firstSum, whole, name.amount, u));
      }
    }
    for (const [line, rows] of deeper) {
      const parent = read(line);
      if (!parent) continue;
      let sum = Dec.ZERO;
      let d = parent.decimals;
      for (const r of rows) {
        const a = read(r)!;
        sum = sum.add(a.value);
        d = Math.max(d, a.decimals);
      }
      if (exceeds(sum, parent.value, d)) out.push(exceedFinding(rows, col, sum, parent.value, { vi: `số ở dòng ${a1(line, col)}`, en: `the amount on row ${a1(line, col)}` }, u));
    }
  }
  return out;
}

function exceeds(parts: Dec, whole: Dec, decimals: number): boolean {
  return parts.sub(whole).cmp(Dec.halfUnit(decimals)) >= 0;
}

function exceedFinding(rows: number[], col: number, parts: Dec, whole: Dec, name: Text, u: string): Finding {
  const over = parts.sub(whole);
  return finding('budget-breakdown-mismatch', rows[0], col, {
    vi: `${rows.length > 1 ? 'Các dòng' : 'Dòng'} «Trong đó» ${cells(rows, col)} ${rows.length > 1 ? 'cộng lại' : 'ghi'} ${num(parts).vi}${u}, nhiều hơn ${name.vi} là ${num(whole).vi} (vượt ${num(over).vi}).`,
    en: `The "Trong đó" ${rows.length > 1 ? 'lines' : 'line'} ${cells(rows, col)} ${rows.length > 1 ? 'add up to' : 'states'} ${num(parts).en}${u}, more than ${name.en}, ${num(whole).en} (over by ${num(over).en}).`,
  }, { expected: `≤ ${whole.toString()}`, actual: parts.toNumber(), related: rows.map((r) => a1(r, col)) });
}
