/**
 * A sheet as a grid, virtualised both ways: only the rows and columns in view (plus a margin) are in the DOM, and only
 * their cells are on the page at all — the rows come from the worker in blocks as they scroll into view (rows.ts), so
 * 50 000 rows, or a stray cell at XFD1048576, cost no more than 50. Fixed row height; column widths from the worker
 * (format.ts gridLayout). Merged areas are drawn as one cell and never expanded cell by cell (merges.ts). Finding cells are tinted with the add-in's mark colours (src/core/marks.ts) and carry the messages as a
 * tooltip. The selected cell has an outline, `data-selected="true"` and `aria-selected="true"`; a new `scrollSeq`
 * scrolls it into the middle of the view.
 *
 * Column widths are fitted to the view (gridNav.ts fitColumns): long text columns give way first, so the budget and
 * deadline columns are in view on a 1366-pixel screen; a text cut to its column ends at a word and "…", the full text
 * in the tooltip and the line under the grid. Keyboard: role=grid with a roving tabindex — one cell (the active one)
 * is in the tab order, the arrow keys, Home / End (Ctrl: the sheet's ends) and Page Up / Down move it, Enter or Space
 * selects it as a click does. The active cell is always drawn, wherever the view has scrolled.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type FocusEvent as ReactFocusEvent, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent } from 'react';
import { columnLetter, parseA1, type MergedArea } from '../core/snapshot';
import type { Lang, Severity } from '../core/report';
import { MARK_COLORS } from '../core/marks';
import { displayValue } from './format';
import { MergeLookup } from './merges';
import { cutAtWord, fitColumns, isNavKey, moveCell, type CellPos } from './gridNav';
import type { RowData, SheetView } from './protocol';
import type { RowSource } from './rows';
import type { MarkSource } from './markIndex';

export const ROW_HEIGHT = 24;
export const HEADER_HEIGHT = 24;
/** rows rendered above and below the visible ones */
export const OVERSCAN = 12;
/** the viewport height assumed before it can be measured (tests, hidden tabs) */
const FALLBACK_VIEWPORT = 600;
const SELECT_COLOR = '#0F6CBD';
const GRID_LINE = '#E1E1E1';
const HEADER_BG = '#F3F3F3';

export interface GridMark {
  severity: Severity;
  text: string;
}

export interface GridProps {
  view: SheetView;
  /** the sheet's cells, fetched as they come into view */
  rows: RowSource;
  /** marks by cell address (already resolved to the top-left cell of a merged area) */
  marks: MarkSource;
  /** selected cell address (any cell of a merged area selects the area) */
  selected?: string;
  /** bumped to scroll `selected` into view */
  scrollSeq?: number;
  lang: Lang;
  label: string;
  onSelect(address: string): void;
  /** the active (keyboard) cell moved: its address */
  onActive?(address: string): void;
  /** CSS height of the grid (default 70vh) */
  height?: string | number;
}

/** columns rendered left and right of the visible ones */
const COL_OVERSCAN = 3;
/** the viewport width assumed before it can be measured */
const FALLBACK_WIDTH = 1200;

/** The address a cell is shown at: the top-left cell of its merged area, or itself. */
export function masterAddress(address: string, merges: readonly MergedArea[] | MergeLookup | undefined): string {
  return (merges instanceof MergeLookup ? merges : new MergeLookup(merges)).master(address);
}

