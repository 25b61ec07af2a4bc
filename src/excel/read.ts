/**
 * Reads a worksheet into a SheetSnapshot, in as few `context.sync()` calls as the payload allows.
 *
 * Phase 1 (one sync): sheet name, protection, the values-only used range (address, row and column counts).
 * Phase 2: the used range is cut into row chunks; every chunk loads values, formulas, numberFormat and valueTypes.
 * Chunks are packed into syncs so that no sync carries more than ~4 MB (estimated), and the merged areas ride along
 * with the first one. So the number of syncs grows with the size of the sheet's data / 4 MB, never with the number of
 * rows as such: a small sheet is read in 2 syncs whatever its shape.
 *
 * Why 4 MB: Excel on the web rejects a request or a response over 5 MB ("RequestPayloadSizeLimitExceeded" /
 * "ResponsePayloadSizeLimitExceeded"), and the response of a load is the JSON of the four arrays. We estimate
 * 64 bytes per cell per array (a number is ~10 bytes, a short text cell ~20–60, a long Vietnamese task description
 * several hundred, "General"/"Double" ~10) — deliberately conservative for appendix sheets. When a sheet is wordier
 * than the estimate and Excel still refuses a sync, that sync is split in two and retried (down to one row), so an
 * estimate that is too low costs a few extra round trips, never a failed read.
 *
 * Merged areas (`getMergedAreasOrNullObject`, ExcelApi 1.13) fail when a range holds more than 512 of them; in that
 * case the data is re-read without them and the merges are fetched band by band (halving until each band answers).
 */
import { parseRange, rangeA1, type CellValue, type MergedArea, type SheetSnapshot } from '../core/snapshot';
import { isPayloadLimitError, MAX_SYNC_BYTES, resolveDeps, targetSheet, type ExcelDeps } from './deps';

/** arrays loaded per cell: values, formulas, numberFormat, valueTypes */
export const ARRAYS_PER_CELL = 4;
/** conservative JSON size of one cell in one array */
export const BYTES_PER_CELL_PER_ARRAY = 64;
export const BYTES_PER_CELL = ARRAYS_PER_CELL * BYTES_PER_CELL_PER_ARRAY;
/** never ask for more cells than this in one range, whatever the byte estimate says */
export const MAX_CELLS_PER_CHUNK = 500_000;

export interface Chunk {
  /** 0-based offset of the chunk's first row within the used range */
  startRow: number;
  rowCount: number;
  cells: number;
  estimatedBytes: number;
}

/**
 * Row chunks of a rowCount × colCount range, each estimated at most `maxBytes` (and at most MAX_CELLS_PER_CHUNK
 * cells), except that a chunk always holds at least one row.
 */
export function planChunks(rowCount: number, colCount: number, maxBytes: number = MAX_SYNC_BYTES, bytesPerCell: number = BYTES_PER_CELL): Chunk[] {
  if (!(rowCount > 0) || !(colCount > 0)) return [];
  const rowBytes = colCount * bytesPerCell;
  const rowsPerChunk = Math.max(1, Math.min(Math.floor(maxBytes / rowBytes), Math.floor(MAX_CELLS_PER_CHUNK / colCount)));
  const chunks: Chunk[] = [];
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rowCount - start);
    chunks.push({ startRow: start, rowCount: n, cells: n * colCount, estimatedBytes: n * rowBytes });
  }
  return chunks;
}

