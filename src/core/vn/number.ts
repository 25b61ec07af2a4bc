/**
 * Numbers as Vietnamese documents write them: "21.950" (dot thousands), "26.979,5" (decimal comma), but also
 * English-style "26,979.5" and plain machine decimals "0.8617". Parsing is exact (Dec) and never throws.
 */
import { Dec } from '../decimal';
import { fold } from './text';

export type NumberStyle = 'integer' | 'vn' | 'plain' | 'en';

/**
 * A unit written in the cell itself: "1.500 triệu" (exponent 6), "1.500đ", "1.234.568 ₫", "VNĐ" (exponent 0).
 * `value` stays the figure as written; the reader converts it to the column's unit (or reports it).
 */
export interface CellUnit {
  /** power of ten of one unit in đồng: 0 đồng, 3 nghìn, 6 triệu, 9 tỷ */
  exponent: number;
  /** the unit as written ("triệu", "tr.đ", "₫") */
  text: string;
}

export type ParsedNumber =
  | { ok: true; value: Dec; decimals: number; style: NumberStyle; ambiguous: boolean; unit?: CellUnit; accounting?: boolean }
  | { ok: false; reason: string };

/** Text amounts from 10^18 on are refused: no budget is that large, and every figure a report carries stays finite. */
export const MAX_MAGNITUDE = Dec.parse('1e18')!;

export type NumberHint = 'money' | 'score' | 'any';

/** White space used between digit groups: space, no-break, figure, thin, narrow no-break. */
const GROUP_SPACE = /[ \u00a0\u2007\u2009\u202f]+/;
/** Digits, separators and group spaces only: anything else means "not a number". */
const NUMBERISH = /^[0-9.,\u0020\u00a0\u2007\u2009\u202f]*$/;
const GROUP_FIRST = /^[0-9]{1,3}$/;
const GROUP_NEXT = /^[0-9]{3}$/;

function bad(reason: string): ParsedNumber {
  return { ok: false, reason };
}

function build(negative: boolean, intDigits: string, frac: string, style: NumberStyle, ambiguous: boolean): ParsedNumber {
  const value = Dec.parse(intDigits + (frac ? '.' + frac : ''));
  if (!value) return bad('malformed number');
  return { ok: true, value: negative ? value.neg() : value, decimals: frac.length, style, ambiguous };
}

