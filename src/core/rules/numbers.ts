/** number-as-text, invalid-number, cell-error: the cells every sum depends on. */
import type { Finding } from '../report';
import { Rule, finding, num } from './context';
import { moneyTitle, type Table } from '../table/rows';
import type { Text } from '../report';
import { parseMoneyUnit } from '../vn/number';
import { isCellError } from '../snapshot';
import { excerpt } from '../vn/text';
import { isNotApplicableText } from '../scores/applicable';
import { noAmountKind } from './noAmount';

const COUNTED_KINDS = new Set(['item', 'subitem', 'part', 'fragment', 'subtotal', 'total', 'section', 'adjustment', 'breakdown']);

export const numbersRule: Rule = ({ table, grid, numbers }) => {
  const out: Finding[] = [];
  const cols: { col: number; hint: 'money' | 'score' }[] = [];
  if (table.col.budget !== undefined) cols.push({ col: table.col.budget, hint: 'money' });
  for (const c of table.budgetSources) cols.push({ col: c, hint: 'money' });
  if (table.col.maxScore !== undefined) cols.push({ col: table.col.maxScore, hint: 'score' });
  for (const s of table.header.scoreColumns) cols.push({ col: s.col, hint: 'score' });

  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (tr.kind === 'blank' || tr.kind === 'header' || tr.kind === 'note') continue;
    // Excel errors anywhere in the table.
    const own = grid.rowValues(tr.row);
    for (let i = 0; i < own.length; i++) {
      const v = own[i];
      if (v === null || typeof v !== 'object') continue;
      const c = grid.left + i;
      if (isCellError(v)) {
        out.push(
          finding('cell-error', tr.row, c, {
            vi: `Ô báo lỗi ${v.error}${grid.formula(tr.row, c) ? ` (công thức ${excerpt(grid.formula(tr.row, c)!, 40)})` : ''}.`,
            en: `The cell shows the error ${v.error}${grid.formula(tr.row, c) ? ` (formula ${excerpt(grid.formula(tr.row, c)!, 40)})` : ''}.`,
          }, { actual: v.error }),
        );
      }
    }
    if (!COUNTED_KINDS.has(tr.kind)) continue;
    for (let k = 0; k < cols.length; k++) {
      const { col, hint } = cols[k];
      const m = grid.merged(tr.row, col);
      if (m && (m.top !== tr.row || m.left !== col)) continue;
      const cell = numbers.read(tr.row, col, hint);
      const noAmount = cell.kind === 'invalid' && hint === 'money' && !cell.malformed ? noAmountKind(cell.text) : null;
      if (cell.kind === 'number' && cell.asText) {
        const n = num(cell.value);
        const text = excerpt(cell.text ?? '', 40);
        const unit = hint === 'money' && cell.unit ? columnUnit(table, col) : null;
        out.push(
          finding('number-as-text', tr.row, col, unit
            ? {
                vi: `«${text}» đang ở dạng văn bản, có kèm đơn vị; đã quy đổi theo đơn vị của cột là ${n.vi} ${unit}. Nên nhập lại dạng số, không kèm đơn vị, để Excel cộng được.`,
                en: `"${text}" is text with a unit; converted to the column's unit: ${n.en} ${unit}. Enter a plain number so Excel can add it up.`,
              }
            : {
                vi: `Số «${text}» đang ở dạng văn bản (đã đọc là ${n.vi}). Nên nhập lại dạng số để Excel cộng được.`,
                en: `"${text}" is text, read as ${n.en}. Enter it as a number so Excel can add it up.`,
              }, { actual: excerpt(cell.text ?? '', 80), expected: cell.value.toNumber() }),
        );
      } else if (cell.kind === 'invalid' && noAmount) {
        // «Lồng ghép», «Theo dự toán»: how the task is funded, not a wrong number
        const text = excerpt(cell.text, 40);
        out.push(
          noAmount === 'none'
            ? finding('budget-no-amount', tr.row, col, {
                vi: `«${text}»: nhiệm vụ không có kinh phí riêng, không cộng vào tổng.`,
                en: `"${text}": the task has no budget of its own; nothing is added to the total.`,
              }, { severity: 'info', actual: excerpt(cell.text, 80), gist: { vi: 'Không có kinh phí riêng (không cộng vào tổng)', en: 'No budget of its own (nothing added)' } })
            : finding('budget-no-amount', tr.row, col, {
                vi: `«${text}»: chưa ghi số tiền, nên tổng cộng không gồm khoản này. Khi có dự toán, hãy ghi số tiền vào ô.`,
                en: `"${text}": no amount is written, so the total leaves this task out. Once the estimate is known, enter the amount.`,
              }, { severity: 'warning', actual: excerpt(cell.text, 80), gist: { vi: 'Chưa ghi số tiền (tổng không gồm khoản này)', en: 'Amount not written yet (left out of the total)' } }),
        );
      } else if (cell.kind === 'invalid' && !(tr.kind === 'section' && !cell.malformed) && !(hint === 'score' && isNotApplicableText(cell.text))) {
        out.push(finding('invalid-number', tr.row, col, invalidMessage(excerpt(cell.text, 40), cell.reason, cell.malformed), {
          severity: cell.malformed ? 'error' : 'warning',
          actual: excerpt(cell.text, 80),
        }));
      }
      if (hint === 'money' && cell.kind === 'number' && cell.value.sign() < 0) {
        const n = num(cell.value);
        out.push(
          finding('negative-amount', tr.row, col, {
            vi: `Kinh phí âm (${n.vi}): số này được cộng đúng như đã ghi nên làm giảm tổng. Hãy kiểm tra lại dấu trừ hoặc dấu ngoặc.`,
            en: `Negative amount (${n.en}): added as written, so it lowers the total. Check the minus sign or the parentheses.`,
          }, { actual: cell.value.toNumber(), expected: '≥ 0' }),
        );
      }
    }
  }
  return out;
};

