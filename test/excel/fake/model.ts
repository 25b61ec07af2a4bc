/**
 * The workbook model behind the fake Excel object model (../fakeExcel.ts): cells, fills, merged areas, notes,
 * comments, defined names, settings, and what happens to all of them when the user inserts or deletes rows and
 * columns or renames a sheet. No Office.js proxies here: those are in ./objects.ts.
 */
import { parseA1, parseRange, rangeA1, type MergedArea } from '../../../src/core/snapshot';

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

/**
 * A cell's fill as Excel keeps it. `tintAndShade` is null for No Fill: Office.js reports No Fill and a white fill
 * alike as color "#FFFFFF", and only `tintAndShade` tells them apart (null = No Fill, a number = a fill) — office-js
 * issues #4900 (maintainer's answer) and #6218.
 */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}
export const NO_FILL: Readonly<FakeFill> = Object.freeze({ color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: null, patternTintAndShade: null });
/** fills the API cannot set back (it has no gradient stops) */
export const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  error?: string;
  fill?: FakeFill;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  bold?: boolean;
}
export type CellInput = string | number | boolean | null | FakeCell;

export const KEY = (r: number, c: number) => r * 20000 + c;
export const hasContent = (c: FakeCell | undefined) => !!c && ((c.value !== undefined && c.value !== '') || !!c.formula || !!c.error);

/** A sheet reference as Excel writes it in addresses: quoted only when needed. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function splitQualified(s: string): { sheet?: string; address: string } {
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { address: s.trim() };
  let sheet = s.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1).trim() };
}

/** "A1", "$B$2:C3", "D:D" (a whole column), "5:7" (whole rows) → an area */
export function parseArea(address: string): MergedArea | null {
  const a = address.replace(/\$/g, '').trim();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(a);
  if (cols) {
    const l = parseA1(cols[1] + '1');
    const r = parseA1(cols[2] + '1');
    return l && r ? { top: 1, bottom: 1048576, left: l.col, right: r.col } : null;
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: 16384 };
  return parseRange(a);
}

