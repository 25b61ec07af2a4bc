/**
 * The streaming .xlsx/.xlsm reader: from the package straight to SheetSnapshot. Each part is inflated in chunks and
 * tokenised as it comes (zip.ts, xml.ts); what the engine uses is kept — values (shared, inline and rich-text strings,
 * numbers, booleans, errors, ISO dates), formulas (shared formulas moved to each cell), number formats (custom and
 * built-in, the 1904 date system), merged areas, sheet names and visibility, the fonts the cells use — and nothing
 * else. Memory follows the cells that hold something: a declared used range (`<dimension>`) is never trusted and
 * merged areas are clamped to the data, never expanded cell by cell.
 */
import type { CellValue, MergedArea, SheetSnapshot } from '../core/snapshot';
import { parseRange } from '../core/snapshot';
import { isDateFormat } from '../core/rules/deadlines';
import { WorkbookReadError, corrupt } from './errors';
import { LIMITS, type Limits } from './limits';
import { shiftFormula } from './formula';
import { ContentTypes, WorkbookInfo, findWorkbookPart, parseContentTypes, readPartText, readWorkbookInfo } from './package';
import { CellStyles, NO_STYLES, parseStyles } from './styles';
import { InflateBudget, ZipArchive, findEntry, inflateEntry } from './zip';
import { XmlHandler, XmlTokenizer, parseAttrs } from './xml';

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;
/** days between the 1900 and the 1904 date systems */
const DAYS_1904 = 1462;

export interface ReadOptions {
  limits?: Partial<Limits>;
  /** share of the sheet data read so far (0…1), called now and then */
  onProgress?: (fraction: number) => void;
}

export type OoxmlFormat = 'xlsx' | 'xlsm' | 'xltx' | 'xltm';

export interface OoxmlWorkbook {
  format: OoxmlFormat;
  sheets: SheetSnapshot[];
  info: WorkbookInfo;
}

/** "_x000D_" → "\r" (ECMA-376 ST_Xstring escapes; "_x005F_" is a literal "_"). */
export function unescapeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function formatOf(contentType: string): OoxmlFormat {
  const t = contentType.toLowerCase();
  if (t.includes('macroenabled')) return t.includes('template') ? 'xltm' : 'xlsm';
  return t.includes('template') ? 'xltx' : 'xlsx';
}

/** Counts the filled cells of a workbook against the limit. */
class CellBudget {
  used = 0;
  constructor(readonly limit: number) {}
  add(): void {
    if (++this.used > this.limit)
      throw new WorkbookReadError(
        {
          vi: `Tệp có hơn ${this.limit.toLocaleString('vi-VN')} ô có dữ liệu, vượt giới hạn kiểm tra. Hãy tách bảng ra tệp nhỏ hơn.`,
          en: `The workbook holds more than ${this.limit.toLocaleString('en-US')} filled cells, over the limit. Split the table into smaller files.`,
        },
        'too-large',
      );
  }
}

interface Progress {
  total: number;
  done: number;
  last: number;
  report?: (f: number) => void;
}

/** Streams a part through a tokenizer (UTF-8, or UTF-16 with a byte order mark). */
function streamPart(zip: ZipArchive, part: string, handler: XmlHandler, budget: InflateBudget, limits: Limits, progress?: Progress): boolean {
  const entry = findEntry(zip, part);
  if (!entry) return false;
  const tok = new XmlTokenizer(handler);
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  inflateEntry(
    zip,
    entry,
    (chunk) => {
      if (!decoder) {
        const le = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
        const be = chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff;
        decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: true });
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (e) {
        throw corrupt(`xml: ${part} is not valid text (${(e as Error).message})`);
      }
      tok.write(text);
      if (progress) {
        progress.done += chunk.length;
        if (progress.report && progress.done - progress.last > 1 << 20) {
          progress.last = progress.done;
          progress.report(Math.min(1, progress.done / progress.total));
        }
      }
    },
    budget,
    limits.partBytes,
  );
  if (decoder) tok.write((decoder as InstanceType<typeof TextDecoder>).decode());
  tok.end();
  return true;
}

// ───────────────────────────── shared strings ─────────────────────────────

export interface SharedStrings {
  strings: string[];
  /** fonts named by the rich-text runs of a string (index → names) */
  runFonts: Map<number, string[]>;
}

class SharedStringsHandler implements XmlHandler {
  readonly out: SharedStrings = { strings: [], runFonts: new Map() };
  wantText = false;
  private depth = 0;
  private readonly path: string[] = [];
  private cur = '';
  private fonts: string[] | null = null;

