/**
 * Reading the body of the table row by row, the way a reader of the printed plan would: sections, items, lettered
 * sub-items, hierarchical criteria, extra lines of an item (merged number/title), tails of items cut by a page
 * break, header rows repeated by page breaks, subtotal / total / "Bằng chữ" rows.
 */
import { Grid, CellValue, isBlank } from '../snapshot';
import type { ColumnRole } from '../report';
import { fold, isSpaceCode } from '../vn/text';
import { HeaderMatch, findHeader, isRepeatedHeader } from './header';
import { PlanYearFound, findPlanYearCell } from './plan-year';
import { Numbering, parseLeadingNumber, parseNumberCell } from './numbering';
import { AdjustmentKind, adjustmentKind } from '../scores/adjustments';
import { breakdownHead, breakdownLine, isWordsText, NOTE_LINE, totalKind } from './row-text';
import { budgetGroup, findUnitLine } from './budget-columns';

// what other modules read from here (the text classification and the money columns live in their own files)
export { breakdownHead, breakdownLine, isWordsText, NOTE_LINE, totalKind } from './row-text';
export { moneyTitle } from './budget-columns';

export type RowKind =
  | 'section'
  | 'item'
  | 'subitem'
  | 'part'
  | 'fragment'
  | 'subtotal'
  | 'total'
  | 'words'
  | 'header'
  | 'blank'
  | 'note'
  /** an unnumbered bonus or penalty row of a score sheet ("Điểm thưởng", "Điểm bị trừ") */
  | 'adjustment'
  /** a line of a "Trong đó" breakdown of the row above ("Trong đó: - Ngân sách tỉnh", "- Ngân sách huyện"): never counted */
  | 'breakdown';

export interface Section {
  label: string;
  value: number;
  title: string;
  row: number;
  /** the cell holding the section's numbering */
  col: number;
  items: Item[];
  subtotalRow?: number;
}

export interface Item {
  /** "1", "1.3.1", "b)" */
  number: string;
  numbering: Numbering | null;
  /** where the number is written (or the title, for lettered sub-items written in the title) */
  row: number;
  numberCol: number;
  /** every sheet row that belongs to the item: its own, extra lines, fragments */
  rows: number[];
  kind: 'item' | 'subitem';
  title: string;
  parent?: Item;
  children: Item[];
  section?: Section;
}

/**
 * A "Trong đó:" (of which) block: lines that split the amount of the row above by source or by part ("Trong đó: -
 * Ngân sách tỉnh 300", "- Ngân sách huyện 200"). Its amounts are already inside that row's amount, so no total counts
 * them; the budget rule checks they do not add up to more than it.
 */
export interface Breakdown {
  /** the row it details: an item's row (or a line of it), a section, a subtotal or the total row */
  of: number;
  kind: RowKind;
  item?: Item;
  /** its lines, sheet order, the "Trong đó" line first */
  rows: number[];
  /** per line, 1 for the first level of the list, 2 for lines marked otherwise ("- Ngân sách tỉnh" / "+ Vốn sự nghiệp") */
  levels: number[];
}

export interface TableRow {
  row: number;
  kind: RowKind;
  item?: Item;
  section?: Section;
}

export interface Table {
  grid: Grid;
  header: HeaderMatch;
  col: Partial<Record<ColumnRole, number>>;
  planYear?: number;
  /** where the plan year came from: the options (settings, --plan-year), or a cell of the title / the sheet name */
  planYearFrom?: { source: 'option' } | PlanYearFound;
  rows: TableRow[];
  items: Item[];
  sections: Section[];
  subtotalRows: { row: number; section?: Section }[];
  totalRow?: number;
  /** a total right under the header when the table also has one at its end (`totalRow`) */
  headTotalRow?: number;
  wordsRow?: number;
  repeatedHeaders: number[];
  fragments: { row: number; item?: Item }[];
  /** unnumbered bonus / penalty rows, sheet order */
  adjustments: { row: number; kind: AdjustmentKind; title: string }[];
  /** "Trong đó" breakdowns of the row above, sheet order */
  breakdowns: Breakdown[];
  /**
   * A budget header over several sub-columns ("Kinh phí" over "Tổng số | Ngân sách tỉnh | Ngân sách huyện"): the
   * sub-columns other than `col.budget`, sheet order (empty for a single budget column). `col.budget` is the "Tổng
   * số" sub-column when there is one (`budgetHasTotal`), else the first source.
   */
  budgetSources: number[];
  budgetHasTotal: boolean;
  /** a source titled "Trong đó: …" (of which): the sources may add up to less than the total */
  budgetSourcesPartial: boolean;
  /** "(Đơn vị tính: triệu đồng)" in the title block above the header, when the budget header names no unit */
  unitLine?: { row: number; col: number; text: string };
  firstDataRow: number;
  lastDataRow: number;
}

