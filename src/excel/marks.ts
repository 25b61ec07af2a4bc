/**
 * Marking findings on the sheet (fill colour by severity + a note or comment with the message) and clearing them
 * ("Xóa đánh dấu") so the sheet is exactly as before.
 *
 * Sync budget, independent of the number of findings (as long as one capture fits in ~4 MB, i.e. < ~20 000 cells):
 *   applyMarks: 1 sheet + protection · 1 capture of the original fills (+ existing notes) · 1 fills · 1 notes = 4
 *   clearMarks: 1 sheet + protection · 1 current fills + which of our notes still exist · 1 restore + delete = 3
 * (comments instead of notes add one sync when the sheet already has comments, to learn where they are.)
 *
 * What is saved, and where: before anything is written, the original fill of every cell about to be marked
 * (color, pattern, patternColor, tintAndShade, patternTintAndShade — grouped by identical fill, cells coalesced into
 * ranges) plus the list of notes/comments we add, as JSON in the workbook's settings under `phuluc.marks.<sheet>`
 * (see settings.ts for why Office.context.document.settings). It is saved before the first write, so a crash
 * half-way still leaves what is needed to clear. Clearing restores a cell only if it still shows our mark colour:
 * a cell the user re-coloured since is left alone. Notes/comments already on a cell are never touched; such a cell
 * gets the fill only. A sheet renamed since marking loses its state (the key is the name).
 */
import { parseA1, rangeA1, type MergedArea } from '../core/snapshot';
import type { Finding, Lang, Severity } from '../core/report';
import { MARK_COLORS, planCellMarks } from '../core/marks';
import { cellsOf, coalesceCells, joinAddressLists, normalizeCell, parseAreas, qualify, splitSheetAddress, type CellPos } from './addresses';
import { MAX_SYNC_BYTES, resolveDeps, loadSheetInfo, type ExcelDeps } from './deps';
import { MarkError, protectedMessage, unsupportedMessage } from './errors';
import type { SettingsStore } from './settings';

export { MARK_COLORS };
export const MARKS_KEY_PREFIX = 'phuluc.marks.';
export const marksKey = (sheet: string) => MARKS_KEY_PREFIX + sheet;

export interface FillState {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export type Annotation = 'note' | 'comment' | 'none';

/** What `phuluc.marks.<sheet>` holds. */
export interface MarksState {
  v: 1;
  sheet: string;
  /** original fills: one entry per distinct fill, with the cells that had it (coalesced A1 ranges) */
  originals: { fill: FillState; areas: string[] }[];
  /** the mark colour each cell got */
  marked: { color: string; areas: string[] }[];
  annotation: Annotation;
  /** cells where we add a note (none of them had one before) */
  notes: string[];
  /** ids of the comments we added */
  comments: string[];
}

export interface MarkOptions {
  /** sheet the findings belong to (default: the active sheet) */
  sheet?: string;
  /** language of the note text (default vi) */
  lang?: Lang;
  /** add notes/comments (default true) */
  annotate?: boolean;
}

export interface MarkResult {
  sheet: string;
  /** cells filled */
  cells: number;
  annotation: Annotation;
  /** notes or comments added */
  annotated: number;
  /** cells that already had a note/comment of the user's and so got the fill only */
  keptUserAnnotations: string[];
  /** marks of an earlier run that were cleared first */
  clearedPrevious: boolean;
}

export interface ClearResult {
  sheet: string;
  /** cells whose original fill was restored */
  restored: number;
  /** marked cells the user re-coloured since; left as they are */
  skipped: string[];
  /** notes/comments removed */
  removed: number;
  /** false when there was nothing to clear */
  hadMarks: boolean;
}

/** the fill properties captured before marking */
const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };
/**
 * Payload estimates (conservative; Office.js JSON): one cell's fill properties in a response (~110 bytes), one queued
 * range + method call in a request, one note/comment probe, one note added (plus its text, up to 3 bytes a character).
 */
const CAPTURE_BYTES_PER_CELL = 150;
const CALL_BYTES = 600;
const PROBE_BYTES = 500;
const NOTE_BYTES = 600;
/** cells a capture range may include beyond the marked ones, to save calls when findings are close together */
const CAPTURE_GAP = 4;

interface PlannedCell extends CellPos {
  address: string;
  severity: Severity;
  text: string;
}

/** Findings → one entry per cell: the highest severity, the distinct messages joined (src/core/marks.ts). */
export function planMarks(findings: readonly Finding[], lang: Lang = 'vi'): Map<string, PlannedCell> {
  return new Map(planCellMarks(findings, lang).map((m) => [m.address, m]));
}

