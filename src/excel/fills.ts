/**
 * Cell fills: capturing them exactly, recognising the add-in's own marks, and putting a captured fill back.
 *
 * What Excel reports (and why this file exists):
 * - No Fill and a white fill both read as color "#FFFFFF"; only `tintAndShade` tells them apart — null for No Fill,
 *   a number for a fill (office-js #4900, maintainer's answer; #6218);
 * - a solid fill may read with `pattern: null`, like No Fill (#4900), so "pattern None" cannot mean "no fill";
 * - `null` is not a valid input for a fill property (docs: "Blank and null values"), so a captured fill is set back
 *   with exactly its non-null properties, never with what getCellProperties returned as is;
 * - gradient fills (pattern LinearGradient / RectangularGradient) cannot be set by the API (no gradient stops): such a
 *   cell is never coloured, and is reported instead;
 * - a fill is put back in ONE operation per cell (Range.setCellProperties, ExcelApi 1.9), or `fill.clear()` for No
 *   Fill — never clear-then-set, which loses the fill if the sync fails between the two.
 */
import { rangeA1, type MergedArea } from '../core/snapshot';
import { coalesceCells, joinAddressLists, type CellPos } from './addresses';
import { MAX_SYNC_BYTES } from './deps';

/** A fill as captured: No Fill, a gradient (cannot be set back), or exactly the non-null properties Excel reported. */
export type FillState =
  | { none: true }
  | { gradient: true }
  | { color: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number };

/** the fill properties asked of getCellProperties */
export const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } as const;

const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

type Reported = Partial<Record<'color' | 'pattern' | 'patternColor' | 'tintAndShade' | 'patternTintAndShade', unknown>>;

/** What getCellProperties (or a loaded RangeFill) reported → the fill as captured. */
export function normalizeFill(f: Reported | undefined | null): FillState {
  const r = f ?? {};
  const pattern = typeof r.pattern === 'string' ? r.pattern : null;
  if (pattern && GRADIENTS.has(pattern)) return { gradient: true };
  if (pattern === 'None') return { none: true };
  // No Fill reads as #FFFFFF with tintAndShade null (#4900, #6218); pattern null says nothing on its own
  if ((r.tintAndShade === null || r.tintAndShade === undefined) && pattern === null) return { none: true };
  const out: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number } = {
    color: typeof r.color === 'string' ? r.color.toUpperCase() : '#FFFFFF',
  };
  if (pattern !== null) out.pattern = pattern;
  if (typeof r.patternColor === 'string' && pattern !== null && pattern !== 'Solid') out.patternColor = r.patternColor.toUpperCase();
  if (typeof r.tintAndShade === 'number') out.tintAndShade = r.tintAndShade;
  if (typeof r.patternTintAndShade === 'number' && pattern !== null && pattern !== 'Solid') out.patternTintAndShade = r.patternTintAndShade;
  return out;
}

/** A stable key: two fills with the same key look the same (a missing pattern is solid, a missing tint is 0). */
export function fillKey(f: FillState): string {
  if ('none' in f) return 'none';
  if ('gradient' in f) return 'gradient';
  const pattern = f.pattern ?? 'Solid';
  const solid = pattern === 'Solid';
  return JSON.stringify([f.color.toUpperCase(), pattern, solid ? null : f.patternColor ?? null, f.tintAndShade ?? 0, solid ? null : f.patternTintAndShade ?? 0]);
}

export const sameFill = (a: FillState, b: FillState) => fillKey(a) === fillKey(b);

/** Whether a cell shows one of the add-in's mark colours: a solid fill of exactly that colour. */
export function isMarkFill(f: FillState, colors: ReadonlySet<string>): boolean {
  if ('none' in f || 'gradient' in f) return false;
  return (f.pattern === undefined || f.pattern === 'Solid') && colors.has(f.color.toUpperCase()) && (f.tintAndShade ?? 0) === 0;
}

export function validFillState(f: unknown): f is FillState {
  const o = f as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') return false;
  if (o.none === true || o.gradient === true) return true;
  return typeof o.color === 'string';
}

