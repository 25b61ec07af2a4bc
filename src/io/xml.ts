/**
 * A small streaming XML tokenizer for the parts of a workbook package: text is written in chunks as it is inflated,
 * start tags, end tags and text come out as they complete, and only the unfinished tail is kept between chunks (a
 * long token is gathered by doubling, so a hostile part cannot make it quadratic). Strict where it matters: tags must
 * nest, entities must be XML's own or numeric, and a DTD is refused (no entity expansion, ever).
 *
 * Names reach the handler without their namespace prefix ("x:c" → "c"): SpreadsheetML may be written with or without
 * one. Attributes come as their raw source; `parseAttrs` reads them when the handler needs them.
 */
import { corrupt } from './errors';

export interface XmlHandler {
  /** a start tag (`selfClosing`: `<c/>`, no close() follows) */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** text between tags, entities resolved, line ends normalised to "\n"; only called while `wantText` is true */
  text(text: string): void;
  /** asked before each text: false skips decoding it (whitespace between elements, text nobody reads) */
  wantText: boolean;
}

/** a token still unfinished when this much text is pending is gathered until the pending text doubles */
const GATHER_FROM = 64 * 1024;
/** the longest tag or text the tokenizer keeps (a cell holds at most 32 767 characters; a formula 8 192) */
export const MAX_TOKEN = 16 * 1024 * 1024;

export class XmlTokenizer {
  /** where the tag being reported starts and ends (absolute character offsets in the whole text written) */
  tokenStart = 0;
  tokenEnd = 0;
  /** the reported tag's name as written, with its prefix ("x:c") */
  qname = '';
  private buf = '';
  /** absolute offset of buf[0] */
  private base = 0;
  private pos = 0;
  private stash: string[] | null = null;
  private stashLen = 0;
  private need = 0;
  /** open elements: local names, and the names as written (an end tag must repeat them exactly) */
  private readonly stack: string[] = [];
  private readonly qnames: string[] = [];
  private root = false;

  constructor(private readonly h: XmlHandler) {}

  write(chunk: string): void {
    if (this.stash) {
      this.stash.push(chunk);
      this.stashLen += chunk.length;
      if (this.stashLen > MAX_TOKEN) throw corrupt(`xml: a tag or text longer than ${MAX_TOKEN} characters`);
      if (this.stashLen < this.need) return;
      chunk = this.stash.join('');
      this.stash = null;
    }
    this.base += this.pos;
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.parse(false);
    const rest = this.buf.length - this.pos;
    if (rest > GATHER_FROM) {
      this.stash = [this.buf.slice(this.pos)];
      this.stashLen = rest;
      this.need = rest * 2;
      this.base += this.pos;
      this.buf = '';
      this.pos = 0;
    }
  }

  end(): void {
    if (this.stash) {
      const all = this.stash.join('');
      this.stash = null;
      this.base += this.pos;
      this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + all : all;
      this.pos = 0;
    }
    this.parse(true);
    if (this.pos < this.buf.length) throw corrupt('xml: the part ends inside a tag');
    if (this.stack.length) throw corrupt(`xml: <${this.stack[this.stack.length - 1]}> is never closed`);
    if (!this.root) throw corrupt('xml: the part holds no element');
  }