export function intersects(a: MergedArea, b: MergedArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function* cellsIn(areas: readonly MergedArea[]): Generator<[number, number]> {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield [r, c];
}

export const cellCount = (a: MergedArea) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** Compares dotted versions: "1.10" > "1.9". */
export function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * A structural edit as a map of one axis: where an old row (or column) is now, or null if it was deleted.
 * `insert(at, n)`: n new rows before `at`; `delete(at, n)`: rows at … at+n-1 go.
 */
export type Shift = (i: number) => number | null;
export const insertShift = (at: number, n: number): Shift => (i) => (i >= at ? i + n : i);
export const deleteShift = (at: number, n: number): Shift => (i) => (i < at ? i : i < at + n ? null : i - n);

/** An area after a shift of rows and/or columns: its corners moved, null when every row or column of it went. */
export function shiftArea(a: MergedArea, rows: Shift, cols: Shift): MergedArea | null {
  const edge = (lo: number, hi: number, f: Shift): [number, number] | null => {
    let l: number | null = null;
    let h: number | null = null;
    // the first and last surviving index (Excel shrinks a reference whose edge row was deleted)
    for (let i = lo; i <= hi && l === null; i++) l = f(i);
    for (let i = hi; i >= lo && h === null; i--) h = f(i);
    if (l === null || h === null) return null;
    return [l, h];
  };
  // whole-axis references (a column "D:D", rows "5:7") keep their full extent on the other axis
  const r = a.top === 1 && a.bottom === 1048576 ? ([1, 1048576] as [number, number]) : edge(a.top, a.bottom, rows);
  const c = a.left === 1 && a.right === 16384 ? ([1, 16384] as [number, number]) : edge(a.left, a.right, cols);
  if (!r || !c) return null;
  return { top: r[0], bottom: r[1], left: c[0], right: c[1] };
}

/** A defined name: its reference is kept as areas (null = "#REF!", an area that was deleted), in order. */
export interface FakeName {
  name: string;
  /** the sheet it is scoped to (a worksheet-scoped name), or undefined for a workbook name */
  scope?: FakeSheet;
  /** the sheet its areas are on */
  target: FakeSheet;
  areas: (MergedArea | null)[];
  visible: boolean;
  comment: string;
}

/** The formula Excel shows for a name: =Sheet!$A$1,Sheet!#REF!,… */
export function nameFormula(n: FakeName): string {
  const ref = sheetRef(n.target.name);
  const abs = (a: MergedArea) => {
    const one = (r: number, c: number) => {
      const s = rangeA1({ top: r, left: c, bottom: r, right: c });
      const m = /^([A-Z]+)(\d+)$/.exec(s)!;
      return `$${m[1]}$${m[2]}`;
    };
    return a.top === a.bottom && a.left === a.right ? one(a.top, a.left) : `${one(a.top, a.left)}:${one(a.bottom, a.right)}`;
  };
  return '=' + n.areas.map((a) => `${ref}!${a ? abs(a) : '#REF!'}`).join(',');
}

/** Splits "=A!$B$1,'x, y'!$C$2" at the commas outside quotes, without the leading "=". */
export function splitUnion(formula: string): string[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

export class FakeSheet {
  protected = false;
  merges: MergedArea[] = [];
  private cells = new Map<number, FakeCell>();
  private gen?: { top: number; left: number; rows: number; cols: number; cell: (r: number, c: number) => FakeCell | undefined };
  frozenRows = 0;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  /** A large sheet without storing every cell: rows × cols from (top, left), produced on demand. */
  generate(rows: number, cols: number, cell: (r: number, c: number) => FakeCell | undefined, top = 1, left = 1): this {
    this.gen = { top, left, rows, cols, cell };
    return this;
  }

  /** Sets cells from a grid of plain values or FakeCells, with its top-left at `address`. */
  put(address: string, grid: CellInput[][]): this {
    const p = parseA1(address)!;
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        this.cells.set(KEY(p.row + i, p.col + j), typeof v === 'object' ? { ...v } : { value: v });
      }),
    );
    return this;
  }

  get(r: number, c: number): FakeCell | undefined {
    const own = this.cells.get(KEY(r, c));
    if (own) return own;
    const g = this.gen;
    if (g && r >= g.top && r < g.top + g.rows && c >= g.left && c < g.left + g.cols) return g.cell(r, c);
    return undefined;
  }

  cell(address: string): FakeCell | undefined {
    const p = parseA1(address)!;
    return this.get(p.row, p.col);
  }

  /** copy-on-write access for writes */
  mutable(r: number, c: number): FakeCell {
    let own = this.cells.get(KEY(r, c));
    if (!own) {
      own = { ...(this.get(r, c) ?? {}) };
      this.cells.set(KEY(r, c), own);
    }
    return own;
  }

  fill(address: string): FakeFill {
    return { ...(this.cell(address)?.fill ?? NO_FILL) };
  }

  /** the stored cells (not the generated ones), for dumps */
  storedKeys(): [number, number][] {
    return [...this.cells.keys()].map((k) => [Math.floor(k / 20000), k % 20000]);
  }

  usedBox(): MergedArea | null {
    let box: MergedArea | null = null;
    const add = (a: MergedArea) => {
      box = box
        ? { top: Math.min(box.top, a.top), left: Math.min(box.left, a.left), bottom: Math.max(box.bottom, a.bottom), right: Math.max(box.right, a.right) }
        : { ...a };
    };
    if (this.gen && this.gen.rows > 0 && this.gen.cols > 0)
      add({ top: this.gen.top, left: this.gen.left, bottom: this.gen.top + this.gen.rows - 1, right: this.gen.left + this.gen.cols - 1 });
    for (const [k, c] of this.cells)
      if (hasContent(c)) {
        const r = Math.floor(k / 20000);
        const col = k % 20000;
        add({ top: r, left: col, bottom: r, right: col });
      }
    return box;
  }

  /** Moves every stored cell and merged area by a structural edit (a generated sheet is baked first). */
  shift(rows: Shift, cols: Shift): void {
    if (this.gen) {
      const g = this.gen;
      this.gen = undefined;
      for (let r = g.top; r < g.top + g.rows; r++)
        for (let c = g.left; c < g.left + g.cols; c++) {
          const v = g.cell(r, c);
          if (v && !this.cells.has(KEY(r, c))) this.cells.set(KEY(r, c), { ...v });
        }
    }
    const moved = new Map<number, FakeCell>();
    for (const [k, v] of this.cells) {
      const r = rows(Math.floor(k / 20000));
      const c = cols(k % 20000);
      if (r !== null && c !== null) moved.set(KEY(r, c), v);
    }
    this.cells = moved;
    this.merges = this.merges.map((m) => shiftArea(m, rows, cols)).filter((m): m is MergedArea => m !== null);
  }
}

export interface Annotation {
  sheet: string;
  cell: string;
  content: string;
}

export const bytesOf = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

export const addressOf = (r: number, c: number) => rangeA1({ top: r, left: c, bottom: r, right: c });
