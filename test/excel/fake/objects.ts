/**
 * The proxy objects of the fake Excel object model (Range, Worksheet, notes, comments, names, settings …). Like
 * Office.js: nothing happens until `context.sync()`; a property read before it was loaded and synced throws
 * PropertyNotLoaded; *OrNullObject gives `isNullObject`; getItem of something missing fails the sync.
 */
import { rangeA1, type MergedArea } from '../../../src/core/snapshot';
import type { FakeContext, Staged } from './context';
import {
  GRADIENTS,
  NO_FILL,
  OfficeError,
  addressOf,
  bytesOf,
  cellCount,
  cellsIn,
  intersects,
  nameFormula,
  parseArea,
  sheetRef,
  splitQualified,
  splitUnion,
  type FakeCell,
  type FakeFill,
  type FakeName,
  type FakeSheet,
} from './model';

const notLoaded = (prop: string) =>
  new OfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec, defaults: string[]): string[] {
  if (spec === undefined) return defaults;
  const list = typeof spec === 'string' ? spec.split(',') : Array.isArray(spec) ? spec : spec.select === undefined ? defaults : typeof spec.select === 'string' ? spec.select.split(',') : spec.select;
  return list.map((s) => s.trim()).filter(Boolean);
}

export abstract class FakeObjectBase {
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
  protected child(_name: string): FakeObjectBase | FakeCollection<FakeObjectBase> | undefined {
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
    for (const [k, v] of values) size += k.length + 4 + bytesOf(v);
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
    this.ctx.load(this, direct, 60 + direct.join(',').length);
    for (const p of paths.filter((x) => x.includes('/'))) {
      const [head, ...rest] = p.split('/');
      const c = this.child(head);
      if (!c) throw new OfficeError('InvalidArgument', `no navigation property '${head}' on ${this.constructor.name}`);
      c.load(rest.join('/'));
    }
    return this;
  }
}

