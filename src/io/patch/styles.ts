/**
 * Patching styles.xml for the annotated copy: the mark fills are appended to <fills>, and for each (cell style, mark)
 * pair met a copy of the cell's own style (xf) with the mark's fill is appended to <cellXfs> — so a marked cell keeps
 * its number format, font, borders and alignment, and cells that shared its style keep theirs. The report sheet's
 * few styles (bold title and headers, links, wrapped messages) are appended the same way. Existing entries are never
 * changed or reordered: every style index in the workbook keeps its meaning.
 */
import type { Severity } from '../../core/report';
import { MARK_ARGB } from '../../core/marks';
import { tokenizeWith } from '../xml';
import { applyEdits, prefixOf, type Edit } from './edits';

/** ECMA-376 CT_Stylesheet children, in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal styles part, for the rare package that has none. */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Section {
  qname: string;
  start: number;
  /** end of the start tag */
  openEnd: number;
  raw: string;
  self: boolean;
  /** offset of the end tag (-1 when self-closing) */
  close: number;
  /** the children's element text, in order */
  children: string[];
}

export interface ReportStyles {
  title: number;
  header: number;
  link: number;
  wrap: number;
}

function setAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s)${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, `$1${name}="${value}"`);
  return startTag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${value}"`);
}

export class StylePatch {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private rootClose = -1;
  private readonly newFills: string[] = [];
  private readonly fillOf = new Map<Severity, number>();
  private readonly newXfs: string[] = [];
  private readonly newFonts: string[] = [];
  private readonly xfFor = new Map<string, number>();
  private report?: ReportStyles;

  /** `xml`: the package's styles part, or null when it has none (then a default one is written). */
  constructor(xml: string | null) {
    this.xml = xml ?? DEFAULT_STYLES;
    let prefix = '';
    tokenizeWith(this.xml, (tok) => {
      let depth = 0;
      let section: Section | null = null;
      let childStart = -1;
      return {
        wantText: false,
        open: (name, raw, self) => {
          if (depth === 0) prefix = prefixOf(tok.qname);
          else if (depth === 1) {
            section = { qname: tok.qname, start: tok.tokenStart, openEnd: tok.tokenEnd, raw, self, close: -1, children: [] };
            if (!this.sections.has(name)) this.sections.set(name, section);
            if (self) section = null;
          } else if (depth === 2 && section) {
            if (self) section.children.push(this.xml.slice(tok.tokenStart, tok.tokenEnd));
            else childStart = tok.tokenStart;
          }
          if (!self) depth++;
        },
        close: () => {
          depth--;
          if (depth === 2 && section && childStart >= 0) {
            section.children.push(this.xml.slice(childStart, tok.tokenEnd));
            childStart = -1;
          } else if (depth === 1 && section) {
            section.close = tok.tokenStart;
            section = null;
          } else if (depth === 0) this.rootClose = tok.tokenStart;
        },
        text: () => undefined,
      };
    });
    this.prefix = prefix;
  }

  private count(name: string): number {
    return this.sections.get(name)?.children.length ?? 0;
  }

  /** The index of a new fill of the mark's colour. */
  private fill(severity: Severity): number {
    let id = this.fillOf.get(severity);
    if (id === undefined) {
      const p = this.prefix;
      // a package without <fills> gets the two fills Excel reserves first (none, gray125)
      const base = this.sections.has('fills') ? this.count('fills') : 2;
      id = base + this.newFills.length;
      this.newFills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${MARK_ARGB[severity]}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      this.fillOf.set(severity, id);
    }
    return id;
  }

  private baseXfCount(): number {
    return this.sections.has('cellXfs') ? this.count('cellXfs') : 1;
  }

  private addXf(xml: string): number {
    this.newXfs.push(xml);
    return this.baseXfCount() + this.newXfs.length - 1;
  }