function columnUnit(table: Table, col: number): string | null {
  return parseMoneyUnit(moneyTitle(table, col))?.label ?? null;
}

function invalidMessage(text: string, reason: string, malformed: boolean): Text {
  switch (reason) {
    case 'too large':
      return {
        vi: `«${text}» quá lớn để là một số tiền hay số điểm (từ 10^18 trở lên) — ô này không được cộng vào tổng.`,
        en: `"${text}" is too large to be an amount or a score (10^18 or more) — it is left out of the sums.`,
      };
    case 'unit without column unit':
      return {
        vi: `«${text}» có ghi đơn vị nhưng tiêu đề cột không nêu đơn vị (ví dụ «Kinh phí (triệu đồng)») nên không quy đổi được — ô này không được cộng vào tổng.`,
        en: `"${text}" carries a unit but the column header names none (e.g. "Kinh phí (triệu đồng)"), so it cannot be converted — it is left out of the sums.`,
      };
    case 'unit in score column':
      return {
        vi: `«${text}» có ghi đơn vị tiền trong cột điểm — ô này không được cộng vào tổng.`,
        en: `"${text}" carries a money unit in a score column — it is left out of the sums.`,
      };
    case 'percent in score column':
      return {
        vi: `«${text}» là tỷ lệ phần trăm, không phải số điểm — ô này không được cộng vào tổng. Hãy ghi số điểm đạt được (ví dụ 0,75).`,
        en: `"${text}" is a percentage, not a number of points — it is left out of the sums. Enter the points scored (e.g. 0.75).`,
      };
    case 'formula without value':
      return {
        vi: `Công thức ${text} chưa có giá trị (tệp được lưu mà chưa tính lại) — không đọc được số của ô này. Hãy mở tệp trong Excel và lưu lại.`,
        en: `The formula ${text} has no value yet (the file was saved without calculating) — the cell's number cannot be read. Open the file in Excel and save it again.`,
      };
    default:
      return {
        vi: `«${text}» không phải là số hợp lệ${malformed ? '' : ' — ô này không được cộng vào tổng'}.`,
        en: `"${text}" is not a valid number${malformed ? '' : ' — it is left out of the sums'}.`,
      };
  }
}