function str(v: CellValue): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Trims only when needed (most cells have no surrounding spaces): saves a copy per row. */
function trimmed(s: string): string {
  return s.length && (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

const OTHER_ROLE = 1;
const LEFT = 2;

export function buildTable(grid: Grid, planYearOverride?: number): Table | null {
  const header = findHeader(grid);
  if (!header) return null;
  const budgetCols = budgetGroup(grid, header);
  const col = header.columns;
  const numCol = col.number;
  const contentCol = col.content;
  const roleCols = new Set<number>(Object.values(col) as number[]);
  for (const s of header.scoreColumns) roleCols.add(s.col);
  for (const c of budgetCols.sources) roleCols.add(c);
  const leftCols: number[] = [];
  for (let c = grid.left; c <= Math.min(grid.right, grid.left + 2); c++) leftCols.push(c);
  if (numCol !== undefined && !leftCols.includes(numCol)) leftCols.push(numCol);
  if (contentCol !== undefined && !leftCols.includes(contentCol)) leftCols.push(contentCol);

  const colFlags: number[] = [];
  for (let c = grid.left; c <= grid.right; c++)
    colFlags.push((roleCols.has(c) && c !== contentCol && c !== numCol ? OTHER_ROLE : 0) | (leftCols.includes(c) ? LEFT : 0));

  const found = planYearOverride !== undefined ? undefined : findPlanYearCell(grid, header.headerRows[0], grid.name);
  const table: Table = {
    grid,
    header,
    col,
    planYear: planYearOverride ?? found?.year,
    planYearFrom: planYearOverride !== undefined ? { source: 'option' } : found,
    rows: [],
    items: [],
    sections: [],
    subtotalRows: [],
    repeatedHeaders: [],
    fragments: [],
    adjustments: [],
    breakdowns: [],
    budgetSources: budgetCols.sources,
    budgetHasTotal: budgetCols.hasTotal,
    budgetSourcesPartial: budgetCols.partial,
    ...(col.budget !== undefined ? { unitLine: findUnitLine(grid, header) } : {}),
    firstDataRow: header.firstDataRow,
    lastDataRow: header.firstDataRow - 1,
  };

  let section: Section | undefined;
  let current: Item | undefined; // the item (or sub-item) later lines belong to
  let lastArabic: Item | undefined;
  // numbered items by label, for the parent of "1.2": built at the first such item (most task sheets have none)
  let byLabel: Map<string, Item> | null = null;
  let prevKind: RowKind = 'header';
  let blankRun = 0;
  let ended = false;
  // what a "Trong đó" line would detail: the last item line, section, subtotal or total row; and the open block
  let subject: { row: number; kind: RowKind; item?: Item } | undefined;
  let totalOnTop = false;
  let block: Breakdown | undefined;
  let blockMarkers: string[] = [];
  const budgetCol = col.budget;
  const amountCols = budgetCol !== undefined ? [budgetCol, ...budgetCols.sources] : [];
  const ownAmount = (row: number) => amountCols.some((c) => !isBlank(grid.value(row, c)));
  const leftText = (row: number): string => {
    for (const c of leftCols) {
      const v = grid.value(row, c);
      if (typeof v === 'string' && !isBlank(v)) return v;
    }
    return '';
  };
  /** the list marker of a breakdown line at `row` ("" for none), null when the row is no line of a breakdown */
  const breakdownAt = (row: number, text: string): string | null => {
    if (budgetCol === undefined || !text) return null;
    if (prevKind === 'breakdown') {
      const m = breakdownLine(text);
      if (m !== null) return m;
    }
    if (!subject) return null;
    const head = breakdownHead(text);
    if (head === null) return null;
    if (ownAmount(row)) return head;
    // "Trong đó:" alone: a breakdown when the next filled line is one that carries an amount
    for (let n = row + 1; n <= Math.min(grid.bottom, row + 3); n++) {
      const t = leftText(n);
      if (!t && !grid.rowValues(n).some((v) => !isBlank(v))) continue;
      return t && breakdownLine(t) !== null && ownAmount(n) ? head : null;
    }
    return null;
  };

  for (let r = header.firstDataRow; r <= grid.bottom && !ended; r++) {
    // Own values of the row (merged areas count once, at their top-left cell).
    let any = false;
    let roleValues = 0;
    let firstText = '';
    const own = grid.rowValues(r);
    const width = Math.min(own.length, colFlags.length);
    for (let i = 0; i < width; i++) {
      const v = own[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') {
        // isBlank's own fast test, inline: a visible first character
        const ch = v.charCodeAt(0);
        if (!(ch > 32 && ch !== 160 && ch < 0x2000) && isBlank(v)) continue;
      }
      any = true;
      const flag = colFlags[i];
      if (flag & OTHER_ROLE) roleValues++;
      if (!firstText && flag & LEFT && typeof v === 'string') firstText = v;
    }
    if (!any) {
      table.rows.push({ row: r, kind: 'blank' });
      if (++blankRun >= 5 && table.items.length > 0) break;
      continue;
    }
    blankRun = 0;

    let kind: RowKind;
    const numV = numCol !== undefined ? grid.value(r, numCol) : null;
    const numMerge = numCol !== undefined ? grid.merged(r, numCol) : undefined;
    const contentV = contentCol !== undefined ? grid.value(r, contentCol) : null;
    const contentMerge = contentCol !== undefined ? grid.merged(r, contentCol) : undefined;
    const contentText = str(contentV);
    const numNumbering = parseNumberCell(numV);
    const tk = firstText ? totalKind(firstText) : null;
    const marker = !numNumbering && isBlank(numV) ? breakdownAt(r, firstText) : null;

    if (table.totalRow !== undefined && !totalOnTop && !(firstText && isWordsText(firstText)) && marker === null) {
      // Below the total only the amount in words belongs to the table; signatures and notes do not.
      table.rows.push({ row: r, kind: 'note' });
      break;
    }
    if (isRepeatedHeader(grid, r, header)) {
      kind = 'header';
      table.repeatedHeaders.push(r);
    } else if (firstText && isWordsText(firstText)) {
      kind = 'words';
      table.wordsRow = r;
      ended = true;
    } else if (marker !== null) {
      kind = 'breakdown';
      if (prevKind !== 'breakdown' || !block) {
        block = { of: subject!.row, kind: subject!.kind, ...(subject!.item ? { item: subject!.item } : {}), rows: [], levels: [] };
        blockMarkers = [];
        table.breakdowns.push(block);
      }
      // the first list marker is the first level; lines marked otherwise ("+" under "-") detail the line above them
      let level = 1;
      if (marker) {
        if (!blockMarkers.includes(marker)) blockMarkers.push(marker);
        level = blockMarkers.indexOf(marker) + 1;
      }
      block.rows.push(r);
      block.levels.push(level);
    } else if (tk === 'total' && !numNumbering) {
      kind = 'total';
      // a second total below a total on top: both are checked, the last one ends the table
      if (totalOnTop && table.totalRow !== undefined) table.headTotalRow = table.totalRow;
      // a total right under the header ("TỔNG SỐ" above section I, common in budget tables) heads the table: the
      // rows below it are still read; a total after the items ends the table
      totalOnTop = table.items.length === 0 && table.sections.length === 0;
      table.totalRow = r;
    } else if (tk === 'subtotal' && !numNumbering) {
      kind = 'subtotal';
      table.subtotalRows.push({ row: r, section });
      if (section) section.subtotalRow = r;
    } else {
      const numText = str(numV);
      const lead = numNumbering ? null : parseLeadingNumber(numText || contentText);
      const roman = numNumbering?.kind === 'roman' ? numNumbering : lead?.kind === 'roman' ? lead : null;
      if (roman) {
        kind = 'section';
        const where = numNumbering || (numText && lead) ? numCol! : contentCol ?? numCol!;
        section = {
          label: roman.label,
          value: roman.value,
          title: (numText && !numNumbering ? numText : contentText).trim(),
          row: r,
          col: where,
          items: [],
        };
        table.sections.push(section);
        current = undefined;
        lastArabic = undefined;
      } else if (numNumbering && numNumbering.kind === 'arabic') {
        kind = 'item';
        const item: Item = {
          number: numNumbering.label,
          numbering: numNumbering,
          row: r,
          numberCol: numCol!,
          rows: [r],
          kind: 'item',
          title: trimmed(contentText),
          children: [],
          section,
        };
        if (numNumbering.parts.length > 1) {
          if (!byLabel) {
            byLabel = new Map();
            for (const it of table.items) if (it.kind === 'item') byLabel.set(it.number, it);
          }
          const parent = byLabel.get(numNumbering.parts.slice(0, -1).join('.'));
          if (parent) {
            item.parent = parent;
            parent.children.push(item);
          }
        }
        if (!item.parent && section) section.items.push(item);
        if (byLabel) byLabel.set(item.number, item);
        table.items.push(item);
        current = item;
        lastArabic = item;
      } else if (numNumbering?.kind === 'letter' || (!numNumbering && isBlank(numV) && lead?.kind === 'letter')) {
        kind = 'subitem';
        const letter = (numNumbering ?? lead) as Extract<Numbering, { kind: 'letter' }>;
        const item: Item = {
          number: letter.label,
          numbering: letter,
          row: r,
          numberCol: numNumbering ? numCol! : contentCol!,
          rows: [r],
          kind: 'subitem',
          title: trimmed(contentText),
          children: [],
          section,
          parent: lastArabic,
        };
        if (lastArabic) lastArabic.children.push(item);
        table.items.push(item);
        current = item;
      } else if (!numNumbering && !(numMerge && numMerge.top < r) && adjustmentKind(contentText || firstText)) {
        // "Điểm thưởng" / "Điểm bị trừ" without a number: its own row, not a line of the item above.
        kind = 'adjustment';
        const title = (contentText || firstText).trim();
        table.adjustments.push({ row: r, kind: adjustmentKind(title)!, title });
        current = undefined;
        lastArabic = undefined;
      } else if (
        (numMerge && numMerge.top < r && current && current.rows.includes(numMerge.top)) ||
        (contentMerge && contentMerge.top < r && current && current.rows.includes(contentMerge.top))
      ) {
        kind = 'part';
      } else if (isBlank(numV) && roleValues === 0 && !contentMerge && NOTE_LINE.test(fold(contentText || firstText).replace(/^[\s\-–•]+/, ''))) {
        // "Ghi chú: …" / "Lưu ý: …" between tasks: a note on the table, not a line of the task above (it has no
        // product, agency or deadline of its own to be missing)
        kind = 'note';
      } else if (current && isBlank(numV) && contentText && roleValues === 0 && !contentMerge) {
        // Only a title: the tail of the item above, cut by a page break.
        const startsLower = /^[a-zđàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/.test(
          contentText.trim().normalize('NFC'),
        );
        kind = prevKind === 'header' || startsLower ? 'fragment' : 'part';
      } else if (current && isBlank(numV)) {
        kind = 'part';
      } else {
        kind = 'note';
      }
    }

    // the row's item, when it has one: set in the literal (same keys, in the same order, as adding it after)
    let rowItem: Item | undefined;
    let withItem = false;
    if (kind === 'part' || kind === 'fragment') {
      if (current) {
        current.rows.push(r);
        rowItem = current;
        withItem = true;
      }
      if (kind === 'fragment') table.fragments.push({ row: r, item: current });
    } else if (kind === 'item' || kind === 'subitem') {
      rowItem = current;
      withItem = true;
    } else if (kind === 'breakdown' && block?.item) {
      rowItem = block.item;
      withItem = true;
    }
    table.rows.push(withItem ? { row: r, kind, section, item: rowItem } : { row: r, kind, section });
    if (kind !== 'note') table.lastDataRow = r;
    if (kind === 'item' || kind === 'subitem' || kind === 'part' || kind === 'fragment') subject = { row: r, kind, item: rowItem };
    else if (kind === 'section' || kind === 'subtotal' || kind === 'total') subject = { row: r, kind };
    else if (kind !== 'breakdown') subject = undefined;
    prevKind = kind;
  }
  return table;
}