function fillKey(f: FillState): string {
  return JSON.stringify([f.color, f.pattern, f.patternColor ?? null, f.tintAndShade ?? null, f.patternTintAndShade ?? null]);
}

function fillOf(p: Excel.CellProperties | undefined): FillState {
  const f = p?.format?.fill ?? {};
  const out: FillState = { color: f.color ?? '#FFFFFF', pattern: (f.pattern as string | undefined) ?? 'None' };
  if (f.patternColor !== undefined) out.patternColor = f.patternColor;
  if (f.tintAndShade !== undefined) out.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade !== undefined) out.patternTintAndShade = f.patternTintAndShade;
  return out;
}

function areasToStrings(areas: MergedArea[]): string[] {
  return areas.map(rangeA1);
}

/**
 * Queues getCellProperties for cells (coalesced into ranges), in groups that each fit one sync, and syncs each group
 * (normally one). Always syncs at least once, so loads queued before the call share the first sync.
 */
async function captureFills(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  cells: readonly CellPos[],
  reservedBytes = 0,
): Promise<Map<string, FillState>> {
  const out = new Map<string, FillState>();
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
  if (cur.length || !groups.length) groups.push(cur);
  for (let g = 0; g < groups.length; g++) {
    const results = groups[g].map((a) => ws.getRange(rangeA1(a)).getCellProperties({ format: { fill: FILL_PROPS } }));
    await ctx.sync();
    groups[g].forEach((a, i) => {
      const grid = results[i].value;
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) out.set(rangeA1({ top: r, left: c, bottom: r, right: c }), fillOf(grid[r - a.top]?.[c - a.left]));
    });
  }
  return out;
}

/** Queues fill writes restoring `originals` (only for the cells in `only`, when given). */
function queueRestore(ws: Excel.Worksheet, originals: MarksState['originals'], only?: Set<string>): number {
  let n = 0;
  for (const o of originals) {
    let areas = parseAreas(o.areas);
    if (only) areas = coalesceCells(cellsOf(areas).filter((c) => only.has(rangeA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }))));
    if (!areas.length) continue;
    n += cellsOf(areas).length;
    for (const list of joinAddressLists(areasToStrings(areas))) {
      const fill = ws.getRanges(list).format.fill;
      fill.clear();
      if (o.fill.pattern !== 'None') {
        const props: Excel.Interfaces.RangeFillUpdateData = { color: o.fill.color, pattern: o.fill.pattern as Excel.FillPattern };
        if (o.fill.patternColor !== undefined) props.patternColor = o.fill.patternColor;
        if (o.fill.tintAndShade !== undefined) props.tintAndShade = o.fill.tintAndShade;
        if (o.fill.patternTintAndShade !== undefined) props.patternTintAndShade = o.fill.patternTintAndShade;
        fill.set(props);
      }
    }
  }
  return n;
}

function validState(s: unknown, sheet: string): s is MarksState {
  const m = s as MarksState | null;
  return (
    !!m &&
    typeof m === 'object' &&
    m.v === 1 &&
    m.sheet === sheet &&
    Array.isArray(m.originals) &&
    m.originals.every((o) => o && typeof o.fill?.color === 'string' && typeof o.fill?.pattern === 'string' && Array.isArray(o.areas)) &&
    Array.isArray(m.marked) &&
    m.marked.every((o) => o && typeof o.color === 'string' && Array.isArray(o.areas)) &&
    Array.isArray(m.notes) &&
    Array.isArray(m.comments)
  );
}

/** Cells (A1) → comment cells that already hold a comment: one extra sync only if the sheet has comments. */
async function commentCells(ctx: Excel.RequestContext, comments: Excel.CommentCollection): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!comments.items.length) return out;
  const locs = comments.items.map((c) => {
    const l = c.getLocation();
    l.load('address');
    return l;
  });
  await ctx.sync();
  comments.items.forEach((c, i) => {
    const cell = normalizeCell(splitSheetAddress(locs[i].address).address.split(':')[0]);
    if (cell) out.set(cell, c.id);
  });
  return out;
}

