/** number-as-text, invalid-number, cell-error: the cells every sum depends on. */
import type { Finding } from '../report';
import { Rule, finding, num } from './context';
import { isCellError } from '../snapshot';
import { excerpt } from '../vn/text';
import { isNotApplicableText } from '../scores/applicable';

const COUNTED_KINDS = new Set(['item', 'subitem', 'part', 'fragment', 'subtotal', 'total', 'section', 'adjustment']);

export const numbersRule: Rule = ({ table, grid, numbers }) => {
  const out: Finding[] = [];
  const cols: { col: number; hint: 'money' | 'score' }[] = [];
  if (table.col.budget !== undefined) cols.push({ col: table.col.budget, hint: 'money' });
  if (table.col.maxScore !== undefined) cols.push({ col: table.col.maxScore, hint: 'score' });
  for (const s of table.header.scoreColumns) cols.push({ col: s.col, hint: 'score' });

  for (const tr of table.rows) {
    if (tr.kind === 'blank' || tr.kind === 'header' || tr.kind === 'note') continue;
    // Excel errors anywhere in the table.
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(tr.row, c);
      if (isCellError(v)) {
        out.push(
          finding('cell-error', tr.row, c, {
            vi: `Ô hiển thị lỗi ${v.error}${grid.formula(tr.row, c) ? ` (công thức ${excerpt(grid.formula(tr.row, c)!, 40)})` : ''}.`,
            en: `The cell shows the error ${v.error}${grid.formula(tr.row, c) ? ` (formula ${excerpt(grid.formula(tr.row, c)!, 40)})` : ''}.`,
          }, { actual: v.error }),
        );
      }
    }
    if (!COUNTED_KINDS.has(tr.kind)) continue;
    for (const { col, hint } of cols) {
      const m = grid.merged(tr.row, col);
      if (m && (m.top !== tr.row || m.left !== col)) continue;
      const cell = numbers.read(tr.row, col, hint);
      if (cell.kind === 'number' && cell.asText) {
        const n = num(cell.value);
        out.push(
          finding('number-as-text', tr.row, col, {
            vi: `Số «${cell.text}» được ghi dạng văn bản; đã đọc là ${n.vi}. Nên nhập dạng số để Excel tính tổng được.`,
            en: `"${cell.text}" is text, read as ${n.en}. Enter it as a number so Excel can add it up.`,
          }, { actual: cell.text, expected: cell.value.toNumber() }),
        );
      } else if (cell.kind === 'invalid' && !(tr.kind === 'section' && !cell.malformed) && !(hint === 'score' && isNotApplicableText(cell.text))) {
        out.push(
          finding('invalid-number', tr.row, col, {
            vi: `«${excerpt(cell.text, 40)}» không phải là số hợp lệ${cell.malformed ? '' : ' — ô này không được cộng vào tổng'}.`,
            en: `"${excerpt(cell.text, 40)}" is not a valid number${cell.malformed ? '' : ' — it is left out of the sums'}.`,
          }, { severity: cell.malformed ? 'error' : 'warning', actual: excerpt(cell.text, 80) }),
        );
      }
    }
  }
  return out;
};
