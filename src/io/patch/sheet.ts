/**
 * Patching one worksheet part for the annotated copy: the marked cells get a new style index (a copy of their own
 * style with the mark's fill), a marked cell the file does not hold yet is added (empty, styled), and a
 * `<legacyDrawing>` is added when the sheet gets its first notes. Everything else in the part stays as it was, byte
 * for byte: the edits touch only those tags.
 */
import type { MergedArea } from '../../core/snapshot';
import { columnLetter, parseRange } from '../../core/snapshot';
import { parseAttrs, escapeAttr, tokenizeWith, type XmlTokenizer } from '../xml';
import { applyEdits, prefixOf, type Edit } from './edits';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetOutline {
  /** the prefix of the worksheet's elements ("" or "x:") */
  prefix: string;
  merges: MergedArea[];
  /** r:id of the existing <legacyDrawing>, if any */
  legacyDrawing?: string;
}

/** Worksheet children that come after <legacyDrawing> (ECMA-376 CT_Worksheet): a new one goes before the first. */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent']);

/** First pass: merged areas, the existing legacy drawing, the element prefix. */
export function outlineSheet(xml: string): SheetOutline {
  const out: SheetOutline = { prefix: '', merges: [] };
  tokenizeWith(xml, (tok) => {
    let depth = 0;
    let inMerges = false;
    return {
      wantText: false,
      open(name, raw, self) {
        if (depth === 0) out.prefix = prefixOf(tok.qname);
        else if (depth === 1 && name === 'mergeCells') inMerges = !self;
        else if (depth === 1 && name === 'legacyDrawing') {
          const a = parseAttrs(raw);
          out.legacyDrawing = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k.includes(':'))?.[1];
        } else if (depth === 2 && inMerges && name === 'mergeCell') {
          const m = parseRange(parseAttrs(raw).ref ?? '');
          if (m) out.merges.push(m);
        }
        if (!self) depth++;
      },
      close(name) {
        depth--;
        if (depth === 1 && name === 'mergeCells') inMerges = false;
      },
      text() {},
    };
  });
  return out;
}

export interface CellTarget {
  row: number;
  col: number;
}

interface CellPos {
  qname: string;
  col: number;
  start: number;
  end: number;
  raw: string;
  self: boolean;
}

interface RowPos {
  qname: string;
  r: number;
  start: number;
  end: number;
  raw: string;
  self: boolean;
  /** offset of </row> */
  close: number;
  cells: CellPos[];
}

function colOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

/** Second pass: where the target rows and cells are, what style they have, where new things go. */
class SheetScanner {
  readonly rows = new Map<number, RowPos>();
  /** for each target row the file lacks: the offset of the first row after it */
  readonly insertRowAt = new Map<number, number>();
  sheetDataClose = -1;
  sheetDataSelf: { start: number; end: number } | null = null;
  legacyDrawingAt = -1;
  worksheetClose = -1;
  dimension: { start: number; end: number; raw: string } | null = null;

  /** target rows not placed yet, ascending */
  private readonly pending: number[];

  constructor(
    private readonly tok: XmlTokenizer,
    private readonly targetRows: Set<number>,
  ) {
    this.pending = [...targetRows].sort((a, b) => a - b);
  }

  private depth = 0;
  private row: RowPos | null = null;
  private lastRow = 0;
  private lastCol = 0;
  private afterData = false;

  wantText = false;