/** The first column whose right edge is past `x` (colLeft[c] is the left edge of column c + 1). */
function columnAt(colLeft: readonly number[], x: number): number {
  let lo = 1;
  let hi = colLeft.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (colLeft[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface RowProps {
  row: number;
  /** the row's cells, undefined while they are on their way */
  data: RowData | undefined;
  /** the columns rendered */
  colFrom: number;
  colTo: number;
  merges: MergeLookup;
  /** cells of the rendered window covered by a merged area (not its top-left cell) */
  covered: ReadonlySet<number>;
  colLeft: number[];
  rowHeaderWidth: number;
  totalWidth: number;
  marks: MarkSource;
  /** the selected address when it is in this row, else undefined (keeps other rows from re-rendering) */
  selected?: string;
  /** the active cell's column when it is in this row (the one cell in the tab order), else undefined */
  activeCol?: number;
  lang: Lang;
}

const rowHeaderStyle: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  height: ROW_HEIGHT,
  boxSizing: 'border-box',
  background: HEADER_BG,
  borderRight: `1px solid #C8C8C8`,
  borderBottom: `1px solid ${GRID_LINE}`,
  color: '#616161',
  fontSize: 11,
  lineHeight: `${ROW_HEIGHT - 1}px`,
  textAlign: 'right',
  paddingRight: 6,
  fontVariantNumeric: 'tabular-nums',
};

const GridRow = memo(function GridRow({ row, data, colFrom, colTo, merges, covered, colLeft, rowHeaderWidth, totalWidth, marks, selected, activeCol, lang }: RowProps) {
  const cells = [];
  const pending = data === undefined;
  // merged areas of this row that start left of the window but reach into it: drawn from their own first column
  const cols: number[] = [];
  for (const m of merges.crossing(row, row)) if (m.top === row && m.left < colFrom && m.right >= colFrom) cols.push(m.left);
  // the active cell is drawn even when scrolled out of the window: it holds the grid's place in the tab order
  if (activeCol !== undefined && (activeCol < colFrom || activeCol > colTo) && !cols.includes(activeCol)) cols.push(activeCol);
  for (let col = colFrom; col <= colTo; col++) cols.push(col);
  for (const col of cols) {
    const k = MergeLookup.key(row, col);
    if (covered.has(k)) continue;
    const area = merges.masterAt(row, col);
    const address = columnLetter(col) + row;
    const v = data?.values[col - 1];
    const text = displayValue(v === undefined ? null : v, data?.formats[col - 1], lang);
    const mark = marks.get(address);
    const isSelected = selected === address;
    const width = area ? colLeft[area.right] - colLeft[area.left - 1] : colLeft[col] - colLeft[col - 1];
    const height = area ? (area.bottom - area.top + 1) * ROW_HEIGHT : ROW_HEIGHT;
    // one line: a long text ends at a word and "…" (a taller merged area wraps instead)
    const shown = typeof v === 'string' && height <= ROW_HEIGHT ? cutAtWord(text, width) : text;
    const style: CSSProperties = {
      position: 'absolute',
      left: rowHeaderWidth + colLeft[col - 1],
      top: 0,
      width,
      height,
      boxSizing: 'border-box',
      borderRight: `1px solid ${GRID_LINE}`,
      borderBottom: `1px solid ${GRID_LINE}`,
      padding: '0 4px',
      overflow: 'hidden',
      whiteSpace: height > ROW_HEIGHT ? 'pre-wrap' : 'nowrap',
      textOverflow: 'ellipsis',
      lineHeight: `${ROW_HEIGHT - 1}px`,
      textAlign: typeof v === 'number' ? 'right' : area && area.right > area.left ? 'center' : 'left',
      background: mark ? MARK_COLORS[mark.severity] : area ? '#FFFFFF' : undefined,
      cursor: 'cell',
    };
    if (isSelected) {
      style.outline = `2px solid ${SELECT_COLOR}`;
      style.outlineOffset = '-2px';
      style.zIndex = 1;
    }
    const title = mark ? `${address}: ${mark.text}${shown !== text ? `\n${text}` : ''}` : shown !== text || text.length > 12 ? text : undefined;
    cells.push(
      <div
        key={col}
        role="gridcell"
        id={cellId(address)}
        aria-colindex={col + 1}
        aria-selected={isSelected}
        tabIndex={activeCol === col ? 0 : -1}
        data-cell={address}
        data-severity={mark?.severity}
        data-selected={isSelected ? 'true' : undefined}
        data-merge={area ? `${address}:${columnLetter(area.right)}${area.bottom}` : undefined}
        data-pending={pending ? 'true' : undefined}
        title={title}
        style={style}
      >
        {shown}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={row + 1} style={{ position: 'absolute', left: 0, top: HEADER_HEIGHT + (row - 1) * ROW_HEIGHT, height: ROW_HEIGHT, width: totalWidth }}>
      <div role="rowheader" style={{ ...rowHeaderStyle, width: rowHeaderWidth }}>
        {row}
      </div>
      {cells}
    </div>
  );
});

/** The DOM id of a cell (unique enough: one grid is on the page at a time). */
function cellId(address: string): string {
  return `phuluc-cell-${address}`;
}

export function Grid({ view, rows: source, marks, selected, scrollSeq, lang, label, onSelect, onActive, height = '70vh' }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { layout } = view.meta;
  const merges = useMemo(() => new MergeLookup(view.meta.merges), [view.meta]);
  const tall = useMemo(() => merges.all.filter((m) => m.bottom > m.top).sort((a, b) => a.top - b.top), [merges]);
  useSyncExternalStore(source.subscribe, source.version, source.version);
  const rowHeaderWidth = Math.max(40, String(layout.rows).length * 8 + 14);
  const [win, setWin] = useState({ first: 1, count: Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT), left: 0, width: FALLBACK_WIDTH });
  // the widths fitted to the view's width (a wide sheet of 16 384 columns is not fitted: it scrolls)
  const colLeft = useMemo(() => {
    const measured = layout.cols <= 256 ? Array.from({ length: layout.cols }, (_x, c) => layout.colWidths[c] ?? 64) : null;
    const widths = measured ? fitColumns(measured, win.width - rowHeaderWidth - 2) : null;
    const out = [0];
    for (let c = 0; c < layout.cols; c++) out.push(out[c] + (widths ? widths[c] : (layout.colWidths[c] ?? 64)));
    return out;
  }, [layout, win.width, rowHeaderWidth]);
  const totalWidth = rowHeaderWidth + colLeft[layout.cols];
  const totalHeight = HEADER_HEIGHT + layout.rows * ROW_HEIGHT;
  /** the active cell: the one in the tab order, moved by the keyboard */
  const [active, setActive] = useState<CellPos>({ row: 1, col: 1 });
  /** focus the active cell once it is drawn (after a key moved it) */
  const focusPending = useRef(false);
  /** bumped after scrolling to the selected cell: the next effect shows it in the page */
  const [reveal, setReveal] = useState(0);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const viewport = el.clientHeight || FALLBACK_VIEWPORT;
    const first = Math.max(1, Math.floor(Math.max(0, el.scrollTop) / ROW_HEIGHT) + 1);
    const count = Math.ceil(viewport / ROW_HEIGHT) + 1;
    const left = Math.max(0, el.scrollLeft);
    const width = el.clientWidth || FALLBACK_WIDTH;
    setWin((w) => (w.first === first && w.count === count && w.left === left && w.width === width ? w : { first, count, left, width }));
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      measure();
    });
  }, [measure]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  // a new sheet starts at the top
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
    setActive({ row: 1, col: 1 });
    measure();
  }, [view.meta, measure]);

  const selectedMaster = useMemo(() => (selected ? merges.master(selected) : undefined), [selected, merges]);

  // a selection (a finding's cell) becomes the active cell: Tab into the grid lands there
  useEffect(() => {
    const p = selectedMaster ? parseA1(selectedMaster) : null;
    if (!p) return;
    setActive((a) => (a.row === p.row && a.col === p.col ? a : { row: p.row, col: p.col }));
    onActive?.(selectedMaster!);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedMaster, scrollSeq]);

  // go to the selected cell: centre it in the view
  useLayoutEffect(() => {
    if (!selectedMaster || !scrollSeq) return;
    const el = scroller.current;
    const p = parseA1(selectedMaster);
    if (!el || !p) return;
    const area = merges.masterAt(p.row, p.col);
    const h = area ? (area.bottom - area.top + 1) * ROW_HEIGHT : ROW_HEIGHT;
    const w = area ? colLeft[Math.min(area.right, layout.cols)] - colLeft[p.col - 1] : (layout.colWidths[p.col - 1] ?? 64);
    const viewH = (el.clientHeight || FALLBACK_VIEWPORT) - HEADER_HEIGHT;
    const viewW = (el.clientWidth || 800) - rowHeaderWidth;
    el.scrollTop = Math.max(0, (p.row - 1) * ROW_HEIGHT - Math.max(0, (viewH - h) / 2));
    const left = colLeft[Math.min(p.col - 1, layout.cols)] ?? 0;
    el.scrollLeft = Math.max(0, left - Math.max(0, (viewW - w) / 2));
    measure();
    // the selected cell may not be rendered yet when the scroll event comes late: render its row now
    const first = Math.max(1, Math.floor(el.scrollTop / ROW_HEIGHT) + 1);
    setWin((cur) => (p.row >= cur.first && p.row < cur.first + cur.count ? cur : { ...cur, first, left: el.scrollLeft }));
    setReveal((n) => n + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollSeq, selectedMaster]);

  // once the selected cell is rendered, bring the grid itself into the page's view if it is not
  useEffect(() => {
    if (!reveal) return;
    const cell = scroller.current?.querySelector('[data-selected="true"]');
    if (cell && typeof (cell as HTMLElement).scrollIntoView === 'function') (cell as HTMLElement).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [reveal]);

  const from = Math.max(1, win.first - OVERSCAN);
  const to = Math.min(layout.rows, win.first + win.count + OVERSCAN);
  const colFrom = Math.max(1, columnAt(colLeft, win.left) - COL_OVERSCAN);
  const colTo = Math.min(layout.cols, columnAt(colLeft, win.left + win.width - rowHeaderWidth) + COL_OVERSCAN);
  const rows: number[] = [];
  // merged areas that start above the window but reach into it: their top row draws them
  for (const m of tall) {
    if (m.top >= from) break;
    if (m.bottom >= from && !rows.includes(m.top)) rows.push(m.top);
  }
  for (let r = from; r <= to; r++) rows.push(r);
  const activeOffWindow = (active.row < from || active.row > to) && !rows.includes(active.row);
  if (activeOffWindow) rows.push(active.row);
  const selectedRow = selectedMaster ? parseA1(selectedMaster)?.row : undefined;

  // the cells of the window hidden under a merged area (bounded by the window, whatever the area's size)
  const covered = useMemo(() => {
    const out = new Set<number>();
    const lo = Math.min(from, ...rows);
    for (const m of merges.crossing(lo, to)) {
      const c1 = Math.max(m.left, colFrom);
      const c2 = Math.min(m.right, colTo);
      for (let r = Math.max(m.top, lo); r <= Math.min(m.bottom, to); r++)
        for (let c = c1; c <= c2; c++) if (r !== m.top || c !== m.left) out.add(MergeLookup.key(r, c));
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [merges, from, to, colFrom, colTo, rows.length]);

  // ask the worker for the rows in view (and those of merged areas drawn from above)
  const ensureFrom = Math.min(from, ...rows);
  useEffect(() => {
    source.ensure(ensureFrom, to);
  }, [source, ensureFrom, to]);

  const onClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const cell = (e.target as HTMLElement).closest?.('[data-cell]');
      const address = cell?.getAttribute('data-cell');
      const p = address ? parseA1(address) : null;
      if (!address || !p) return;
      setActive({ row: p.row, col: p.col });
      onActive?.(address);
      onSelect(address);
    },
    [onSelect, onActive],
  );

  /** Scrolls the least needed to show a cell under the sticky headers. */
  const reveal_ = useCallback(
    (pos: CellPos) => {
      const el = scroller.current;
      if (!el) return;
      const area = merges.masterAt(pos.row, pos.col);
      const top = HEADER_HEIGHT + (pos.row - 1) * ROW_HEIGHT;
      const h = area ? (area.bottom - area.top + 1) * ROW_HEIGHT : ROW_HEIGHT;
      const viewH = el.clientHeight || FALLBACK_VIEWPORT;
      if (top - HEADER_HEIGHT < el.scrollTop) el.scrollTop = top - HEADER_HEIGHT;
      else if (top + Math.min(h, viewH - HEADER_HEIGHT) > el.scrollTop + viewH) el.scrollTop = top + Math.min(h, viewH - HEADER_HEIGHT) - viewH;
      const left = colLeft[pos.col - 1];
      const w = (area ? colLeft[Math.min(area.right, layout.cols)] : colLeft[pos.col]) - left;
      const viewW = (el.clientWidth || FALLBACK_WIDTH) - rowHeaderWidth;
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (left + Math.min(w, viewW) > el.scrollLeft + viewW) el.scrollLeft = left + Math.min(w, viewW) - viewW;
      measure();
    },
    [merges, colLeft, layout.cols, rowHeaderWidth, measure],
  );

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLDivElement>) => {
      if (!(e.target as HTMLElement).closest?.('[role="gridcell"]')) return;
      const address = columnLetter(active.col) + active.row;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(address);
        return;
      }
      if (!isNavKey(e.key)) return;
      e.preventDefault();
      const page = Math.max(1, Math.floor(((scroller.current?.clientHeight || FALLBACK_VIEWPORT) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
      const next = moveCell(active, e.key, { rows: layout.rows, cols: layout.cols, page, ctrl: e.ctrlKey || e.metaKey, merges });
      focusPending.current = true;
      setActive(next);
      reveal_(next);
      onActive?.(columnLetter(next.col) + next.row);
    },
    [active, layout.rows, layout.cols, merges, onSelect, onActive, reveal_],
  );

  // a cell focused another way (a click, the tests, assistive technology) becomes the active one
  const onFocus = useCallback((e: ReactFocusEvent<HTMLDivElement>) => {
    const address = (e.target as HTMLElement).getAttribute?.('data-cell');
    const p = address ? parseA1(address) : null;
    if (p) setActive((a) => (a.row === p.row && a.col === p.col ? a : { row: p.row, col: p.col }));
  }, []);

  // the active cell takes the focus once drawn (after a key moved it)
  useEffect(() => {
    if (!focusPending.current) return;
    const cell = document.getElementById(cellId(columnLetter(active.col) + active.row));
    if (cell) {
      focusPending.current = false;
      cell.focus({ preventScroll: true });
    }
  });

  const columnHeaders = [];
  for (let c = colFrom; c <= colTo; c++) {
    columnHeaders.push(
      <div
        key={c}
        role="columnheader"
        aria-colindex={c + 1}
        style={{
          position: 'absolute',
          left: rowHeaderWidth + colLeft[c - 1],
          top: 0,
          width: colLeft[c] - colLeft[c - 1],
          height: HEADER_HEIGHT,
          boxSizing: 'border-box',
          borderRight: '1px solid #C8C8C8',
          borderBottom: '1px solid #C8C8C8',
          textAlign: 'center',
          lineHeight: `${HEADER_HEIGHT - 1}px`,
          fontSize: 11,
          color: '#616161',
          background: HEADER_BG,
        }}
      >
        {columnLetter(c)}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={layout.rows + 1}
      aria-colcount={layout.cols + 1}
      aria-readonly
      onScroll={onScroll}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-rows={layout.rows}
      style={{
        position: 'relative',
        overflow: 'auto',
        height,
        border: '1px solid #C8C8C8',
        borderRadius: 4,
        background: '#FFFFFF',
        fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif",
        fontSize: 13,
        color: '#242424',
        contain: 'strict',
      }}
    >
      <div style={{ position: 'relative', width: totalWidth, height: totalHeight }}>
        <div role="row" aria-rowindex={1} style={{ position: 'sticky', top: 0, zIndex: 3, height: HEADER_HEIGHT, width: totalWidth }}>
          <div
            style={{
              position: 'sticky',
              left: 0,
              zIndex: 4,
              width: rowHeaderWidth,
              height: HEADER_HEIGHT,
              boxSizing: 'border-box',
              background: HEADER_BG,
              borderRight: '1px solid #C8C8C8',
              borderBottom: '1px solid #C8C8C8',
            }}
          />
          {columnHeaders}
        </div>
        {rows.map((r) => (
          <GridRow
            key={r}
            row={r}
            data={source.get(r)}
            // the active cell's row out of the window: that cell only
            colFrom={activeOffWindow && r === active.row ? active.col : colFrom}
            colTo={activeOffWindow && r === active.row ? active.col : colTo}
            merges={merges}
            covered={covered}
            colLeft={colLeft}
            rowHeaderWidth={rowHeaderWidth}
            totalWidth={totalWidth}
            marks={marks}
            selected={selectedRow === r ? selectedMaster : undefined}
            activeCol={active.row === r ? active.col : undefined}
            lang={lang}
          />
        ))}
      </div>
    </div>
  );
}