/** Restore + delete, shared by clearMarks, re-marking, and the rollback of a failed applyMarks. */
async function clearWithin(ctx: Excel.RequestContext, ws: Excel.Worksheet, sheet: string, state: MarksState, store: SettingsStore): Promise<ClearResult> {
  // what the marked cells show now, and which of our notes/comments are still there (one sync)
  const markColor = new Map<string, string>();
  for (const m of state.marked)
    for (const c of cellsOf(parseAreas(m.areas))) markColor.set(rangeA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }), m.color.toUpperCase());
  const notes = state.notes.map((cell) => {
    const n = ctx.workbook.notes.getItemOrNullObject(qualify(sheet, cell));
    n.load('authorName');
    return n;
  });
  const comments = state.comments.map((id) => {
    const c = ctx.workbook.comments.getItemOrNullObject(id);
    c.load('id');
    return c;
  });
  const current = await captureFills(
    ctx,
    ws,
    [...markColor.keys()].map((a) => parseA1(a)!),
    (notes.length + comments.length) * PROBE_BYTES,
  );

  const restore = new Set<string>();
  const skipped: string[] = [];
  for (const [cell, color] of markColor) {
    const now = current.get(cell);
    if (now && now.pattern !== 'None' && now.color.toUpperCase() === color) restore.add(cell);
    else skipped.push(cell);
  }
  const restored = queueRestore(ws, state.originals, restore);
  let removed = 0;
  for (const n of notes)
    if (!n.isNullObject) {
      n.delete();
      removed++;
    }
  for (const c of comments)
    if (!c.isNullObject) {
      c.delete();
      removed++;
    }
  if (restored || removed) await ctx.sync();
  store.remove(marksKey(sheet));
  await store.save();
  return { sheet, restored, skipped, removed, hadMarks: true };
}

function requireFillApi(isSetSupported: ExcelDeps['isSetSupported']) {
  if (!isSetSupported('ExcelApi', '1.9')) {
    const [vi, en] = unsupportedMessage('đánh dấu ô', 'mark cells', '1.9');
    throw new MarkError('unsupported', vi, en);
  }
}

export async function applyMarks(findings: readonly Finding[], deps?: Partial<ExcelDeps>, opts?: MarkOptions): Promise<MarkResult> {
  const { run, isSetSupported, store } = resolveDeps(deps);
  requireFillApi(isSetSupported);
  const annotation: Annotation =
    opts?.annotate === false ? 'none' : isSetSupported('ExcelApi', '1.18') ? 'note' : isSetSupported('ExcelApi', '1.10') ? 'comment' : 'none';
  const planned = planMarks(findings, opts?.lang ?? 'vi');

  return run(async (ctx) => {
    const ws = loadSheetInfo(ctx, opts?.sheet);
    await ctx.sync();
    const sheet = ws.name;
    if (ws.protection.protected) {
      const [vi, en] = protectedMessage(sheet);
      throw new MarkError('protected', vi, en);
    }

    const key = marksKey(sheet);
    let clearedPrevious = false;
    const prev = store.get<unknown>(key);
    if (prev !== undefined) {
      if (validState(prev, sheet)) await clearWithin(ctx, ws, sheet, prev, store);
      else {
        store.remove(key);
        await store.save();
      }
      clearedPrevious = true;
    }
    const result: MarkResult = { sheet, cells: planned.size, annotation, annotated: 0, keptUserAnnotations: [], clearedPrevious };
    if (!planned.size) return result;
    const cells = [...planned.values()];

    // ── capture: original fills, and which cells already carry a note/comment (one sync) ──
    const noteProbes =
      annotation === 'note'
        ? cells.map((c) => {
            const n = ctx.workbook.notes.getItemOrNullObject(qualify(sheet, c.address));
            n.load('authorName');
            return n;
          })
        : [];
    const wsComments = annotation === 'comment' ? ws.comments : null;
    wsComments?.load('items/id');
    const originals = await captureFills(ctx, ws, cells, noteProbes.length * PROBE_BYTES);
    const hasUserAnnotation = new Set<string>();
    noteProbes.forEach((n, i) => {
      if (!n.isNullObject) hasUserAnnotation.add(cells[i].address);
    });
    if (wsComments) for (const cell of (await commentCells(ctx, wsComments)).keys()) if (planned.has(cell)) hasUserAnnotation.add(cell);
    result.keptUserAnnotations = cells.filter((c) => hasUserAnnotation.has(c.address)).map((c) => c.address);
    const toAnnotate = annotation === 'none' ? [] : cells.filter((c) => !hasUserAnnotation.has(c.address) && c.text);

    // ── save what is needed to undo, before the first write ──
    const byFill = new Map<string, { fill: FillState; cells: CellPos[] }>();
    for (const c of cells) {
      const f = originals.get(c.address) ?? { color: '#FFFFFF', pattern: 'None' };
      const k = fillKey(f);
      const e = byFill.get(k) ?? { fill: f, cells: [] };
      e.cells.push(c);
      byFill.set(k, e);
    }
    const byColor = new Map<string, CellPos[]>();
    for (const c of cells) {
      const color = MARK_COLORS[c.severity];
      const list = byColor.get(color) ?? [];
      list.push(c);
      byColor.set(color, list);
    }
    const state: MarksState = {
      v: 1,
      sheet,
      originals: [...byFill.values()].map((e) => ({ fill: e.fill, areas: areasToStrings(coalesceCells(e.cells)) })),
      marked: [...byColor].map(([color, cs]) => ({ color, areas: areasToStrings(coalesceCells(cs)) })),
      annotation,
      notes: annotation === 'note' ? toAnnotate.map((c) => c.address) : [],
      comments: [],
    };
    store.set(key, state);
    await store.save();

    try {
      // ── fills: one sync, one getRanges per colour per ≤ 8 000-character address list ──
      for (const m of state.marked)
        for (const list of joinAddressLists(m.areas)) {
          const fill = ws.getRanges(list).format.fill;
          fill.clear();
          fill.color = m.color;
        }
      await ctx.sync();

      // ── notes / comments: one sync (more only if their text passes ~4 MB) ──
      if (toAnnotate.length) {
        const added: Excel.Comment[] = [];
        let bytes = 0;
        for (const c of toAnnotate) {
          const b = NOTE_BYTES + 3 * (c.text.length + sheet.length);
          if (bytes && bytes + b > MAX_SYNC_BYTES) {
            await ctx.sync();
            bytes = 0;
          }
          bytes += b;
          if (annotation === 'note') ctx.workbook.notes.add(qualify(sheet, c.address), c.text);
          else {
            const cm = ctx.workbook.comments.add(qualify(sheet, c.address), c.text);
            cm.load('id');
            added.push(cm);
          }
        }
        await ctx.sync();
        if (added.length) {
          state.comments = added.map((c) => c.id);
          store.set(key, state);
          await store.save();
        }
        result.annotated = toAnnotate.length;
      }
    } catch (err) {
      await rollback(ctx, ws, sheet, state, store, toAnnotate.map((c) => c.address), hasUserAnnotation).catch((rollbackError) => {
        (err as { rollbackError?: unknown }).rollbackError = rollbackError;
      });
      throw err;
    }
    return result;
  });
}

