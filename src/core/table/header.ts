/**
 * Finding the header: which row(s) hold the column titles, and which column plays which role.
 * Titles are matched by Vietnamese synonyms with `fold` (case, diacritics, line breaks and spaces ignored).
 */
import { CellValue, Grid, columnLetter, isBlank } from '../snapshot';
import type { ColumnRole, ScoreColumnInfo, ScoreKind } from '../report';
import { fold } from '../vn/text';

export type HeaderClass = { role: ColumnRole } | { score: ScoreKind; year?: number } | null;

const has = (h: string, ...words: string[]) => words.some((w) => h.includes(w));

/** Classifies one header title. Order matters: the most specific synonyms come first. */
export function classifyHeader(title: string): HeaderClass {
  const h = fold(title).replace(/[()[\]:;,*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!h || h.length > 160) return null;
  if (/^(s ?tt|tt|so tt|so thu tu|thu tu)\b/.test(h) && h.length <= 20) return { role: 'number' };
  if (has(h, 'diem toi da', 'diem chuan', 'thang diem', 'diem so toi da')) return { role: 'maxScore' };
  const year = /(?:nam )?((?:19|20)\d{2})\b/.exec(h);
  const y = year ? parseInt(year[1], 10) : undefined;
  if (has(h, 'tu danh gia', 'tu cham')) return { score: 'self', year: y };
  // the appraisal council's score, before or after the unit's explanation ("Điểm sau giải trình")
  if (has(h, 'tham dinh', 'hdtd') || (/^diem\b/.test(h) && has(h, 'giai trinh', 'hoi dong'))) return { score: 'appraised', year: y };
  // evidence (TLKC) and the unit's explanation: before "sản phẩm" / "nội dung", which their titles may contain
  if (has(h, 'kiem chung', 'tlkc', 'minh chung')) return { role: 'evidence' };
  if (has(h, 'giai trinh', 'thuyet minh')) return { role: 'explanation' };
  if (has(h, 'muc tieu', 'phan dau', 'chi tieu diem')) return { score: 'target', year: y };
  if (/^ket qua (nam |dat |danh gia )?(19|20)\d{2}/.test(h) || has(h, 'diem dat', 'ket qua diem', 'diem danh gia'))
    return { score: 'result', year: y };
  if (/^diem\b/.test(h)) return { score: 'score', year: y };
  if (has(h, 'ngay hoan thanh', 'ngay nop', 'ngay thuc hien xong', 'ngay ban hanh')) return { role: 'completedOn' };
  if (has(h, 'tinh trang', 'ket qua thuc hien', 'trang thai', 'ket qua trien khai')) return { role: 'status' };
  if (has(h, 'chu tri', 'don vi thuc hien', 'co quan thuc hien')) return { role: 'leadAgency' };
  if (has(h, 'phoi hop')) return { role: 'partner' };
  if (has(h, 'kinh phi', 'du toan') && !has(h, 'nguon kinh phi', 'nguon von')) return { role: 'budget' };
  // "Thời gian bắt đầu" names when a task starts, not its deadline (a "Thời gian bắt đầu | Thời gian hoàn thành" pair)
  if (has(h, 'thoi gian', 'thoi han', 'han nop', 'han hoan thanh', 'tien do hoan thanh')) return isStartTitle(h) ? null : { role: 'deadline' };
  if (has(h, 'san pham')) return { role: 'product' };
  if (has(h, 'noi dung', 'nhiem vu', 'linh vuc', 'tieu chi', 'cong viec', 'ten de an', 'ten nhiem vu'))
    return { role: 'content' };
  return null;
}

/** A title naming a start ("Bắt đầu", "Thời gian bắt đầu", "Từ ngày"), not an end: never a deadline. */
function isStartTitle(folded: string): boolean {
  return has(folded, 'bat dau', 'khoi cong', 'tu ngay', 'ngay bat dau') && !has(folded, 'hoan thanh', 'ket thuc', 'den ngay');
}

export interface HeaderMatch {
  headerRows: number[];
  firstDataRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  scoreColumns: (ScoreColumnInfo & { col: number })[];
  /** the full title of every recognised column (group title / sub-title), by column number */
  titles: Map<number, string>;
  /** folded title per column, to recognise the header when a page break repeats it */
  folded: Map<number, string>;
  /** the same, shortest title first */
  foldedByLength: [number, string][];
  /** the header ends with a row numbering the columns (1, 2, 3 … or (1), (2), (3) …) */
  numberRow?: boolean;
}

const MAX_HEADER_SCAN = 60;

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Scores a row as a header: the number of distinct roles its cells name. */
function rowRoles(grid: Grid, row: number): Map<number, HeaderClass> {
  const out = new Map<number, HeaderClass>();
  for (let c = grid.left; c <= grid.right; c++) {
    const m = grid.merged(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    const v = grid.value(row, c);
    if (typeof v !== 'string' || isBlank(v)) continue;
    const cls = classifyHeader(v);
    if (cls) out.set(c, cls);
  }
  return out;
}

function distinctRoles(classes: Iterable<HeaderClass>): number {
  const seen = new Set<string>();
  for (const c of classes) if (c) seen.add('role' in c ? c.role : 'score:' + c.score);
  return seen.size;
}

/**
 * Whether a row reads as the header of a table: at least three distinct column titles, one of them the number or the
 * content. Cheap on data rows: the full row is classified only when one of its short texts names the number or the
 * content.
 */
export function looksLikeHeaderRow(grid: Grid, row: number): boolean {
  const own = grid.rowValues(row);
  let core = false;
  for (let i = 0; i < own.length && !core; i++) {
    const v = own[i];
    if (typeof v !== 'string' || v.length > 60 || isBlank(v)) continue;
    const cls = classifyHeader(v);
    core = !!cls && 'role' in cls && (cls.role === 'content' || cls.role === 'number');
  }
  return core && distinctRoles(rowRoles(grid, row).values()) >= 3;
}

export function findHeader(grid: Grid): HeaderMatch | null {
  const last = Math.min(grid.bottom, grid.top + MAX_HEADER_SCAN - 1);
  let best: { row: number; roles: Map<number, HeaderClass>; score: number } | null = null;
  for (let r = grid.top; r <= last; r++) {
    const roles = rowRoles(grid, r);
    const n = distinctRoles(roles.values());
    const hasCore = [...roles.values()].some((c) => c && 'role' in c && (c.role === 'content' || c.role === 'number'));
    if (n >= 3 && hasCore && (!best || n > best.score)) best = { row: r, roles, score: n };
    if (best && r > best.row + 2) break;
  }
  if (!best) return null;
  const top = best.row;

  // A second header row: cells of the top row merged downwards, or group titles merged across sub-columns — or, where
  // the merges were lost (values pasted, a CSV), sub-titles standing under blank cells of the top row.
  let twoRows = false;
  for (let c = grid.left; c <= grid.right; c++) {
    const m = grid.merged(top, c);
    if (m && m.top === top && m.bottom > top) twoRows = true;
    if (m && m.top === top && m.bottom === top && m.right > m.left && top + 1 <= grid.bottom) {
      const below = grid.value(top + 1, c);
      if (typeof below === 'string' && classifyHeader(below)) twoRows = true;
    }
  }
  const unmergedGroups = !twoRows && isUnmergedSubTitleRow(grid, top, best.roles);
  if (unmergedGroups) twoRows = true;
  const headerRows = twoRows ? [top, top + 1] : [top];
  // a row numbering the columns ("1 | 2 | 3 …", "(1) (2) (3)") under the titles is part of the header, not a task
  const below = headerRows[headerRows.length - 1] + 1;
  const numberRow = below <= grid.bottom && isColumnNumberRow(grid, below);
  if (numberRow) headerRows.push(below);

  const columns: Partial<Record<ColumnRole, number>> = {};
  const scoreColumns: HeaderMatch['scoreColumns'] = [];
  const titles = new Map<number, string>();
  const folded = new Map<number, string>();
  for (let c = grid.left; c <= grid.right; c++) {
    const topM = grid.merged(top, c);
    let topText = text(grid.shownValue(top, c)).trim();
    const subText = twoRows && !(topM && topM.bottom > top) ? text(grid.value(top + 1, c)).trim() : '';
    let groupStart = !topM || topM.left === c;
    if (unmergedGroups && !topText && subText) {
      // the group title stands in the nearest titled cell to the left, as if merged across
      const g = unmergedGroupTitle(grid, top, c);
      if (g) {
        topText = g;
        groupStart = false;
      }
    }
    let cls: HeaderClass = null;
    let title = topText;
    if (subText) {
      title = topText ? `${topText} / ${subText}` : subText;
      cls = classifyHeader(subText);
      if (!cls && topText) {
        // A sub-title read with its group: "Thời gian" over "Hoàn thành" is the deadline, "Thời gian" over "Bắt
        // đầu" is not. Only a column role: a group of score columns keeps to its own sub-titles.
        const both = classifyHeader(`${topText} ${subText}`);
        if (both && 'role' in both) cls = both;
        // An unrecognised first sub-column takes the group's meaning ("Yêu cầu của sản phẩm…" over "Thẩm quyền…"),
        // unless it names a start ("Bắt đầu" under "Thời gian").
        else if (!both && groupStart && !isStartTitle(fold(subText))) cls = classifyHeader(topText);
      }
    } else if (topText && groupStart) {
      cls = classifyHeader(topText);
    }
    const f = fold(subText || (groupStart ? topText : ''));
    if (f) folded.set(c, f);
    if (!cls) continue;
    if ('role' in cls) {
      if (columns[cls.role] === undefined) {
        columns[cls.role] = c;
        titles.set(c, title);
      }
    } else {
      scoreColumns.push({ col: c, column: columnLetter(c), header: title.replace(/\s+/g, ' '), kind: cls.score, year: cls.year });
      titles.set(c, title);
    }
  }
  // A task table (no points) whose product column is titled as evidence ("Sản phẩm (tài liệu kiểm chứng)"): its
  // products are still the mandatory products.
  if (columns.evidence !== undefined && columns.product === undefined && columns.maxScore === undefined && !scoreColumns.length)
    columns.product = columns.evidence;
  // Without a maximum column, a lone "Điểm" column is still a score column; a task table has none.
  const foldedByLength = [...folded].sort((a, b) => a[1].length - b[1].length);
  return { headerRows, firstDataRow: headerRows[headerRows.length - 1] + 1, columns, scoreColumns, titles, folded, foldedByLength, numberRow };
}

/**
 * The row under the titles holds sub-titles although nothing is merged (merges lost in a copy as values, a CSV): its
 * number cell is blank, every filled cell is a short text, at least two of them name a column, and one of those stands
 * under a blank title cell (the group title is to its left: "Cơ quan" over "Chủ trì", blank over "Phối hợp").
 */
function isUnmergedSubTitleRow(grid: Grid, top: number, roles: Map<number, HeaderClass>): boolean {
  const row = top + 1;
  if (row > grid.bottom) return false;
  let numberCol: number | undefined;
  for (const [c, cls] of roles) if (cls && 'role' in cls && cls.role === 'number') numberCol = c;
  if (numberCol !== undefined && !isBlank(grid.value(row, numberCol))) return false;
  let named = 0;
  let underBlank = false;
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.value(row, c);
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || v.trim().length > 40) return false;
    const cls = classifyHeader(v);
    if (!cls || !('role' in cls)) continue;
    named++;
    if (isBlank(grid.value(top, c)) && !grid.merged(top, c)) underBlank = true;
  }
  return named >= 2 && underBlank;
}

