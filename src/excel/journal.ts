/**
 * The journal: every write the add-in makes into a user's sheet is recorded with what it replaced, so it can be
 * undone exactly — by the add-in's own buttons (Xóa đánh dấu, Hoàn tác), whether or not Excel's Ctrl+Z can.
 *
 * One record per (kind, sheet): `phuluc.<kind>.<sheet id>` in Workbook.settings (src/excel/settings.ts). Kinds today:
 * "marks" (fills + notes/comments, src/excel/marks.ts) and "recalc" (values). Values and formulas go through
 * `writeCells` / `undoCells` (src/excel/writes.ts), the one entry point for any writer of cell contents — the
 * recalculation, and a one-click fix as one more kind. Each recorded cell keeps, per aspect it touched:
 *   value   — what the cell held before the first write (a value, or a formula) and what was written;
 *   fill    — the fill before the first write (an index into `fills`); what was written is one of the mark colours;
 *   note    — a hash of the text of the note the add-in added (the cell had none);
 *   comment — a hash of the text of the threaded comment the add-in added (found again by its cell and text);
 *   format  — the number format before the first write and the one written (a one-click fix turning a number stored
 *             as text into a number takes a Text-formatted cell, "@", to the column's number format).
 * The record is keyed by the sheet's id, which survives renames, and its cells are followed through row/column
 * inserts and deletes by hidden names (src/excel/tracking.ts).
 *
 * Writing (how every writer uses it):
 *   1. read the sheet, the existing record and the cells' current state, in one Excel.run;
 *   2. build the new record — the union with an existing one, keeping the OLDEST "before" of every cell — and store it
 *      with its tracking names in a run of its own (`storeRecord`), before the first write: a failure half-way always
 *      leaves what is needed to undo, and the store is outside any merged undo group;
 *   3. write (in a run with `mergeUndoGroup` where Excel has it, so one Ctrl+Z undoes the whole batch).
 * Undoing (`revertRecord`), per cell and aspect: what the add-in wrote is still there → put "before" back; "before"
 * is already there (Excel's Ctrl+Z, an earlier half-finished attempt) → nothing to do; anything else → the user
 * changed it since, left alone and reported. The record is removed only after every restore succeeded, in a run of
 * its own: a failed or interrupted undo can simply be run again.
 */
import { posOf, type CellPos } from './addresses';
import { runBatch, targetSheet, type ExcelDeps } from './deps';
import { queueFillCapture, queueFillRestore, isMarkFill, sameFill, validFillState, type FillState } from './fills';
import { queueAllSettings, queueSettingWrite } from './settings';
import { locate, queueNames, queueTrack, trackFormulas, trackName } from './tracking';

/** A cell's raw value as Office.js gives it ("" = empty). */
export type RawValue = string | number | boolean;

export interface RecordedCell {
  /** the cell's address when the record was last written */
  cell: string;
  /** before: the value (or, with `formula`, the formula) the cell held; after: the value written, or the formula
   * written when `afterFormula` */
  value?: { before: RawValue; formula?: string; after: RawValue; afterFormula?: true };
  fill?: number;
  /** hash of the text of the note the add-in added ("*": any text — records of older versions) */
  note?: string;
  /** hash of the text of the threaded comment the add-in added */
  comment?: string;
  /** the number format before the first write, and the one written */
  format?: { before: string; after: string };
  /** no longer written by the last batch (kept: Excel's Ctrl+Z may bring back what that batch removed) */
  stale?: true;
}

export interface JournalRecord {
  v: 2;
  kind: string;
  sheetId: string;
  /** the sheet's name when the record was last written (for messages) */
  sheet: string;
  cells: RecordedCell[];
  fills: FillState[];
  /** hidden names following `cells`, in order ([] = not followed) */
  tracks: string[];
  /** kind-specific extras */
  meta?: Record<string, unknown>;
}

export const recordKey = (kind: string, sheetId: string) => `phuluc.${kind}.${sheetId}`;

/** the names queueTrack will give these cells */
function trackNames(kind: string, sheet: string, cells: readonly string[]): string[] {
  return trackFormulas(sheet, cells).map((_, i) => trackName(kind, i));
}

