/**
 * A small, faithful fake of the part of the Excel object model the adapter uses.
 *
 * Faithful where it matters for the adapter's correctness:
 * - proxies: nothing happens until `context.sync()`; every method call / property write is queued in order;
 * - load-before-read: reading a property (or `isNullObject`, or a ClientResult's value) that was not loaded and
 *   synced throws an error with code "PropertyNotLoaded" / "ValueNotLoaded", like Office.js;
 * - *OrNullObject: `isNullObject` after sync; `getItem` of something missing fails the sync with "ItemNotFound";
 *   `getUsedRange` gives A1 on a blank sheet, like Office.js;
 * - a failing operation fails the sync: operations queued before it stay applied, later ones are dropped;
 * - payload limits: a sync whose request or response JSON exceeds 5 MB fails with
 *   "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded" (and applies nothing);
 * - address strings over 8 192 characters fail with "InvalidArgument"; getMergedAreas over 512 areas fails;
 * - API sets: calls above `apiVersion` fail the sync with "ApiNotFound";
 * - a protected sheet rejects writes with "AccessDenied".
 * It counts syncs, records each sync's payload sizes and every write.
 */
import { parseA1, parseRange, rangeA1, type MergedArea } from '../../src/core/snapshot';

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

const notLoaded = (prop: string) =>
  new OfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
export const NO_FILL: Readonly<FakeFill> = Object.freeze({ color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  error?: string;
  fill?: FakeFill;
}
export type CellInput = string | number | boolean | null | FakeCell;

const KEY = (r: number, c: number) => r * 20000 + c;
const hasContent = (c: FakeCell | undefined) => !!c && ((c.value !== undefined && c.value !== '') || !!c.formula || !!c.error);

function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitQualified(s: string): { sheet?: string; address: string } {
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { address: s.trim() };
  let sheet = s.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1).trim() };
}