/** Payload estimates: one cell's fill in a response (~110 bytes), one range + call in a request. */
const CAPTURE_BYTES_PER_CELL = 150;
const CALL_BYTES = 600;
/** cells a capture range may include beyond the wanted ones, to save calls when they are close together */
const CAPTURE_GAP = 4;

/**
 * Queues getCellProperties for cells (coalesced into ranges), in groups that each fit one sync; syncs each group but
 * the last one's sync is the caller's (so other loads can share it). Resolves to a getter of the captured fills by A1.
 */
export async function queueFillCapture(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  cells: readonly CellPos[],
  reservedBytes = 0,
): Promise<() => Map<string, FillState>> {
  const areas = coalesceCells(cells, CAPTURE_GAP);
  const groups: MergedArea[][] = [];
  let cur: MergedArea[] = [];
  let bytes = reservedBytes;
  for (const a of areas) {
    const b = CALL_BYTES + (a.bottom - a.top + 1) * (a.right - a.left + 1) * CAPTURE_BYTES_PER_CELL;
    if (cur.length && bytes + b > MAX_SYNC_BYTES) {
      groups.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(a);
    bytes += b;
  }
  if (cur.length) groups.push(cur);
  const results: { area: MergedArea; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (let g = 0; g < groups.length; g++) {
    for (const area of groups[g]) results.push({ area, props: ws.getRange(rangeA1(area)).getCellProperties({ format: { fill: FILL_PROPS } }) });
    if (g < groups.length - 1) await ctx.sync();
  }
  return () => {
    const out = new Map<string, FillState>();
    for (const { area: a, props } of results) {
      const grid = props.value;
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) out.set(rangeA1({ top: r, left: c, bottom: r, right: c }), normalizeFill(grid[r - a.top]?.[c - a.left]?.format?.fill as Reported));
    }
    return out;
  };
}

/** The properties that set a captured fill back: exactly those captured, none of them null. */
export function fillProps(f: FillState): Excel.CellPropertiesFill | null {
  if ('none' in f || 'gradient' in f) return null;
  const p: Excel.CellPropertiesFill = { color: f.color };
  if (f.pattern !== undefined) p.pattern = f.pattern as Excel.FillPattern;
  if (f.patternColor !== undefined) p.patternColor = f.patternColor;
  if (f.tintAndShade !== undefined) p.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade !== undefined) p.patternTintAndShade = f.patternTintAndShade;
  return p;
}

/**
 * Queues the writes that put each cell's fill back: No Fill by `fill.clear()` on address lists, every other fill by
 * one setCellProperties per rectangle of cells sharing it. Gradients are skipped (returned). One operation per cell:
 * a sync that fails half-way leaves every cell either as it was or restored, never cleared and not yet set.
 */
export function queueFillRestore(ws: Excel.Worksheet, cells: readonly { pos: CellPos; fill: FillState }[]): { queued: number; gradients: CellPos[] } {
  const byKey = new Map<string, { fill: FillState; cells: CellPos[] }>();
  const gradients: CellPos[] = [];
  for (const c of cells) {
    if ('gradient' in c.fill) {
      gradients.push(c.pos);
      continue;
    }
    const k = fillKey(c.fill);
    const e = byKey.get(k) ?? { fill: c.fill, cells: [] };
    e.cells.push(c.pos);
    byKey.set(k, e);
  }
  let queued = 0;
  for (const { fill, cells: list } of byKey.values()) {
    const areas = coalesceCells(list);
    queued += list.length;
    const props = fillProps(fill);
    if (!props) {
      for (const addresses of joinAddressLists(areas.map(rangeA1))) ws.getRanges(addresses).format.fill.clear();
      continue;
    }
    for (const a of areas) {
      const row = Array.from({ length: a.right - a.left + 1 }, () => ({ format: { fill: { ...props } } }));
      ws.getRange(rangeA1(a)).setCellProperties(Array.from({ length: a.bottom - a.top + 1 }, () => row.map((x) => ({ format: { fill: { ...x.format.fill } } }))));
    }
  }
  return { queued, gradients };
}
