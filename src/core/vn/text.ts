/**
 * Vietnamese text helpers. `fold` is the key for every synonym match: it ignores case, diacritics (so the old
 * and new tone placements "hòa"/"hoà" meet), đ/d, line breaks and runs of spaces.
 */
const COMBINING = /[\u0300-\u036f]/g;
const MEMO_MAX = 20000;

/**
 * Sheets repeat the same short texts (agencies, statuses, deadlines) thousands of times: remember the results for
 * texts up to `maxLength` characters (longer ones are mostly unique and are computed each time).
 */
function remembered(fn: (text: string) => string, maxLength: number): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (text.length > maxLength) return fn(text);
    let r = memo.get(text);
    if (r === undefined) {
      r = fn(text);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(text, r);
    }
    return r;
  };
}

/** Whether a UTF-16 code unit is white space to `\s` (and to String.prototype.trim). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * `text.replace(/\s+/g, ' ').trim()`, without the copy when there is nothing to change (no white space but single
 * spaces between words — most cells).
 */
export function collapseSpaces(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 32) return text.replace(/\s+/g, ' ').trim();
    } else if (c < 32 ? c >= 9 && c <= 13 : c >= 0xa0 && isSpaceCode(c)) return text.replace(/\s+/g, ' ').trim();
  }
  return text;
}

/**
 * The first character after the leading white space and the characters of `skip` — what a pattern ^[\s<skip>]* leaves
 * next — as a character code; -1 when there is none. A cheap first test for the per-row recognisers.
 */
export function leadCode(text: string, skip: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && skip.indexOf(text[i]) < 0) return c;
  }
  return -1;
}

export const fold: (text: string) => string = remembered(
  (text) =>
    collapseSpaces(
      text
        .normalize('NFD')
        .replace(COMBINING, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase(),
    ),
  200,
);

/** NFC with collapsed white space: for display and for messages. */
export const clean: (text: string) => string = remembered((text) => collapseSpaces(text.normalize('NFC')), 48);

/**
 * Shortens long cell text for messages, quotes and notes: at most `max` characters, ending with "…" when cut. The cut
 * falls at a word boundary ("… tổ chức cán bộ…", never "… của c…") unless the last word would take more than half of
 * what is kept (one long word, a URL): then the word itself is cut. Punctuation left dangling at the cut goes too.
 * The one helper every message, the CLI, the pane and the report sheets use to quote a cell.
 */
export function excerpt(text: string, max = 60): string {
  // Only the head of a long text can show: normalise just that part (5 000-character cells stay cheap).
  const t = clean(text.length > max * 3 ? text.slice(0, max * 3) : text);
  return t.length <= max ? t : cutAtWord(t, max);
}

const DANGLING = ',;:–—-';

/** `text` cut to at most `max` characters including the final "…", at a word boundary where one is near. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(1, max - 1);
  let head = text.slice(0, room);
  // the character after the cut: a space means the cut already falls between words
  if (text[room] !== ' ' && text[room] !== undefined) {
    const space = head.lastIndexOf(' ');
    if (space >= room / 2) head = head.slice(0, space);
  }
  // punctuation and spaces left at the end go (/[\s,;:–—-]+$/u, without a regex: a cut is made for thousands of cells)
  let end = head.length;
  while (end > 0 && (isSpaceCode(head.charCodeAt(end - 1)) || DANGLING.indexOf(head[end - 1]) >= 0)) end--;
  head = head.slice(0, end);
  return (head || text.slice(0, room)) + '…';
}