/** "1.234.567" split on `sep`: first group 1–3 digits, the rest exactly 3. */
function validGroups(groups: string[]): boolean {
  if (!GROUP_FIRST.test(groups[0])) return false;
  for (let i = 1; i < groups.length; i++) if (!GROUP_NEXT.test(groups[i])) return false;
  return true;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/**
 * Reads a number written in a cell. null: not meant as a number (words, dates, percentages, empty);
 * {ok:false}: looks like a number but is malformed; {ok:true}: the exact value.
 */
export function parseNumber(text: string, hint: NumberHint = 'any'): ParsedNumber | null {
  try {
    return parseWithUnits(typeof text === 'string' ? text : String(text), hint);
  } catch {
    return null;
  }
}

const CURRENCY = '(?:₫|đồng|đ|vnđ|vnd)';
const SCALE_WORDS: [RegExp, number][] = [
  [/^(?:nghìn|ngàn)$/iu, 3],
  [/^(?:triệu|tr\.?)$/iu, 6],
  [/^(?:tỷ|tỉ)$/iu, 9],
];
/** "1.500 triệu đồng", "1.500tr.đ", "1.234.568 ₫", "1.500đ": figure, optional scale word, optional currency. */
const UNIT_SUFFIX = new RegExp(`^(.*?[0-9])\\s*(nghìn|ngàn|triệu|tr\\.?|tỷ|tỉ)?\\s*(${CURRENCY})?\\.?$`, 'iu');
const CURRENCY_PREFIX = new RegExp(`^(?:₫|vnđ|vnd)\\s*(.*)$`, 'iu');

function parseWithUnits(raw: string, hint: NumberHint): ParsedNumber | null {
  let s = raw.normalize('NFC').trim();
  // accounting negative: "(1.500)"
  let accounting = false;
  if (s.length > 2 && s[0] === '(' && s[s.length - 1] === ')') {
    const inner = s.slice(1, -1).trim();
    if (/^[+\-\u2212]/.test(inner)) return /[0-9]/.test(inner) ? bad('sign inside accounting parentheses') : null;
    accounting = true;
    s = inner;
  }
  let unit: CellUnit | undefined;
  const pre = CURRENCY_PREFIX.exec(s);
  if (pre && /[0-9]/.test(pre[1])) {
    unit = { exponent: 0, text: s.slice(0, s.length - pre[1].length).trim() };
    s = pre[1].trim();
  } else {
    const m = UNIT_SUFFIX.exec(s);
    if (m && (m[2] || m[3])) {
      const scale = m[2] ? SCALE_WORDS.find(([re]) => re.test(m[2]))![1] : 0;
      unit = { exponent: scale, text: s.slice(m[1].length).trim() };
      s = m[1];
    }
  }
  const p = parseNumberInner(s, hint);
  if (!p) return null;
  if (!p.ok) return p;
  if (p.value.abs().cmp(MAX_MAGNITUDE) >= 0) return bad('too large');
  const out: ParsedNumber = accounting ? { ...p, value: p.value.neg(), accounting: true } : p;
  if (accounting && p.value.sign() < 0) return bad('sign inside accounting parentheses');
  return unit ? { ...out, unit } : out;
}

function parseNumberInner(text: string, hint: NumberHint): ParsedNumber | null {
  let s = text.trim();
  if (s === '') return null;
  let negative = false;
  const first = s[0];
  if (first === '+' || first === '-' || first === '\u2212') {
    negative = first !== '+';
    s = s.slice(1);
    if (s.length > 0 && (s[0] === '+' || s[0] === '-' || s[0] === '\u2212')) {
      return /[0-9]/.test(s) && NUMBERISH.test(s.replace(/^[-+\u2212]+/, '')) ? bad('repeated sign') : null;
    }
  }
  if (!/[0-9]/.test(s) || !NUMBERISH.test(s)) return null;
  if (s !== s.trim()) return null; // "- 5": a dash, not a sign
  if (s[0] === '.' || s[0] === ',') return bad('missing integer part');
  const last = s[s.length - 1];
  if (last === '.' || last === ',') return bad('trailing separator');

  // Space-grouped: "21 950", "21 950,5"
  if (GROUP_SPACE.test(s)) {
    const groups = s.split(GROUP_SPACE);
    const tail = groups[groups.length - 1];
    const m = /^([0-9]+)(?:([.,])([0-9]+))?$/.exec(tail);
    if (!m) return bad('malformed digit groups');
    groups[groups.length - 1] = m[1];
    if (!validGroups(groups)) return bad('digit groups must have 3 digits');
    const frac = m[3] ?? '';
    return build(negative, groups.join(''), frac, m[2] === '.' ? 'en' : 'vn', false);
  }

  const dots = count(s, '.');
  const commas = count(s, ',');
  if (/[.,]{2}/.test(s)) return bad('repeated separator');

  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    const decSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decSep === '.' ? ',' : '.';
    if (count(s, decSep) !== 1) return bad('several decimal separators');
    const at = s.indexOf(decSep);
    const intPart = s.slice(0, at);
    const frac = s.slice(at + 1);
    if (frac.includes(groupSep)) return bad('separator after the decimal point');
    if (!validGroups(intPart.split(groupSep))) return bad('digit groups must have 3 digits');
    return build(negative, intPart.split(groupSep).join(''), frac, decSep === ',' ? 'vn' : 'en', false);
  }

  if (commas > 0) {
    const parts = s.split(',');
    if (parts.length === 2) {
      // Vietnamese decimal comma; "1,234" could also be English thousands
      const ambiguous = /^[1-9][0-9]{0,2}$/.test(parts[0]) && parts[1].length === 3;
      return build(negative, parts[0], parts[1], 'vn', ambiguous);
    }
    if (!validGroups(parts)) return bad('digit groups must have 3 digits');
    return build(negative, parts.join(''), '', 'en', false);
  }

  if (dots > 0) {
    const parts = s.split('.');
    if (parts.length === 2) {
      if (/^[1-9][0-9]{0,2}$/.test(parts[0]) && parts[1].length === 3) {
        // "21.950": thousands in Vietnamese, but a score "1.500" is 1.5
        if (hint === 'score') return build(negative, parts[0], parts[1], 'plain', true);
        return build(negative, parts[0] + parts[1], '', 'vn', true);
      }
      return build(negative, parts[0], parts[1], 'plain', false);
    }
    if (!validGroups(parts)) return bad('digit groups must have 3 digits');
    return build(negative, parts.join(''), '', 'vn', false);
  }

  return build(negative, s, '', 'integer', false);
}

