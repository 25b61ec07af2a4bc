/**
 * Reads a worksheet into a SheetSnapshot in as few `context.sync()` calls as the payload allows, loading only what the
 * checks use.
 *
 * Phase A — what every cell needs, its value.
 *   Sync 1 asks for the sheet name, protection, the values-only used range, its merged areas and, in the same
 *   request, the values of its first rows (up to `firstChunkRows`, 1 000: the used range intersected with rows
 *   1–1 000). Their actual JSON size (UTF-8 bytes) gives the bytes per row of this sheet; the remaining rows are then
 *   cut into syncs of at most `maxBytesPerSync` (3.5 MB) estimated, with a safety factor of 1.5 on what was measured.
 * Header. `findHeader` (pure, values + merges only, first 60 rows) runs as soon as the first rows are in: it says which
 *   columns play which role.
 * Phase B — what only some columns need, packed into the same syncs as the rest of phase A where room is left:
 *   - `numberFormat` of the deadline, completion-date, budget, maximum-score and score columns (date serials, shown
 *     decimals), and `formulas` of the budget, maximum-score and score columns (recalculation must not overwrite a
 *     formula); no header → neither is read;
 *   - `valueTypes` + `formulas` of the cells whose value could be an Excel error. Office.js returns an error cell's
 *     value as its text ("#REF!", "#N/A", localised "#WERT!" …, always starting with "#"), so only short strings
 *     starting with "#" are checked; a text that merely reads "#REF!" stays text. This drops `valueTypes` (a third of
 *     the phase-A payload) for every other cell.
 * For an appendix of 11 columns this is ~300 bytes per row instead of ~660 for values+formulas+numberFormat+valueTypes
 * of every cell: 100 rows take 2 syncs, 10 000 rows 3, 100 000 rows ~14 (each ≤ ~2.5 MB actual) — the count grows
 * with the payload, 3.5 MB per sync, never with the rows as such.
 *
 * Why 3.5 MB: Excel on the web rejects a request or a response over 5 MB ("RequestPayloadSizeLimitExceeded" /
 * "ResponsePayloadSizeLimitExceeded"). When a sheet is wordier further down than in its first rows and Excel still
 * refuses a sync, that sync is split in two and retried (down to one row of one range), and later estimates use what
 * the smaller loads measured — an estimate that is too low costs a few extra round trips, never a failed read. The
 * same happens for RangeExceedsLimit, for a bare GeneralException on a large sync on the web (how the web sometimes
 * answers an oversized payload, office-js #1314), and when Excel answers a load with `values: null` instead of data
 * (a range too large to return); the first sync's block of rows is capped at FIRST_CHUNK_CELLS cells.
 *
 * Merged areas (`getMergedAreasOrNullObject`, ExcelApi 1.13) fail when a range holds more than 512 of them; then the
 * first sync is repeated without them and the merges are fetched band by band (halving until each band answers),
 * before the header is looked for (a two-row header is recognised by its merges).
 *
 * Progress (`ReadOptions.onProgress`): rows of values received ÷ rows make the first 90 %, cells of phase B received ÷
 * cells of phase B known so far the last 10 %. What a sync brought is reported once it is stored, i.e. when the next
 * sync is sent, or — after the last sync — as exactly 1 before the snapshot is returned: one call per sync at most,
 * strictly increasing, the last one 1.
 */
import { Grid, columnLetter, parseRange, rangeA1, type CellValue, type MergedArea, type SheetSnapshot } from '../core/snapshot';
import { findHeader, type HeaderMatch } from '../core/table/header';
import { isSizeError, resolveDeps, runBatch, targetSheet, type ExcelDeps } from './deps';

/** estimated payload per sync (Excel on the web refuses 5 MB) */
export const TARGET_SYNC_BYTES = Math.round(3.5 * 1024 * 1024);
/** measured sizes are multiplied by this before planning: later rows may be wordier than the ones measured */
export const SAFETY_FACTOR = 1.5;
/** rows whose values come with the first sync, before anything is known about the sheet */
export const FIRST_CHUNK_ROWS = 1000;
/**
 * …and never more cells than this in it, whatever the sheet's width (unknown before sync 1): the first rows are asked
 * for columns A to the FIRST_CHUNK_CELLS / rows-th only. A sheet wider than that reads them again with the others;
 * what came is still measured.
 */
