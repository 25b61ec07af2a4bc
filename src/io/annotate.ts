/**
 * An annotated copy of a workbook: the marks the add-in puts in Excel (a fill by severity and a note with the message
 * on every finding's cell) plus a report sheet listing the findings, each linked to its cell.
 *
 * The copy is made by PATCHING the package, never by re-saving it: only the parts a mark must touch change — styles
 * (the mark fills and a marked copy of each marked cell's style), the marked cells' style indexes in their sheet, the
 * notes (legacy comments + VML shapes, appended after the user's own), the new report sheet, and the lists that name
 * parts (the workbook's sheet list and relationships, the content types). Every other part — charts, pivot tables,
 * sparklines, data validations, custom properties, tables, protection, threaded comments, macros — is copied byte for
 * byte, compressed bytes included. The input bytes are never written to.
 *
 * Used by `phuluc check --annotate` and by the browser preview's download (in its Web Worker); the marks (colours, one
 * per cell) come from src/core/marks.ts, the same module the Excel add-in marks with.
 */
import { RULE_BY_ID, SEVERITY_NAME, countBySeverity, howToFixText, severityCounts, severityRank, type Lang, type Severity, type SheetReport } from '../core/report';
import { MARK_ARGB, REPORT_SHEET_NAME, planCellMarks, uniqueSheetName } from '../core/marks';
import { columnLetter, parseA1 } from '../core/snapshot';
import { cutAtWord } from '../core/vn/text';
import { WorkbookReadError, asReadError } from './errors';
import { InflateBudget, OutEntry, TextEncoding, ZipArchive, decodeText, encodeText, encodingOf, findEntry, isZip, openZip, partKey, readEntry, writeZip } from './zip';
import { ContentTypes, Relationship, findWorkbookPart, parseContentTypes, readPartText, readRels, readWorkbookInfo, relType, relsPathFor } from './package';
import { escapeAttr } from './xml';
import { applyEdits, freshId, freshPart } from './patch/edits';
import { outlineSheet, patchSheet, REL_NS } from './patch/sheet';
import { StylePatch } from './patch/styles';
import { appendComments, appendVml, commentRefs, vmlIdmaps, type Note } from './patch/notes';
import { quoteSheet, reportSheetXml, sheetEntryXml, type ReportCell } from './patch/reportSheet';

export { MARK_ARGB, planCellMarks, uniqueSheetName };
export type { PlannedMark } from '../core/marks';
export const REPORT_SHEET_BASE = REPORT_SHEET_NAME;
/** rows above the findings on the report sheet: title, summary, blank, column headers */
export const REPORT_HEADER_ROWS = 4;
/** Excel keeps at most 32 767 characters in a cell; notes stay well under that */
const MAX_NOTE = 8000;

export interface AnnotateOptions {
  lang: Lang;
  /** ISO date the deadlines were judged on (shown on the report sheet) */
  asOf: string;
  /** the file's name, for the report sheet's "File" column (default: none) */
  fileName?: string;
}

