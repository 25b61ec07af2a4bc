/** missing-required, missing-column: mandatory cells of every task must be filled. */
import type { ColumnRole, Finding } from '../report';
import { Rule, finding, itemLabel, ROLE_NAMES } from './context';
import { Grid, isBlank } from '../snapshot';
import { adjustmentKind } from '../scores/adjustments';

/**
 * A cell is filled when it, or the merged area covering it, holds a value — except where the task's title is
 * merged across into this column ("Nội dung" spread over B:C): then the title took the place of this column's value.
 */
export function isFilled(grid: Grid, row: number, col: number, contentCol?: number): boolean {
  const m = grid.merged(row, col);
  if (!m) return !isBlank(grid.value(row, col));
  if (isBlank(grid.value(m.top, m.left))) return false;
  if (m.left !== col && m.left === contentCol) return false;
  return true;
}

export const requiredRule: Rule = ({ table, grid, options }) => {
  const out: Finding[] = [];
  const roles: ColumnRole[] = [];
  for (const role of options.required) {
    if (table.col[role] !== undefined) roles.push(role);
    else if (options.requiredExplicit) {
      const row = table.header.headerRows[0];
      out.push(
        finding('missing-column', row, table.col.number ?? grid.left, {
          vi: `Bảng không có cột «${ROLE_NAMES[role].vi}» (cột bắt buộc theo cài đặt).`,
          en: `The table has no "${ROLE_NAMES[role].en}" column (mandatory in the settings).`,
        }, { expected: ROLE_NAMES[role].vi }),
      );
    }
  }
  if (!roles.length) return out;
  const contentCol = table.col.content;
  // without merged areas a cell is filled when its own value is not blank: read from the row's values directly
  const plain = !grid.hasMerges;
  const roleCols = roles.map((role) => table.col[role]!);
  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (tr.kind !== 'item' && tr.kind !== 'subitem' && tr.kind !== 'part') continue;
    const item = tr.item;
    // A parent of sub-items or sub-criteria: its children carry the details.
    if (!item || item.children.length > 0) continue;
    // a bonus / penalty row of a score sheet has no agency or deadline of its own
    if (adjustmentKind(item.title)) continue;
    const own = plain ? grid.rowValues(tr.row) : null;
    for (let k = 0; k < roles.length; k++) {
      const role = roles[k];
      if (role === 'content' && tr.kind === 'part') continue;
      const col = roleCols[k];
      if (own ? !isBlank(own[col - grid.left]) : isFilled(grid, tr.row, col, contentCol)) continue;
      const name = ROLE_NAMES[role];
      const label = itemLabel(item);
      out.push(
        finding('missing-required', tr.row, col, {
          vi: `Thiếu «${name.vi}» của nhiệm vụ ${label} (dòng ${tr.row}).`,
          en: `"${name.en}" is empty for task ${label} (row ${tr.row}).`,
        }, { expected: name.vi, gist: { vi: `Thiếu «${name.vi}» (cột bắt buộc)`, en: `"${name.en}" empty (a mandatory column)` } }),
      );
    }
  }
  return out;
};
