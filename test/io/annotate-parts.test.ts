/**
 * The annotated copy is a patch of the original package: diffed part by part, every part a mark does not touch is
 * identical — compressed bytes included — and the parts it touches differ only by what the marks add. Originals: a
 * hand-written workbook with a chart, sparklines, x14 validations, a data bar, custom properties, a table, protection,
 * a user's note (test/io/rich.ts); a LibreOffice-saved workbook with a table and a protected sheet; the three fixtures.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { annotateWorkbook } from '../../src/io/annotate';
import { readSnapshots, readWorkbookFile } from '../../src/io/xlsx';
import { openZip, readEntry, type ZipArchive } from '../../src/io/zip';
import { parseAttrs, tokenize } from '../../src/io/xml';
import { check } from '../../src/core/check';
import { MARK_ARGB, REPORT_SHEET_NAME, planCellMarks } from '../../src/core/marks';
import { richWorkbook, RICH_SHEET } from './rich';
import type { SheetReport } from '../../src/core/report';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const dec = new TextDecoder();

interface Parts {
  zip: ZipArchive;
  text: Map<string, string>;
  bytes: Map<string, Uint8Array>;
}

function parts(bytes: Uint8Array): Parts {
  const zip = openZip(bytes);
  const text = new Map<string, string>();
  const raw = new Map<string, Uint8Array>();
  for (const e of zip.entries) {
    const b = readEntry(zip, e);
    raw.set(e.name, b);
    text.set(e.name, dec.decode(b));
  }
  return { zip, text, bytes: raw };
}

type Event = [string, string, Record<string, string>?];

/** An XML part as a list of events (open/close/text), for comparing structure rather than bytes. */
function events(xml: string): Event[] {
  const out: Event[] = [];
  tokenize(xml, {
    wantText: true,
    open: (n, a, self) => {
      out.push(['<', n, parseAttrs(a)]);
      if (self) out.push(['>', n]);
    },
    close: (n) => out.push(['>', n]),
    text: (t) => out.push(['t', t]),
  });
  return out;
}

/** The children of the element `name` at depth 1, as event slices. */
function children(ev: Event[], section: string): Event[][] {
  const out: Event[][] = [];
  let depth = 0;
  let inside = false;
  let cur: Event[] | null = null;
  for (const e of ev) {
    if (e[0] === '<') {
      if (depth === 1 && e[1] === section) inside = true;
      else if (inside && depth === 2) cur = [];
      depth++;
    }
    if (cur) cur.push(e);
    if (e[0] === '>') {
      depth--;
      if (inside && depth === 2 && cur) {
        out.push(cur);
        cur = null;
      } else if (depth === 1 && e[1] === section) inside = false;
    }
  }
  return out;
}

/** The sheet's events with what the marks add taken out: `s` of the marked cells, added empty cells and rows, a new legacyDrawing. */
function withoutMarks(ev: Event[], marked: Set<string>, originalCells: Set<string>, originalRows: Set<string>, dropLegacyDrawing: boolean): Event[] {
  const out: Event[] = [];
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i];
    if (e[0] === '<' && e[1] === 'c' && e[2]?.r && marked.has(e[2].r)) {
      if (!originalCells.has(e[2].r) && ev[i + 1]?.[0] === '>') {
        i++; // an empty styled cell the copy added
        continue;
      }
      const { s: _s, ...rest } = e[2];
      out.push(['<', 'c', rest]);
      continue;
    }
    if (dropLegacyDrawing && e[0] === '<' && e[1] === 'legacyDrawing') {
      i++;
      continue;
    }
    out.push(e);
  }
  // rows the copy added hold only added cells: now empty
  const clean: Event[] = [];
  for (let i = 0; i < out.length; i++) {
    const e = out[i];
    if (e[0] === '<' && e[1] === 'row' && out[i + 1]?.[0] === '>' && out[i + 1][1] === 'row' && e[2] && !(e[2].r && originalRows.has(e[2].r))) {
      i++;
      continue;
    }
    clean.push(e);
  }
  return clean;
}