export function validRecord(r: unknown, kind: string, sheetId: string): r is JournalRecord {
  const o = r as JournalRecord | null;
  return (
    !!o &&
    typeof o === 'object' &&
    o.v === 2 &&
    o.kind === kind &&
    o.sheetId === sheetId &&
    Array.isArray(o.cells) &&
    o.cells.every((c) => c && typeof c.cell === 'string' && /^[A-Z]+\d+$/.test(c.cell)) &&
    Array.isArray(o.fills) &&
    o.fills.every(validFillState) &&
    o.cells.every((c) => c.fill === undefined || (Number.isInteger(c.fill) && c.fill >= 0 && c.fill < o.fills.length)) &&
    o.cells.every((c) => c.format === undefined || (typeof c.format?.before === 'string' && typeof c.format?.after === 'string')) &&
    Array.isArray(o.tracks)
  );
}

/** FNV-1a of a text: how a note the add-in added is recognised without keeping its text. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What the sheet, its records and its names look like, read in one sync at the start of every writer. */
export interface SheetState {
  ws: Excel.Worksheet;
  sheet: string;
  sheetId: string;
  protected: boolean;
  settings: Map<string, unknown>;
  names: Map<string, string>;
}

export async function readSheetState(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<SheetState> {
  ws.load(['name', 'id']);
  ws.protection.load('protected');
  const settings = queueAllSettings(ctx);
  const names = queueNames(ws);
  await ctx.sync();
  return { ws, sheet: ws.name, sheetId: ws.id, protected: ws.protection.protected, settings: settings(), names: names() };
}

/** The cells of a record where they are now (null: deleted), and whether names followed them. */
export function locateRecord(rec: JournalRecord, names: ReadonlyMap<string, string>): { at: (string | null)[]; followed: boolean } {
  const found = locate(rec.tracks, rec.cells.length, names);
  return found ? { at: found, followed: true } : { at: rec.cells.map((c) => c.cell), followed: false };
}

/**
 * Stores a record (or removes it, with `rec` null) with its tracking names, in an Excel.run of its own — outside any
 * merged undo group — in one sync. `oldTracks` are the names to replace and `dropKeys` the settings to remove (older
 * or damaged records); the caller passes only those it knows exist. The setting is written first: should a name fail,
 * the record is kept and its cells are found at their recorded addresses.
 */
export async function storeRecord(
  deps: Pick<ExcelDeps, 'run' | 'isSetSupported'>,
  sheetId: string,
  kind: string,
  rec: JournalRecord | null,
  oldTracks: readonly string[],
  dropKeys: readonly string[] = [],
): Promise<JournalRecord | null> {
  const key = recordKey(kind, sheetId);
  const stored: JournalRecord | null = rec ? { ...rec, tracks: rec.cells.length ? trackNames(kind, rec.sheet, rec.cells.map((c) => c.cell)) : [] } : null;
  return runBatch(
    deps,
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetId);
      if (stored) queueSettingWrite(ctx, key, stored);
      for (const k of dropKeys) if (k !== key || !stored) queueSettingWrite(ctx, k, undefined);
      for (const n of oldTracks) ws.names.getItem(n).delete();
      if (stored) queueTrack(ws, stored.sheet, kind, stored.cells.map((c) => c.cell));
      await ctx.sync();
      return stored;
    },
    { writes: false },
  );
}

/** The existing tracking names of a record (those the sheet still has), for storeRecord. */
export function existingTracks(rec: JournalRecord | null, names: ReadonlyMap<string, string>): string[] {
  return (rec?.tracks ?? []).filter((n) => names.has(n.toLowerCase()));
}

/** The threaded comments of a sheet by cell (id, text); two syncs when the sheet has comments, one otherwise. */
export async function commentsByCell(ctx: Excel.RequestContext, ws: Excel.Worksheet, loaded?: Excel.CommentCollection): Promise<Map<string, { id: string; content: string }>> {
  const list = loaded ?? ws.comments;
  if (!loaded) {
    list.load('items/id,items/content');
    await ctx.sync();
  }
  const out = new Map<string, { id: string; content: string }>();
  if (!list.items.length) return out;
  const locs = list.items.map((c) => {
    const l = c.getLocation();
    l.load('address');
    return l;
  });
  await ctx.sync();
  list.items.forEach((c, i) => {
    const bang = locs[i].address.lastIndexOf('!');
    const cell = locs[i].address.slice(bang + 1).replace(/\$/g, '').split(':')[0];
    out.set(cell, { id: c.id, content: c.content });
  });
  return out;
}