export abstract class FakeCollection<T extends FakeObjectBase> {
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

export class FakeClientResult<T> {
  private v?: { value: T };
  constructor(ctx: FakeContext, compute: () => T, requestBytes = 150) {
    ctx.enqueue({
      write: false,
      requestBytes,
      exec: () => {
        const value = compute();
        return { bytes: bytesOf(value), commit: () => (this.v = { value }) };
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

const FILL_KEYS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;

/**
 * A fill as getCellProperties / RangeFill report it: pattern null for Solid as for None (office-js #4900), No Fill
 * as "#FFFFFF" with tintAndShade null (#4900, #6218).
 */
function reportedFill(ctx: FakeContext, f: FakeFill): Record<string, unknown> {
  const solidOrNone = f.pattern === 'Solid' || f.pattern === 'None';
  return { ...f, pattern: ctx.excel.quirks.solidPatternNull && solidOrNone ? null : f.pattern };
}

/**
 * Applies fill properties as RangeFill.set / setCellProperties do. `null` is not a valid input for a single property
 * (docs: "Blank and null values in Excel add-ins"); gradients cannot be set (the API has no gradient stops).
 */
function applyFill(f: FakeFill, props: Record<string, unknown>): FakeFill {
  for (const k of Object.keys(props)) {
    if (!(FILL_KEYS as readonly string[]).includes(k)) throw new OfficeError('InvalidArgument', `unknown fill property ${k}`);
    if (props[k] === null) throw new OfficeError('InvalidArgument', `null is not a valid value for fill.${k}`);
  }
  if (typeof props.pattern === 'string' && GRADIENTS.has(props.pattern)) throw new OfficeError('InvalidArgument', 'a gradient cannot be set');
  if (props.pattern === 'None') return { ...NO_FILL };
  const out = { ...f };
  if (props.color !== undefined) {
    out.color = String(props.color).toUpperCase();
    if (out.pattern === 'None') out.pattern = 'Solid';
    out.tintAndShade = 0;
    if (out.patternTintAndShade === null) out.patternTintAndShade = 0;
  }
  if (props.pattern !== undefined) {
    out.pattern = String(props.pattern);
    if (out.tintAndShade === null) out.tintAndShade = 0;
    if (out.patternTintAndShade === null) out.patternTintAndShade = 0;
  }
  if (props.patternColor !== undefined) out.patternColor = String(props.patternColor).toUpperCase();
  if (props.tintAndShade !== undefined) out.tintAndShade = Number(props.tintAndShade);
  if (props.patternTintAndShade !== undefined) out.patternTintAndShade = Number(props.patternTintAndShade);
  return out;
}

export class FakeFillProxy extends FakeObjectBase {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
    private readonly areas: () => MergedArea[],
  ) {
    super(ctx);
  }
  protected scalars() {
    return [...FILL_KEYS];
  }
  protected resolve(prop: string) {
    const [first] = this.areas();
    const c = this.sheet().get(first.top, first.left);
    return reportedFill(this.ctx, c?.fill ?? NO_FILL)[prop];
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
    if ((v as unknown) === null) throw new OfficeError('InvalidArgument', 'null is not a valid value for fill.color');
    this.ctx.write('fill.color', this.target, () => ({ color: v, cells: this.apply((f) => applyFill(f, { color: v })) }), 120 + v.length);
  }
  get tintAndShade(): number | null {
    return this.read('tintAndShade');
  }
  get pattern(): string | null {
    return this.read('pattern');
  }
  clear(): void {
    this.ctx.write('fill.clear', this.target, () => ({ cells: this.apply(() => ({ ...NO_FILL })) }));
  }
  set(props: Partial<Record<keyof FakeFill, unknown>>): void {
    this.ctx.write('fill.set', this.target, () => ({ props, cells: this.apply((f) => applyFill(f, props)) }), 300);
  }
}

/** Range.format: fill, font, widths, alignment (the report sheet's layout). */
class FakeFormat {
  readonly fill: FakeFillProxy;
  readonly font: { bold: boolean; size: number };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetFn,
    private readonly areas: () => MergedArea[],
  ) {
    this.fill = new FakeFillProxy(ctx, sheet, areas);
    const fmt = this;
    this.font = {
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set bold(v: boolean) {
        fmt.setEach('font.bold', (c) => void (c.bold = v));
      },
      get size(): number {
        throw notLoaded('size');
      },
      set size(_v: number) {
        fmt.setEach('font.size', () => undefined);
      },
    };
  }
  private setEach(kind: string, fn: (c: FakeCell) => void): void {
    this.ctx.write(kind, () => `${this.sheet().name}!${this.areas().map(rangeA1).join(',')}`, () => {
      const s = this.sheet();
      guardWrite(s);
      // whole columns: only the stored cells matter
      for (const a of this.areas()) if (cellCount(a) > 100_000) return;
      for (const [r, c] of cellsIn(this.areas())) fn(s.mutable(r, c));
    });
  }
  set columnWidth(_v: number) {
    this.setEach('format.columnWidth', () => undefined);
  }
  set wrapText(_v: boolean) {
    this.setEach('format.wrapText', () => undefined);
  }
  set verticalAlignment(_v: string) {
    this.setEach('format.verticalAlignment', () => undefined);
  }
}

function parseAddressOrThrow(ctx: FakeContext, address: string): MergedArea {
  if (address.length > ctx.excel.maxAddressChars) throw new OfficeError('InvalidArgument', 'address too long');
  const a = parseArea(splitQualified(address).address);
  if (!a) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return a;
}

export class FakeRange extends FakeObjectBase {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    readonly sheet: SheetFn,
    readonly area: () => MergedArea | null,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.format = new FakeFormat(ctx, sheet, () => [this.area()!]);
  }
  protected override exists() {
    this.sheet();
    return this.area() !== null;
  }
  protected scalars() {
    return ['address', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'valueTypes', 'rowIndex', 'columnIndex'];
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] | null {
    const a = this.area()!;
    const ex = this.ctx.excel;
    if (cellCount(a) > ex.maxRangeCells) {
      if (ex.largeRead === 'RangeExceedsLimit') throw new OfficeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
      return null;
    }
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
        return cellCount(a);
      case 'rowIndex':
        return a.top - 1;
      case 'columnIndex':
        return a.left - 1;
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
  private target = () => `${this.sheet().name}!${rangeA1(this.area()!)}`;
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
      this.target,
      () => {
        const s = this.sheet();
        guardWrite(s);
        const a = this.area()!;
        if (v === null || !Array.isArray(v)) throw new OfficeError('InvalidArgument', 'null is not a valid value for Range.values');
        if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1))
          throw new OfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
        v.forEach((row, i) => row.forEach((x, j) => x !== null && assign(s.mutable(a.top + i, a.left + j), x)));
        return v;
      },
      120 + bytesOf(v),
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
  set hyperlink(h: FakeCell['hyperlink']) {
    this.ctx.write('hyperlink', this.target, () => {
      const s = this.sheet();
      guardWrite(s);
      const a = this.area()!;
      s.mutable(a.top, a.left).hyperlink = { ...h };
    });
  }
  getCellProperties(opts: { address?: boolean; format?: { fill?: Partial<Record<keyof FakeFill, boolean>> } }): FakeClientResult<unknown[][]> {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const want = Object.entries(opts.format?.fill ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k);
    return new FakeClientResult(this.ctx, () => {
      const a = this.area()!;
      if (cellCount(a) > this.ctx.excel.maxRangeCells) throw new OfficeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
      const s = this.sheet();
      const out: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) {
          const fill = reportedFill(this.ctx, s.get(r, c)?.fill ?? NO_FILL);
          const p: Record<string, unknown> = {};
          if (opts.address) p.address = `${sheetRef(s.name)}!${addressOf(r, c)}`;
          if (want.length) p.format = { fill: Object.fromEntries(want.map((k) => [k, fill[k]])) };
          row.push(p);
        }
        out.push(row);
      }
      return out;
    });
  }
  /** ExcelApi 1.9: one properties object per cell; a cell's `{}` changes nothing */
  setCellProperties(props: { format?: { fill?: Record<string, unknown> } }[][]): void {
    this.ctx.requireApi('1.9', 'Range.setCellProperties');
    this.ctx.write(
      'setCellProperties',
      this.target,
      () => {
        const s = this.sheet();
        guardWrite(s);
        const a = this.area()!;
        if (props.length !== a.bottom - a.top + 1 || props.some((row) => row.length !== a.right - a.left + 1))
          throw new OfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
        props.forEach((row, i) =>
          row.forEach((p, j) => {
            if (p === null) throw new OfficeError('InvalidArgument', 'null cell properties');
            const fill = p?.format?.fill;
            if (!fill) return;
            const cell = s.mutable(a.top + i, a.left + j);
            cell.fill = applyFill(cell.fill ?? { ...NO_FILL }, fill);
          }),
        );
        return props;
      },
      150 + bytesOf(props),
    );
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
        if (this.ctx.excel.quirks.mergedAreasClearUndo) this.ctx.excel.clearUndo('getMergedAreasOrNullObject (office-js #5918)');
        return found.length ? found : null;
      },
      true,
    );
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      const a = this.area()!;
      return { top: a.top, bottom: a.bottom, left: 1, right: 16384 };
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      const a = this.area()!;
      return { top: 1, bottom: 1048576, left: a.left, right: a.right };
    });
  }
  /** ExcelApi 1.2 */
  merge(): void {
    this.ctx.write('merge', this.target, () => {
      const s = this.sheet();
      guardWrite(s);
      const a = this.area()!;
      s.merges = s.merges.filter((m) => !intersects(m, a));
      s.merges.push({ ...a });
    });
  }
  /**
   * Inserts whole rows ("Down" on an entire-row range) or whole columns ("Right" on an entire-column range). A partial
   * range would shift only its own columns in Excel; the fake does not model that and refuses it.
   */
  insert(shift: 'Down' | 'Right'): void {
    this.ctx.write('insert', this.target, () => {
      const s = this.sheet();
      guardWrite(s);
      const a = this.area()!;
      if (shift === 'Down' && a.left === 1 && a.right === 16384) this.ctx.excel.insertRows(s.name, a.top, a.bottom - a.top + 1);
      else if (shift === 'Right' && a.top === 1 && a.bottom === 1048576) this.ctx.excel.insertColumns(s.name, a.left, a.right - a.left + 1);
      else throw new OfficeError('InvalidArgument', 'the fake inserts whole rows or columns only');
    });
  }
  delete(shift: 'Up' | 'Left'): void {
    this.ctx.write('delete', this.target, () => {
      const s = this.sheet();
      guardWrite(s);
      const a = this.area()!;
      if (shift === 'Up' && a.left === 1 && a.right === 16384) this.ctx.excel.deleteRows(s.name, a.top, a.bottom - a.top + 1);
      else if (shift === 'Left' && a.top === 1 && a.bottom === 1048576) this.ctx.excel.deleteColumns(s.name, a.left, a.right - a.left + 1);
      else throw new OfficeError('InvalidArgument', 'the fake deletes whole rows or columns only');
    });
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

export class FakeRangeAreas extends FakeObjectBase {
  readonly format: FakeFormat;
  readonly areas: FakeRangeCollection;
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetFn,
    private readonly list: () => MergedArea[] | null,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.format = new FakeFormat(ctx, sheet, () => this.list()!);
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
    if (prop === 'address') {
      // silently cut at the last whole area within 8 192 characters (issue #9 point 6; as VBA's Range.Address cuts at
      // 255 characters without an error, VBA-Docs #49): never rely on a combined address of many areas
      const parts = l.map((a) => `${sheetRef(this.sheet().name)}!${rangeA1(a)}`);
      let out = '';
      for (const p of parts) {
        const next = out ? `${out},${p}` : p;
        if (next.length > this.ctx.excel.maxAddressChars) break;
        out = next;
      }
      return out;
    }
    if (prop === 'areaCount') return l.length;
    if (prop === 'cellCount') return l.reduce((s, a) => s + cellCount(a), 0);
    throw new OfficeError('InvalidArgument', prop);
  }
  get address(): string {
    return this.read('address');
  }
}