  /** The style index for a cell whose style is `xf`, marked with `severity`: a copy of `xf` with the mark's fill. */
  markStyle(xf: number, severity: Severity): number {
    const k = `${xf}|${severity}`;
    let id = this.xfFor.get(k);
    if (id === undefined) {
      const xfs = this.sections.get('cellXfs')?.children ?? [];
      const own = xfs[xf] ?? xfs[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
      const tagEnd = own.indexOf('>') + 1;
      const start = own.slice(0, tagEnd);
      const rest = own.slice(tagEnd);
      const self = start.endsWith('/>');
      let tag = self ? start.slice(0, -2) : start.slice(0, -1);
      tag = setAttr(tag, 'fillId', String(this.fill(severity)));
      tag = setAttr(tag, 'applyFill', '1');
      id = this.addXf(tag + (self ? '/>' : '>') + rest);
      this.xfFor.set(k, id);
    }
    return id;
  }

  /** The report sheet's styles (allocated once). */
  reportStyles(): ReportStyles {
    if (this.report) return this.report;
    const p = this.prefix;
    const font0 = this.sections.get('fonts')?.children[0] ?? '';
    const nameM = /<(?:\w+:)?name\s+val\s*=\s*"([^"]*)"/.exec(font0);
    const name = nameM ? nameM[1] : 'Calibri';
    const szM = /<(?:\w+:)?sz\s+val\s*=\s*"([^"]*)"/.exec(font0);
    const sz = szM && Number(szM[1]) > 0 ? szM[1] : '11';
    const baseFonts = this.sections.has('fonts') ? this.count('fonts') : 1;
    const font = (inner: string) => {
      this.newFonts.push(`<${p}font>${inner}</${p}font>`);
      return baseFonts + this.newFonts.length - 1;
    };
    const titleFont = font(`<${p}b/><${p}sz val="13"/><${p}name val="${name}"/>`);
    const boldFont = font(`<${p}b/><${p}sz val="${sz}"/><${p}name val="${name}"/>`);
    const linkFont = font(`<${p}u/><${p}sz val="${sz}"/><${p}color rgb="FF0563C1"/><${p}name val="${name}"/>`);
    const xfId = this.sections.has('cellStyleXfs') ? ' xfId="0"' : '';
    const xf = (fontId: number, extra = '', inner = '') =>
      this.addXf(`<${p}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0"${xfId}${extra}${inner ? `>${inner}</${p}xf>` : '/>'}`);
    this.report = {
      title: xf(titleFont, ' applyFont="1"'),
      header: xf(boldFont, ' applyFont="1"'),
      link: xf(linkFont, ' applyFont="1"'),
      wrap: xf(0, ' applyAlignment="1"', `<${p}alignment vertical="top" wrapText="1"/>`),
    };
    return this.report;
  }

  /** Whether anything was added (else the part is copied as it is). */
  get changed(): boolean {
    return this.newXfs.length > 0 || this.newFills.length > 0 || this.newFonts.length > 0;
  }

  /** The patched part. */
  write(): string {
    const p = this.prefix;
    const edits: Edit[] = [];
    const defaults: Record<string, string[]> = {
      fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
      fills: [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
      borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
      cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
    };
    const add = (name: string, items: string[], force = false) => {
      if (!items.length && !(force && !this.sections.has(name))) return;
      const s = this.sections.get(name);
      if (s && !s.self) {
        const count = s.children.length + items.length;
        const open = this.xml.slice(s.start, s.openEnd);
        edits.push({ from: s.start, to: s.openEnd, text: setAttr(open.slice(0, -1), 'count', String(count)) + '>' });
        edits.push({ from: s.close, to: s.close, text: items.join('') });
        return;
      }
      const all = [...(s ? [] : (defaults[name] ?? [])), ...items];
      const text = `<${p}${name} count="${all.length}">${all.join('')}</${p}${name}>`;
      if (s) {
        edits.push({ from: s.start, to: s.openEnd, text });
        return;
      }
      // a missing section goes before the first section that follows it in schema order
      const later = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => this.sections.get(n)?.start)
        .filter((x): x is number => x !== undefined);
      const at = later.length ? Math.min(...later) : this.rootClose;
      edits.push({ from: at, to: at, text });
    };
    add('fonts', this.newFonts);
    add('fills', this.newFills);
    if (this.newXfs.length) add('borders', [], true);
    add('cellXfs', this.newXfs);
    return applyEdits(this.xml, edits);
  }
}
