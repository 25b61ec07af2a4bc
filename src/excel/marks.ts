/**
 * Marking findings on the sheet — a fill by severity and a note (or a threaded comment) with the messages — and
 * clearing them ("Xóa đánh dấu") so the sheet is exactly as before. Both go through the journal (./journal.ts): the
 * record is stored before the first write, keyed by the sheet's id and followed through row/column moves, and
 * clearing restores each cell only where it still shows the add-in's mark.
 *
 * Marking again (the next check, an automatic re-check) is a union with the existing record: a cell marked before
 * keeps its true original fill, marks no longer wanted are taken off in the same batch, and those cells stay in the
 * record (marked stale) so that a later Xóa đánh dấu still clears them should Excel's Ctrl+Z bring the old marks back.
 * The add-in's marks are recognised by colour: a cell showing exactly one of MARK_COLORS is the add-in's.
 *
 * Notes and comments: with ExcelApi 1.18 a note (Worksheet.notes, by Range), else — ExcelApi 1.10 to 1.17, which is
 * what Office 2021 and 2024 have — a threaded comment, the normal path there, not a fallback. A cell holds a note or a
 * threaded comment, never both, so both kinds are looked for before writing: a cell with the user's note or comment
 * gets the fill only. Should Excel still refuse one (it cannot always be told beforehand, e.g. a note without the notes
 * API), that cell is skipped and reported and the others go on.
 *
 * Syncs: mark — 1 sheet + records + names · 1 current fills + notes (+1 comment locations when the sheet has comments)
 * · 1 storing the record (its own run) · 1 fills · 1 notes (more only past ~4 MB of text, or to skip a refused cell);
 * clear — 1 · 1 (+1) · 1 restores · 1 removing the record (its own run).
 */
