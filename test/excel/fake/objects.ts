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
  parseArea,
  sheetRef,
  splitQualified,
  type FakeCell,
  type FakeFill,
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

export type SheetFn = () => FakeSheet;

export function guardWrite(sheet: FakeSheet): void {
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

/**
 * What typing (or writing through `values`) `v` into a cell gives. In a cell formatted as Text ("@") a number, or
 * a formula, is kept as the text typed (Microsoft support, "Convert numbers stored as text to numbers" / "Format
 * numbers as text": a number entered into a Text-formatted cell is stored as text, and a formula is shown as typed).
 */
function assign(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (cell.numberFormat === '@' && v !== '' && v !== null && v !== undefined) {
    cell.value = typeof v === 'string' ? (v.startsWith("'") ? v.slice(1) : v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    return;
  }
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
    // the font's accessors are plain object getters and need the format they belong to
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- used inside the object literal's getters below
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
  set rowHeight(_v: number) {
    this.setEach('format.rowHeight', () => undefined);
  }
}

export function parseAddressOrThrow(ctx: FakeContext, address: string): MergedArea {
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
  /**
   * A two-dimensional array of format codes the size of the range ("Set number format",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-format); another size fails as for
   * values; null leaves a cell's format as it is.
   */
  set numberFormat(v: unknown[][]) {
    this.ctx.write(
      'numberFormat',
      this.target,
      () => {
        const s = this.sheet();
        guardWrite(s);
        const a = this.area()!;
        if (v === null || !Array.isArray(v)) throw new OfficeError('InvalidArgument', 'null is not a valid value for Range.numberFormat');
        if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1))
          throw new OfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return;
            if (typeof x !== 'string') throw new OfficeError('InvalidArgument', 'a number format is a string');
            s.mutable(a.top + i, a.left + j).numberFormat = x;
          }),
        );
        return v;
      },
      120 + bytesOf(v),
    );
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

export class FakeProtection extends FakeObjectBase {
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

