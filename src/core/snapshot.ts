/**
 * SheetSnapshot: what a host reads from a sheet and hands to the engine. Plain data (JSON-safe), so it can cross a
 * worker boundary or be built by a test in a few lines. Dates are Excel serial numbers with a date number format,
 * exactly as Office.js returns them.
 */
export interface CellError {
  error: string; // "#REF!", "#VALUE!", …
}
export type CellValue = string | number | boolean | null | CellError;

export interface MergedArea {
  /** 1-based, absolute sheet coordinates, inclusive */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** absolute sheet row/column (1-based) of values[0][0] — the used range's top-left cell */
  origin?: { row: number; col: number };
  /**
   * values[r][c]: a rectangle; rows may be shorter than the widest one. Hidden rows and columns are included like any
   * other (they are part of the file a unit submits, and are checked); a snapshot does not say what is hidden.
   */
  values: CellValue[][];
  /** formulas[r][c]: "=SUM(F5:F60)" where the cell holds a formula, else null/undefined */
  formulas?: (string | null | undefined)[][];
  /** numberFormats[r][c]: "0.00", "#,##0", "dd/mm/yyyy", "General" … */
  numberFormats?: (string | null | undefined)[][];
  merges?: MergedArea[];
  /**
   * The distinct font names used by the sheet's cells (".VnTime", "VNI-Times", "Times New Roman"…), when the host
   * can tell: evidence for legacy Vietnamese encodings (core/vn/legacy.ts). Optional; the text is evidence enough.
   */
  fonts?: string[];
  /** a sheet hidden in the workbook ("veryHidden": only a macro can show it again); absent when visible */
  visibility?: 'hidden' | 'veryHidden';
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;
/** Hosts that only see display text (CSV, some APIs) can recognise Excel's error values with this. */
export function errorFromText(text: string): CellError | null {
  return ERROR_TEXT.test(text.trim()) ? { error: text.trim() } : null;
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  // by code unit (no string iterator: this runs for every finding); a surrogate pair is one character to for…of
  for (let i = 0; i < up.length; i++) {
    const c = up.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return columnNumberByCodePoint(up);
    n = n * 26 + (c - 64);
  }
  return n;
}

function columnNumberByCodePoint(up: string): number {
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return columnLetter(col) + row;
}

/** "F61" → {row: 61, col: 6}; "$F$61" accepted; null when not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: parseInt(m[2], 10), col: columnNumber(m[1]) };
}

/** "A1:G2" → MergedArea; a single cell gives a 1×1 area. */
export function parseRange(range: string): MergedArea | null {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [p, q] = bare.split(':');
  const s = parseA1(p);
  const e = q ? parseA1(q) : s;
  if (!s || !e) return null;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeA1(area: MergedArea): string {
  const s = a1(area.top, area.left);
  const e = a1(area.bottom, area.right);
  return s === e ? s : `${s}:${e}`;
}

/**
 * Random access over a snapshot in absolute sheet coordinates, with merged areas resolved:
 * `value(r, c)` is the cell's own value; `merged(r, c)` tells which merged area (if any) covers it.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly values: CellValue[][];
  private readonly formulas?: (string | null | undefined)[][];
  private readonly formats?: (string | null | undefined)[][];
  private readonly mergeIndex = new Map<number, MergedArea>();
  readonly merges: MergedArea[];

  constructor(snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.top = snapshot.origin?.row ?? 1;
    this.left = snapshot.origin?.col ?? 1;
    this.values = snapshot.values ?? [];
    this.formulas = snapshot.formulas;
    this.formats = snapshot.numberFormats;
    let width = 0;
    for (const row of this.values) if (row && row.length > width) width = row.length;
    this.bottom = this.top + this.values.length - 1;
    this.right = this.left + width - 1;
    this.merges = (snapshot.merges ?? []).filter((m) => m.bottom >= m.top && m.right >= m.left);
    for (const m of this.merges) {
      // Index only the cells inside the used range: a merge can reach far beyond it (whole-row merges).
      const b = Math.min(m.bottom, this.bottom);
      const r = Math.min(m.right, this.right);
      for (let row = Math.max(m.top, this.top); row <= b; row++)
        for (let col = Math.max(m.left, this.left); col <= r; col++) this.mergeIndex.set(this.key(row, col), m);
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  get rowCount(): number {
    return this.values.length;
  }

  value(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /**
   * The row's own values as the snapshot holds them, for scans of every cell of a row: index 0 is column `left`; a
   * missing cell is `undefined` or `null` (both read as null by value()); an empty array for a row the snapshot lacks.
   * Read-only.
   */
  rowValues(row: number): readonly (CellValue | undefined)[] {
    return this.values[row - this.top] || NO_VALUES;
  }

  formula(row: number, col: number): string | null {
    const f = this.formulas?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' && f.startsWith('=') ? f : null;
  }

  numberFormat(row: number, col: number): string {
    const f = this.formats?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' ? f : 'General';
  }

  /** Whether any merged area covers a cell of the used range (when none, merged() is always undefined). */
  get hasMerges(): boolean {
    return this.mergeIndex.size > 0;
  }

  merged(row: number, col: number): MergedArea | undefined {
    return this.mergeIndex.size ? this.mergeIndex.get(this.key(row, col)) : undefined;
  }

  /** The value that shows in this cell: a merged area's value for every cell it covers. */
  shownValue(row: number, col: number): CellValue {
    const m = this.merged(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }
}

const NO_VALUES: readonly CellValue[] = Object.freeze([]);

export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Fast path without allocating: most texts start with a visible character.
  const c = v.charCodeAt(0);
  if (c > 32 && c !== 160 && c < 0x2000) return false;
  return v.trim() === '';
}