  open(name: string, raw: string, self: boolean): void {
    const d = this.depth;
    if (d === 1 && name === 'si') {
      this.cur = '';
      this.fonts = null;
    } else if (name === 't' && ((d === 2 && this.path[1] === 'si') || (d === 3 && this.path[2] === 'r'))) {
      this.wantText = !self;
    } else if (d === 4 && name === 'rFont' && this.path[2] === 'r') {
      const v = parseAttrs(raw).val;
      if (v && !(this.fonts ??= []).includes(v)) this.fonts.push(v);
    }
    if (!self) {
      this.path[d] = name;
      this.depth++;
    } else if (d === 1 && name === 'si') this.push();
  }

  close(name: string): void {
    this.depth--;
    if (name === 't') this.wantText = false;
    else if (this.depth === 1 && name === 'si') this.push();
  }

  text(t: string): void {
    this.cur += t;
  }

  private push(): void {
    const i = this.out.strings.push(unescapeXstring(this.cur)) - 1;
    if (this.fonts) this.out.runFonts.set(i, this.fonts);
    this.cur = '';
    this.fonts = null;
  }
}

// ───────────────────────────── a worksheet ─────────────────────────────

/** "AB12" → col 28, row 12 (row 0 when the reference has no row); null when it is not a reference. */
function parseRef(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3) return null;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return { col, row };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), 0) + Math.round(parseFloat(m[6] ?? '0') * 1000);
  return (ms - EXCEL_EPOCH) / 86400000;
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

class SheetHandler implements XmlHandler {
  wantText = false;
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  formulas: (string | null)[][] | undefined;
  readonly merges: MergedArea[] = [];
  readonly fonts = new Set<string>();
  maxRow = 0;
  maxCol = 0;

  private depth = 0;
  private inData = false;
  private inMerges = false;
  private row = 0;
  private col = 0;
  private cellRow = 0;
  private cellCol = 0;
  private type = '';
  private xf = 0;
  private inCell = false;
  private collect = 0; // 1 = <v>, 2 = <f>, 3 = <t> of an inline string
  private vText = '';
  private fText = '';
  private fRaw: string | null = null;
  private isText = '';
  private inIs = false;
  private inRun = false;
  private inPhonetic = false;
  private readonly masters = new Map<string, SharedMaster>();

  constructor(
    private readonly sst: SharedStrings,
    private readonly styles: CellStyles,
    private readonly date1904: boolean,
    private readonly cells: CellBudget,
  ) {}

  open(name: string, raw: string, self: boolean): void {
    const d = this.depth;
    if (!self) this.depth++;
    if (d === 1) {
      if (name === 'sheetData') this.inData = !self;
      else if (name === 'mergeCells') this.inMerges = !self;
      return;
    }
    if (this.inData) {
      if (d === 2 && name === 'row') {
        const r = rowAttr(raw);
        this.row = r > 0 ? r : this.row + 1;
        this.col = 0;
        if (this.row > MAX_ROW) throw corrupt(`sheet: row ${this.row} is beyond Excel's last row`);
      } else if (d === 3 && name === 'c') {
        this.startCell(raw);
        if (self) this.endCell();
      } else if (d === 4 && this.inCell) {
        if (name === 'v') {
          this.collect = 1;
          this.wantText = !self;
        } else if (name === 'f') {
          this.fRaw = raw;
          this.fText = '';
          this.collect = 2;
          this.wantText = !self;
        } else if (name === 'is') this.inIs = !self;
      } else if (this.inIs) {
        if (d === 5) {
          if (name === 't') {
            this.collect = 3;
            this.wantText = !self;
          } else if (name === 'r') this.inRun = !self;
          else if (name === 'rPh') this.inPhonetic = !self;
        } else if (d === 6 && this.inRun && !this.inPhonetic && name === 't') {
          this.collect = 3;
          this.wantText = !self;
        }
      }
    } else if (this.inMerges && d === 2 && name === 'mergeCell') {
      const ref = parseAttrs(raw).ref;
      const m = ref ? parseRange(ref) : null;
      if (m && m.bottom <= MAX_ROW && m.right <= MAX_COL && (m.bottom > m.top || m.right > m.left)) this.merges.push(m);
    }
  }

  close(name: string): void {
    const d = --this.depth;
    this.wantText = false;
    this.collect = 0;
    if (d === 1) {
      if (name === 'sheetData') this.inData = false;
      else if (name === 'mergeCells') this.inMerges = false;
    } else if (this.inData) {
      if (d === 3 && name === 'c') this.endCell();
      else if (d === 4 && name === 'is') this.inIs = false;
      else if (d === 5 && name === 'r') this.inRun = false;
      else if (d === 5 && name === 'rPh') this.inPhonetic = false;
    }
  }

  text(t: string): void {
    if (this.collect === 1) this.vText += t;
    else if (this.collect === 2) this.fText += t;
    else if (this.collect === 3) this.isText += t;
  }