export const FIRST_CHUNK_CELLS = 100_000;
/** bytes per cell assumed for values when nothing has been measured yet (the first rows could not be read with sync 1) */
export const INITIAL_BYTES_PER_CELL = 64;
/** never ask for more cells than this in one range, whatever the byte estimate says */
export const MAX_CELLS_PER_CHUNK = 500_000;
/** rows `findHeader` needs to give the same answer on the first rows as on the whole sheet (it scans 60 + 1) */
export const HEADER_SCAN_ROWS = 64;
/** an error value is a short text starting with "#" */
const MAX_ERROR_TEXT = 32;
/** guesses before anything of the kind was measured (per cell, before the safety factor) */
const GUESS_FORMAT_BYTES = 16;
const GUESS_FORMULA_EXTRA_BYTES = 16;
/** valueTypes + formulas of one checked cell */
const CHECK_BYTES_PER_CELL = 64;
/** past this many separate ranges of checked cells in one chunk, each column's span is read instead */
const MAX_CHECK_RANGES_PER_CHUNK = 200;
/** share of the progress given to the values (phase A); the rest is phase B */
const VALUES_SHARE = 0.9;
/** the highest fraction reported before the read is complete */
const MAX_PARTIAL_PROGRESS = 0.99;

export interface Chunk {
  /** 0-based offset of the chunk's first row within the used range */
  startRow: number;
  rowCount: number;
  cells: number;
  /** the estimate it was planned with (for the rows of the first sync: their measured size) */
  estimatedBytes: number;
}

export interface ReadOptions {
  /** estimated payload per sync (default 3.5 MB) */
  maxBytesPerSync?: number;
  /** estimated bytes per cell of values before anything is measured (default 64) */
  bytesPerCell?: number;
  /** rows whose values come with the first sync (default 1 000; 0 = none) */
  firstChunkRows?: number;
  /** factor on measured sizes (default 1.5) */
  safetyFactor?: number;
  /**
   * Called after a sync that brought data with the fraction of the read done so far, 0 < f ≤ 1: rows whose values
   * have arrived ÷ rows count for 90 %, the number formats, formulas and error checks (phase B) for the last 10 %.
   * Strictly increasing, at most once per sync, and the last call is exactly 1 (after the sync that completes the
   * read). An exception thrown by the callback is ignored.
   */
  onProgress?: (fraction: number) => void;
}

export interface ExcelReadInfo {
  /** the values-only used range, sheet-qualified as Excel returns it; null for an empty sheet */
  address: string | null;
  protected: boolean;
  rowCount: number;
  columnCount: number;
  /** the row chunks whose values were asked for, in order (before any split forced by Excel refusing a payload) */
  chunks: Chunk[];
  /** context.sync() calls made */
  syncs: number;
  /** false when merged areas could not be read (API missing, or a band that still failed) */
  mergesComplete: boolean;
  /** absolute sheet columns whose number formats were read (elsewhere `numberFormats` is null, i.e. General) */
  formatColumns: number[];
  /** absolute sheet columns whose formulas were read (plus the cells in `checkedCells`) */
  formulaColumns: number[];
  /** cells whose value type (and formula) was asked for because their value reads like an error */
  checkedCells: number;
  /** UTF-8 bytes of the arrays each sync returned, as measured here (index = sync - 1; 0 for a failed sync) */
  syncBytes: number[];
}

export interface ExcelSheetSnapshot extends SheetSnapshot {
  excel: ExcelReadInfo;
}

export function readActiveSheet(deps?: Partial<ExcelDeps>, opts?: ReadOptions): Promise<ExcelSheetSnapshot> {
  return readSheet(undefined, deps, opts);
}

/** Converts one cell as Office.js returns it into the engine's CellValue. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** True when Office.js may have returned this value for an error cell (then its valueType is asked for). */
export function mayBeError(value: unknown): boolean {
  return typeof value === 'string' && value.charCodeAt(0) === 35 /* # */ && value.length <= MAX_ERROR_TEXT;
}

