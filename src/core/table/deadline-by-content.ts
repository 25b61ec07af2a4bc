/**
 * A deadline column found by what it holds, when no title names one: "Tiến độ thực hiện" / "Tiến độ" is the
 * deadline column of many plans ("Quý IV/2024", "Tháng 6/2024") but, in a progress report, a column of statuses
 * ("Đã hoàn thành", "Đang thực hiện"). So its title alone decides nothing: it is the deadline column only when at
 * least two thirds of its filled task cells (and at least three) read as deadlines. Otherwise the scope keeps
 * saying there is no deadline column.
 */
import type { Grid } from '../snapshot';
import { isBlank } from '../snapshot';
import { parseDeadlineCell } from '../vn/period';
import { isDateFormat } from '../rules/deadlines';
import type { Table } from './rows';

const TITLE = /\btien do\b/;
const TASK_ROWS = new Set(['item', 'subitem', 'part']);
const SAMPLE = 60;

export function deadlineByContent(table: Table, grid: Grid): number | undefined {
  if (table.col.deadline !== undefined) return undefined;
  const used = new Set(Object.values(table.col));
  for (const [c, title] of table.header.folded) {
    if (used.has(c) || !TITLE.test(title)) continue;
    let filled = 0;
    let read = 0;
    for (const tr of table.rows) {
      if (!TASK_ROWS.has(tr.kind)) continue;
      const v = grid.value(tr.row, c);
      if (isBlank(v)) continue;
      filled++;
      if (typeof v === 'string' || typeof v === 'number') {
        const parts = parseDeadlineCell(v, { planYear: table.planYear }, typeof v === 'number' && isDateFormat(grid.numberFormat(tr.row, c)));
        if (parts.length && parts.every((p) => p.kind === 'fixed' || p.kind === 'recurring' || p.kind === 'ongoing')) read++;
      }
      if (filled >= SAMPLE) break;
    }
    if (filled >= 3 && read * 3 >= filled * 2) return c;
  }
  return undefined;
}