function intersects(a: MergedArea, b: MergedArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function* cellsIn(areas: readonly MergedArea[]): Generator<[number, number]> {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield [r, c];
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

export class FakeSheet {
  protected = false;
  merges: MergedArea[] = [];
  private cells = new Map<number, FakeCell>();
  private gen?: { top: number; left: number; rows: number; cols: number; cell: (r: number, c: number) => FakeCell | undefined };

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
}

export interface SyncRecord {
  index: number;
  ops: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
}
export interface WriteRecord {
  sync: number;
  kind: string;
  target: string;
  detail?: unknown;
}

interface Staged {
  bytes: number;
  commit: () => void;
}
interface Op {
  write: boolean;
  requestBytes: number;
  /** runs at sync; writes mutate the model at once, loads return what to commit if the whole sync succeeds */
  exec: () => Staged | void;
}

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

export class FakeExcel {
  sheets: FakeSheet[] = [];
  activeName = '';
  apiVersion = '1.20';
  maxPayloadBytes = 5 * 1024 * 1024;
  maxAddressChars = 8192;
  maxMergedAreas = 512;
  notes = new Map<string, { sheet: string; cell: string; content: string }>();
  comments = new Map<string, { sheet: string; cell: string; content: string }>();
  private nextId = 1;
  selection?: { sheet: string; address: string };
  syncLog: SyncRecord[] = [];
  writeLog: WriteRecord[] = [];
  runLog: (Excel.RunOptions | undefined)[] = [];
  /** every address string passed to worksheet.getRanges() */
  rangesAddressLog: string[] = [];
  /** make sync number `sync` (1-based, global) fail after `afterOps` of its operations have been applied */
  failure?: { sync: number; afterOps: number; error?: OfficeError };

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{${String(this.sheets.length + 1).padStart(8, '0')}-0001-0000-0000-000000000000}`);
    this.sheets.push(s);
    if (!this.activeName) this.activeName = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  get writes(): number {
    return this.writeLog.length;
  }

  supports(version: string): boolean {
    return cmpVersion(version, this.apiVersion) <= 0;
  }

  newId(): string {
    return `comment-${this.nextId++}`;
  }

  /** the adapter's `run` dependency */
  run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> => {
    this.runLog.push(options);
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  /** the adapter's `isSetSupported` dependency */
  isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && this.supports(version);

  resetLogs(): void {
    this.syncLog = [];
    this.writeLog = [];
    this.runLog = [];
    this.rangesAddressLog = [];
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  write(kind: string, target: () => string, apply: () => unknown, requestBytes = 120): void {
    this.enqueue({
      write: true,
      requestBytes,
      exec: () => {
        const detail = apply();
        this.excel.writeLog.push({ sync: this.excel.syncLog.length, kind, target: target(), detail });
      },
    });
  }

  requireApi(version: string, what: string): void {
    this.enqueue({
      write: false,
      requestBytes: 0,
      exec: () => {
        if (!this.excel.supports(version)) throw new OfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
      },
    });
  }

  async sync(): Promise<void> {
    const ex = this.excel;
    const ops = this.queue;
    this.queue = [];
    const rec: SyncRecord = { index: ex.syncLog.length + 1, ops: ops.length, writes: 0, requestBytes: 0, responseBytes: 0 };
    ex.syncLog.push(rec);
    await Promise.resolve();
    rec.requestBytes = ops.reduce((s, o) => s + o.requestBytes, 0);
    const fail = (e: OfficeError) => {
      rec.error = e.code;
      throw e;
    };
    if (rec.requestBytes > ex.maxPayloadBytes) fail(new OfficeError('RequestPayloadSizeLimitExceeded'));
    const injected = ex.failure && ex.failure.sync === rec.index ? ex.failure : undefined;
    const staged: Staged[] = [];
    for (let i = 0; i < ops.length; i++) {
      if (injected && i === injected.afterOps) fail(injected.error ?? new OfficeError('GeneralException', 'injected failure'));
      try {
        const s = ops[i].exec();
        if (s) staged.push(s);
        if (ops[i].write) rec.writes++;
      } catch (e) {
        fail(e instanceof OfficeError ? e : new OfficeError('GeneralException', String(e)));
      }
    }
    if (injected && injected.afterOps >= ops.length) fail(injected.error ?? new OfficeError('GeneralException', 'injected failure'));
    rec.responseBytes = staged.reduce((s, x) => s + x.bytes, 0);
    if (rec.responseBytes > ex.maxPayloadBytes) fail(new OfficeError('ResponsePayloadSizeLimitExceeded'));
    for (const s of staged) s.commit();
  }
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec, defaults: string[]): string[] {
  if (spec === undefined) return defaults;
  const list = typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : spec.select === undefined ? defaults : typeof spec.select === 'string' ? spec.select.split(',') : spec.select;
  return list.map((s) => s.trim()).filter(Boolean);
}

abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private isNull?: boolean;

  constructor(protected readonly ctx: FakeContext) {}

  /** false → null object (or ItemNotFound when not nullable) */
  protected exists(): boolean {
    return true;
  }
  protected nullable = false;
  protected abstract scalars(): string[];
  protected abstract resolve(prop: string): unknown;
  protected child(_name: string): FakeObject | FakeCollection<FakeObject> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw notLoaded('isNullObject');
    return this.isNull;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** computes the props now (at sync) and returns them staged */
  stage(props: string[]): Staged {
    const ok = this.exists();
    if (!ok && !this.nullable) throw new OfficeError('ItemNotFound', `${this.constructor.name} not found`);
    const values = new Map<string, unknown>();
    if (ok) for (const p of props) values.set(p, this.resolve(p));
    let size = 20;
    for (const [k, v] of values) size += k.length + 4 + bytes(v);
    return {
      bytes: size,
      commit: () => {
        this.isNull = !ok;
        for (const [k, v] of values) this.loaded.set(k, v);
      },
    };
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, this.scalars());
    const direct = paths.filter((p) => !p.includes('/'));
    for (const p of direct) if (!this.scalars().includes(p)) throw new OfficeError('InvalidArgument', `cannot load '${p}' on ${this.constructor.name}`);
    this.ctx.enqueue({ write: false, requestBytes: 60 + direct.join(',').length, exec: () => this.stage(direct) });
    for (const p of paths.filter((x) => x.includes('/'))) {
      const [head, ...rest] = p.split('/');
      const c = this.child(head);
      if (!c) throw new OfficeError('InvalidArgument', `no navigation property '${head}' on ${this.constructor.name}`);
      c.load(rest.join('/'));
    }
    return this;
  }
}

abstract class FakeCollection<T extends FakeObject> {
  private loadedItems?: T[];
  constructor(
    protected readonly ctx: FakeContext,
    private readonly make: () => T[] | null,
  ) {}

  get items(): T[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, ['items']);
    const itemProps = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.ctx.enqueue({
      write: false,
      requestBytes: 80,
      exec: () => {
        const items = this.make() ?? [];
        const staged = items.map((it) => it.stage(itemProps));
        return {
          bytes: 20 + staged.reduce((s, x) => s + x.bytes, 0),
          commit: () => {
            staged.forEach((s) => s.commit());
            this.loadedItems = items;
          },
        };
      },
    });
    return this;
  }
}

class FakeClientResult<T> {
  private v?: { value: T };
  constructor(ctx: FakeContext, compute: () => T) {
    ctx.enqueue({
      write: false,
      requestBytes: 150,
      exec: () => {
        const value = compute();
        return { bytes: bytes(value), commit: () => (this.v = { value }) };
      },
    });
  }
  get value(): T {
    if (!this.v) throw new OfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this.v.value;
  }
}

type SheetFn = () => FakeSheet;

function guardWrite(sheet: FakeSheet): void {
  if (sheet.protected) throw new OfficeError('AccessDenied', `The sheet '${sheet.name}' is protected.`);
}

function valueOf(c: FakeCell | undefined): string | number | boolean {
  if (!c) return '';
  if (c.error) return c.error;
  return c.value ?? '';
}
function typeOf(c: FakeCell | undefined): string {
  if (c?.error) return 'Error';
  const v = c?.value;
  if (v === undefined || v === '') return 'Empty';
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}

/** What typing (or writing through `values`) `v` into a cell gives. */
function assign(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (v === '' || v === null || v === undefined) cell.value = '';
  else if (typeof v === 'string') {
    if (v.startsWith("'")) cell.value = v.slice(1);
    else if (v.startsWith('=')) {
      cell.formula = v;
      cell.value = 0;
    } else if (/^-?\d+(\.\d+)?$/.test(v)) cell.value = Number(v);
    else cell.value = v;
  } else cell.value = v as number | boolean;
}

class FakeFillProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
    private readonly areas: () => MergedArea[],
  ) {
    super(ctx);
  }
  protected scalars() {
    return ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];
  }
  protected resolve(prop: string) {
    const [first] = this.areas();
    const c = this.sheet().get(first.top, first.left);
    return (c?.fill ?? NO_FILL)[prop as keyof FakeFill];
  }
  private target = () => `${this.sheet().name}!${this.areas().map(rangeA1).join(',')}`;
  private apply(fn: (f: FakeFill) => FakeFill): number {
    const s = this.sheet();
    guardWrite(s);
    let n = 0;
    for (const [r, c] of cellsIn(this.areas())) {
      const cell = s.mutable(r, c);
      cell.fill = fn({ ...(cell.fill ?? NO_FILL) });
      n++;
    }
    return n;
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.ctx.write('fill.color', this.target, () => ({ color: v, cells: this.apply((f) => ({ ...f, color: v.toUpperCase(), pattern: f.pattern === 'None' ? 'Solid' : f.pattern, tintAndShade: 0 })) }), 120 + v.length);
  }
  clear(): void {
    this.ctx.write('fill.clear', this.target, () => ({ cells: this.apply(() => ({ ...NO_FILL })) }));
  }
  set(props: Partial<FakeFill>): void {
    this.ctx.write('fill.set', this.target, () => ({
      props,
      cells: this.apply((f) => {
        let out = { ...f };
        if (props.color !== undefined) out = { ...out, color: props.color.toUpperCase(), pattern: out.pattern === 'None' ? 'Solid' : out.pattern, tintAndShade: 0 };
        if (props.pattern !== undefined) out.pattern = props.pattern;
        if (props.patternColor !== undefined) out.patternColor = props.patternColor;
        if (props.tintAndShade !== undefined) out.tintAndShade = props.tintAndShade;
        if (props.patternTintAndShade !== undefined) out.patternTintAndShade = props.patternTintAndShade;
        return out;
      }),
    }), 300);
  }
}

class FakeRange extends FakeObject {
  readonly format: { fill: FakeFillProxy };
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
    readonly area: () => MergedArea | null,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.format = { fill: new FakeFillProxy(ctx, sheet, () => [this.area()!]) };
  }
  protected override exists() {
    this.sheet();
    return this.area() !== null;
  }
  protected scalars() {
    return ['address', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'valueTypes'];
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const a = this.area()!;
    const s = this.sheet();
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(s.get(r, c)));
      out.push(row);
    }
    return out;
  }
  protected resolve(prop: string): unknown {
    const a = this.area()!;
    switch (prop) {
      case 'address':
        return `${sheetRef(this.sheet().name)}!${rangeA1(a)}`;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'cellCount':
        return (a.bottom - a.top + 1) * (a.right - a.left + 1);
      case 'values':
        return this.grid(valueOf);
      case 'formulas':
        return this.grid((c) => c?.formula ?? valueOf(c));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        return this.grid(typeOf);
    }
    throw new OfficeError('InvalidArgument', prop);
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.ctx.write(
      'values',
      () => `${this.sheet().name}!${rangeA1(this.area()!)}`,
      () => {
        const s = this.sheet();
        guardWrite(s);
        const a = this.area()!;
        if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1))
          throw new OfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
        v.forEach((row, i) => row.forEach((x, j) => assign(s.mutable(a.top + i, a.left + j), x)));
        return v;
      },
      120 + bytes(v),
    );
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  getCellProperties(opts: { address?: boolean; format?: { fill?: Partial<Record<keyof FakeFill, boolean>> } }): FakeClientResult<unknown[][]> {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const want = Object.entries(opts.format?.fill ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k as keyof FakeFill);
    return new FakeClientResult(this.ctx, () => {
      const a = this.area()!;
      const s = this.sheet();
      const out: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) {
          const fill = s.get(r, c)?.fill ?? NO_FILL;
          const p: Record<string, unknown> = {};
          if (opts.address) p.address = `${sheetRef(s.name)}!${rangeA1({ top: r, left: c, bottom: r, right: c })}`;
          if (want.length) p.format = { fill: Object.fromEntries(want.map((k) => [k, fill[k]])) };
          row.push(p);
        }
        out.push(row);
      }
      return out;
    });
  }
  /** ExcelApi 1.4: the cells this range shares with another (a Range or an address); a null object when none */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    this.ctx.requireApi('1.4', 'Range.getIntersectionOrNullObject');
    const otherArea = typeof other === 'string' ? () => parseAddressOrThrow(this.ctx, other) : () => other.area();
    return new FakeRange(
      this.ctx,
      this.sheet,
      () => {
        const a = this.area();
        const b = otherArea();
        if (!a || !b || !intersects(a, b)) return null;
        return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
      },
      true,
    );
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(
      this.ctx,
      this.sheet,
      () => {
        const a = this.area();
        if (!a) return null;
        const found = this.sheet().merges.filter((m) => intersects(m, a));
        if (found.length > this.ctx.excel.maxMergedAreas) throw new OfficeError('GeneralException', 'too many merged areas');
        return found.length ? found : null;
      },
      true,
    );
  }
  select(): void {
    this.ctx.enqueue({
      write: false,
      requestBytes: 60,
      exec: () => {
        const s = this.sheet();
        if (this.ctx.excel.activeName !== s.name) throw new OfficeError('InvalidOperation', 'select() on a sheet that is not active');
        this.ctx.excel.selection = { sheet: s.name, address: rangeA1(this.area()!) };
      },
    });
  }
}

class FakeRangeCollection extends FakeCollection<FakeRange> {}

class FakeRangeAreas extends FakeObject {
  readonly format: { fill: FakeFillProxy };
  readonly areas: FakeRangeCollection;
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
    private readonly list: () => MergedArea[] | null,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.format = { fill: new FakeFillProxy(ctx, sheet, () => this.list()!) };
    this.areas = new FakeRangeCollection(ctx, () => {
      const l = this.list();
      return l ? l.map((a) => new FakeRange(ctx, sheet, () => a)) : null;
    });
  }
  protected override exists() {
    this.sheet();
    return this.list() !== null;
  }
  protected override child(name: string) {
    return name === 'areas' ? this.areas : undefined;
  }
  protected scalars() {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected resolve(prop: string): unknown {
    const l = this.list()!;
    if (prop === 'address') return l.map((a) => `${sheetRef(this.sheet().name)}!${rangeA1(a)}`).join(',');
    if (prop === 'areaCount') return l.length;
    if (prop === 'cellCount') return l.reduce((s, a) => s + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
    throw new OfficeError('InvalidArgument', prop);
  }
  get address(): string {
    return this.read('address');
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
  ) {
    super(ctx);
  }
  protected scalars() {
    return ['protected'];
  }
  protected resolve() {
    return this.sheet().protected;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

function parseAddressOrThrow(ctx: FakeContext, address: string): MergedArea {
  if (address.length > ctx.excel.maxAddressChars) throw new OfficeError('InvalidArgument', 'address too long');
  const a = parseRange(splitQualified(address).address);
  if (!a) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return a;
}

class FakeWorksheet extends FakeObject {
  readonly protection: FakeProtection;
  private readonly sheet: SheetFn;
  constructor(
    ctx: FakeContext,
    private readonly locate: () => FakeSheet | undefined,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.sheet = () => {
      const s = this.locate();
      if (!s) throw new OfficeError('ItemNotFound', 'worksheet not found');
      return s;
    };
    this.protection = new FakeProtection(ctx, this.sheet);
  }
  protected override exists() {
    return this.locate() !== undefined;
  }
  protected override child(name: string) {
    return name === 'protection' ? this.protection : undefined;
  }
  protected scalars() {
    return ['name', 'id', 'position', 'visibility'];
  }
  protected resolve(prop: string): unknown {
    const s = this.sheet();
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    if (prop === 'position') return this.ctx.excel.sheets.indexOf(s);
    return 'Visible';
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => this.sheet().usedBox(), true);
  }
  /** like Office.js: never fails; a blank sheet gives A1 */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => this.sheet().usedBox() ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }
  getRange(address: string): FakeRange {
    let area: MergedArea | undefined;
    this.ctx.enqueue({ write: false, requestBytes: 60 + address.length, exec: () => void (area = parseAddressOrThrow(this.ctx, address)) });
    return new FakeRange(this.ctx, this.sheet, () => area ?? parseAddressOrThrow(this.ctx, address));
  }
  getRanges(address: string): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'Worksheet.getRanges');
    this.ctx.excel.rangesAddressLog.push(address);
    let list: MergedArea[] | undefined;
    const parse = () => {
      if (address.length > this.ctx.excel.maxAddressChars) throw new OfficeError('InvalidArgument', `address of ${address.length} characters`);
      return address.split(/[,;]/).map((a) => parseAddressOrThrow(this.ctx, a));
    };
    this.ctx.enqueue({ write: false, requestBytes: 60 + address.length, exec: () => void (list = parse()) });
    return new FakeRangeAreas(this.ctx, this.sheet, () => list ?? parse());
  }
  activate(): void {
    this.ctx.enqueue({ write: false, requestBytes: 60, exec: () => void (this.ctx.excel.activeName = this.sheet().name) });
  }
  get comments(): FakeCommentCollection {
    this.ctx.requireApi('1.10', 'Worksheet.comments');
    return new FakeCommentCollection(this.ctx, () => this.sheet().name);
  }
}

class FakeNote extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists() {
    return this.ctx.excel.notes.has(this.key);
  }
  protected scalars() {
    return ['content', 'authorName', 'visible'];
  }
  protected resolve(prop: string) {
    const n = this.ctx.excel.notes.get(this.key)!;
    return prop === 'content' ? n.content : prop === 'authorName' ? 'Tester' : false;
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    this.ctx.write('note.delete', () => this.key, () => {
      if (!this.ctx.excel.notes.delete(this.key)) throw new OfficeError('ItemNotFound', 'note not found');
    });
  }
}

class FakeComment extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly idFn: () => string | undefined,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists() {
    const id = this.idFn();
    return id !== undefined && this.ctx.excel.comments.has(id);
  }
  protected scalars() {
    return ['id', 'content'];
  }
  protected resolve(prop: string) {
    const id = this.idFn()!;
    return prop === 'id' ? id : this.ctx.excel.comments.get(id)!.content;
  }
  get id(): string {
    return this.read('id');
  }
  delete(): void {
    this.ctx.write('comment.delete', () => this.idFn() ?? '?', () => {
      const id = this.idFn();
      if (id === undefined || !this.ctx.excel.comments.delete(id)) throw new OfficeError('ItemNotFound', 'comment not found');
    });
  }
  getLocation(): FakeRange {
    const loc = () => {
      const c = this.ctx.excel.comments.get(this.idFn()!);
      if (!c) throw new OfficeError('ItemNotFound', 'comment not found');
      return c;
    };
    return new FakeRange(this.ctx, () => this.ctx.excel.sheet(loc().sheet)!, () => parseRange(loc().cell));
  }
}

class FakeCommentCollection extends FakeCollection<FakeComment> {
  constructor(ctx: FakeContext, sheet: () => string | undefined) {
    super(ctx, () => {
      const name = sheet();
      return [...ctx.excel.comments].filter(([, c]) => name === undefined || c.sheet === name).map(([id]) => new FakeComment(ctx, () => id, false));
    });
  }
}

function noteTarget(ctx: FakeContext, address: string): { sheet: string; cell: string; key: string } {
  const q = splitQualified(address);
  const sheet = q.sheet ?? ctx.excel.activeName;
  const p = parseA1(q.address);
  if (!p || !ctx.excel.sheet(sheet)) throw new OfficeError('InvalidArgument', `bad cell address ${address}`);
  const cell = rangeA1({ top: p.row, left: p.col, bottom: p.row, right: p.col });
  return { sheet, cell, key: `${sheet}!${cell}` };
}

class FakeWorkbook {
  readonly worksheets: {
    getActiveWorksheet(): FakeWorksheet;
    getItem(name: string): FakeWorksheet;
    getItemOrNullObject(name: string): FakeWorksheet;
  };
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = {
      getActiveWorksheet: () => {
        // the active sheet is fixed when the request is made, like a proxy bound by Excel
        let bound: FakeSheet | undefined;
        ctx.enqueue({ write: false, requestBytes: 40, exec: () => void (bound = bound ?? ctx.excel.sheet(ctx.excel.activeName)) });
        return new FakeWorksheet(ctx, () => bound ?? ctx.excel.sheet(ctx.excel.activeName));
      },
      getItem: (name) => new FakeWorksheet(ctx, () => ctx.excel.sheet(name)),
      getItemOrNullObject: (name) => new FakeWorksheet(ctx, () => ctx.excel.sheet(name), true),
    };
  }

  get notes() {
    const ctx = this.ctx;
    ctx.requireApi('1.18', 'Workbook.notes');
    return {
      add: (cellAddress: string, content: string): FakeNote => {
        let key = '';
        ctx.write(
          'note.add',
          () => key,
          () => {
            const t = noteTarget(ctx, cellAddress);
            guardWrite(ctx.excel.sheet(t.sheet)!);
            if (ctx.excel.notes.has(t.key)) throw new OfficeError('InvalidArgument', `cell ${t.key} already has a note`);
            ctx.excel.notes.set(t.key, { sheet: t.sheet, cell: t.cell, content });
            key = t.key;
            return content;
          },
          120 + bytes(content),
        );
        return new FakeNote(ctx, noteTarget(ctx, cellAddress).key, false);
      },
      getItemOrNullObject: (key: string) => new FakeNote(ctx, noteTarget(ctx, key).key, true),
      getItem: (key: string) => new FakeNote(ctx, noteTarget(ctx, key).key, false),
    };
  }

  get comments() {
    const ctx = this.ctx;
    ctx.requireApi('1.10', 'Workbook.comments');
    return {
      add: (cellAddress: string, content: string): FakeComment => {
        let id: string | undefined;
        ctx.write(
          'comment.add',
          () => id ?? '?',
          () => {
            const t = noteTarget(ctx, cellAddress);
            guardWrite(ctx.excel.sheet(t.sheet)!);
            if ([...ctx.excel.comments.values()].some((c) => c.sheet === t.sheet && c.cell === t.cell))
              throw new OfficeError('InvalidArgument', `cell ${t.key} already has a comment`);
            id = ctx.excel.newId();
            ctx.excel.comments.set(id, { sheet: t.sheet, cell: t.cell, content });
            return content;
          },
          120 + bytes(content),
        );
        return new FakeComment(ctx, () => id, false);
      },
      getItemOrNullObject: (id: string) => new FakeComment(ctx, () => id, true),
      getItem: (id: string) => new FakeComment(ctx, () => id, false),
    };
  }
}