/** Whole numbers below this are formatted once per notation (amounts, counts: the same few thousand values recur). */
const SMALL_FORMATTED = 100000;
const SMALL_FORMATTED_N = BigInt(SMALL_FORMATTED);
const ZERO_N = BigInt(0);
const smallFormatted: Record<string, string[]> = { '.': [], ',': [] };

function format(value: Dec, decimals: number | undefined, groupSep: string, decSep: string): string {
  if (value.decimals === 0 && (decimals === undefined || decimals === 0) && value.units >= ZERO_N && value.units < SMALL_FORMATTED_N) {
    const memo = smallFormatted[groupSep];
    if (memo) {
      const n = Number(value.units);
      return (memo[n] ??= formatPlaces(value, decimals, groupSep, decSep));
    }
  }
  return formatPlaces(value, decimals, groupSep, decSep);
}

function formatPlaces(value: Dec, decimals: number | undefined, groupSep: string, decSep: string): string {
  let v = value;
  let places = v.decimals;
  if (decimals !== undefined && Number.isFinite(decimals)) {
    places = Math.max(0, Math.floor(decimals));
    v = v.round(places);
  }
  const { negative, integer, fraction } = v.parts();
  let grouped = '';
  for (let i = integer.length; i > 0; i -= 3) {
    const chunk = integer.slice(Math.max(0, i - 3), i);
    grouped = grouped ? chunk + groupSep + grouped : chunk;
  }
  const frac = fraction.padEnd(places, '0');
  return (negative ? '-' : '') + grouped + (frac ? decSep + frac : '');
}

/** Vietnamese display: 21950 → "21.950", 26979.5 → "26.979,5"; `decimals` pads or rounds (half away from zero). */
export function formatNumber(value: Dec, decimals?: number): string {
  return format(value, decimals, '.', ',');
}

/** English display: 21950 → "21,950", 65.65 → "65.65". */
export function formatNumberEn(value: Dec, decimals?: number): string {
  return format(value, decimals, ',', '.');
}

export interface MoneyUnit {
  label: 'đồng' | 'nghìn đồng' | 'triệu đồng' | 'tỷ đồng';
  /** one unit in đồng */
  factor: Dec;
}

const B = '(?<![a-z0-9])';
const E = '(?![a-z0-9])';
const DONG = '(?:dong|d|vnd)';
const UNIT_PATTERNS: { label: MoneyUnit['label']; factor: Dec; re: RegExp }[] = [
  {
    label: 'tỷ đồng',
    factor: Dec.of(BigInt('1000000000')),
    re: new RegExp(`${B}(?:(?:ty|ti) ?${DONG}|1[.,]?000[.,]?000[.,]?000 ?${DONG}|\\( ?(?:ty|ti) ?\\))${E}`),
  },
  {
    label: 'triệu đồng',
    factor: Dec.of(BigInt('1000000')),
    re: new RegExp(`${B}(?:(?:trieu|tr\\.?) ?${DONG}|1[.,]?000[.,]?000 ?${DONG}|\\( ?trieu ?\\))${E}`),
  },
  {
    label: 'nghìn đồng',
    factor: Dec.of(BigInt('1000')),
    re: new RegExp(`${B}(?:(?:nghin|ngan) ?${DONG}|1[.,]?000 ?${DONG}|\\( ?(?:nghin|ngan) ?\\))${E}`),
  },
  {
    label: 'đồng',
    factor: Dec.of(BigInt(1)),
    // bare "đồng" only in a unit position: "hợp đồng", "hoạt động" are ordinary words
    re: new RegExp(`${B}(?:\\( ?${DONG} ?\\)|(?:don vi(?: tinh)?|dvt) ?[:.]? ?${DONG}|vnd)${E}`),
  },
];

/** The money unit named in a column header ("Kinh phí (triệu đồng)" → triệu đồng); null when none is named. */
export function parseMoneyUnit(header: string): MoneyUnit | null {
  try {
    const f = fold(typeof header === 'string' ? header : '');
    if (!f) return null;
    let best: { unit: MoneyUnit; at: number } | null = null;
    for (const p of UNIT_PATTERNS) {
      const m = p.re.exec(f);
      if (m && (!best || m.index < best.at)) best = { unit: { label: p.label, factor: p.factor }, at: m.index };
    }
    return best ? best.unit : null;
  } catch {
    return null;
  }
}