/** Packs chunks, in order, into syncs of at most `maxBytes` estimated (a chunk over the limit gets a sync alone). */
export function groupChunks(chunks: readonly Chunk[], maxBytes: number = MAX_SYNC_BYTES): Chunk[][] {
  const groups: Chunk[][] = [];
  let cur: Chunk[] = [];
  let bytes = 0;
  for (const c of chunks) {
    if (cur.length && bytes + c.estimatedBytes > maxBytes) {
      groups.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(c);
    bytes += c.estimatedBytes;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

export interface ReadOptions {
  /** per-sync payload budget (default 4 MB) */
  maxBytesPerSync?: number;
  /** estimated bytes per cell for the four arrays (default 256) */
  bytesPerCell?: number;
}

export interface ExcelReadInfo {
  /** the values-only used range, sheet-qualified as Excel returns it; null for an empty sheet */
  address: string | null;
  protected: boolean;
  rowCount: number;
  columnCount: number;
  /** the planned chunks (before any split forced by Excel refusing a payload) */
  chunks: Chunk[];
  /** context.sync() calls made */
  syncs: number;
  /** false when merged areas could not be read (API missing, or a band that still failed) */
  mergesComplete: boolean;
}

export interface ExcelSheetSnapshot extends SheetSnapshot {
  excel: ExcelReadInfo;
}

const FIELDS = ['values', 'formulas', 'numberFormat', 'valueTypes'];

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

export async function readSheet(name: string | undefined, deps?: Partial<ExcelDeps>, opts?: ReadOptions): Promise<ExcelSheetSnapshot> {
  const { run, isSetSupported } = resolveDeps(deps);
  const maxBytes = opts?.maxBytesPerSync ?? MAX_SYNC_BYTES;
  const bytesPerCell = opts?.bytesPerCell ?? BYTES_PER_CELL;
  const mergesSupported = isSetSupported('ExcelApi', '1.13');

  return run(async (ctx) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await ctx.sync();
    };

    // ── phase 1: what is there ──
    const ws = targetSheet(ctx, name);
    ws.load('name');
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(['address', 'rowCount', 'columnCount']);
    await sync();

    const sheetName = ws.name;
    const isProtected = ws.protection.protected;
    if (used.isNullObject) {
      return {
        name: sheetName,
        values: [],
        excel: { address: null, protected: isProtected, rowCount: 0, columnCount: 0, chunks: [], syncs, mergesComplete: true },
      };
    }
    const address = used.address;
    const area = parseRange(address);
    if (!area) throw new Error(`Unexpected used-range address from Excel: ${address}`);
    const rows = used.rowCount;
    const cols = used.columnCount;

    // ── phase 2: the data ──
    const values: CellValue[][] = new Array(rows);
    const formulas: (string | null)[][] = new Array(rows);
    const numberFormats: (string | null)[][] = new Array(rows);
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

    const store = (chunk: Chunk, r: Excel.Range) => {
      const v = r.values;
      const f = r.formulas;
      const nf = r.numberFormat;
      const vt = r.valueTypes;
      for (let i = 0; i < chunk.rowCount; i++) {
        const vr = v[i] ?? [];
        const tr = (vt[i] ?? []) as string[];
        const fr = f[i] ?? [];
        const nr = nf[i] ?? [];
        const outV: CellValue[] = new Array(cols);
        const outF: (string | null)[] = new Array(cols);
        const outN: (string | null)[] = new Array(cols);
        for (let c = 0; c < cols; c++) {
          outV[c] = toCellValue(vr[c], tr[c]);
          const fx = fr[c];
          // a text constant that starts with "=" comes back identical in values and formulas; a formula never does
          outF[c] = typeof fx === 'string' && fx.startsWith('=') && fx !== vr[c] ? fx : null;
          const fmt = nr[c];
          outN[c] = typeof fmt === 'string' ? fmt : null;
        }
        values[chunk.startRow + i] = outV;
        formulas[chunk.startRow + i] = outF;
        numberFormats[chunk.startRow + i] = outN;
      }
    };

    const chunkRange = (c: Chunk) =>
      ws.getRange(rangeA1({ top: area.top + c.startRow, bottom: area.top + c.startRow + c.rowCount - 1, left: area.left, right: area.left + cols - 1 }));

    const loadGroup = async (group: Chunk[]): Promise<void> => {
      const ranges = group.map((c) => {
        const r = chunkRange(c);
        r.load(FIELDS);
        return r;
      });
      let mergeAreas: Excel.RangeAreas | null = null;
      if (mergeState === 'pending') {
        mergeAreas = used.getMergedAreasOrNullObject();
        mergeAreas.load('areas/items/address');
      }
      try {
        await sync();
      } catch (e) {
        if (isPayloadLimitError(e)) {
          // the estimate was too low for this sheet: halve and retry
          if (group.length > 1) {
            const mid = Math.ceil(group.length / 2);
            await loadGroup(group.slice(0, mid));
            await loadGroup(group.slice(mid));
            return;
          }
          const c = group[0];
          if (c.rowCount > 1) {
            const h = Math.ceil(c.rowCount / 2);
            const per = c.estimatedBytes / c.rowCount;
            await loadGroup([{ startRow: c.startRow, rowCount: h, cells: h * cols, estimatedBytes: h * per }]);
            await loadGroup([{ startRow: c.startRow + h, rowCount: c.rowCount - h, cells: (c.rowCount - h) * cols, estimatedBytes: (c.rowCount - h) * per }]);
            return;
          }
          throw e;
        }
        if (mergeAreas) {
          // most likely more than 512 merged areas: read the data without them, fetch them by bands afterwards
          mergeState = 'banded';
          await loadGroup(group);
          return;
        }
        throw e;
      }
      if (mergeAreas) {
        collectMerges(mergeAreas);
        mergeState = 'done';
      }
      group.forEach((c, i) => store(c, ranges[i]));
    };

    const loadMergesBand = async (top: number, bottom: number): Promise<void> => {
      const m = ws.getRange(rangeA1({ top, bottom, left: area.left, right: area.right })).getMergedAreasOrNullObject();
      m.load('areas/items/address');
      try {
        await sync();
      } catch (e) {
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

    const chunks = planChunks(rows, cols, maxBytes, bytesPerCell);
    for (const group of groupChunks(chunks, maxBytes)) await loadGroup(group);
    if ((mergeState as string) === 'banded') {
      const mid = Math.floor((area.top + area.bottom) / 2);
      if (area.bottom > area.top) {
        await loadMergesBand(area.top, mid);
        await loadMergesBand(mid + 1, area.bottom);
      } else await loadMergesBand(area.top, area.bottom);
    }

    const snapshot: ExcelSheetSnapshot = {
      name: sheetName,
      origin: { row: area.top, col: area.left },
      values,
      formulas,
      numberFormats,
      excel: { address, protected: isProtected, rowCount: rows, columnCount: cols, chunks, syncs, mergesComplete },
    };
    if (mergesSupported) snapshot.merges = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
    return snapshot;
  });
}