export interface JournalRevert {
  /** cells put back (any aspect) */
  restored: string[];
  /** cells already as they were before the add-in wrote (Ctrl+Z, an earlier attempt) */
  already: string[];
  /** cells the user changed since: left alone */
  skipped: string[];
  /** notes / comments the add-in had added and removed now */
  removed: number;
  /** notes the add-in added that the user edited since: left alone */
  keptEdited: string[];
  /** recorded cells the user deleted since (with their rows or columns) */
  gone: number;
  /** whether the cells were followed by their names (false: recorded addresses were used) */
  followed: boolean;
  /** cells whose fill could not be set back (a gradient) */
  unrestorable: string[];
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b || ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined));

/** A text constant starting with "=" reads the same in values and formulas; a real formula never does. */
export const isFormula = (f: unknown, v: unknown): boolean => typeof f === 'string' && f.startsWith('=') && f !== v;

/**
 * The value to write so the cell holds `v` again. Strings get Excel's text prefix (') so "12,5", "01/02" or "=x"
 * come back as the same text instead of being parsed like typed input.
 */
export function restorable(v: RawValue | null | undefined): RawValue {
  if (v === null || v === undefined || v === '') return '';
  return typeof v === 'string' ? "'" + v : v;
}

/** Reads the current state of the record's cells where they are now (one sync) and queues every restore. */
export async function queueRevert(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  rec: JournalRecord,
  names: ReadonlyMap<string, string>,
  markColors: ReadonlySet<string>,
  /** a rollback right after the add-in's own failed batch: every cell not as before is put back (nobody else touched it) */
  force = false,
): Promise<JournalRevert> {
  const { at, followed } = locateRecord(rec, names);
  const live: { c: RecordedCell; a1: string; pos: CellPos }[] = [];
  let gone = 0;
  rec.cells.forEach((c, i) => {
    const a = at[i];
    if (a) live.push({ c, a1: a, pos: posOf(a) });
    else gone++;
  });

  // ── what the cells show now (one sync) ──
  const withValue = live.filter((x) => x.c.value);
  const valueRanges = withValue.map((x) => {
    const r = ws.getRange(x.a1);
    r.load(['values', 'formulas']);
    return r;
  });
  const withFormat = live.filter((x) => x.c.format);
  const formatRanges = withFormat.map((x) => {
    const r = ws.getRange(x.a1);
    r.load('numberFormat');
    return r;
  });
  const withNote = live.filter((x) => x.c.note);
  const notes = withNote.map((x) => {
    const n = ws.notes.getItemOrNullObject(x.a1);
    n.load('content');
    return n;
  });
  const withComment = live.filter((x) => x.c.comment);
  const legacyComments = (rec.meta?.comments as string[] | undefined) ?? [];
  let comments: Excel.CommentCollection | null = null;
  if (withComment.length || legacyComments.length) {
    comments = ws.comments;
    comments.load('items/id,items/content');
  }
  const withFill = live.filter((x) => x.c.fill !== undefined);
  const fills = await queueFillCapture(ctx, ws, withFill.map((x) => x.pos));
  await ctx.sync();

  const out: JournalRevert = { restored: [], already: [], skipped: [], removed: 0, keptEdited: [], gone, followed, unrestorable: [] };
  const restored = new Set<string>();
  const already = new Set<string>();
  const skipped = new Set<string>();

  withValue.forEach((x, i) => {
    const v = x.c.value!;
    const now = valueRanges[i].values[0]?.[0];
    const f = valueRanges[i].formulas[0]?.[0];
    const nowFormula = isFormula(f, now);
    const beforeMatches = v.formula !== undefined ? nowFormula && f === v.formula : !nowFormula && sameValue(now, v.before);
    const afterMatches = v.afterFormula ? nowFormula && f === v.after : !nowFormula && sameValue(now, v.after);
    if (afterMatches || (force && !beforeMatches)) {
      ws.getRange(x.a1).values = [[v.formula !== undefined ? v.formula : restorable(v.before)]];
      restored.add(x.a1);
    } else if (beforeMatches) already.add(x.a1);
    else if (!x.c.stale) skipped.add(x.a1);
  });

  // number formats after the values: the text "2.019" goes back while the cell still has a number format (so Excel
  // keeps it as the text it is), and only then does the cell get its Text format ("@") back
  withFormat.forEach((x, i) => {
    const { before, after } = x.c.format!;
    const now = formatRanges[i].numberFormat[0]?.[0];
    if (now === after || (force && now !== before)) {
      if (now !== before) ws.getRange(x.a1).numberFormat = [[before]];
      restored.add(x.a1);
    } else if (now === before) already.add(x.a1);
    else if (!x.c.stale) skipped.add(x.a1);
  });

  const current = fills();
  const toRestore: { pos: CellPos; fill: FillState }[] = [];
  for (const x of withFill) {
    const before = rec.fills[x.c.fill!];
    const now = current.get(x.a1);
    if (!now) continue;
    if ((isMarkFill(now, markColors) && !isMarkFill(before, markColors)) || (force && !sameFill(now, before))) {
      if ('gradient' in before) out.unrestorable.push(x.a1);
      else {
        toRestore.push({ pos: x.pos, fill: before });
        restored.add(x.a1);
      }
    } else if (sameFill(now, before)) already.add(x.a1);
    else if (!x.c.stale) skipped.add(x.a1);
  }
  queueFillRestore(ws, toRestore);

  withNote.forEach((x, i) => {
    const n = notes[i];
    if (n.isNullObject) return;
    if (x.c.note === '*' || textHash(n.content) === x.c.note) {
      n.delete();
      out.removed++;
    } else out.keptEdited.push(x.a1);
  });
  if (comments) {
    const byCell = await commentsByCell(ctx, ws, comments);
    for (const x of withComment) {
      const c = byCell.get(x.a1);
      if (!c) continue;
      if (textHash(c.content) === x.c.comment) {
        comments.getItem(c.id).delete();
        out.removed++;
      } else out.keptEdited.push(x.a1);
    }
    // comments recorded without their cell (records of older versions): by id alone
    const ids = new Set(comments.items.map((c) => c.id));
    for (const id of legacyComments)
      if (ids.has(id)) {
        comments.getItem(id).delete();
        out.removed++;
      }
  }

  for (const a of restored) skipped.delete(a);
  for (const a of restored) already.delete(a);
  for (const a of already) skipped.delete(a);
  out.restored = [...restored];
  out.already = [...already];
  out.skipped = [...skipped];
  return out;
}