class FakeProtection extends FakeObjectBase {
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

// ───────────────────────────── notes and comments ─────────────────────────────

/** a single cell of a sheet, from a Range or an address ("A1" on `sheet`, or "'Sheet'!A1") */
function cellTarget(ctx: FakeContext, at: FakeRange | string, sheet?: () => string): { sheet: string; cell: string; key: string } {
  let name: string;
  let a: MergedArea | null;
  if (typeof at === 'string') {
    const q = splitQualified(at);
    name = q.sheet ?? sheet?.() ?? ctx.excel.activeName;
    a = parseArea(q.address);
  } else {
    name = at.sheet().name;
    a = at.area();
  }
  if (!a || a.top !== a.bottom || a.left !== a.right || !ctx.excel.sheet(name)) throw new OfficeError('InvalidArgument', `not a single cell: ${String(typeof at === 'string' ? at : '(range)')}`);
  const cell = addressOf(a.top, a.left);
  return { sheet: name, cell, key: `${name}!${cell}` };
}

/** A cell holds either a note or a threaded comment, never both (Microsoft support: "The difference between threaded comments and notes"). */
function hasComment(ctx: FakeContext, sheet: string, cell: string): boolean {
  return [...ctx.excel.comments.values()].some((c) => c.sheet === sheet && c.cell === cell);
}

export class FakeNote extends FakeObjectBase {
  constructor(
    ctx: FakeContext,
    private readonly key: () => string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists() {
    return this.ctx.excel.notes.has(this.key());
  }
  protected scalars() {
    return ['content', 'authorName', 'visible'];
  }
  protected resolve(prop: string) {
    const n = this.ctx.excel.notes.get(this.key())!;
    return prop === 'content' ? n.content : prop === 'authorName' ? 'Tester' : false;
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    this.ctx.write('note.delete', () => this.key(), () => {
      if (!this.ctx.excel.notes.delete(this.key())) throw new OfficeError('ItemNotFound', 'note not found');
    });
  }
  getLocation(): FakeRange {
    const n = () => {
      const x = this.ctx.excel.notes.get(this.key());
      if (!x) throw new OfficeError('ItemNotFound', 'note not found');
      return x;
    };
    return new FakeRange(this.ctx, () => this.ctx.excel.sheet(n().sheet)!, () => parseArea(n().cell));
  }
}

class FakeNoteCollection extends FakeCollection<FakeNote> {
  constructor(
    ctx: FakeContext,
    private readonly sheet?: () => string,
  ) {
    super(ctx, () => [...ctx.excel.notes].filter(([, n]) => !sheet || n.sheet === sheet()).map(([k]) => new FakeNote(ctx, () => k, false)));
    ctx.requireApi('1.18', 'notes');
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let key = '';
    this.ctx.write(
      'note.add',
      () => key,
      () => {
        const t = cellTarget(this.ctx, cellAddress, this.sheet);
        guardWrite(this.ctx.excel.sheet(t.sheet)!);
        if (this.ctx.excel.notes.has(t.key)) throw new OfficeError('InvalidArgument', `cell ${t.key} already has a note`);
        if (hasComment(this.ctx, t.sheet, t.cell)) throw new OfficeError('InvalidOperation', `cell ${t.key} holds a threaded comment`);
        this.ctx.excel.notes.set(t.key, { sheet: t.sheet, cell: t.cell, content });
        key = t.key;
        return content;
      },
      120 + bytesOf(content),
    );
    return new FakeNote(this.ctx, () => key, false);
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.ctx, () => cellTarget(this.ctx, key, this.sheet).key, true);
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.ctx, () => cellTarget(this.ctx, key, this.sheet).key, false);
  }
}

