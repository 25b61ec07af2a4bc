/** Row numbering as Vietnamese documents write it: sections I., II.; items 1, 2; criteria 1.3.1; sub-items a), b), đ). */

export type Numbering =
  | { kind: 'roman'; value: number; label: string }
  | { kind: 'arabic'; parts: number[]; label: string }
  | { kind: 'letter'; letter: string; label: string };

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanValue(s: string): number | null {
  if (!/^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The Vietnamese alphabet as used for sub-items (no f, j, w, z). */
export const VN_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const LATIN = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** Letters that may follow `prev` (Vietnamese or Latin sequence). */
export function nextLetters(prev: string | null): string[] {
  if (prev === null) return ['a'];
  const out = new Set<string>();
  const v = VN_LETTERS.indexOf(prev);
  if (v >= 0 && v + 1 < VN_LETTERS.length) out.add(VN_LETTERS[v + 1]);
  const l = LATIN.indexOf(prev);
  if (l >= 0 && l + 1 < LATIN.length) out.add(LATIN[l + 1]);
  return [...out];
}

const intCache: Numbering[] = [];

/** Numbering written in the number column ("1", "1.3.1", "II", "a)") — the whole cell. Results are shared: do not mutate. */
export function parseNumberCell(value: unknown): Numbering | null {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0 && value < 100000) {
      if (value < 5000) return (intCache[value] ??= { kind: 'arabic', parts: [value], label: String(value) });
      return { kind: 'arabic', parts: [value], label: String(value) };
    }
    if (value > 0 && value < 1000) {
      const s = String(value);
      if (/^\d+\.\d+$/.test(s)) return { kind: 'arabic', parts: s.split('.').map(Number), label: s };
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t.length === 0 || t.length > 20) return null;
  let m = /^(\d{1,5}(?:\.\d{1,4})*)\.?$/.exec(t);
  if (m) return { kind: 'arabic', parts: m[1].split('.').map(Number), label: m[1] };
  // "1.3.1)": a criterion code closed by a parenthesis, as some criteria sheets write it ("1)" alone stays unread)
  m = /^(\d{1,5}(?:\.\d{1,4})+)\.?\)$/.exec(t);
  if (m) return { kind: 'arabic', parts: m[1].split('.').map(Number), label: m[1] };
  m = /^([IVXL]{1,7})\.?$/.exec(t);
  if (m) {
    const v = romanValue(m[1]);
    if (v) return { kind: 'roman', value: v, label: m[1] };
  }
  m = /^\(?([a-zđ])[).]$/.exec(t.normalize('NFC'));
  if (m) return { kind: 'letter', letter: m[1], label: m[1] + ')' };
  return null;
}

/** Numbering at the start of a title ("I. CẢI CÁCH THỂ CHẾ", "b) Ủy ban nhân dân huyện", "Phần II"). */
export function parseLeadingNumber(text: string): Numbering | null {
  const t = text.trimStart().normalize('NFC');
  let m = /^(?:phần|PHẦN|Phần)\s+([IVXL]{1,7})\b[.:\s-]*/.exec(t);
  if (m) {
    const v = romanValue(m[1]);
    if (v) return { kind: 'roman', value: v, label: m[1] };
  }
  m = /^([IVXL]{1,7})[.:/)]\s*\S/.exec(t) ?? /^([IVXL]{1,7})\s+-\s*\S/.exec(t);
  if (m) {
    const v = romanValue(m[1]);
    if (v) return { kind: 'roman', value: v, label: m[1] };
  }
  m = /^\(?([a-zđ])\)\s*\S/.exec(t) ?? /^([a-zđ])\.\s+\S/.exec(t);
  if (m) return { kind: 'letter', letter: m[1], label: m[1] + ')' };
  m = /^(\d{1,4}(?:\.\d{1,3})*)[.)]\s+\S/.exec(t);
  if (m) return { kind: 'arabic', parts: m[1].split('.').map(Number), label: m[1] };
  return null;
}
