/**
 * The package structure of .xlsx/.xlsm files (Open Packaging Conventions): relationships, content types, the workbook
 * part and its sheet list. Shared by the reader (xlsx.ts) and the annotator (annotate.ts).
 */
import { WorkbookReadError, corrupt } from './errors';
import { InflateBudget, ZipArchive, decodeText, findEntry, readEntry } from './zip';
import { parseAttrs, prefixedAttr, tokenize } from './xml';

export interface Relationship {
  id: string;
  /** the full type URI */
  type: string;
  /** the target part's name, resolved ("xl/worksheets/sheet1.xml"); the raw target for external ones */
  target: string;
  external: boolean;
}

/** A relationship type by its last segment ("worksheet", "styles", "officeDocument", "comments", "vmlDrawing"). */
export function relType(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf('/') + 1);
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels" */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target as a part name, relative to the folder of `source` ("" for the package's own relationships). */
export function resolveTarget(source: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // a stray "%": keep the target as written
  }
  const parts = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function parseRels(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  tokenize(xml, {
    wantText: false,
    open(name, raw) {
      if (name !== 'Relationship') return;
      const a = parseAttrs(raw);
      if (!a.Id || !a.Type || a.Target === undefined) return;
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      out.push({ id: a.Id, type: a.Type, target: external ? a.Target : resolveTarget(source, a.Target), external });
    },
    close() {},
    text() {},
  });
  return out;
}

/** The text of a part, or null when the package has no such part. */
export function readPartText(zip: ZipArchive, name: string, budget?: InflateBudget): string | null {
  const entry = findEntry(zip, name);
  return entry ? decodeText(readEntry(zip, entry, budget)) : null;
}

export function readRels(zip: ZipArchive, part: string, budget?: InflateBudget): Relationship[] {
  const xml = readPartText(zip, relsPathFor(part), budget);
  return xml === null ? [] : parseRels(xml, part);
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string | null): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  if (xml === null) return ct;
  tokenize(xml, {
    wantText: false,
    open(name, raw) {
      const a = parseAttrs(raw);
      if (name === 'Default' && a.Extension) ct.defaults.set(a.Extension.toLowerCase(), a.ContentType ?? '');
      else if (name === 'Override' && a.PartName) ct.overrides.set(a.PartName.replace(/^\/+/, '').toLowerCase(), a.ContentType ?? '');
    },
    close() {},
    text() {},
  });
  return ct;
}

export function contentTypeOf(ct: ContentTypes, part: string): string {
  const key = part.toLowerCase();
  return ct.overrides.get(key) ?? ct.defaults.get(key.slice(key.lastIndexOf('.') + 1)) ?? '';
}

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: string;
  rid: string;
  /** "visible", "hidden" or "veryHidden" */
  state: string;
  kind: SheetKind;
  /** the sheet's part, when its relationship exists */
  part?: string;
}

export interface WorkbookInfo {
  /** the workbook part ("xl/workbook.xml") */
  part: string;
  contentType: string;
  /** dates are counted from 1904 (old Mac workbooks) */
  date1904: boolean;
  sheets: SheetEntry[];
  rels: Relationship[];
  styles?: string;
  sharedStrings?: string;
}

const NOT_A_WORKBOOK_ZIP: Array<[string, { vi: string; en: string }]> = [
  ['word/document.xml', { vi: 'Đây là tài liệu Word, không phải bảng tính Excel.', en: 'This is a Word document, not an Excel workbook.' }],
  ['ppt/presentation.xml', { vi: 'Đây là bản trình chiếu PowerPoint, không phải bảng tính Excel.', en: 'This is a PowerPoint presentation, not an Excel workbook.' }],
];

/** The workbook part of a package: through the package relationship, else the usual name. */
export function findWorkbookPart(zip: ZipArchive, budget?: InflateBudget): string {
  const rels = readRels(zip, '', budget);
  const office = rels.find((r) => !r.external && relType(r) === 'officeDocument');
  for (const [part, text] of NOT_A_WORKBOOK_ZIP) if (office?.target.toLowerCase() === part) throw new WorkbookReadError(text, 'not-workbook');
  if (office && findEntry(zip, office.target)) return office.target;
  for (const guess of ['xl/workbook.xml', 'xl/workbook.bin']) if (findEntry(zip, guess)) return guess;
  for (const [part, text] of NOT_A_WORKBOOK_ZIP) if (findEntry(zip, part)) throw new WorkbookReadError(text, 'not-workbook');
  throw new WorkbookReadError(
    office
      ? {
          vi: `Tệp nén không đọc được: phần bảng tính «${office.target}» mà tệp trỏ tới không có trong tệp.`,
          en: `The package cannot be read: the workbook part "${office.target}" it points to is missing.`,
        }
      : {
          vi: 'Tệp nén này không chứa bảng tính Excel nào.',
          en: 'This zip package holds no Excel workbook.',
        },
    'no-workbook',
  );
}

/** The workbook part: sheets in order with their parts, the 1904 date system, the styles and shared strings parts. */
export function readWorkbookInfo(zip: ZipArchive, part: string, ct: ContentTypes, budget?: InflateBudget): WorkbookInfo {
  const xml = readPartText(zip, part, budget);
  if (xml === null) throw corrupt(`package: ${part} is missing`);
  const rels = readRels(zip, part, budget);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const info: WorkbookInfo = { part, contentType: contentTypeOf(ct, part), date1904: false, sheets: [], rels };
  let depth = 0;
  tokenize(xml, {
    wantText: false,
    open(name, raw, self) {
      if (depth === 1 && name === 'workbookPr') {
        const v = parseAttrs(raw).date1904;
        info.date1904 = v === '1' || v === 'true';
      } else if (depth === 2 && name === 'sheet') {
        const a = parseAttrs(raw);
        const rid = prefixedAttr(a, 'id') ?? '';
        const rel = byId.get(rid);
        const t = rel ? relType(rel) : 'worksheet'; // a sheet whose relationship is missing: a broken worksheet
        const kind: SheetKind =
          t === 'worksheet' ? 'worksheet' : t === 'chartsheet' ? 'chartsheet' : t === 'dialogsheet' ? 'dialogsheet' : /macrosheet/i.test(t) ? 'macrosheet' : 'other';
        info.sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', rid, state: a.state ?? 'visible', kind, part: rel && !rel.external ? rel.target : undefined });
      }
      if (!self) depth++;
    },
    close() {
      depth--;
    },
    text() {},
  });
  info.styles = rels.find((r) => !r.external && relType(r) === 'styles')?.target;
  info.sharedStrings = rels.find((r) => !r.external && relType(r) === 'sharedStrings')?.target;
  return info;
}
