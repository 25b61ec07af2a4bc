/**
 * Vietnamese text helpers. `fold` is the key for every synonym match: it ignores case, diacritics (so the old
 * and new tone placements "hòa"/"hoà" meet), đ/d, line breaks and runs of spaces.
 */
const COMBINING = /[\u0300-\u036f]/g;

const foldMemo = new Map<string, string>();
const MEMO_MAX = 20000;

export function fold(text: string): string {
  // Sheets repeat the same short texts (agencies, statuses, deadlines) thousands of times: remember them.
  if (text.length > 200) return foldUncached(text);
  let f = foldMemo.get(text);
  if (f === undefined) {
    f = foldUncached(text);
    if (foldMemo.size >= MEMO_MAX) foldMemo.clear();
    foldMemo.set(text, f);
  }
  return f;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const cleanMemo = new Map<string, string>();

/** NFC with collapsed white space: for display and for messages. Short texts (deadlines, agencies) are remembered. */
export function clean(text: string): string {
  if (text.length > 48) return cleanUncached(text);
  let c = cleanMemo.get(text);
  if (c === undefined) {
    c = cleanUncached(text);
    if (cleanMemo.size >= MEMO_MAX) cleanMemo.clear();
    cleanMemo.set(text, c);
  }
  return c;
}

function cleanUncached(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Shortens long cell text for messages. */
export function excerpt(text: string, max = 60): string {
  // Only the head of a long text can show: normalise just that part (5 000-character cells stay cheap).
  const t = clean(text.length > max * 3 ? text.slice(0, max * 3) : text);
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}
