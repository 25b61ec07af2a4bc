/**
 * The workbook-level proxies of the fake Excel object model: notes, threaded comments, defined names, settings,
 * worksheets and the workbook. Ranges, fills and the proxy machinery are in ./objects.ts.
 */
import type { MergedArea } from '../../../src/core/snapshot';
import type { FakeContext } from './context';
import { FakeCollection, FakeObjectBase, FakeProtection, FakeRange, FakeRangeAreas, guardWrite, parseAddressOrThrow, type SheetFn } from './objects';
import { OfficeError, addressOf, bytesOf, nameFormula, parseArea, splitQualified, splitUnion, type FakeName, type FakeSheet } from './model';

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