const STRINGS = {
  title: { vi: 'Phuluc — kết quả kiểm tra{file} (đối chiếu ngày {date})', en: 'Phuluc — findings{file} (as of {date})' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  ruleId: { vi: 'Mã quy tắc', en: 'Rule id' },
  howToFix: { vi: 'Cách sửa', en: 'How to fix' },
  message: { vi: 'Nội dung', en: 'Message' },
  none: { vi: 'Không phát hiện vấn đề nào.', en: 'No findings.' },
  // the one set of severity names (core/report.ts)
  'sev.error': SEVERITY_NAME.error,
  'sev.warning': SEVERITY_NAME.warning,
  'sev.info': SEVERITY_NAME.info,
} as const;

function s(key: keyof typeof STRINGS, lang: Lang, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** One row of the report sheet (findings rows only). */
export interface ReportRow {
  file: string;
  sheet: string;
  cell: string;
  severity: string;
  rule: string;
  ruleId: string;
  message: string;
  /** the rule's advice and the finding's suggested fix */
  howToFix: string;
}

/** The report sheet's finding rows, in report order (the order of `reports`, then of each report's findings). */
export function reportRows(reports: readonly SheetReport[], opts: AnnotateOptions): ReportRow[] {
  const { lang } = opts;
  const rows: ReportRow[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push({
        file: opts.fileName ?? '',
        sheet: r.sheet,
        cell: f.cell,
        severity: s(`sev.${f.severity}`, lang),
        rule: RULE_BY_ID[f.rule]?.title[lang] ?? f.rule,
        ruleId: f.rule,
        message: f.message?.[lang] ?? f.message?.vi ?? '',
        howToFix: howToFixText(f, lang),
      });
    }
  }
  return rows;
}

const NOT_PATCHABLE = {
  vi: 'Bản có đánh dấu chỉ làm được cho tệp .xlsx hoặc .xlsm. Hãy mở tệp trong Excel, lưu thành .xlsx rồi tải lại bản có đánh dấu.',
  en: 'A marked copy can only be made of an .xlsx or .xlsm file. Open the file in Excel, save it as .xlsx and make the marked copy again.',
};

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** The path of `to` relative to the folder of `from` (part names). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The parts of the package being patched: what changed, what is new, the relationships and content types to add. */
class PackageEdit {
  readonly changed = new Map<string, string>();
  readonly added: { name: string; text: string }[] = [];
  /** how each part read was encoded: a patched part is written back the same way */
  private readonly encodings = new Map<string, TextEncoding>();
  private readonly overrides: [string, string][] = [];
  private readonly defaults: [string, string][] = [];
  private readonly rels = new Map<string, { xml: string | null; add: string[]; ids: Set<string> }>();

  constructor(
    readonly zip: ZipArchive,
    readonly ct: ContentTypes,
    private readonly budget: InflateBudget,
    /** "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" or the strict equivalent */
    readonly relBase: string,
  ) {}

  exists(name: string): boolean {
    const k = partKey(name);
    return this.zip.byName.has(k) || this.added.some((a) => partKey(a.name) === k);
  }

  /** A part's text (as patched so far). VML is read byte for byte (`latin1`): Excel's VML is not always UTF-8. */
  text(name: string, enc?: 'latin1'): string | null {
    const k = partKey(name);
    const cur = this.changed.get(k) ?? this.added.find((a) => partKey(a.name) === k)?.text;
    if (cur !== undefined) return cur;
    const entry = findEntry(this.zip, name);
    if (!entry) return null;
    const bytes = readEntry(this.zip, entry, this.budget);
    this.encodings.set(k, enc ?? encodingOf(bytes));
    return enc === 'latin1' ? new TextDecoder('latin1').decode(bytes) : decodeText(bytes);
  }

  set(name: string, text: string): void {
    const k = partKey(name);
    const added = this.added.find((a) => partKey(a.name) === k);
    if (added) added.text = text;
    else if (this.zip.byName.has(k)) this.changed.set(k, text);
    else this.added.push({ name, text });
  }

  override(part: string, type: string): void {
    this.overrides.push([part, type]);
  }

  defaultType(ext: string, type: string): void {
    if (!this.ct.defaults.has(ext) && !this.defaults.some(([e]) => e === ext)) this.defaults.push([ext, type]);
  }

  /** Adds a relationship from `source` to `target`; returns its id. */
  relate(source: string, type: string, target: string): string {
    let r = this.rels.get(source);
    if (!r) {
      const xml = this.text(relsPathFor(source));
      const ids = new Set(readRels(this.zip, source, this.budget).map((x) => x.id));
      r = { xml, add: [], ids };
      this.rels.set(source, r);
    }
    const id = freshId('rIdPhuluc', r.ids);
    r.ids.add(id);
    r.add.push(`<Relationship Id="${id}" Type="${this.relBase}${type}" Target="${escapeAttr(relativeTarget(source, target))}"/>`);
    return id;
  }

  /** The zip entries of the copy: every original entry in order (copied or patched), then the new ones. */
  entries(): OutEntry[] {
    for (const [source, r] of this.rels) {
      const name = relsPathFor(source);
      if (r.xml === null) {
        this.set(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.add.join('')}</Relationships>`);
      } else {
        const at = r.xml.search(/<\/(\w+:)?Relationships>\s*$/);
        if (at < 0) throw new Error(`${name}: no closing </Relationships>`);
        const p = /<(\w+:)?Relationships[\s>]/.exec(r.xml)?.[1] ?? '';
        this.set(name, applyEdits(r.xml, [{ from: at, to: at, text: r.add.join('').replace(/<Relationship /g, `<${p}Relationship `) }]));
      }
    }
    if (this.overrides.length || this.defaults.length) {
      const add =
        this.defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('') +
        this.overrides.map(([p, t]) => `<Override PartName="/${escapeAttr(p)}" ContentType="${t}"/>`).join('');
      const xml = this.text('[Content_Types].xml') ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
      const at = xml.search(/<\/(\w+:)?Types>\s*$/);
      if (at < 0) throw new Error('[Content_Types].xml: no closing </Types>');
      this.set('[Content_Types].xml', applyEdits(xml, [{ from: at, to: at, text: add }]));
    }
    const out: OutEntry[] = this.zip.entries.map((e) => {
      const k = partKey(e.name);
      const t = this.changed.get(k);
      return t === undefined ? { copy: e } : { name: e.name, data: encodeText(t, this.encodings.get(k) ?? 'utf8'), like: e };
    });
    for (const a of this.added) out.push({ name: a.name, data: encodeText(a.text, 'utf8') });
    return out;
  }
}

interface Target {
  row: number;
  col: number;
  severity: Severity;
  texts: string[];
}

/**
 * The annotated copy of `bytes` (an .xlsx/.xlsm package): finding cells filled by severity with a note (a cell that
 * already has a note keeps it and gets the fill only, as in the add-in), and a report sheet appended. Sheets whose
 * report found no table get no marks (as in the add-in) but their findings are listed. Throws WorkbookReadError for
 * files that are not such a package (.xls, .xlsb, .ods: the message says to save as .xlsx) or cannot be read.
 */
export async function annotateWorkbook(bytes: Uint8Array, reports: readonly SheetReport[], opts: AnnotateOptions): Promise<Uint8Array> {
  try {
    return annotate(bytes, reports, opts);
  } catch (e) {
    throw asReadError(e);
  }
}

function annotate(bytes: Uint8Array, reports: readonly SheetReport[], opts: AnnotateOptions): Uint8Array {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'vi';
  if (bytes.length === 0) throw new WorkbookReadError({ vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' }, 'empty');
  if (!isZip(bytes)) {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new WorkbookReadError(NOT_PATCHABLE, ole ? 'unsupported' : 'not-workbook');
  }
  const zip = openZip(bytes);
  if (findEntry(zip, 'mimetype')) throw new WorkbookReadError(NOT_PATCHABLE, 'unsupported');
  const budget = new InflateBudget();
  const ct = parseContentTypes(readPartText(zip, '[Content_Types].xml', budget));
  const wbPart = findWorkbookPart(zip, budget);
  if (/\.bin$/i.test(wbPart)) throw new WorkbookReadError(NOT_PATCHABLE, 'unsupported');
  const info = readWorkbookInfo(zip, wbPart, ct, budget);
  const wsRel = info.rels.find((r) => relType(r) === 'worksheet');
  const relBase = wsRel ? wsRel.type.slice(0, wsRel.type.lastIndexOf('/') + 1) : `${REL_NS}/`;
  const pkg = new PackageEdit(zip, ct, budget, relBase);
  const styles = new StylePatch(info.styles ? pkg.text(info.styles) : null);

  // ── marks on every sheet with a table ──
  let idmapNext = 0;
  for (const e of zip.entries) if (/\.vml$/i.test(e.name)) for (const n of vmlIdmaps(new TextDecoder().decode(readEntry(zip, e, budget)))) idmapNext = Math.max(idmapNext, n);
  for (const report of reports) {
    if (!report.found) continue;
    const sheet = info.sheets.find((x) => x.name === report.sheet && x.kind === 'worksheet' && x.part);
    if (!sheet?.part) continue;
    const marks = planCellMarks(report.findings, lang);
    if (!marks.length) continue;
    const xml = pkg.text(sheet.part);
    if (xml === null) continue;
    const outline = outlineSheet(xml);
    // a finding inside a merged area marks the area's top-left cell; several findings there make one mark
    const targets = new Map<string, Target>();
    for (const m of marks) {
      const area = outline.merges.find((a) => m.row >= a.top && m.row <= a.bottom && m.col >= a.left && m.col <= a.right);
      const row = area ? area.top : m.row;
      const col = area ? area.left : m.col;
      const k = `${row},${col}`;
      const t = targets.get(k);
      if (!t) targets.set(k, { row, col, severity: m.severity, texts: m.text ? [m.text] : [] });
      else {
        if (severityRank(m.severity) < severityRank(t.severity)) t.severity = m.severity;
        if (m.text && !t.texts.includes(m.text)) t.texts.push(m.text);
      }
    }
    const rels = readRels(zip, sheet.part, budget);
    const commentsRel = rels.find((r) => !r.external && relType(r) === 'comments');
    const commentsXml = commentsRel ? pkg.text(commentsRel.target) : null;
    const noted = commentsXml ? commentRefs(commentsXml) : new Set<string>();
    const notes: Note[] = [];
    for (const t of targets.values()) {
      const text = t.texts.join('\n');
      if (text && !noted.has(columnLetter(t.col) + t.row)) notes.push({ row: t.row, col: t.col, text: cutAtWord(text, MAX_NOTE) });
    }
    let legacyDrawingRid: string | undefined;
    if (notes.length) {
      // the comments part: the user's own with ours appended, or a new one
      const commentsPart = commentsRel && pkg.exists(commentsRel.target) ? commentsRel.target : freshPart('xl/comments', '.xml', (n) => pkg.exists(n));
      if (!commentsRel || !pkg.exists(commentsRel.target)) {
        pkg.relate(sheet.part, 'comments', commentsPart);
        pkg.override(commentsPart, CT.comments);
      }
      pkg.set(commentsPart, appendComments(commentsXml, notes));
      // the VML drawing: the sheet's own with our shapes appended, or a new one
      const vmlRel: Relationship | undefined = outline.legacyDrawing ? rels.find((r) => r.id === outline.legacyDrawing && !r.external) : undefined;
      if (vmlRel && pkg.exists(vmlRel.target)) {
        pkg.set(vmlRel.target, appendVml(pkg.text(vmlRel.target, 'latin1'), notes, ++idmapNext));
      } else {
        const vmlPart = freshPart('xl/drawings/vmlDrawing', '.vml', (n) => pkg.exists(n));
        pkg.set(vmlPart, appendVml(null, notes, ++idmapNext));
        pkg.defaultType('vml', CT.vml);
        legacyDrawingRid = pkg.relate(sheet.part, 'vmlDrawing', vmlPart);
      }
    }
    const byCell = new Map([...targets.values()].map((t) => [`${t.row},${t.col}`, t]));
    pkg.set(
      sheet.part,
      patchSheet(xml, outline, [...targets.values()], {
        restyle: (row, col, current) => styles.markStyle(current, byCell.get(`${row},${col}`)!.severity),
        legacyDrawingRid,
      }),
    );
  }

  // ── the report sheet ──
  const name = uniqueSheetName(REPORT_SHEET_BASE, info.sheets.map((x) => x.name));
  const all = reports.flatMap((r) => r.findings);
  const c = countBySeverity(all);
  const fileLabel = opts.fileName ? (lang === 'vi' ? ` tệp «${opts.fileName}»` : ` of “${opts.fileName}”`) : '';
  const sheetNames = new Set(info.sheets.map((x) => x.name));
  const rows: ReportCell[][] = reportRows(reports, { ...opts, lang }).map((r) => {
    const target = parseA1(r.cell);
    const cell: ReportCell =
      target && sheetNames.has(r.sheet) ? { link: `#${quoteSheet(r.sheet)}!${columnLetter(target.col)}${target.row}`, text: columnLetter(target.col) + target.row } : r.cell;
    return [r.file, r.sheet, cell, r.severity, r.rule, r.message, r.ruleId, r.howToFix];
  });
  const reportXml = reportSheetXml(
    {
      title: s('title', lang, { file: fileLabel, date: displayDate(opts.asOf, lang) }),
      summary: severityCounts(c, lang),
      headers: [s('file', lang), s('sheet', lang), s('cell', lang), s('severity', lang), s('rule', lang), s('message', lang), s('ruleId', lang), s('howToFix', lang)],
      rows,
      none: s('none', lang),
      headerRows: REPORT_HEADER_ROWS,
      widths: [28, 18, 8, 11, 32, 90, 24, 70],
      messageCol: 6,
      wrapCols: [6, 8],
    },
    styles.reportStyles(),
  );
  const reportPart = freshPart('xl/worksheets/sheet', '.xml', (n) => pkg.exists(n));
  pkg.set(reportPart, reportXml);
  pkg.override(reportPart, CT.worksheet);
  const rid = pkg.relate(wbPart, 'worksheet', reportPart);
  const wbXml = pkg.text(wbPart)!;
  pkg.set(wbPart, addSheetEntry(wbXml, name, Math.max(0, ...info.sheets.map((x) => Number(x.sheetId) || 0)) + 1, rid));

  // ── styles ──
  if (info.styles) pkg.set(info.styles, styles.write());
  else {
    const stylesPart = pkg.exists('xl/styles.xml') ? freshPart('xl/styles', '.xml', (n) => pkg.exists(n)) : 'xl/styles.xml';
    pkg.set(stylesPart, styles.write());
    pkg.override(stylesPart, CT.styles);
    pkg.relate(wbPart, 'styles', stylesPart);
  }
  return writeZip(bytes, pkg.entries());
}

/** workbook.xml with one more <sheet> at the end of <sheets>. */
function addSheetEntry(xml: string, name: string, sheetId: number, rid: string): string {
  const close = /<\/((\w+:)?)sheets>/.exec(xml);
  if (!close) throw new Error('workbook.xml: no <sheets> list');
  const prefix = close[1];
  // the attribute name the workbook uses for the relationship id ("r:id"), or declare one
  const existing = new RegExp(`<${prefix}sheet\\b[^>]*\\s(\\w+):id\\s*=`).exec(xml);
  const ridAttr = existing ? `${existing[1]}:id` : 'r:id';
  return applyEdits(xml, [{ from: close.index, to: close.index, text: sheetEntryXml(`${prefix}sheet`, ridAttr, name, sheetId, rid, !existing) }]);
}