  private parse(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    const h = this.h;
    let i = this.pos;
    while (i < n) {
      if (s.charCodeAt(i) !== 60 /* < */) {
        let lt = s.indexOf('<', i);
        if (lt < 0) {
          // text nobody reads is not kept waiting for its end (a part of blanks stays small in memory)
          if (!final && (h.wantText || !this.stack.length)) break;
          lt = n;
        }
        if (this.stack.length) {
          if (h.wantText) h.text(decodeText(s.slice(i, lt)));
        } else if (!isSpace(s, i, lt)) throw corrupt('xml: text outside the root element');
        i = lt;
        continue;
      }
      const c = s.charCodeAt(i + 1);
      if (c === 47 /* / */) {
        // the usual case without slicing: the end tag names the element on top of the stack
        const top = this.qnames[this.qnames.length - 1];
        let gt = -1;
        if (top !== undefined && s.startsWith(top, i + 2)) {
          let e = i + 2 + top.length;
          while (e < n && isSpaceCode(s.charCodeAt(e))) e++;
          if (e >= n) break;
          if (s.charCodeAt(e) === 62) gt = e;
        }
        if (gt < 0) {
          const end = s.indexOf('>', i + 2);
          if (end < 0) break;
          throw corrupt(`xml: </${s.slice(i + 2, end).trim()}> closes <${top ?? 'nothing'}>`);
        }
        this.qnames.pop();
        const name = this.stack.pop()!;
        this.tokenStart = this.base + i;
        this.tokenEnd = this.base + gt + 1;
        this.qname = top!;
        h.close(name);
        i = gt + 1;
      } else if (c === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const e = s.indexOf('-->', i + 4);
          if (e < 0) break;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const e = s.indexOf(']]>', i + 9);
          if (e < 0) break;
          if (h.wantText && this.stack.length) h.text(normaliseLines(s.slice(i + 9, e)));
          i = e + 3;
        } else if (n - i < 9 && !final) break;
        else throw corrupt('xml: a DTD or unknown declaration (not allowed in a workbook)');
      } else if (c === 63 /* ? */) {
        const e = s.indexOf('?>', i + 2);
        if (e < 0) break;
        i = e + 2;
      } else {
        // a start tag: find its ">" outside quoted attribute values
        let j = i + 1;
        let gt = -1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === 62 /* > */) {
            gt = j;
            break;
          }
          if (d === 34 /* " */ || d === 39 /* ' */) {
            const q = s.indexOf(d === 34 ? '"' : "'", j + 1);
            if (q < 0) {
              j = n;
              break;
            }
            j = q + 1;
          } else j++;
        }
        if (gt < 0) break;
        const self = s.charCodeAt(gt - 1) === 47; /* / */
        const end = self ? gt - 1 : gt;
        let k = i + 1;
        let colon = -1;
        while (k < end) {
          const d = s.charCodeAt(k);
          if (d === 32 || d === 10 || d === 13 || d === 9) break;
          if (d === 58 /* : */ && colon < 0) colon = k;
          k++;
        }
        if (k === i + 1) throw corrupt('xml: a tag without a name');
        if (!this.stack.length && this.root) throw corrupt('xml: a second root element');
        this.root = true;
        const qname = s.slice(i + 1, k);
        const name = colon < 0 ? qname : s.slice(colon + 1, k);
        if (!self) {
          this.stack.push(name);
          this.qnames.push(qname);
        }
        this.tokenStart = this.base + i;
        this.tokenEnd = this.base + gt + 1;
        this.qname = qname;
        h.open(name, k < end ? s.slice(k, end) : '', self);
        i = gt + 1;
      }
    }
    this.pos = i;
  }
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);|&/g;

function entity(m: string, body: string | undefined): string {
  if (body === undefined) throw corrupt('xml: a bare "&" or an unknown entity');
  switch (body) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw corrupt(`xml: character reference ${m} is not a character`);
  return String.fromCodePoint(code);
}

function normaliseLines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** Text content: entities resolved, "\r\n" and "\r" as "\n" (as every XML parser delivers it). */
export function decodeText(raw: string): string {
  const s = normaliseLines(raw);
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

/** An attribute value: entities resolved; literal tabs and line ends are spaces (XML attribute normalisation). */
export function decodeAttr(raw: string): string {
  const s = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every attribute of a start tag's raw source, by qualified name ("r", "r:id", "xml:space"), values decoded. */
export function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw))) out[m[1]] = decodeAttr(m[2] ?? m[3] ?? '');
  return out;
}

/** The value of the attribute whose local name is `local` and that carries a namespace prefix ("r:id", "x:id"). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) {
    const colon = k.indexOf(':');
    if (colon > 0 && k.slice(colon + 1) === local && k.slice(0, colon) !== 'xmlns') return attrs[k];
  }
  return undefined;
}

/** Tokenises a whole string (small parts: workbook, relationships, styles). */
export function tokenize(xml: string, h: XmlHandler): XmlTokenizer {
  const t = new XmlTokenizer(h);
  t.write(xml);
  t.end();
  return t;
}

/** Tokenises a whole string; the handler gets the tokenizer (for the offsets and prefixed names of the tags). */
export function tokenizeWith(xml: string, make: (t: XmlTokenizer) => XmlHandler): void {
  let handler: XmlHandler | null = null;
  const proxy: XmlHandler = {
    get wantText() {
      return handler!.wantText;
    },
    open: (n, a, s) => handler!.open(n, a, s),
    close: (n) => handler!.close(n),
    text: (t) => handler!.text(t),
  };
  const t = new XmlTokenizer(proxy);
  handler = make(t);
  t.write(xml);
  t.end();
}

/** Escapes text for an element's content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes text for a double-quoted attribute value (line ends and tabs as character references, so they survive). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
