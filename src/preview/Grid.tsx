/**
 * A sheet as a grid, virtualised: only the rows in view (plus a margin) are in the DOM, so 20 000 rows scroll as
 * smoothly as 50. Fixed row height; column widths from the worker (format.ts gridLayout). Merged areas are drawn as
 * one cell. Finding cells are tinted with the add-in's mark colours (src/excel/marks.ts) and carry the messages as a
 * tooltip. The selected cell has an outline, `data-selected="true"` and `aria-selected="true"`; a new `scrollSeq`
 * scrolls it into the middle of the view.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { columnLetter, parseA1, type MergedArea } from '../core/snapshot';
import type { Lang, Severity } from '../core/report';
import { MARK_COLORS } from '../core/marks';
import { displayValue } from './format';
import type { SheetView } from './protocol';

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
  /** marks by cell address (already resolved to the top-left cell of a merged area) */
  marks: ReadonlyMap<string, GridMark>;
  /** selected cell address (any cell of a merged area selects the area) */
  selected?: string;
  /** bumped to scroll `selected` into view */
  scrollSeq?: number;
  lang: Lang;
  label: string;
  onSelect(address: string): void;
  /** CSS height of the grid (default 70vh) */
  height?: string | number;
}

/** cell key: row × 2^14 + column (Excel has at most 16 384 columns) */
const key = (row: number, col: number) => row * 16384 + col;

interface MergeIndex {
  /** every cell of a merged area except its top-left → the area */
  covered: Map<number, MergedArea>;
  /** top-left cell → the area */
  masters: Map<number, MergedArea>;
  /** areas over more than one row, by top row */
  tall: MergedArea[];
}

function indexMerges(merges: readonly MergedArea[] | undefined): MergeIndex {
  const covered = new Map<number, MergedArea>();
  const masters = new Map<number, MergedArea>();
  const tall: MergedArea[] = [];
  for (const m of merges ?? []) {
    masters.set(key(m.top, m.left), m);
    if (m.bottom > m.top) tall.push(m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.set(key(r, c), m);
  }
  tall.sort((a, b) => a.top - b.top);
  return { covered, masters, tall };
}

/** The address a cell is shown at: the top-left cell of its merged area, or itself. */
export function masterAddress(address: string, merges: readonly MergedArea[] | undefined): string {
  const p = parseA1(address);
  if (!p) return address;
  for (const m of merges ?? []) {
    if (p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right) return columnLetter(m.left) + m.top;
  }
  return columnLetter(p.col) + p.row;
}

interface RowProps {
  row: number;
  view: SheetView;
  merges: MergeIndex;
  colLeft: number[];
  rowHeaderWidth: number;
  totalWidth: number;
  marks: ReadonlyMap<string, GridMark>;
  /** the selected address when it is in this row, else undefined (keeps other rows from re-rendering) */
  selected?: string;
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

const GridRow = memo(function GridRow({ row, view, merges, colLeft, rowHeaderWidth, totalWidth, marks, selected, lang }: RowProps) {
  const { snapshot, layout } = view;
  const r0 = snapshot.origin?.row ?? 1;
  const c0 = snapshot.origin?.col ?? 1;
  const values = snapshot.values[row - r0];
  const formats = snapshot.numberFormats?.[row - r0];
  const cells = [];
  for (let col = 1; col <= layout.cols; col++) {
    const k = key(row, col);
    if (merges.covered.has(k)) continue;
    const area = merges.masters.get(k);
    const address = columnLetter(col) + row;
    const v = values?.[col - c0];
    const text = displayValue(v === undefined ? null : v, formats?.[col - c0], lang);
    const mark = marks.get(address);
    const isSelected = selected === address;
    const width = area ? colLeft[area.right] - colLeft[area.left - 1] : colLeft[col] - colLeft[col - 1];
    const height = area ? (area.bottom - area.top + 1) * ROW_HEIGHT : ROW_HEIGHT;
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
    const title = mark ? `${address}: ${mark.text}` : text.length > 12 ? text : undefined;
    cells.push(
      <div
        key={col}
        role="gridcell"
        aria-colindex={col + 1}
        aria-selected={isSelected}
        data-cell={address}
        data-severity={mark?.severity}
        data-selected={isSelected ? 'true' : undefined}
        data-merge={area ? `${address}:${columnLetter(area.right)}${area.bottom}` : undefined}
        title={title}
        style={style}
      >
        {text}
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

export function Grid({ view, marks, selected, scrollSeq, lang, label, onSelect, height = '70vh' }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { layout, snapshot } = view;
  const merges = useMemo(() => indexMerges(snapshot.merges), [snapshot]);
  const colLeft = useMemo(() => {
    const out = [0];
    for (let c = 0; c < layout.cols; c++) out.push(out[c] + (layout.colWidths[c] ?? 64));
    return out;
  }, [layout]);
  const rowHeaderWidth = Math.max(40, String(layout.rows).length * 8 + 14);
  const totalWidth = rowHeaderWidth + colLeft[layout.cols];
  const totalHeight = HEADER_HEIGHT + layout.rows * ROW_HEIGHT;

  const [win, setWin] = useState({ first: 1, count: Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT) });
  /** bumped after scrolling to the selected cell: the next effect shows it in the page */
  const [reveal, setReveal] = useState(0);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const viewport = el.clientHeight || FALLBACK_VIEWPORT;
    const first = Math.max(1, Math.floor(Math.max(0, el.scrollTop) / ROW_HEIGHT) + 1);
    const count = Math.ceil(viewport / ROW_HEIGHT) + 1;
    setWin((w) => (w.first === first && w.count === count ? w : { first, count }));
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
    measure();
  }, [view.snapshot, measure]);

  const selectedMaster = useMemo(() => (selected ? masterAddress(selected, snapshot.merges) : undefined), [selected, snapshot.merges]);

  // go to the selected cell: centre it in the view
  useLayoutEffect(() => {
    if (!selectedMaster || !scrollSeq) return;
    const el = scroller.current;
    const p = parseA1(selectedMaster);
    if (!el || !p) return;
    const area = merges.masters.get(key(p.row, p.col));
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
    setWin((cur) => (p.row >= cur.first && p.row < cur.first + cur.count ? cur : { first, count: cur.count }));
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
  const rows: number[] = [];
  // merged areas that start above the window but reach into it: their top row draws them
  for (const m of merges.tall) {
    if (m.top >= from) break;
    if (m.bottom >= from && !rows.includes(m.top)) rows.push(m.top);
  }
  for (let r = from; r <= to; r++) rows.push(r);
  const selectedRow = selectedMaster ? parseA1(selectedMaster)?.row : undefined;

  const onClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const cell = (e.target as HTMLElement).closest?.('[data-cell]');
      const address = cell?.getAttribute('data-cell');
      if (address) onSelect(address);
    },
    [onSelect],
  );

  const columnHeaders = [];
  for (let c = 1; c <= layout.cols; c++) {
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
      tabIndex={0}
      onScroll={onScroll}
      onClick={onClick}
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
            view={view}
            merges={merges}
            colLeft={colLeft}
            rowHeaderWidth={rowHeaderWidth}
            totalWidth={totalWidth}
            marks={marks}
            selected={selectedRow === r ? selectedMaster : undefined}
            lang={lang}
          />
        ))}
      </div>
    </div>
  );
}