function stripCellStyle(ev: Event[], marked: Set<string>): Event[] {
  return ev.map((e) => {
    if (e[0] === '<' && e[1] === 'c' && e[2]?.r && marked.has(e[2].r)) {
      const { s: _s, ...rest } = e[2];
      return ['<', 'c', rest];
    }
    if (e[0] === '<' && e[1] === 'row' && e[2]) {
      const { spans: _spans, ...rest } = e[2];
      return ['<', 'row', rest];
    }
    return e;
  });
}

async function annotated(bytes: Uint8Array, asOf: string) {
  const book = await readWorkbookFile(bytes);
  const reports: SheetReport[] = book.sheets.map((s) => check(s, { asOf }));
  const out = await annotateWorkbook(bytes, reports, { lang: 'vi', asOf, fileName: 'x.xlsx' });
  return { book, reports, out };
}

function sheetPartOf(p: Parts, name: string): string {
  const wb = p.text.get('xl/workbook.xml')!;
  const rid = new RegExp(`<sheet [^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rel = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(p.text.get('xl/_rels/workbook.xml.rels')!)![1];
  return rel.startsWith('/') ? rel.slice(1) : `xl/${rel}`;
}

const ORIGINALS: [string, () => Uint8Array, string][] = [
  ['hand-written: chart, sparklines, x14 validation, data bar, custom properties, table, protection, a user note', richWorkbook, '2024-06-15'],
  ['LibreOffice: table and protected sheet', () => new Uint8Array(readFileSync(path.join(FIXTURES, 'libreoffice-bang-bao-ve.xlsx'))), '2024-06-15'],
  ['fixture Huế', () => new Uint8Array(readFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx'))), '2018-02-15'],
  ['fixture Cát Hải', () => new Uint8Array(readFileSync(path.join(FIXTURES, 'cathai-2023-danh-muc.xlsx'))), '2023-06-01'],
  ['fixture Hà Giang', () => new Uint8Array(readFileSync(path.join(FIXTURES, 'hagiang-2024-chi-so.xlsx'))), '2024-06-01'],
];

describe.each(ORIGINALS)('the annotated copy of %s, part by part', (_label, make, asOf) => {
  let original: Uint8Array;
  let copy: Uint8Array;
  let a: Parts;
  let b: Parts;
  let reports: SheetReport[];
  let sheetNames: string[];
  beforeAll(async () => {
    original = make();
    const before = Buffer.from(original);
    const r = await annotated(original, asOf);
    expect(Buffer.from(original).equals(before)).toBe(true);
    copy = r.out;
    reports = r.reports;
    sheetNames = r.book.sheets.map((s) => s.name);
    a = parts(original);
    b = parts(copy);
  });

  const markedSheets = () => reports.filter((r) => r.found && planCellMarks(r.findings, 'vi').length).map((r) => sheetPartOf(a, r.sheet));

  it('no part is lost; every part the marks do not touch is the same, compressed bytes included', () => {
    const names = a.zip.entries.map((e) => e.name);
    for (const n of names) expect(b.bytes.has(n)).toBe(true);
    const touched = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
    for (const sheet of markedSheets()) {
      touched.add(sheet);
      touched.add(sheet.replace(/([^/]+)$/, '_rels/$1.rels'));
    }
    // the notes parts of the marked sheets
    for (const n of names) if (/comments\d*\.xml$|\.vml$/.test(n)) touched.add(n);
    const same: string[] = [];
    for (const e of a.zip.entries) {
      if (touched.has(e.name)) continue;
      const f = b.zip.entries.find((x) => x.name === e.name)!;
      expect([e.name, Buffer.from(b.bytes.get(e.name)!).equals(Buffer.from(a.bytes.get(e.name)!))]).toEqual([e.name, true]);
      const rawA = a.zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      const rawB = b.zip.bytes.subarray(f.dataOffset, f.dataOffset + f.compressedSize);
      expect([e.name, Buffer.from(rawA).equals(Buffer.from(rawB)), f.crc === e.crc, f.method === e.method]).toEqual([e.name, true, true, true]);
      same.push(e.name);
    }
    expect(same.length).toBeGreaterThan(0);
    // new parts: the report sheet and, where a sheet had none, a comments part and a VML drawing
    const added = b.zip.entries.map((e) => e.name).filter((n) => !names.includes(n));
    for (const n of added) expect(n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);
  });

  it('every sheet reads back the same; the engine finds the same findings in the copy', async () => {
    const again = await readSnapshots(copy);
    const before = await readSnapshots(original);
    expect(again.map((s) => s.name)).toEqual([...sheetNames, REPORT_SHEET_NAME]);
    for (let i = 0; i < before.length; i++) {
      expect(again[i]).toEqual(before[i]);
      expect(check(again[i], { asOf }).findings).toEqual(reports[i].findings);
    }
  });

  it('a marked sheet differs only by the marked cells’ style indexes, the empty cells added to carry a mark, and a legacy drawing', () => {
    for (const r of reports) {
      if (!r.found) continue;
      const marks = planCellMarks(r.findings, 'vi');
      if (!marks.length) continue;
      const part = sheetPartOf(a, r.sheet);
      const evA = events(a.text.get(part)!);
      const evB = events(b.text.get(part)!);
      // merged areas: a finding inside one marks its top-left cell
      const merges = evA.filter((e) => e[0] === '<' && e[1] === 'mergeCell').map((e) => e[2]!.ref);
      const marked = new Set<string>();
      for (const m of marks) {
        let at = m.address;
        for (const ref of merges) {
          const [p, q] = ref.split(':');
          const pa = /([A-Z]+)(\d+)/.exec(p)!;
          const qa = /([A-Z]+)(\d+)/.exec(q ?? p)!;
          const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          if (m.row >= +pa[2] && m.row <= +qa[2] && m.col >= col(pa[1]) && m.col <= col(qa[1])) at = p;
        }
        marked.add(at);
      }
      const originalCells = new Set(evA.filter((e) => e[0] === '<' && e[1] === 'c' && e[2]?.r).map((e) => e[2]!.r));
      const originalRows = new Set(evA.filter((e) => e[0] === '<' && e[1] === 'row' && e[2]?.r).map((e) => e[2]!.r));
      const hadDrawing = evA.some((e) => e[0] === '<' && e[1] === 'legacyDrawing');
      expect(stripCellStyle(withoutMarks(evB, marked, originalCells, originalRows, !hadDrawing), marked)).toEqual(stripCellStyle(evA, marked));
      // every marked cell points at a style with the mark's fill
      const stylesB = events(b.text.get('xl/styles.xml')!);
      const xfs = children(stylesB, 'cellXfs');
      const fills = children(stylesB, 'fills');
      for (const at of marked) {
        const cell = evB.find((e) => e[0] === '<' && e[1] === 'c' && e[2]?.r === at)!;
        const xf = xfs[Number(cell[2]!.s)][0][2]!;
        const fill = fills[Number(xf.fillId)];
        const rgb = fill.find((e) => e[1] === 'fgColor')?.[2]?.rgb;
        expect([at, Object.values(MARK_ARGB).includes(rgb ?? '')]).toEqual([at, true]);
      }
    }
  });

  it('styles: the original fonts, fills and cell styles come first and unchanged, every other section is the same', () => {
    const evA = events(a.text.get('xl/styles.xml')!);
    const evB = events(b.text.get('xl/styles.xml')!);
    for (const section of ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'numFmts', 'tableStyles', 'colors', 'extLst']) {
      const ca = children(evA, section);
      const cb = children(evB, section);
      expect(cb.slice(0, ca.length)).toEqual(ca);
      if (!['fonts', 'fills', 'cellXfs'].includes(section)) expect(cb.length).toBe(ca.length);
    }
  });

  it('workbook.xml: one more sheet at the end of the list, the rest the same', () => {
    const evA = events(a.text.get('xl/workbook.xml')!);
    const evB = events(b.text.get('xl/workbook.xml')!);
    const sheetsA = children(evA, 'sheets');
    const sheetsB = children(evB, 'sheets');
    expect(sheetsB.slice(0, sheetsA.length)).toEqual(sheetsA);
    expect(sheetsB.length).toBe(sheetsA.length + 1);
    expect(sheetsB[sheetsA.length][0][2]!.name).toBe(REPORT_SHEET_NAME);
    const strip = (ev: Event[]) => ev.filter((e) => !(e[1] === 'sheet'));
    expect(strip(evB)).toEqual(strip(evA));
  });

  it('notes: the user’s own notes stay first and unchanged; ours follow', () => {
    for (const [name, textA] of a.text) {
      if (!/comments\d*\.xml$/.test(name)) continue;
      const listA = children(events(textA), 'commentList');
      const listB = children(events(b.text.get(name)!), 'commentList');
      expect(listB.slice(0, listA.length)).toEqual(listA);
      const authorsA = children(events(textA), 'authors');
      expect(children(events(b.text.get(name)!), 'authors').slice(0, authorsA.length)).toEqual(authorsA);
    }
    for (const [name, textA] of a.text) {
      if (!/\.vml$/.test(name)) continue;
      const textB = b.text.get(name)!;
      const cut = textA.search(/<\/xml>\s*$/);
      expect(textB.startsWith(textA.slice(0, cut))).toBe(true);
    }
  });
});

describe('the hand-written original', () => {
  it('the cell with the user’s note (E7) gets the fill and keeps the note; C4 (not in the file) is added with a mark and a note', async () => {
    const original = richWorkbook();
    const { out } = await annotated(original, '2024-06-15');
    const b = parts(out);
    const comments = b.text.get('xl/comments1.xml')!;
    expect(comments.match(/ref="E7"/g)).toHaveLength(1);
    expect(comments).toContain('Ghi chú của đơn vị');
    expect(comments).toMatch(/<comment ref="C4" authorId="1">.*Thiếu/);
    expect(comments).toContain('<author>Phuluc</author>');
    const sheet = b.text.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<c r="B4" t="s"><v>7<\/v><\/c><c r="C4" s="\d+"\/><c r="D4"/);
    const vml = b.text.get('xl/drawings/vmlDrawing1.vml')!;
    expect(vml.match(/<x:Row>3<\/x:Row><x:Column>2<\/x:Column>/)).toBeTruthy();
    expect(vml.match(/_x0000_s1026/)).toBeTruthy();
    const again = await readSnapshots(out);
    expect(again[0].name).toBe(RICH_SHEET);
    expect(again[0].values[4][1]).toBe('Công bố danh mục A mã\u0007');
  });

  it('control characters and `_xHHHH_` in messages survive the report sheet', async () => {
    const original = richWorkbook();
    const book = await readWorkbookFile(original);
    const reports = book.sheets.map((s) => check(s, { asOf: '2024-06-15' }));
    reports[0].findings[0] = { ...reports[0].findings[0], message: { vi: 'Ô ghi «_x0041_\u0007» =SUM(A1)', en: 'x' } };
    const out = await annotateWorkbook(original, reports, { lang: 'vi', asOf: '2024-06-15' });
    const again = await readSnapshots(out);
    const report = again[again.length - 1];
    expect(report.values[4][5]).toBe('Ô ghi «_x0041_\u0007» =SUM(A1)');
    expect(report.formulas?.[4]?.[5] ?? null).toBeNull();
  });
});