/** The record of `kind` for this sheet, if any (records of older versions, keyed by the sheet's name, converted). */
export function recordOf(state: SheetState, kind: string, legacy?: (raw: unknown, state: SheetState) => JournalRecord | null): { rec: JournalRecord | null; legacyKeys: string[] } {
  const raw = state.settings.get(recordKey(kind, state.sheetId));
  if (raw !== undefined && validRecord(raw, kind, state.sheetId)) return { rec: raw, legacyKeys: [] };
  const legacyKey = `phuluc.${kind}.${state.sheet}`;
  const old = state.settings.get(legacyKey);
  const keys = raw !== undefined ? [recordKey(kind, state.sheetId)] : [];
  if (old !== undefined) {
    keys.push(legacyKey);
    const conv = legacy?.(old, state) ?? null;
    return { rec: conv, legacyKeys: keys };
  }
  // a record that is not valid (damaged, from a newer version) is dropped, not trusted
  return { rec: null, legacyKeys: keys };
}

export interface RevertOptions {
  sheet?: string;
  /** colours that are the add-in's own marks (a cell showing one is the add-in's) */
  markColors: ReadonlySet<string>;
  /** converts a record of an older version of the add-in */
  legacy?: (raw: unknown, state: SheetState) => JournalRecord | null;
  /** thrown when the sheet is protected and there is something to undo */
  onProtected: (sheet: string) => Error;
}

/**
 * Undoes a record: the restores in one Excel.run (one undo step where Excel groups them), then — only once they all
 * succeeded — the record and its names are removed in a run of their own. Running it again after a failure is safe.
 */
export async function revertRecord(deps: Pick<ExcelDeps, 'run' | 'isSetSupported'>, kind: string, opts: RevertOptions): Promise<{ sheet: string; result: JournalRevert | null }> {
  const done = await runBatch(
    deps,
    async (ctx) => {
      const st = await readSheetState(ctx, targetSheet(ctx, opts.sheet));
      const { rec, legacyKeys } = recordOf(st, kind, opts.legacy);
      if (!rec) return { st, rec, legacyKeys, result: null };
      if (st.protected) throw opts.onProtected(st.sheet);
      const result = await queueRevert(ctx, st.ws, rec, st.names, opts.markColors);
      await ctx.sync();
      return { st, rec, legacyKeys, result };
    },
    { writes: true, undoGroup: true },
  );
  const { st, rec, legacyKeys, result } = done;
  if (rec || legacyKeys.length) await storeRecord(deps, st.sheetId, kind, null, existingTracks(rec, st.names), rec && !legacyKeys.length ? [recordKey(kind, st.sheetId)] : legacyKeys);
  return { sheet: st.sheet, result };
}