/**
 * The columns whose number formats / formulas the checks read, from the header match: number formats for the
 * deadline, completion-date, budget, maximum-score and score columns; formulas for budget, maximum-score and score.
 */
export function detailColumns(header: HeaderMatch | null): { formats: number[]; formulas: number[] } {
  if (!header) return { formats: [], formulas: [] };
  const c = header.columns;
  const formulas = [c.budget, c.maxScore, ...header.scoreColumns.map((s) => s.col)];
  const formats = [c.deadline, c.completedOn, ...formulas];
  const clean = (l: (number | undefined)[]) => [...new Set(l.filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
  return { formats: clean(formats), formulas: clean(formulas) };
}

/** UTF-8 length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else n += 2;
  }
  return n;
}

/** The size of an array as it crosses the wire (JSON, UTF-8). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

type Field = 'values' | 'numberFormat' | 'formulas' | 'valueTypes';
type Kind = 'values' | 'detail' | 'check';

/** A block of the used range to load: rows × columns, offsets within the used range. */
interface Item {
  kind: Kind;
  fields: Field[];
  startRow: number;
  rowCount: number;
  left: number;
  width: number;
  /** estimated bytes per row */
  perRow: number;
  /** detail items: the run they belong to (for measurements) */
  run?: Run;
}

/** Adjacent columns that need the same fields. */
interface Run {
  left: number;
  width: number;
  fields: Field[];
  /** next row to ask for */
  next: number;
  /** bytes measured so far (all its fields together) and the cells they came from, for the estimate */
  bytes: number;
  cells: number;
}

export async function readSheet(name: string | undefined, deps?: Partial<ExcelDeps>, opts?: ReadOptions): Promise<ExcelSheetSnapshot> {
  const d = resolveDeps(deps);
  const { isSetSupported } = d;
  const maxBytes = opts?.maxBytesPerSync ?? TARGET_SYNC_BYTES;
  const initialPerCell = opts?.bytesPerCell ?? INITIAL_BYTES_PER_CELL;
  const safety = opts?.safetyFactor ?? SAFETY_FACTOR;
  const mergesSupported = isSetSupported('ExcelApi', '1.13');
  // the first rows ride with sync 1 through Range.getIntersectionOrNullObject (ExcelApi 1.4)
  let firstRows = isSetSupported('ExcelApi', '1.4') ? Math.max(0, Math.floor(opts?.firstChunkRows ?? FIRST_CHUNK_ROWS)) : 0;

  return runBatch(d, async (ctx) => {
    const syncBytes: number[] = [];
    // what the previous syncs brought has been stored by the time the next one is sent: report it then
    const sync = async () => {
      progress(false);
      syncBytes.push(0);
      await ctx.sync();
    };
    // set once the first rows are in (see decideHeader below); declared here for the progress
    let header: HeaderMatch | null | undefined;
    let formatColumns: number[] = [];
    let formulaColumns: number[] = [];
    const runs: Run[] = [];
    let rows = 0;
    let valueRows = 0;
    // phase B cells queued / received (a checked span counts all its cells)
    let checkCells = 0;
    let checkDone = 0;
    let detailDone = 0;
    let reported = 0;
    /** Tells `onProgress` how much has arrived (exactly 1 when `complete`), if that is more than it was last told. */
    const progress = (complete: boolean) => {
      const onProgress = opts?.onProgress;
      if (!onProgress) return;
      let f = 1;
      if (!complete) {
        const a = rows > 0 ? Math.min(1, valueRows / rows) : 0;
        let detailCells = 0;
        for (const r of runs) detailCells += r.width * rows;
        const total = detailCells + checkCells;
        const b = header !== undefined && total > 0 ? Math.min(1, (detailDone + checkDone) / total) : 0;
        f = Math.min(MAX_PARTIAL_PROGRESS, VALUES_SHARE * a + (1 - VALUES_SHARE) * b);
      }
      if (!(f > reported)) return;
      reported = f;
      try {
        const r: unknown = onProgress(f);
        // a callback declared async: its rejection is ignored too
        if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => undefined);
      } catch {
        // the pane's progress bar must never break the read
      }
    };
    const merges = new Map<string, MergedArea>();
    let mergeState: 'pending' | 'done' | 'banded' | 'off' = mergesSupported ? 'pending' : 'off';
    let mergesComplete = mergesSupported;
    const collectMerges = (m: Excel.RangeAreas) => {
      if (m.isNullObject) return;
      for (const a of m.areas.items) {
        const p = parseRange(a.address);
        if (p) merges.set(`${p.top}:${p.left}:${p.bottom}:${p.right}`, p);
      }
    };

    // ── sync 1: what is there, and its first rows ──
    const ws = targetSheet(ctx, name);
    let used: Excel.Range;
    let first: Excel.Range | null;
    for (;;) {
      ws.load('name');
      ws.protection.load('protected');
      // getUsedRange never fails: a blank sheet gives A1, so the calls chained on it below are safe
      used = ws.getUsedRange(true);
      used.load(['address', 'rowCount', 'columnCount']);
      let mergeAreas: Excel.RangeAreas | null = null;
      if (mergeState === 'pending') {
        mergeAreas = used.getMergedAreasOrNullObject();
        mergeAreas.load('areas/items/address');
      }
      first = null;
      if (firstRows > 0) {
        const lastCol = Math.max(1, Math.min(16384, Math.floor(FIRST_CHUNK_CELLS / firstRows)));
        first = used.getIntersectionOrNullObject(`A1:${columnLetter(lastCol)}${firstRows}`);
        first.load('values');
      }
      try {
        await sync();
      } catch (e) {
        // (the first block was asked for exactly when firstRows > 0)
        if (isSizeError(e, { platform: d.platform, bytes: firstRows * 1000 }) && firstRows > 0) {
          firstRows = 0; // wordy first rows: read them like the others, by measured chunks
          continue;
        }
        if (mergeAreas && (e as { code?: string })?.code !== 'ItemNotFound') {
          mergeState = 'banded'; // most likely more than 512 merged areas
          continue;
        }
        throw e;
      }
      if (mergeAreas) {
        collectMerges(mergeAreas);
        mergeState = 'done';
      }
      break;
    }

    const sheetName = ws.name;
    const isProtected = ws.protection.protected;
    const address = used.address;
    const area = parseRange(address);
    if (!area) throw new Error(`Unexpected used-range address from Excel: ${address}`);
    rows = used.rowCount;
    const cols = used.columnCount;

    const values: CellValue[][] = new Array(rows);
    const formulas: (string | null)[][] = new Array(rows);
    const numberFormats: (string | null)[][] = new Array(rows);
    const chunks: Chunk[] = [];
    const checkQueue: Item[] = [];
    let checkedCells = 0;
    let nextRow = 0; // next row whose values are to be asked for
    let prefix = 0; // rows 0 … prefix-1 have their values
    let valueBytes = 0;
    let lastPerRow = 0;

    // bytes per cell measured on a first block narrower than the sheet (then the only measure until a chunk is read)
    let firstPerCell = 0;
    const perRowValues = () => (valueRows ? Math.max(valueBytes / valueRows, lastPerRow) * safety : cols * (firstPerCell ? firstPerCell * safety : initialPerCell));
    const perCellValue = () => (valueRows ? (valueBytes / valueRows / cols) * safety : firstPerCell ? firstPerCell * safety : initialPerCell);
    const perRowRun = (r: Run) => {
      if (r.cells) return (r.bytes / r.cells) * safety * r.width;
      let b = 0;
      for (const f of r.fields) b += f === 'numberFormat' ? GUESS_FORMAT_BYTES * safety : perCellValue() + GUESS_FORMULA_EXTRA_BYTES * safety;
      return b * r.width;
    };

    /** Stores the values of rows [start, start + count) and queues the checks of the cells that may be errors. */
    const storeValues = (start: number, v: unknown[][], count: number) => {
      const candidates: [number, number][] = [];
      for (let i = 0; i < count; i++) {
        const vr = v[i] ?? [];
        const out: CellValue[] = new Array(cols);
        for (let c = 0; c < cols; c++) {
          const x = vr[c];
          out[c] = toCellValue(x, undefined);
          if (mayBeError(x)) candidates.push([start + i, c]);
        }
        values[start + i] = out;
        formulas[start + i] = new Array(cols).fill(null);
        numberFormats[start + i] = new Array(cols).fill(null);
      }
      while (prefix < rows && values[prefix] !== undefined) prefix++;
      if (candidates.length) queueChecks(candidates);
    };

    const queueChecks = (cells: [number, number][]) => {
      checkedCells += cells.length;
      // vertical runs per column
      const byCol = new Map<number, number[]>();
      for (const [r, c] of cells) {
        let l = byCol.get(c);
        if (!l) byCol.set(c, (l = []));
        l.push(r);
      }
      const runs: { col: number; top: number; bottom: number }[] = [];
      for (const [col, rs] of byCol) {
        rs.sort((a, b) => a - b);
        let top = rs[0];
        for (let i = 1; i <= rs.length; i++) {
          if (i < rs.length && rs[i] === rs[i - 1] + 1) continue;
          runs.push({ col, top, bottom: rs[i - 1] });
          if (i < rs.length) top = rs[i];
        }
      }
      const spans =
        runs.length <= MAX_CHECK_RANGES_PER_CHUNK
          ? runs
          : [...byCol].map(([col, rs]) => ({ col, top: rs[0], bottom: rs[rs.length - 1] })); // rs sorted above
      for (const s of spans) {
        checkCells += s.bottom - s.top + 1;
        checkQueue.push({ kind: 'check', fields: ['valueTypes', 'formulas'], startRow: s.top, rowCount: s.bottom - s.top + 1, left: s.col, width: 1, perRow: CHECK_BYTES_PER_CELL });
      }
    };

    // Range.values may come back null for a range too large to return (guarded, never trusted)
    // `first` is JavaScript's null when no first block was asked for; the Office null object is tested by isNullObject
    // eslint-disable-next-line office-addins/test-for-null-using-isNullObject -- a JS null check before the isNullObject test
    const firstValues = first && !first.isNullObject ? (first.values as unknown[][] | null) : null;
    if (firstValues && firstValues.length && (firstValues[0]?.length ?? 0) < cols) {
      // a sheet wider than the first block: measure it, read those rows again with the others
      const b = jsonBytes(firstValues);
      syncBytes[syncBytes.length - 1] += b;
      firstPerCell = b / Math.max(1, firstValues.length * (firstValues[0]?.length ?? 1));
    } else if (firstValues) {
      const v = firstValues;
      const count = Math.min(v.length, rows);
      // the intersection starts at the used range's top row
      storeValues(0, v, count);
      const b = jsonBytes(v);
      syncBytes[syncBytes.length - 1] += b;
      valueBytes += b;
      valueRows += count;
      lastPerRow = b / Math.max(1, count);
      chunks.push({ startRow: 0, rowCount: count, cells: count * cols, estimatedBytes: b });
      nextRow = count;
    }

    // ── merges in bands, when there were too many for one request ──
    const loadMergesBand = async (top: number, bottom: number): Promise<void> => {
      const m = ws.getRange(rangeA1({ top, bottom, left: area.left, right: area.right })).getMergedAreasOrNullObject();
      m.load('areas/items/address');
      try {
        await sync();
      } catch {
        if (bottom > top) {
          const mid = Math.floor((top + bottom) / 2);
          await loadMergesBand(top, mid);
          await loadMergesBand(mid + 1, bottom);
          return;
        }
        mergesComplete = false;
        return;
      }
      collectMerges(m);
    };
    if (mergeState === 'banded') {
      if (area.bottom > area.top) {
        const mid = Math.floor((area.top + area.bottom) / 2);
        await loadMergesBand(area.top, mid);
        await loadMergesBand(mid + 1, area.bottom);
      } else await loadMergesBand(area.top, area.bottom);
    }
    const mergeList = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);

    // ── the header, once its rows are in: which columns need formats / formulas ──
    const decideHeader = () => {
      if (header !== undefined || prefix < Math.min(rows, HEADER_SCAN_ROWS)) return;
      const grid = new Grid({ name: sheetName, origin: { row: area.top, col: area.left }, values: values.slice(0, prefix), merges: mergeList });
      header = findHeader(grid);
      ({ formats: formatColumns, formulas: formulaColumns } = detailColumns(header));
      const need = new Map<number, Field[]>();
      for (const c of formatColumns) need.set(c, ['numberFormat']);
      for (const c of formulaColumns) need.set(c, [...(need.get(c) ?? []), 'formulas']);
      for (const c of [...need.keys()].sort((a, b) => a - b)) {
        const fields = need.get(c)!;
        const last = runs[runs.length - 1];
        const off = c - area.left;
        if (last && last.left + last.width === off && last.fields.join() === fields.join()) last.width++;
        else runs.push({ left: off, width: 1, fields, next: 0, bytes: 0, cells: 0 });
      }
    };
    decideHeader();

    // ── the remaining work, packed into syncs ──
    const rowsPerRange = (width: number) => Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / width));
    const plan = (): Item[] => {
      const items: Item[] = [];
      let budget = maxBytes;
      /** how many of `left` rows at `perRow` bytes fit (at least one when the sync is still empty) */
      const fit = (left: number, perRow: number) => {
        const n = Math.min(left, Math.floor(budget / Math.max(perRow, 1)));
        return n >= 1 ? n : items.length ? 0 : 1;
      };
      if (nextRow < rows) {
        const per = perRowValues();
        let n = fit(rows - nextRow, per);
        while (n > 0) {
          const k = Math.min(n, rowsPerRange(cols));
          items.push({ kind: 'values', fields: ['values'], startRow: nextRow, rowCount: k, left: 0, width: cols, perRow: per });
          chunks.push({ startRow: nextRow, rowCount: k, cells: k * cols, estimatedBytes: Math.round(k * per) });
          nextRow += k;
          n -= k;
          budget -= k * per;
        }
      }
      while (checkQueue.length) {
        const c = checkQueue[0];
        const n = fit(c.rowCount, c.perRow);
        if (!n) break;
        items.push({ ...c, rowCount: n });
        budget -= n * c.perRow;
        if (n === c.rowCount) checkQueue.shift();
        else checkQueue[0] = { ...c, startRow: c.startRow + n, rowCount: c.rowCount - n };
      }
      for (const r of runs) {
        while (r.next < rows) {
          const per = perRowRun(r);
          const n = Math.min(fit(rows - r.next, per), rowsPerRange(r.width));
          if (!n) break;
          items.push({ kind: 'detail', fields: r.fields, startRow: r.next, rowCount: n, left: r.left, width: r.width, perRow: per, run: r });
          r.next += n;
          budget -= n * per;
        }
      }
      return items;
    };

    const store = (it: Item, range: Excel.Range): number => {
      let total = 0;
      if (it.kind === 'values') {
        const v = range.values;
        const b = jsonBytes(v);
        storeValues(it.startRow, v, it.rowCount);
        valueBytes += b;
        valueRows += it.rowCount;
        lastPerRow = b / it.rowCount;
        return b;
      }
      const types = it.fields.includes('valueTypes') ? (range.valueTypes as string[][]) : null;
      const f = it.fields.includes('formulas') ? range.formulas : null;
      const nf = it.fields.includes('numberFormat') ? range.numberFormat : null;
      for (const a of [types, f, nf]) if (a) total += jsonBytes(a);
      for (let i = 0; i < it.rowCount; i++) {
        const r = it.startRow + i;
        for (let j = 0; j < it.width; j++) {
          const c = it.left + j;
          if (types && types[i]?.[j] === 'Error') values[r][c] = { error: String(values[r][c] ?? '') };
          const fx = f?.[i]?.[j];
          if (typeof fx === 'string' && fx.startsWith('=')) formulas[r][c] = fx;
          const fmt = nf?.[i]?.[j];
          if (typeof fmt === 'string') numberFormats[r][c] = fmt;
        }
      }
      if (it.run) {
        it.run.bytes += total;
        it.run.cells += it.rowCount * it.width;
      }
      if (it.kind === 'check') checkDone += it.rowCount * it.width;
      else detailDone += it.rowCount * it.width;
      return total;
    };

    /** Two loads of about half the estimated bytes each, splitting the item that straddles the middle; null for one cell row. */
    const halve = (items: Item[]): [Item[], Item[]] | null => {
      const total = items.reduce((s, it) => s + it.rowCount * it.perRow, 0);
      let acc = 0;
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        const b = it.rowCount * it.perRow;
        if (acc + b < total / 2 && i < items.length - 1) {
          acc += b;
          continue;
        }
        // the middle falls in this item: split its rows, or cut between items when it is one row
        const h = Math.min(it.rowCount - 1, Math.max(0, Math.round((total / 2 - acc) / Math.max(it.perRow, 1))));
        if (h >= 1) return [[...items.slice(0, i), { ...it, rowCount: h }], [{ ...it, startRow: it.startRow + h, rowCount: it.rowCount - h }, ...items.slice(i + 1)]];
        if (i > 0) return [items.slice(0, i), items.slice(i)];
        if (items.length > 1) return [items.slice(0, 1), items.slice(1)];
        return null;
      }
      return null;
    };

    const rangeOf = (it: Item) =>
      ws.getRange(
        rangeA1({ top: area.top + it.startRow, bottom: area.top + it.startRow + it.rowCount - 1, left: area.left + it.left, right: area.left + it.left + it.width - 1 }),
      );

    const load = async (items: Item[]): Promise<void> => {
      const ranges = items.map((it) => {
        const r = rangeOf(it);
        r.load(it.fields);
        return r;
      });
      try {
        await sync();
      } catch (e) {
        const estimated = items.reduce((s, it) => s + it.rowCount * it.perRow, 0);
        if (!isSizeError(e, { platform: d.platform, bytes: estimated })) throw e;
        // wordier than estimated: halve and retry (the second half is estimated again from what the first measured)
        const halves = halve(items);
        if (!halves) throw e;
        await load(halves[0]);
        await load(halves[1]);
        return;
      }
      // a range Excel found too large may come back null instead of failing: read it smaller too
      if (items.some((it, i) => it.fields.some((f) => (ranges[i] as unknown as Record<string, unknown>)[f] === null))) {
        const halves = halve(items);
        if (!halves) throw new Error('Excel returned no data for one row of the sheet (Range.values was null).');
        await load(halves[0]);
        await load(halves[1]);
        return;
      }
      // values first: the checks and formulas of the same sync refer to them
      const order = items.map((_, i) => i).sort((a, b) => Number(items[b].kind === 'values') - Number(items[a].kind === 'values'));
      for (const i of order) syncBytes[syncBytes.length - 1] += store(items[i], ranges[i]);
    };

    for (;;) {
      decideHeader();
      const items = plan();
      if (!items.length) break;
      await load(items);
    }

    // a text constant that starts with "=" comes back identical in values and formulas; a formula never does
    for (let r = 0; r < rows; r++) {
      const fr = formulas[r];
      for (let c = 0; c < cols; c++) if (fr[c] !== null && fr[c] === values[r][c]) fr[c] = null;
    }

    const info = (blank: boolean): ExcelReadInfo => ({
      address: blank ? null : address,
      protected: isProtected,
      rowCount: blank ? 0 : rows,
      columnCount: blank ? 0 : cols,
      chunks: blank ? [] : chunks,
      syncs: syncBytes.length,
      mergesComplete,
      formatColumns,
      formulaColumns,
      checkedCells,
      syncBytes,
    });
    progress(true);
    // getUsedRange gives A1 for a blank sheet
    if (rows === 1 && cols === 1 && values[0][0] === null) return { name: sheetName, values: [], excel: info(true) };

    const snapshot: ExcelSheetSnapshot = {
      name: sheetName,
      origin: { row: area.top, col: area.left },
      values,
      formulas,
      numberFormats,
      excel: info(false),
    };
    if (mergesSupported) snapshot.merges = mergeList;
    return snapshot;
  });
}
