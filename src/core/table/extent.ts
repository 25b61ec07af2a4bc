/**
 * Where the appendix table ends, before its rows are read: a signature or notes block under it ("Nơi nhận:", "KT. CHỦ
 * TỊCH", "Ghi chú: …"), or a second table on the same sheet ("PHỤ LỤC II" and its own header under the first one).
 * Rows from there on are not the table's tasks: read as its rows they gave false findings (a signature line as a task
 * with no product, lead agency or deadline; the tasks of a second table under the first table's columns or numbering).
 */
import { Grid, isBlank, type CellValue } from '../snapshot';
import { fold } from '../vn/text';
import { findHeader, isColumnNumberRow, isRepeatedHeader, looksLikeHeaderRow, type HeaderMatch } from './header';
import { parseNumberCell } from './numbering';
import { NOTE_LINE as NOTE, totalKind } from './row-text';

export interface TableEnd {
  /** the first sheet row that is no longer part of the table */
  row: number;
  /** a second table below the first one: where its header is, and its title when one stands above it */
  second?: { headerRow: number; title?: string };
}

/** "Nơi nhận:", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. GIÁM ĐỐC", "Huế, ngày … tháng …": a signature block at once */
const SIGNATURE =
  /^(noi nhan\b|(kt|tm|tl|tuq|q|ktl)\s*\.\s*(chu tich|pho chu tich|giam doc|uy ban|ubnd|hdnd|truong|pho|bo truong|thu truong|chanh|vien truong|cuc truong)|[^,]{2,40}, ngay\b.{0,12}\bthang\b)/;
/**
 * "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Người lập biểu": a signature only where the row's number and content cells are
 * blank (a task's extra line may name "Chủ tịch" as its agency, beside its own text).
 */
