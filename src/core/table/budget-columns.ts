/**
 * The budget's columns as the header lays them out: a "Kinh phí" title over several sub-columns ("Tổng số | Ngân sách
 * tỉnh | Ngân sách huyện"), the unit a money column is read in (its header, else the title block's unit line).
 */
import type { CellValue, Grid } from '../snapshot';
import { fold } from '../vn/text';
import { parseMoneyUnit } from '../vn/number';
import type { HeaderMatch } from './header';
import type { Table } from './rows';
import { breakdownHead } from './row-text';

function str(v: CellValue): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

const SOURCE_SUB =
  /^(trong do\b|ngan sach|ns\w*\b|nguon (khac|xa hoi hoa|tai tro|vien tro|von (khac|su nghiep|dau tu)|ngan sach|thu)|von\b|kinh phi (su nghiep|dau tu|chi thuong xuyen|thuong xuyen|khac)|xa hoi hoa|tai tro|vien tro|huy dong|khac\b|(nam )?(19|20)\d\d\b)/;
const TOTAL_SUB = /^(tong so|tong cong|tong kinh phi|tong du toan|tong von|tong|cong)\b/;

/**
 * A budget title over several sub-columns on the second header row ("Kinh phí (triệu đồng)" over "Tổng số | Ngân
 * sách tỉnh | Ngân sách huyện / Nguồn khác"): the "Tổng số" sub-column is the budget column, wherever it stands, and
 * the others are its sources; without one, every sub-column is a source and the first is the budget column. Each
 * sub-column gets the group's title ("Kinh phí (triệu đồng) / Ngân sách tỉnh"), so its unit is known.
 */
export function budgetGroup(grid: Grid, header: HeaderMatch): { sources: number[]; hasTotal: boolean; partial: boolean } {
  const col = header.columns;
  const none = { sources: [], hasTotal: false, partial: false };
  const first = col.budget;
  if (first === undefined || header.headerRows.length < 2) return none;
  const top = header.headerRows[0];
  const m = grid.merged(top, first);
  if (!m || m.top !== top || m.bottom !== top || m.right <= m.left) return none;
  const group = str(grid.value(m.top, m.left)).trim();
  const others = new Set<number>();
  for (const [role, c] of Object.entries(col)) if (role !== 'budget' && c !== undefined) others.add(c);
  const subs: { col: number; title: string; total: boolean }[] = [];
  for (let c = m.left; c <= m.right; c++) {
    if (others.has(c)) continue;
    const t = str(grid.value(top + 1, c)).trim();
    if (!t) continue;
    subs.push({ col: c, title: t, total: TOTAL_SUB.test(fold(t)) });
  }
  if (subs.length < 2) return none;
  // an estimate ("Số lượng | Đơn giá | Thành tiền"): the amount is "Thành tiền", the rest are no amounts to add
  const amount = subs.find((x) => /^thanh tien\b/.test(fold(x.title)));
  if (amount) {
    col.budget = amount.col;
    header.titles.set(amount.col, group ? `${group} / ${amount.title}` : amount.title);
    return none;
  }
  // only sub-columns that name a source of money (or a year) are read as sources; anything else keeps one column
  if (!subs.every((x) => x.total || SOURCE_SUB.test(fold(x.title)))) return none;
  const total = subs.find((x) => x.total);
  const main = total ?? subs[0];
  col.budget = main.col;
  for (const x of subs) header.titles.set(x.col, group ? `${group} / ${x.title}` : x.title);
  const sources = subs.filter((x) => x !== main);
  return { sources: sources.map((x) => x.col), hasTotal: total !== undefined, partial: sources.some((x) => breakdownHead(x.title) !== null) };
}

/**
 * The title of a money column as its unit is read from: its header, or, when the header names no unit, the header
 * followed by the title block's unit line ("Kinh phí" + "(Đơn vị tính: triệu đồng)").
 */
export function moneyTitle(table: Pick<Table, 'header' | 'unitLine'>, col: number): string {
  const title = table.header.titles.get(col) ?? '';
  return table.unitLine && !parseMoneyUnit(title) ? `${title} ${table.unitLine.text}` : title;
}

/** "(Đơn vị: triệu đồng)", "ĐVT: Triệu đồng" on a line of the title block (the nearest to the header wins). */
export function findUnitLine(grid: Grid, header: HeaderMatch): Table['unitLine'] {
  for (let r = header.headerRows[0] - 1; r >= grid.top; r--) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v !== 'string' || v.length > 80) continue;
      const m = /(?:^|[\s(])(don vi tinh|don vi|dvt)\s*[:.]?\s*(.*)$/.exec(fold(v));
      if (m && parseMoneyUnit(`(${m[1]}: ${m[2]}`)) return { row: r, col: c, text: v.trim() };
    }
  }
  return undefined;
}