  private startCell(raw: string): void {
    let r: string | undefined;
    let s: string | undefined;
    let t: string | undefined;
    // r, s and t by hand: this runs for every cell (other attributes — cm, vm, ph — are not needed)
    const n = raw.length;
    let i = 0;
    while (i < n) {
      let c = raw.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < n && (c = raw.charCodeAt(i)) !== 61 /* = */ && c !== 32 && c !== 10 && c !== 13 && c !== 9) i++;
      const nameLen = i - nameStart;
      while (i < n && raw.charCodeAt(i) !== 34 && raw.charCodeAt(i) !== 39) i++;
      if (i >= n) break;
      const q = raw.charCodeAt(i);
      const vStart = i + 1;
      i = raw.indexOf(q === 34 ? '"' : "'", vStart);
      if (i < 0) break;
      if (nameLen === 1) {
        const ch = raw.charCodeAt(nameStart);
        if (ch === 114 /* r */) r = raw.slice(vStart, i);
        else if (ch === 115 /* s */) s = raw.slice(vStart, i);
        else if (ch === 116 /* t */) t = raw.slice(vStart, i);
      }
      i++;
    }
    let row = this.row;
    let col = this.col + 1;
    if (r) {
      const p = parseRef(r);
      if (!p) throw corrupt(`sheet: "${r}" is not a cell reference`);
      col = p.col;
      if (p.row) row = p.row;
    }
    if (row < 1) row = 1;
    if (col > MAX_COL || row > MAX_ROW) throw corrupt(`sheet: cell ${r ?? `${col}:${row}`} is beyond Excel's last column or row`);
    this.col = col;
    this.cellRow = row;
    this.cellCol = col;
    this.type = t ?? 'n';
    this.xf = s ? parseInt(s, 10) || 0 : 0;
    this.inCell = true;
    this.vText = '';
    this.fText = '';
    this.fRaw = null;
    this.isText = '';
    this.inIs = false;
    this.inRun = false;
    this.inPhonetic = false;
    this.collect = 0;
  }

  private endCell(): void {
    this.inCell = false;
    this.collect = 0;
    const row = this.cellRow;
    const col = this.cellCol;
    let value: CellValue = null;
    let runFonts: string[] | undefined;
    const v = this.vText;
    switch (this.type) {
      case 's': {
        if (v.length === 0 || v.trim() === '') break;
        const idx = Number(v);
        const str = this.sst.strings[idx];
        if (str === undefined) throw corrupt(`sheet: cell ${a1(row, col)} points at shared string ${v}, which does not exist`);
        value = str === '' ? null : str;
        runFonts = this.sst.runFonts.get(idx);
        break;
      }
      case 'str':
        value = v === '' ? null : unescapeXstring(v);
        break;
      case 'inlineStr': {
        const s = this.isText || v;
        value = s === '' ? null : unescapeXstring(s);
        break;
      }
      case 'b':
        value = v === '' ? null : v === '1' || v.trim().toLowerCase() === 'true';
        break;
      case 'e':
        value = v.trim() === '' ? null : { error: v.trim() };
        break;
      case 'd':
        value = v === '' ? null : isoToSerial(v);
        if (v !== '' && value === null) throw corrupt(`sheet: cell ${a1(row, col)} holds the date "${v}", which is not a date`);
        break;
      default: {
        if (v === '') break;
        const num = Number(v);
        if (Number.isNaN(num)) throw corrupt(`sheet: cell ${a1(row, col)} holds "${v.slice(0, 40)}", which is not a number`);
        value = Number.isFinite(num) ? num : { error: '#NUM!' };
      }
    }
    let formula: string | null = null;
    if (this.fRaw !== null) {
      const fa = this.fRaw ? parseAttrs(this.fRaw) : {};
      const ft = fa.t ?? 'normal';
      const text = this.fText;
      if (ft === 'shared' && fa.si !== undefined) {
        if (text) {
          this.masters.set(fa.si, { formula: text, row, col });
          formula = '=' + text;
        } else {
          const m = this.masters.get(fa.si);
          if (m) formula = '=' + shiftFormula(m.formula, row - m.row, col - m.col);
        }
      } else if (ft !== 'dataTable' && text) formula = '=' + text;
    }
    if (value === null && formula === null) return;
    this.cells.add();
    const fmt = this.styles.formats[this.xf] ?? null;
    if (this.date1904 && typeof value === 'number' && fmt && isDateFormat(fmt)) value += DAYS_1904;
    (this.values[row - 1] ??= [])[col - 1] = value;
    if (fmt) (this.formats[row - 1] ??= [])[col - 1] = fmt;
    if (formula) ((this.formulas ??= [])[row - 1] ??= [])[col - 1] = formula;
    const font = this.styles.fonts[this.xf];
    if (font) this.fonts.add(font);
    if (runFonts) for (const f of runFonts) this.fonts.add(f);
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s + row;
}

