/** Text edits on a part (replace a span, insert at a point), applied in one pass; and text escaping for new XML. */
import { escapeText } from '../xml';

export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping edits (insertions at the same point keep the order they were given in). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (!edits.length) return source;
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error(`overlapping edits at ${e.from}`);
    out.push(source.slice(at, e.from), e.text);
    at = e.to;
  }
  out.push(source.slice(at));
  return out.join('');
}

/**
 * Text for a SpreadsheetML string (ST_Xstring): characters XML 1.0 cannot carry (control characters, lone
 * surrogates) written as Excel's own `_xHHHH_` escapes, and a literal `_xHHHH_` protected as `_x005F_xHHHH_`, so the
 * text reads back exactly as it was — then escaped for an element's content.
 */
export function xstring(s: string): string {
  let t = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeText(t);
}

/** `<t>` with xml:space="preserve" when the text has leading or trailing spaces or line ends. */
export function tElement(prefix: string, s: string): string {
  const keep = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${keep}>${xstring(s)}</${prefix}t>`;
}

/** The prefix ("x:" or "") of a qualified name. */
export function prefixOf(qname: string): string {
  const c = qname.indexOf(':');
  return c < 0 ? '' : qname.slice(0, c + 1);
}

/** A fresh id not in `taken`: base1, base2, … */
export function freshId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let i = 1; ; i++) if (!set.has(`${base}${i}`)) return `${base}${i}`;
}

/** A part name not in the package: "xl/worksheets/sheet" + n + ".xml" for the first free n. */
export function freshPart(prefix: string, suffix: string, exists: (name: string) => boolean): string {
  for (let i = 1; ; i++) if (!exists(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
}
