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

export const fold: (text: string) => string = remembered(
  (text) =>
    text
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim(),
  200,
);

/** NFC with collapsed white space: for display and for messages. */
export const clean: (text: string) => string = remembered((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim(), 48);

/** Shortens long cell text for messages. */
export function excerpt(text: string, max = 60): string {
  // Only the head of a long text can show: normalise just that part (5 000-character cells stay cheap).
  const t = clean(text.length > max * 3 ? text.slice(0, max * 3) : text);
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}