/** The `r` attribute of a <row>, fast (most rows carry only r, spans and a few style attributes). */
function rowAttr(raw: string): number {
  const m = /(?:^|\s)r\s*=\s*["']\s*(\d+)/.exec(raw);
  return m ? parseInt(m[1], 10) : 0;
}

/** Fills missing rows with one shared empty row and holes in dense rows with null. */
function settle<T>(rows: T[][], hole: T | undefined, upTo: number): T[][] {
  const EMPTY = Object.freeze([]) as unknown as T[];
  if (rows.length < upTo) rows.length = upTo;
  for (let i = 0; i < upTo; i++) {
    const row = rows[i];
    if (!row) {
      rows[i] = EMPTY;
      continue;
    }
    if (hole === undefined || row.length > 4096) continue; // a far stray cell: keep the row sparse
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = hole;
  }
  return rows;
}

function finishSheet(name: string, state: string, h: SheetHandler): SheetSnapshot {
  const rows = h.maxRow;
  const values = settle(h.values, null as CellValue, rows);
  values.length = rows;
  const numberFormats = settle(h.formats, undefined, rows);
  numberFormats.length = rows;
  let formulas: (string | null)[][] | undefined;
  if (h.formulas) {
    formulas = settle(h.formulas, undefined, rows);
    formulas.length = rows;
  }
  // merged areas: clamped to the cells that hold something (a merge over whole rows or columns stays small)
  const merges: MergedArea[] = [];
  for (const m of h.merges) {
    if (m.top > h.maxRow || m.left > h.maxCol) continue;
    merges.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, h.maxRow), right: Math.min(m.right, h.maxCol) });
  }
  const snap: SheetSnapshot = { name, origin: { row: 1, col: 1 }, values, formulas, numberFormats, merges };
  if (h.fonts.size) snap.fonts = [...h.fonts];
  if (state === 'hidden' || state === 'veryHidden') snap.visibility = state;
  return snap;
}

/**
 * Reads every worksheet of an .xlsx/.xlsm package (chart sheets and macro sheets hold no table and are left out).
 * Throws WorkbookReadError ('corrupt', 'no-workbook', 'too-large', 'encrypted', 'unsupported').
 */
export function readOoxml(zip: ZipArchive, options: ReadOptions = {}, ct?: ContentTypes, workbookPart?: string): OoxmlWorkbook {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const budget = new InflateBudget(limits.totalBytes);
  ct ??= parseContentTypes(readPartText(zip, '[Content_Types].xml', budget));
  const part = workbookPart ?? findWorkbookPart(zip, budget);
  const info = readWorkbookInfo(zip, part, ct, budget);
  const worksheets = info.sheets.filter((s) => s.kind === 'worksheet');
  if (!info.sheets.length || !worksheets.length)
    throw new WorkbookReadError(
      { vi: 'Bảng tính không có trang tính nào.', en: 'The workbook has no worksheets.' },
      'no-workbook',
    );
  for (const s of worksheets)
    if (!s.part || !findEntry(zip, s.part))
      throw new WorkbookReadError(
        {
          vi: `Tệp bị hỏng: không tìm thấy nội dung của trang tính «${s.name}»${s.part ? ` (${s.part})` : ''}. Hãy mở trong Excel và lưu lại.`,
          en: `The file is damaged: the contents of sheet "${s.name}"${s.part ? ` (${s.part})` : ''} are missing. Open it in Excel and save it again.`,
        },
        'corrupt',
        s.part ? `missing part ${s.part}` : `relationship ${s.rid} not found`,
      );
  const styles = info.styles ? parseStyles(readPartText(zip, info.styles, budget)) : NO_STYLES;
  const sstHandler = new SharedStringsHandler();
  if (info.sharedStrings) streamPart(zip, info.sharedStrings, sstHandler, budget, limits);
  const cells = new CellBudget(limits.filledCells);
  const progress: Progress = {
    total: worksheets.reduce((n, s) => n + (findEntry(zip, s.part!)?.size ?? 0), 0) || 1,
    done: 0,
    last: 0,
    report: options.onProgress,
  };
  const sheets: SheetSnapshot[] = [];
  for (const s of worksheets) {
    const h = new SheetHandler(sstHandler.out, styles, info.date1904, cells);
    streamPart(zip, s.part!, h, budget, limits, progress);
    sheets.push(finishSheet(s.name, s.state, h));
  }
  return { format: formatOf(info.contentType), sheets, info };
}