/** After a failed write: put every fill back, delete whatever annotation we managed to add, forget the state. */
async function rollback(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  state: MarksState,
  store: SettingsStore,
  annotated: string[],
  userAnnotated: Set<string>,
): Promise<void> {
  queueRestore(ws, state.originals);
  let noteProbes: Excel.Note[] = [];
  let wsComments: Excel.CommentCollection | null = null;
  if (state.annotation === 'note')
    noteProbes = annotated.map((a) => {
      const n = ctx.workbook.notes.getItemOrNullObject(qualify(sheet, a));
      n.load('authorName');
      return n;
    });
  if (state.annotation === 'comment' && annotated.length) {
    wsComments = ws.comments;
    wsComments.load('items/id');
  }
  await ctx.sync();
  let deletes = 0;
  for (const n of noteProbes)
    if (!n.isNullObject) {
      n.delete();
      deletes++;
    }
  if (wsComments) {
    const wanted = new Set(annotated);
    for (const [cell, id] of await commentCells(ctx, wsComments))
      if (wanted.has(cell) && !userAnnotated.has(cell)) {
        ctx.workbook.comments.getItem(id).delete();
        deletes++;
      }
  }
  if (deletes) await ctx.sync();
  store.remove(marksKey(sheet));
  await store.save();
}

export async function clearMarks(deps?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<ClearResult> {
  const { run, isSetSupported, store } = resolveDeps(deps);
  requireFillApi(isSetSupported);
  return run(async (ctx) => {
    const ws = loadSheetInfo(ctx, opts?.sheet);
    await ctx.sync();
    const sheet = ws.name;
    const state = store.get<unknown>(marksKey(sheet));
    if (state === undefined) return { sheet, restored: 0, skipped: [], removed: 0, hadMarks: false };
    if (ws.protection.protected) {
      const [vi, en] = protectedMessage(sheet);
      throw new MarkError('protected', vi, en);
    }
    if (!validState(state, sheet)) {
      store.remove(marksKey(sheet));
      await store.save();
      return { sheet, restored: 0, skipped: [], removed: 0, hadMarks: false };
    }
    return clearWithin(ctx, ws, sheet, state, store);
  });
}

/** Whether the sheet has marks that clearMarks would remove (no Excel call). */
export function hasMarks(sheet: string, store: SettingsStore): boolean {
  return store.get(marksKey(sheet)) !== undefined;
}