  open(name: string, raw: string, self: boolean): void {
    const d = this.depth;
    if (!self) this.depth++;
    const t = this.tok;
    if (d === 1) {
      if (name === 'sheetData') {
        if (self) this.sheetDataSelf = { start: t.tokenStart, end: t.tokenEnd };
        this.afterData = true;
      } else if (name === 'dimension') this.dimension = { start: t.tokenStart, end: t.tokenEnd, raw };
      else if (this.afterData && this.legacyDrawingAt < 0 && AFTER_LEGACY_DRAWING.has(name)) this.legacyDrawingAt = t.tokenStart;
      return;
    }
    if (d === 2 && name === 'row') {
      const m = /(?:^|\s)r\s*=\s*["']\s*(\d+)/.exec(raw);
      const r = m ? parseInt(m[1], 10) : this.lastRow + 1;
      this.lastRow = r;
      this.lastCol = 0;
      while (this.pending.length && this.pending[0] < r) this.insertRowAt.set(this.pending.shift()!, t.tokenStart);
      if (this.targetRows.has(r)) {
        const pos: RowPos = { qname: t.qname, r, start: t.tokenStart, end: t.tokenEnd, raw, self, close: -1, cells: [] };
        this.rows.set(r, pos);
        this.row = self ? null : pos;
      } else this.row = null;
      if (self) this.lastCol = 0;
    } else if (d === 3 && name === 'c') {
      const m = /(?:^|\s)r\s*=\s*["']([A-Za-z]+)/.exec(raw);
      const col = m ? colOfRef(m[1]) : this.lastCol + 1;
      this.lastCol = col;
      if (this.row) this.row.cells.push({ qname: t.qname, col, start: t.tokenStart, end: t.tokenEnd, raw, self });
    }
  }

  close(name: string): void {
    const d = --this.depth;
    if (d === 2 && name === 'row' && this.row) {
      this.row.close = this.tok.tokenStart;
      this.row = null;
    } else if (d === 1 && name === 'sheetData') this.sheetDataClose = this.tok.tokenStart;
    else if (d === 0) this.worksheetClose = this.tok.tokenStart;
  }

  text(): void {}
}

/** A start tag with one attribute set (added after the name if absent). */
function withAttr(tagStart: string, raw: string, self: boolean, name: string, value: string): string {
  const re = new RegExp(`(^|\\s)${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  const attrs = re.test(raw) ? raw.replace(re, `$1${name}="${escapeAttr(value)}"`) : ` ${name}="${escapeAttr(value)}"${raw}`;
  const body = self ? attrs.replace(/\s*$/, '') : attrs;
  return `<${tagStart}${body}${self ? '/>' : '>'}`;
}

export interface SheetPatch {
  /** the marked cells: each one's current style index → the severity's new index */
  restyle(row: number, col: number, currentStyle: number): number;
  /** r:id for a new <legacyDrawing>, when the sheet gets notes and has none */
  legacyDrawingRid?: string;
}

/** Writes the patched worksheet. `targets` are top-left cells of merged areas already (annotate.ts resolves them). */
export function patchSheet(xml: string, outline: SheetOutline, targets: readonly CellTarget[], patch: SheetPatch): string {
  const rows = new Set(targets.map((t) => t.row));
  let sc: SheetScanner | null = null;
  tokenizeWith(xml, (tok) => {
    sc = new SheetScanner(tok, rows);
    return sc;
  });
  const scanner = sc as unknown as SheetScanner;
  const p = outline.prefix;
  const edits: Edit[] = [];
  const byRow = new Map<number, CellTarget[]>();
  for (const t of targets) (byRow.get(t.row) ?? byRow.set(t.row, []).get(t.row)!).push(t);
  const newRows: { row: number; at: number; xml: string }[] = [];
  let minRow = Infinity;
  let maxRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  for (const [r, cells] of byRow) {
    cells.sort((a, b) => a.col - b.col);
    const pos = scanner.rows.get(r);
    const added: { col: number; xml: string }[] = [];
    for (const t of cells) {
      minRow = Math.min(minRow, r);
      maxRow = Math.max(maxRow, r);
      minCol = Math.min(minCol, t.col);
      maxCol = Math.max(maxCol, t.col);
      const cell = pos?.cells.find((c) => c.col === t.col);
      if (cell) {
        const s = parseAttrs(cell.raw).s;
        const style = patch.restyle(r, t.col, s ? parseInt(s, 10) || 0 : 0);
        edits.push({ from: cell.start, to: cell.end, text: withAttr(cell.qname, cell.raw, cell.self, 's', String(style)) });
      } else {
        const style = patch.restyle(r, t.col, 0);
        added.push({ col: t.col, xml: `<${p}c r="${columnLetter(t.col)}${r}" s="${style}"/>` });
      }
    }
    if (!added.length) continue;
    if (pos) {
      if (pos.self) {
        edits.push({ from: pos.start, to: pos.end, text: `${withAttr(pos.qname, pos.raw, false, 'r', String(r))}${added.map((a) => a.xml).join('')}</${pos.qname}>` });
      } else {
        for (const a of added) {
          const before = pos.cells.find((c) => c.col > a.col);
          edits.push({ from: before ? before.start : pos.close, to: before ? before.start : pos.close, text: a.xml });
        }
        const spans = /(?:^|\s)spans\s*=\s*["'](\d+):(\d+)["']/.exec(pos.raw);
        if (spans) {
          const lo = Math.min(parseInt(spans[1], 10), added[0].col);
          const hi = Math.max(parseInt(spans[2], 10), added[added.length - 1].col);
          if (lo !== parseInt(spans[1], 10) || hi !== parseInt(spans[2], 10)) {
            edits.push({ from: pos.start, to: pos.end, text: withAttr(pos.qname, pos.raw, false, 'spans', `${lo}:${hi}`) });
          }
        }
      }
    } else {
      newRows.push({ row: r, at: scanner.insertRowAt.get(r) ?? -1, xml: `<${p}row r="${r}">${added.map((a) => a.xml).join('')}</${p}row>` });
    }
  }
  newRows.sort((a, b) => a.row - b.row);
  if (newRows.length) {
    if (scanner.sheetDataSelf) {
      const all = newRows.map((n) => n.xml).join('');
      edits.push({ from: scanner.sheetDataSelf.start, to: scanner.sheetDataSelf.end, text: `<${p}sheetData>${all}</${p}sheetData>` });
    } else {
      for (const n of newRows) {
        const at = n.at >= 0 ? n.at : scanner.sheetDataClose;
        edits.push({ from: at, to: at, text: n.xml });
      }
    }
  }
  // the declared used range covers the marked cells (a styled cell is part of it)
  if (scanner.dimension && maxRow > 0) {
    const ref = parseAttrs(scanner.dimension.raw).ref;
    const area = ref ? parseRange(ref) : null;
    if (area && (minRow < area.top || maxRow > area.bottom || minCol < area.left || maxCol > area.right)) {
      const merged = { top: Math.min(area.top, minRow), left: Math.min(area.left, minCol), bottom: Math.max(area.bottom, maxRow), right: Math.max(area.right, maxCol) };
      const text = `${columnLetter(merged.left)}${merged.top}:${columnLetter(merged.right)}${merged.bottom}`;
      edits.push({ from: scanner.dimension.start, to: scanner.dimension.end, text: `<${p}dimension ref="${text}"/>` });
    }
  }
  if (patch.legacyDrawingRid) {
    const at = scanner.legacyDrawingAt >= 0 ? scanner.legacyDrawingAt : scanner.worksheetClose;
    edits.push({ from: at, to: at, text: `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${escapeAttr(patch.legacyDrawingRid)}"/>` });
  }
  return applyEdits(xml, edits);
}