export class FakeComment extends FakeObjectBase {
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
    return ['id', 'content', 'authorName'];
  }
  protected resolve(prop: string) {
    const id = this.idFn()!;
    return prop === 'id' ? id : prop === 'authorName' ? 'Tester' : this.ctx.excel.comments.get(id)!.content;
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
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
    return new FakeRange(this.ctx, () => this.ctx.excel.sheet(loc().sheet)!, () => parseArea(loc().cell));
  }
}

class FakeCommentCollection extends FakeCollection<FakeComment> {
  constructor(
    ctx: FakeContext,
    private readonly sheet?: () => string,
  ) {
    super(ctx, () => {
      const name = sheet?.();
      return [...ctx.excel.comments].filter(([, c]) => name === undefined || c.sheet === name).map(([id]) => new FakeComment(ctx, () => id, false));
    });
    ctx.requireApi('1.10', 'comments');
  }
  add(cellAddress: FakeRange | string, content: string): FakeComment {
    let id: string | undefined;
    this.ctx.write(
      'comment.add',
      () => id ?? '?',
      () => {
        const t = cellTarget(this.ctx, cellAddress, this.sheet);
        guardWrite(this.ctx.excel.sheet(t.sheet)!);
        if (hasComment(this.ctx, t.sheet, t.cell)) throw new OfficeError('InvalidArgument', `cell ${t.key} already has a comment`);
        if (this.ctx.excel.notes.has(t.key)) throw new OfficeError('InvalidOperation', `cell ${t.key} holds a note`);
        id = this.ctx.excel.newId();
        this.ctx.excel.comments.set(id, { sheet: t.sheet, cell: t.cell, content });
        return content;
      },
      120 + bytesOf(content),
    );
    return new FakeComment(this.ctx, () => id, false);
  }
  /** CommentCollection.getItemOrNullObject is ExcelApi 1.14, not 1.10 like the rest (CommentCollection docs) */
  getItemOrNullObject(id: string): FakeComment {
    this.ctx.requireApi('1.14', 'CommentCollection.getItemOrNullObject');
    return new FakeComment(this.ctx, () => id, true);
  }
  getItem(id: string): FakeComment {
    return new FakeComment(this.ctx, () => id, false);
  }
}