import type { Finding, Lang, Severity } from '../core/report';
import { severityRank } from '../core/report';
import { MARK_COLORS, planCellMarks, type PlannedMark } from '../core/marks';
import { rangeA1 } from '../core/snapshot';
import { a1Of, coalesceCells, joinAddressLists, parseAreas, cellsOf, posOf, type CellPos } from './addresses';
import { MAX_SYNC_BYTES, resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';
import { MarkError, protectedMessage, unsupportedError } from './errors';
import { fillKey, isMarkFill, normalizeFill, queueFillCapture, queueFillRestore, sameFill, type FillState } from './fills';
import {
  commentsByCell,
  existingTracks,
  locateRecord,
  queueRevert,
  readSheetState,
  recordKey,
  recordOf,
  revertRecord,
  storeRecord,
  textHash,
  type JournalRecord,
  type RecordedCell,
  type SheetState,
} from './journal';
import { MAX_SETTING_BYTES, settingBytes } from './settings';

export { MARK_COLORS };
export const MARKS_KIND = 'marks';
/** the add-in's mark colours, upper-case, for recognising them */
export const MARK_COLOR_SET: ReadonlySet<string> = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

export type Annotation = 'note' | 'comment' | 'none';

export interface MarkOptions {
  /** sheet the findings belong to (default: the active sheet) */
  sheet?: string;
  /** language of the note text (default vi) */
  lang?: Lang;
  /** add notes/comments (default true) */
  annotate?: boolean;
  /** the largest record to store (default MAX_SETTING_BYTES; smaller in tests) */
  maxRecordBytes?: number;
}

export interface MarkResult {
  sheet: string;
  /** cells coloured */
  cells: number;
  annotation: Annotation;
  /** notes or comments added or kept up to date */
  annotated: number;
  /** cells that already had the user's note/comment and so got the fill only */
  keptUserAnnotations: string[];
  /** cells where Excel refused a note/comment: fill only */
  refusedAnnotations: string[];
  /** cells with a gradient fill: not coloured, because a gradient cannot be put back */
  unrestorable: string[];
  /** cells of findings left unmarked because the record would pass what Excel stores for an add-in */
  omitted: number;
  /** marks of an earlier run were there (kept, updated or taken off) */
  clearedPrevious: boolean;
}

export interface ClearResult {
  sheet: string;
  /** cells whose original fill (or note) was put back */
  restored: number;
  /** cells already as they were (Excel's Ctrl+Z, an earlier attempt) */
  already: number;
  /** marked cells the user re-coloured since; left as they are */
  skipped: string[];
  /** notes/comments removed */
  removed: number;
  /** notes/comments the add-in added and the user edited since: left */
  keptEdited: string[];
  /** marked cells the user deleted since */
  gone: number;
  /** gradient cells that could not be set back */
  unrestorable: string[];
  /** false when there was nothing to clear */
  hadMarks: boolean;
}

/** Findings → one entry per cell: the highest severity, the distinct messages joined (src/core/marks.ts). */
export function planMarks(findings: readonly Finding[], lang: Lang = 'vi'): Map<string, PlannedMark> {
  return new Map(planCellMarks(findings, lang).map((m) => [m.address, m]));
}

/** payload of one note probe, and of one note added (plus its text, up to 3 bytes a character) */
const PROBE_BYTES = 500;
const NOTE_BYTES = 600;
/** a note/comment refused this many times in one run: something else is wrong, stop */
const MAX_REFUSED = 50;

function requireFillApi(isSetSupported: ExcelDeps['isSetSupported']) {
  if (!isSetSupported('ExcelApi', '1.9')) throw unsupportedError('tô màu và khôi phục màu ô', 'colour cells and put their colour back', '1.9');
}

function annotationMode(deps: ExcelDeps, annotate: boolean | undefined): Annotation {
  if (annotate === false) return 'none';
  if (deps.isSetSupported('ExcelApi', '1.18')) return 'note';
  if (deps.isSetSupported('ExcelApi', '1.10')) return 'comment';
  return 'none';
}

/** A record of the add-in's first version (`phuluc.marks.<sheet name>`, v1) → the journal's shape. */
export function legacyMarks(raw: unknown, st: SheetState): JournalRecord | null {
  const m = raw as {
    v?: number;
    originals?: { fill?: { color?: string; pattern?: string; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number }; areas?: string[] }[];
    marked?: { areas?: string[] }[];
    notes?: string[];
    comments?: string[];
  } | null;
  if (!m || m.v !== 1 || !Array.isArray(m.originals) || !Array.isArray(m.marked)) return null;
  const fills: FillState[] = [];
  const fillOf = new Map<string, number>();
  m.originals.forEach((o) => {
    const f = o.fill ?? {};
    const state: FillState = f.pattern === 'None' || !f.color ? { none: true } : normalizeFill({ ...f, tintAndShade: f.tintAndShade ?? 0 });
    const i = fills.push(state) - 1;
    for (const c of cellsOf(parseAreas(o.areas ?? []))) fillOf.set(a1Of(c), i);
  });
  const notes = new Set(m.notes ?? []);
  const cells: RecordedCell[] = [];
  for (const g of m.marked)
    for (const c of cellsOf(parseAreas(g.areas ?? []))) {
      const cell = a1Of(c);
      const rc: RecordedCell = { cell };
      const f = fillOf.get(cell);
      if (f !== undefined) rc.fill = f;
      if (notes.has(cell)) rc.note = '*';
      cells.push(rc);
    }
  return { v: 2, kind: MARKS_KIND, sheetId: st.sheetId, sheet: st.sheet, cells, fills, tracks: [], meta: m.comments?.length ? { comments: m.comments } : undefined };
}

interface Decided {
  mark: PlannedMark;
  before: FillState;
  /** colour the cell (not a gradient) */
  colour: boolean;
  /** text of the note/comment the cell should carry ('' = none of ours) */
  text: string;
  /** ours is there already with this text */
  keep: boolean;
  /** ours is there with another text: delete before adding */
  replace: boolean;
  /** the user's note/comment is there */
  user: boolean;
}

/** Keeps the record under MAX_SETTING_BYTES: stale cells go first, then the findings' cells of the lowest severity. */
function capRecord(rec: JournalRecord, decided: Decided[], max: number): { rec: JournalRecord; omitted: Set<string> } {
  const omitted = new Set<string>();
  if (settingBytes(rec) <= max) return { rec, omitted };
  let cells = rec.cells.filter((c) => !c.stale);
  const order = [...decided].sort((a, b) => severityRank(b.mark.severity) - severityRank(a.mark.severity));
  const byCell = new Map(cells.map((c) => [c.cell, c]));
  // ~60 bytes a cell: drop in steps, then check
  let excess = settingBytes({ ...rec, cells }) - max;
  let k = 0;
  while (excess > 0 && k < order.length) {
    const step = Math.max(1, Math.ceil(excess / 40));
    for (const d of order.slice(k, k + step)) {
      omitted.add(d.mark.address);
      byCell.delete(d.mark.address);
    }
    k += step;
    cells = [...byCell.values()];
    excess = settingBytes({ ...rec, cells }) - max;
  }
  return { rec: { ...rec, cells }, omitted };
}

export async function applyMarks(findings: readonly Finding[], depsIn?: Partial<ExcelDeps>, opts?: MarkOptions): Promise<MarkResult> {
  const deps = resolveDeps(depsIn);
  requireFillApi(deps.isSetSupported);
  const annotation = annotationMode(deps, opts?.annotate);
  const planned = planCellMarks(findings, opts?.lang ?? 'vi');

  return runBatch(
    deps,
    async (ctx) => {
      const st = await readSheetState(ctx, targetSheet(ctx, opts?.sheet));
      const { ws, sheet, sheetId } = st;
      if (st.protected) {
        const [vi, en] = protectedMessage(sheet);
        throw new MarkError('protected', vi, en);
      }
      const { rec: prev, legacyKeys } = recordOf(st, MARKS_KIND, legacyMarks);
      const result: MarkResult = {
        sheet,
        cells: 0,
        annotation,
        annotated: 0,
        keptUserAnnotations: [],
        refusedAnnotations: [],
        unrestorable: [],
        omitted: 0,
        clearedPrevious: !!prev,
      };
      if (!prev && !planned.length) {
        if (legacyKeys.length) await storeRecord(deps, sheetId, MARKS_KIND, null, [], legacyKeys);
        return result;
      }

      // ── where the earlier marks are now, and what every cell concerned shows (one sync, +1 for comments) ──
      const prevAt = new Map<string, RecordedCell>();
      if (prev) {
        const { at } = locateRecord(prev, st.names);
        prev.cells.forEach((c, i) => {
          if (at[i]) prevAt.set(at[i]!, c);
        });
      }
      const notes =
        annotation === 'note'
          ? new Map(
              [...new Set([...planned.map((p) => p.address), ...[...prevAt].filter(([, c]) => c.note).map(([a]) => a)])].map((a) => {
                const n = ws.notes.getItemOrNullObject(a);
                n.load('content');
                return [a, n] as const;
              }),
            )
          : new Map<string, Excel.Note>();
      let comments: Excel.CommentCollection | null = null;
      if (annotation !== 'none' && deps.isSetSupported('ExcelApi', '1.10')) {
        comments = ws.comments;
        comments.load('items/id,items/content');
      }
      const allCells = [...new Set([...planned.map((p) => p.address), ...prevAt.keys()])].map(posOf);
      const fills = await queueFillCapture(ctx, ws, allCells, notes.size * PROBE_BYTES);
      await ctx.sync();
      const current = fills();
      const commentAt = comments ? await commentsByCell(ctx, ws, comments) : new Map<string, { id: string; content: string }>();
      const noteAt = (a: string) => {
        const n = notes.get(a);
        return n && !n.isNullObject ? n.content : undefined;
      };

      // ── decide, cell by cell ──
      const decided: Decided[] = [];
      for (const mark of planned) {
        const was = prevAt.get(mark.address);
        const now = current.get(mark.address) ?? { none: true };
        let before = now;
        if (was?.fill !== undefined) {
          const recorded = prev!.fills[was.fill];
          // still the add-in's mark, or already back: the recorded original stands; re-coloured by the user: theirs
          if (isMarkFill(now, MARK_COLOR_SET) || sameFill(now, recorded)) before = recorded;
        }
        const text = annotation === 'none' ? '' : mark.text;
        const note = noteAt(mark.address);
        const comment = commentAt.get(mark.address);
        const ourNote = note !== undefined && !!was?.note && (was.note === '*' || was.note === textHash(note));
        const ourComment = comment !== undefined && !!was?.comment && was.comment === textHash(comment.content);
        const userHas = (note !== undefined && !ourNote) || (comment !== undefined && !ourComment);
        const ours = annotation === 'note' ? (ourNote ? note : undefined) : ourComment ? comment!.content : undefined;
        decided.push({
          mark,
          before,
          colour: !('gradient' in before),
          text: userHas || !text ? '' : text,
          keep: !userHas && ours !== undefined && ours === text,
          replace: !userHas && ours !== undefined && ours !== text,
          user: userHas,
        });
      }
      const plannedSet = new Set(planned.map((p) => p.address));

      // ── the new record: the findings' cells, and the earlier ones that are no longer marked (stale) ──
      const fillIndex = new Map<string, number>();
      const recFills: FillState[] = [];
      const indexOf = (f: FillState) => {
        const k = fillKey(f);
        let i = fillIndex.get(k);
        if (i === undefined) fillIndex.set(k, (i = recFills.push(f) - 1));
        return i;
      };
      const cells: RecordedCell[] = [];
      for (const d of decided) {
        const rc: RecordedCell = { cell: d.mark.address };
        if (d.colour) rc.fill = indexOf(d.before);
        if (d.text) rc[annotation === 'note' ? 'note' : 'comment'] = textHash(d.text);
        cells.push(rc);
      }
      const takeOff: { a1: string; was: RecordedCell }[] = [];
      for (const [a1, was] of prevAt) {
        if (plannedSet.has(a1)) continue;
        takeOff.push({ a1, was });
        const rc: RecordedCell = { cell: a1, stale: true };
        if (was.fill !== undefined) rc.fill = indexOf(prev!.fills[was.fill]);
        if (was.note) rc.note = was.note;
        if (was.comment) rc.comment = was.comment;
        cells.push(rc);
      }
      const capped = capRecord({ v: 2, kind: MARKS_KIND, sheetId, sheet, cells, fills: recFills, tracks: [] }, decided, opts?.maxRecordBytes ?? MAX_SETTING_BYTES);
      const marked = decided.filter((d) => !capped.omitted.has(d.mark.address));
      result.omitted = capped.omitted.size;
      // cells dropped by the cap that carried an earlier mark are taken off like the others
      for (const a1 of capped.omitted) if (prevAt.has(a1)) takeOff.push({ a1, was: prevAt.get(a1)! });
      const stored = await storeRecord(deps, sheetId, MARKS_KIND, capped.rec, existingTracks(prev, st.names), legacyKeys);

      try {
        // ── take off the marks no longer wanted, colour the findings' cells (one sync) ──
        const restore = takeOff
          .filter((t) => t.was.fill !== undefined && isMarkFill(current.get(t.a1) ?? { none: true }, MARK_COLOR_SET))
          .map((t) => ({ pos: posOf(t.a1), fill: prev!.fills[t.was.fill!] }));
        queueFillRestore(ws, restore);
        for (const t of takeOff) {
          const note = noteAt(t.a1);
          if (t.was.note && note !== undefined && (t.was.note === '*' || t.was.note === textHash(note))) ws.notes.getItem(t.a1).delete();
          const c = commentAt.get(t.a1);
          if (t.was.comment && c && t.was.comment === textHash(c.content)) comments!.getItem(c.id).delete();
        }
        const byColor = new Map<string, CellPos[]>();
        for (const d of marked) {
          if (!d.colour) {
            result.unrestorable.push(d.mark.address);
            continue;
          }
          result.cells++;
          const color = MARK_COLORS[d.mark.severity as Severity];
          const now = current.get(d.mark.address);
          if (now && isMarkFill(now, new Set([color.toUpperCase()]))) continue; // already shows it
          const list = byColor.get(color) ?? [];
          list.push(posOf(d.mark.address));
          byColor.set(color, list);
        }
        for (const [color, list] of byColor)
          for (const addresses of joinAddressLists(coalesceCells(list).map(rangeA1))) {
            // one operation: the pattern too (a colour alone set over a patterned fill would keep the pattern), and
            // never clear-then-colour, which a failing sync could leave half done
            ws.getRanges(addresses).format.fill.set({ pattern: 'Solid', color, tintAndShade: 0 });
          }
        for (const d of marked) {
          if (!d.replace) continue;
          if (annotation === 'note') ws.notes.getItem(d.mark.address).delete();
          else comments!.getItem(commentAt.get(d.mark.address)!.id).delete();
        }
        await ctx.sync();

        // ── notes / comments: one sync (more past ~4 MB, or to skip a cell Excel refuses) ──
        result.keptUserAnnotations = marked.filter((d) => d.user).map((d) => d.mark.address);
        const toAdd = marked.filter((d) => d.text && !d.keep);
        const added = await addAnnotations(ctx, ws, sheet, annotation, toAdd.map((d) => ({ a1: d.mark.address, text: d.text })));
        result.refusedAnnotations = added.refused;
        result.annotated = marked.filter((d) => d.keep).length + added.added;
      } catch (err) {
        // put back everything recorded, then forget the record; if that fails too, Xóa đánh dấu can finish it
        try {
          // force: every recorded cell back to its original, whatever this batch left it showing
          await queueRevert(ctx, ws, { ...stored!, tracks: [] }, new Map(), MARK_COLOR_SET, true);
          await ctx.sync();
          await storeRecord(deps, sheetId, MARKS_KIND, null, stored?.tracks ?? [], [recordKey(MARKS_KIND, sheetId)]);
        } catch (rollbackError) {
          (err as { rollbackError?: unknown }).rollbackError = rollbackError;
        }
        throw err;
      }
      return result;
    },
    { writes: true, undoGroup: true },
  );
}

/**
 * Adds notes (Worksheet.notes, by Range) or threaded comments, in syncs of at most ~4 MB. When Excel refuses one, the
 * ones before it in that sync are in (Excel stops at the failing operation): that cell is skipped and reported, and the
 * rest go on.
 */
async function addAnnotations(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  mode: Annotation,
  items: { a1: string; text: string }[],
): Promise<{ added: number; refused: string[] }> {
  const refused: string[] = [];
  let added = 0;
  let i = 0;
  while (i < items.length && mode !== 'none') {
    const batch: typeof items = [];
    let bytes = 0;
    while (i + batch.length < items.length) {
      const it = items[i + batch.length];
      const b = NOTE_BYTES + 3 * (it.text.length + sheet.length);
      if (batch.length && bytes + b > MAX_SYNC_BYTES) break;
      batch.push(it);
      bytes += b;
    }
    for (const it of batch) {
      const at = ws.getRange(it.a1);
      if (mode === 'note') ws.notes.add(at, it.text);
      else ws.comments.add(at, it.text);
    }
    try {
      await ctx.sync();
      added += batch.length;
      i += batch.length;
    } catch (e) {
      if (refused.length >= MAX_REFUSED) throw e;
      // which ones got in? the first that did not is the one Excel refused (if even that cannot be read, give up)
      const present = await annotationsPresent(ctx, ws, mode, batch).catch(() => {
        throw e;
      });
      let k = 0;
      while (k < batch.length && present.has(batch[k].a1)) k++;
      if (k === batch.length) {
        added += k;
        i += k;
        continue;
      }
      added += k;
      refused.push(batch[k].a1);
      i += k + 1;
    }
  }
  return { added, refused };
}

async function annotationsPresent(ctx: Excel.RequestContext, ws: Excel.Worksheet, mode: Annotation, batch: { a1: string; text: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (mode === 'note') {
    const probes = batch.map((b) => {
      const n = ws.notes.getItemOrNullObject(b.a1);
      n.load('content');
      return n;
    });
    await ctx.sync();
    batch.forEach((b, i) => {
      if (!probes[i].isNullObject && probes[i].content === b.text) out.add(b.a1);
    });
    return out;
  }
  const byCell = await commentsByCell(ctx, ws);
  for (const b of batch) if (byCell.get(b.a1)?.content === b.text) out.add(b.a1);
  return out;
}

export async function clearMarks(depsIn?: Partial<ExcelDeps>, opts?: { sheet?: string }): Promise<ClearResult> {
  const deps = resolveDeps(depsIn);
  requireFillApi(deps.isSetSupported);
  const { sheet, result } = await revertRecord(deps, MARKS_KIND, {
    sheet: opts?.sheet,
    markColors: MARK_COLOR_SET,
    legacy: legacyMarks,
    onProtected: (name) => {
      const [vi, en] = protectedMessage(name);
      return new MarkError('protected', vi, en);
    },
  });
  if (!result) return { sheet, restored: 0, already: 0, skipped: [], removed: 0, keptEdited: [], gone: 0, unrestorable: [], hadMarks: false };
  return {
    sheet,
    restored: result.restored.length,
    already: result.already.length,
    skipped: result.skipped,
    removed: result.removed,
    keptEdited: result.keptEdited,
    gone: result.gone,
    unrestorable: result.unrestorable,
    hadMarks: true,
  };
}

/** The add-in's colour for a severity (for tests and the self-test). */
export const markColor = (s: Severity) => MARK_COLORS[s];
