/**
 * Notes for the annotated copy, the way Excel stores them: the text in the sheet's comments part (legacy comments,
 * which also carry the placeholder of every threaded comment) and a shape per note in the sheet's VML drawing. New
 * notes are appended after the user's own, which stay exactly as they were; a cell that already has a note keeps it
 * and gets no second one (as in the add-in).
 */
import { columnLetter, parseA1 } from '../../core/snapshot';
import { escapeText, parseAttrs, tokenizeWith } from '../xml';
import { applyEdits, prefixOf, tElement, type Edit } from './edits';

export const NOTE_AUTHOR = 'Phuluc';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface Note {
  row: number;
  col: number;
  text: string;
}

/** The cells ("F61") that have a note in a comments part. */
export function commentRefs(xml: string): Set<string> {
  const out = new Set<string>();
  tokenizeWith(xml, () => ({
    wantText: false,
    open(name, raw) {
      if (name !== 'comment') return;
      const p = parseA1(parseAttrs(raw).ref ?? '');
      if (p) out.add(columnLetter(p.col) + p.row);
    },
    close() {},
    text() {},
  }));
  return out;
}

function commentXml(p: string, note: Note, authorId: number): string {
  // one run in Excel's own note font (Tahoma 9, which has every Vietnamese letter)
  const rPr = `<${p}rPr><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr>`;
  return `<${p}comment ref="${columnLetter(note.col)}${note.row}" authorId="${authorId}"><${p}text><${p}r>${rPr}${tElement(p, note.text)}</${p}r></${p}text></${p}comment>`;
}

/** The comments part with `notes` appended (a new part when `xml` is null). */
export function appendComments(xml: string | null, notes: readonly Note[]): string {
  if (xml === null) {
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors>` +
      `<commentList>${notes.map((n) => commentXml('', n, 0)).join('')}</commentList></comments>`
    );
  }
  let prefix = '';
  const authors: string[] = [];
  let authorsOpen: { start: number; end: number; self: boolean; qname: string } | null = null;
  let authorsClose = -1;
  let listOpen: { start: number; end: number; self: boolean; qname: string } | null = null;
  let listClose = -1;
  let rootClose = -1;
  tokenizeWith(xml, (tok) => {
    let depth = 0;
    let inAuthor = false;
    return {
      get wantText() {
        return inAuthor;
      },
      open(name, _raw, self) {
        if (depth === 0) prefix = prefixOf(tok.qname);
        else if (depth === 1 && name === 'authors') authorsOpen = { start: tok.tokenStart, end: tok.tokenEnd, self, qname: tok.qname };
        else if (depth === 1 && name === 'commentList') listOpen = { start: tok.tokenStart, end: tok.tokenEnd, self, qname: tok.qname };
        else if (depth === 2 && name === 'author') {
          authors.push('');
          inAuthor = !self;
        }
        if (!self) depth++;
      },
      close(name) {
        depth--;
        if (depth === 2 && name === 'author') inAuthor = false;
        else if (depth === 1 && name === 'authors') authorsClose = tok.tokenStart;
        else if (depth === 1 && name === 'commentList') listClose = tok.tokenStart;
        else if (depth === 0) rootClose = tok.tokenStart;
      },
      text(t) {
        authors[authors.length - 1] += t;
      },
    };
  });
  const p = prefix;
  const edits: Edit[] = [];
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    const a = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
    const open = authorsOpen as { start: number; end: number; self: boolean; qname: string } | null;
    if (open && !open.self) edits.push({ from: authorsClose, to: authorsClose, text: a });
    else if (open) edits.push({ from: open.start, to: open.end, text: `<${open.qname}>${a}</${open.qname}>` });
    else {
      const at = (listOpen as { start: number } | null)?.start ?? rootClose;
      edits.push({ from: at, to: at, text: `<${p}authors>${a}</${p}authors>` });
    }
  }
  const body = notes.map((n) => commentXml(p, n, authorId)).join('');
  const list = listOpen as { start: number; end: number; self: boolean; qname: string } | null;
  if (list && !list.self) edits.push({ from: listClose, to: listClose, text: body });
  else if (list) edits.push({ from: list.start, to: list.end, text: `<${list.qname}>${body}</${list.qname}>` });
  else edits.push({ from: rootClose, to: rootClose, text: `<${p}commentList>${body}</${p}commentList>` });
  return applyEdits(xml, edits);
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

function shapeXml(note: Note, id: number, declare: boolean): string {
  const r = note.row - 1;
  const c = note.col - 1;
  return (
    `<v:shape${declare ? ` ${VML_NS}` : ''} id="_x0000_s${id}" type="#_x0000_t202" ` +
    'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:72pt;z-index:1;visibility:hidden" ' +
    'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>' +
    '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 5}, 15, ${r + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** The numbers a VML drawing reserves for its shape ids (`<o:idmap data="1,2"/>`). */
export function vmlIdmaps(vml: string): number[] {
  const out: number[] = [];
  for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) for (const n of m[1].split(/[,\s]+/)) if (/^\d+$/.test(n)) out.push(Number(n));
  return out;
}

/**
 * The VML drawing with a hidden note shape per note. VML written by Excel is not always well-formed XML (old files
 * carry bare `<br>`), so it is edited as text: the shapes go before the closing `</xml>`.
 */
export function appendVml(vml: string | null, notes: readonly Note[], idmap: number): string {
  if (vml === null) {
    let id = idmap * 1024;
    return (
      `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}` +
      notes.map((n) => shapeXml(n, ++id, false)).join('') +
      '</xml>'
    );
  }
  const end = vml.search(/<\/xml>\s*$/i);
  if (end < 0) throw new Error('vml: no closing </xml>');
  let max = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const own = vmlIdmaps(vml);
  if (!max) max = (own[0] ?? idmap) * 1024;
  const head = vml.slice(0, vml.indexOf('>') + 1);
  const declare = !/xmlns:v=/.test(head) || !/xmlns:o=/.test(head) || !/xmlns:x=/.test(head);
  const type = /id\s*=\s*"_x0000_t202"/.test(vml) ? '' : SHAPETYPE.replace('<v:shapetype', declare ? `<v:shapetype ${VML_NS}` : '<v:shapetype');
  return applyEdits(vml, [{ from: end, to: end, text: type + notes.map((n) => shapeXml(n, ++max, declare)).join('') }]);
}