// ───────────────────────────── names and settings ─────────────────────────────

class FakeNamedItem extends FakeObjectBase {
  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeName | undefined,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists() {
    return this.find() !== undefined;
  }
  protected scalars() {
    return ['name', 'formula', 'visible', 'type', 'comment'];
  }
  protected resolve(prop: string) {
    const n = this.find()!;
    if (prop === 'formula') return nameFormula(n);
    if (prop === 'type') return 'Range';
    return (n as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set visible(v: boolean) {
    this.ctx.write('name.visible', () => this.find()?.name ?? '?', () => {
      const n = this.find();
      if (!n) throw new OfficeError('ItemNotFound', 'name not found');
      n.visible = v;
    });
  }
  delete(): void {
    this.ctx.write('name.delete', () => this.find()?.name ?? '?', () => {
      const n = this.find();
      if (!n) throw new OfficeError('ItemNotFound', 'name not found');
      this.ctx.excel.names.splice(this.ctx.excel.names.indexOf(n), 1);
    });
  }
}

class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  constructor(
    ctx: FakeContext,
    private readonly scope: () => FakeSheet | undefined,
  ) {
    super(ctx, () => ctx.excel.names.filter((n) => n.scope === scope()).map((n) => new FakeNamedItem(ctx, () => n, false)));
    ctx.requireApi('1.4', 'names');
  }
  private lookup(name: string): FakeName | undefined {
    const scope = this.scope();
    return this.ctx.excel.names.find((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    let made: FakeName | undefined;
    this.ctx.write(
      'name.add',
      () => name,
      () => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new OfficeError('InvalidArgument', `not a valid name: ${name}`);
        if (this.lookup(name)) throw new OfficeError('InvalidArgument', `the name ${name} already exists`);
        let target: FakeSheet;
        let areas: MergedArea[];
        if (typeof reference === 'string') {
          if (reference.length > this.ctx.excel.maxFormulaChars) throw new OfficeError('InvalidArgument', 'formula too long');
          areas = [];
          let sheet: FakeSheet | undefined;
          for (const part of splitUnion(reference)) {
            const q = splitQualified(part);
            const s = q.sheet !== undefined ? this.ctx.excel.sheet(q.sheet) : this.scope() ?? this.ctx.excel.sheet(this.ctx.excel.activeName);
            const a = parseArea(q.address);
            if (!s || !a || (sheet && s !== sheet)) throw new OfficeError('InvalidArgument', `bad reference ${part}`);
            sheet = s;
            areas.push(a);
          }
          if (!sheet) throw new OfficeError('InvalidArgument', 'empty reference');
          target = sheet;
        } else {
          target = reference.sheet();
          areas = [reference.area()!];
        }
        made = { name, scope: this.scope(), target, areas, visible: true, comment };
        this.ctx.excel.names.push(made);
      },
      120 + (typeof reference === 'string' ? reference.length : 40),
    );
    return new FakeNamedItem(this.ctx, () => made, false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.lookup(name), true);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.lookup(name), false);
  }
}

class FakeSetting extends FakeObjectBase {
  constructor(
    ctx: FakeContext,
    private readonly settingKey: string,
    nullable: boolean,
  ) {
    super(ctx);
    this.nullable = nullable;
  }
  protected override exists() {
    return this.ctx.excel.settings.has(this.settingKey);
  }
  protected scalars() {
    return ['key', 'value'];
  }
  protected resolve(prop: string) {
    return prop === 'key' ? this.settingKey : JSON.parse(this.ctx.excel.settings.get(this.settingKey)!);
  }
  get key(): string {
    return this.read('key');
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    this.ctx.write('setting.delete', () => this.settingKey, () => {
      if (!this.ctx.excel.settings.delete(this.settingKey)) throw new OfficeError('ItemNotFound', 'setting not found');
    });
  }
}

class FakeSettingCollection extends FakeCollection<FakeSetting> {
  constructor(ctx: FakeContext) {
    super(ctx, () => [...ctx.excel.settings.keys()].map((k) => new FakeSetting(ctx, k, false)));
    ctx.requireApi('1.4', 'Workbook.settings');
  }
  add(key: string, value: unknown): FakeSetting {
    const text = JSON.stringify(value);
    this.ctx.write(
      'setting.add',
      () => key,
      () => {
        const ex = this.ctx.excel;
        let total = Buffer.byteLength(key + text, 'utf8');
        for (const [k, v] of ex.settings) if (k !== key) total += Buffer.byteLength(k + v, 'utf8');
        if (total > ex.maxSettingsBytes) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
        ex.settings.set(key, text);
      },
      120 + Buffer.byteLength(text, 'utf8'),
    );
    return new FakeSetting(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
}

// ───────────────────────────── worksheets and the workbook ─────────────────────────────

export class FakeWorksheet extends FakeObjectBase {
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeRows(n: number): void };
  readonly sheet: SheetFn;
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
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.write('freezeRows', () => this.sheet().name, () => void (this.sheet().frozenRows = n)),
    };
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
  /** renaming is not on the desktop's undo stack (undo article: Worksheet.name, Windows/Mac "No") */
  set name(v: string) {
    this.ctx.write(
      'worksheet.name',
      () => v,
      () => {
        const s = this.sheet();
        if (this.ctx.excel.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new OfficeError('InvalidArgument', 'name taken');
        this.ctx.excel.renameSheet(s.name, v);
      },
      120,
      this.ctx.excel.platform === 'OfficeOnline' ? undefined : 'Worksheet.name',
    );
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
      if (address.length > this.ctx.excel.maxAddressChars) throw new OfficeError('InvalidArgument', `address of ${address.length} characters (office-js #5198)`);
      return address.split(/[,;]/).map((a) => parseAddressOrThrow(this.ctx, a));
    };
    this.ctx.enqueue({ write: false, requestBytes: 60 + address.length, exec: () => void (list = parse()) });
    return new FakeRangeAreas(this.ctx, this.sheet, () => list ?? parse());
  }
  activate(): void {
    this.ctx.enqueue({ write: false, requestBytes: 60, exec: () => void (this.ctx.excel.activeName = this.sheet().name) });
  }
  /** the undo article lists Worksheet.delete as not supporting undo: it empties the stack */
  delete(): void {
    let name = '?';
    this.ctx.write(
      'worksheet.delete',
      () => name,
      () => {
        const s = this.sheet();
        name = s.name;
        const ex = this.ctx.excel;
        if (ex.sheets.length === 1) throw new OfficeError('InvalidOperation', 'a workbook keeps at least one sheet');
        ex.sheets.splice(ex.sheets.indexOf(s), 1);
        for (const [k, n] of [...ex.notes]) if (n.sheet === s.name) ex.notes.delete(k);
        for (const [k, c] of [...ex.comments]) if (c.sheet === s.name) ex.comments.delete(k);
        ex.names = ex.names.filter((n) => n.scope !== s && n.target !== s);
        if (ex.activeName === s.name) ex.activeName = ex.sheets[0].name;
      },
      120,
      'Worksheet.delete',
    );
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx, () => this.sheet().name);
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, () => this.sheet().name);
  }
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.ctx, () => this.sheet());
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  readonly onChanged: { add(handler: (e: Record<string, unknown>) => unknown): { context: FakeContext; remove(): void } };
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.sheets.map((s) => new FakeWorksheet(ctx, () => (ctx.excel.sheets.includes(s) ? s : undefined))));
    this.onChanged = {
      add: (handler) => {
        ctx.requireApi('1.9', 'WorksheetCollection.onChanged');
        ctx.enqueue({ write: false, requestBytes: 80, exec: () => void ctx.excel.changeHandlers.add(handler) });
        return { context: ctx, remove: () => void ctx.excel.changeHandlers.delete(handler) };
      },
    };
  }
  getActiveWorksheet(): FakeWorksheet {
    // the active sheet is fixed when the request is made, like a proxy bound by Excel
    let bound: FakeSheet | undefined;
    this.ctx.enqueue({ write: false, requestBytes: 40, exec: () => void (bound = bound ?? this.ctx.excel.sheet(this.ctx.excel.activeName)) });
    return new FakeWorksheet(this.ctx, () => bound ?? this.ctx.excel.sheet(this.ctx.excel.activeName));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(key) ?? this.ctx.excel.sheetById(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(key) ?? this.ctx.excel.sheetById(key), true);
  }
  /** a name of at most 31 characters without : \ / ? * [ ], unique ignoring case */
  add(name?: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.ctx.write('worksheet.add', () => made?.name ?? String(name), () => {
      const ex = this.ctx.excel;
      const n = name ?? `Sheet${ex.sheets.length + 1}`;
      if (n.length > 31 || /[:\\/?*[\]]/.test(n) || !n.trim()) throw new OfficeError('InvalidArgument', `not a valid sheet name: ${n}`);
      if (ex.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `a sheet named ${n} exists`);
      made = ex.addSheet(n);
    });
    return new FakeWorksheet(this.ctx, () => made);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx);
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx);
  }
  get settings(): FakeSettingCollection {
    return new FakeSettingCollection(this.ctx);
  }
}