/** For a blank title cell over a sub-title (no merges): the nearest titled cell to the left heading sub-titles up to it. */
function unmergedGroupTitle(grid: Grid, top: number, col: number): string | null {
  for (let c = col - 1; c >= grid.left; c--) {
    if (isBlank(grid.value(top + 1, c))) return null;
    const t = text(grid.value(top, c)).trim();
    if (t) return t;
  }
  return null;
}

/** A column-number cell: 1, "1", "(1)", "A", "(A)", or "(4) = (5) + (6)" / "7=5+6" (a column defined by others). */
const COLUMN_NUMBER = /^\(?\s*(\d{1,2}|[A-Z])\s*\)?(?:\s*[=+*x:\-–]\s*[()\dA-Z\s=+*x:\-–]*)?$/;

function columnNumberOf(v: CellValue | undefined): number | 'letter' | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 99 ? v : null;
  if (typeof v !== 'string' || v.length > 24) return null;
  const m = COLUMN_NUMBER.exec(v.trim());
  if (!m) return null;
  return /\d/.test(m[1]) ? parseInt(m[1], 10) : 'letter';
}

/**
 * A row numbering the table's columns, as many plans print under the titles: "1 | 2 | 3 | 4 …", "(1) (2) (3)…", "A |
 * B | 1 | 2 …". At least three column numbers, increasing from left to right, and nothing else in the row.
 */