const BARE_SIGNATURE = /^((pho )?chu tich|(pho )?giam doc|\(da ky\)|nguoi lap( bieu)?|thu truong (co quan|don vi)( \S+)?)$/;
/** a title over a second table: "PHỤ LỤC II", "DANH MỤC …", "BIỂU SỐ 02", "Mẫu số …", "(Kèm theo …)" */
const TABLE_TITLE = /^\(?\s*(phu luc|danh muc|bieu( so| mau)?\b|mau so|kem theo|ban hanh kem theo)/;

function str(v: CellValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** The folded texts of a row's filled cells (at most the first few: a signature stands in one or two of them). */
function texts(grid: Grid, row: number): string[] {
  const out: string[] = [];
  const own = grid.rowValues(row);
  for (let i = 0; i < own.length && out.length < 6; i++) {
    const s = str(own[i]);
    if (s && s.length <= 200 && !isBlank(s)) out.push(fold(s).replace(/^[\s\-–•*]+/, '').trim());
  }
  return out;
}

function filled(grid: Grid, row: number): boolean {
  const own = grid.rowValues(row);
  for (let i = 0; i < own.length; i++) if (!isBlank(own[i] ?? null)) return true;
  return false;
}


/**
 * Finds where the table ends early, or null when it runs to its last row as before. Only rows after at least one
 * numbered row count: a notes line above the tasks is no end.
 */
export function findTableEnd(grid: Grid, header: HeaderMatch | null = findHeader(grid)): TableEnd | null {
  if (!header) return null;
  const numCol = header.columns.number;
  const numbered = (r: number) => numCol !== undefined && parseNumberCell(grid.value(r, numCol)) !== null;
  let seenNumber = false;
  let seenTotal = false;
  let seenRoman = false;
  const seenLabels = new Set<string>();
  let footer: number | undefined;
  const contentCol = header.columns.content;
  const bareRow = (r: number) =>
    (numCol === undefined || isBlank(grid.value(r, numCol))) && (contentCol === undefined || isBlank(grid.shownValue(r, contentCol)));
  // the first filled row after the last numbered (or total) row: where a title block over a second table would start
  let afterLast: number | undefined;
  for (let r = header.firstDataRow; r <= grid.bottom; r++) {
    if (!filled(grid, r)) continue;
    const n = numCol !== undefined ? parseNumberCell(grid.value(r, numCol)) : null;
    if (n && !(n.kind === 'arabic' && n.label === '1' && isColumnNumberRow(grid, r))) {
      if (footer !== undefined) break; // a numbered row under a notes line: the notes were inside the table
      seenNumber = true;
      if (n.kind === 'roman') seenRoman = true;
      seenLabels.add(n.kind + ':' + n.label);
      afterLast = undefined;
      continue;
    }
    const t = texts(grid, r);
    // a total or subtotal row is part of the table; only the grand total after the tasks ends the first table's
    // tasks — not "Tổng cộng" on top (above the tasks) nor a section's "Tổng cộng (I)" / "Cộng mục I"
    const kinds = grid.rowValues(r).slice(0, 6).map((v) => (typeof v === 'string' && v.length <= 200 ? totalKind(v) : null));
    if (kinds.some((k) => k !== null)) {
      if (seenNumber && kinds.includes('total')) seenTotal = true;
      afterLast = undefined;
      continue;
    }
    if (afterLast === undefined) afterLast = r;
    if (!seenNumber) continue;
    // a second table: a header of another shape, or the same header under a title / after the first table's total /
    // with its numbering starting again
    const repeated = isRepeatedHeader(grid, r, header);
    const other = !repeated && looksLikeHeaderRow(grid, r);
    const again = repeated && (seenTotal || titledAbove(grid, afterLast, r) || restarts(grid, r, numCol, seenLabels, seenRoman));
    if (other || again) {
      const start = titledAbove(grid, afterLast, r) ? afterLast : r;
      return { row: footer ?? start, second: { headerRow: r, title: titleOf(grid, afterLast, r) } };
    }
    // a signature or notes line stands in one or two cells ("Nơi nhận:" … "KT. CHỦ TỊCH"); a task's row fills more
    if (footer === undefined && t.length <= 2 && t.some((x) => SIGNATURE.test(x) || NOTE.test(x) || (BARE_SIGNATURE.test(x) && bareRow(r))))
      footer = r;
  }
  // a footer counts only when no numbered row follows it (checked above by breaking out)
  if (footer === undefined) return null;
  for (let r = footer + 1; r <= grid.bottom; r++) if (numbered(r)) return null;
  return { row: footer };
}

/** Whether the filled rows from `from` to just above the header hold a table title ("PHỤ LỤC II", "DANH MỤC …"). */
function titledAbove(grid: Grid, from: number | undefined, headerRow: number): boolean {
  return titleOf(grid, from, headerRow) !== undefined;
}

function titleOf(grid: Grid, from: number | undefined, headerRow: number): string | undefined {
  if (from === undefined) return undefined;
  for (let r = from; r < headerRow; r++) {
    const own = grid.rowValues(r);
    for (let i = 0; i < own.length; i++) {
      const s = str(own[i]).trim();
      if (s && TABLE_TITLE.test(fold(s))) return s.replace(/\s+/g, ' ');
    }
  }
  return undefined;
}

/** The first numbered row under a repeated header starts the numbering again (I. after sections, 1 after a 1). */
function restarts(grid: Grid, headerRow: number, numCol: number | undefined, seen: Set<string>, seenRoman: boolean): boolean {
  if (numCol === undefined) return false;
  for (let r = headerRow + 1; r <= Math.min(grid.bottom, headerRow + 5); r++) {
    const n = parseNumberCell(grid.value(r, numCol));
    if (!n || isColumnNumberRow(grid, r)) continue;
    if (n.kind === 'roman') return seenRoman && n.value === 1;
    if (n.kind === 'arabic') return n.label === '1' && seen.has('arabic:1');
    return false;
  }
  return false;
}