export function isColumnNumberRow(grid: Grid, row: number): boolean {
  const own = grid.rowValues(row);
  let numbers = 0;
  let prev = 0;
  for (let i = 0; i < own.length; i++) {
    const v = own[i];
    if (isBlank(v ?? null)) continue;
    const n = columnNumberOf(v);
    // the first filled cell decides at once for data rows ("1 | Xây dựng kế hoạch …" fails on its second cell)
    if (n === null) return false;
    if (n === 'letter') continue;
    if (n <= prev) return false;
    prev = n;
    numbers++;
  }
  return numbers >= 3;
}

/** True when a data row repeats the header (a page break in a copied document). */
export function isRepeatedHeader(grid: Grid, row: number, header: HeaderMatch): boolean {
  // the column-number row repeats with the titles
  if (header.numberRow && isColumnNumberRow(grid, row)) return true;
  const total = header.folded.size;
  if (total < 2) return false;
  const need = Math.max(2, Math.ceil(total * 0.6));
  let same = 0;
  let left = total;
  // Shortest titles first ("TT", "Sản phẩm"): data rows fail on them at once, before any long title is folded.
  // an indexed loop: this runs for every row, mostly before it is optimised, where a destructuring for…of allocates
  const titles = header.foldedByLength;
  for (let k = 0; k < titles.length; k++) {
    const c = titles[k][0];
    const f = titles[k][1];
    left--;
    const v = grid.value(row, c);
    // Cheap length test first: folding only shortens runs of spaces, so a much longer cell cannot match.
    if (typeof v === 'string' && v.length <= f.length * 3 + 8 && fold(v) === f) same++;
    if (same >= need) return true;
    if (same + left < need) return false;
  }
  return false;
}

export { findPlanYear } from './plan-year';
